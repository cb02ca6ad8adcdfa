"""Check a baseline's parquet against Pantau's marts: same rows, same persons, entries and exits.

    python -m warehouse.bench.baselines.compare <baseline.parquet> <published pantau.duckdb>
"""
from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

SHOWN_DIFFERENCES = 10


@dataclass
class CompareResult:
    equal: bool
    rows_baseline: int
    rows_marts: int
    differences: int
    first_differences: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _marts_schema(con: duckdb.DuckDBPyConnection) -> str:
    """The build database keeps the marts in schema marts; the published file has them in main."""
    schemas = {row[0] for row in con.execute(
        "select schema_name from duckdb_tables() where table_name = 'register_flows_monthly'"
    ).fetchall()}
    for schema in ("marts", "main"):
        if schema in schemas:
            return schema
    raise LookupError("register_flows_monthly not found in the published database")


def compare(output: Path, published_db: Path) -> CompareResult:
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        con.execute("set enable_progress_bar = false")
        schema = _marts_schema(con)
        con.execute(f"""
            create temp table marts_counts as
            select size.period_month, size.area_code as kelurahan_code, size.persons,
                   flows.persons_entries as entries, flows.persons_exits as exits
            from {schema}.register_size_monthly as size
            inner join {schema}.register_flows_monthly as flows
                using (period_month, area_code, area_level, programme_code)
            where size.area_level = 'kelurahan' and size.programme_code = 'SEMUA'
                -- the marts have a zero row for every kelurahan and month; the baselines do not
                and (size.persons > 0 or flows.persons_entries > 0 or flows.persons_exits > 0)
        """)
        con.execute("create temp table baseline_counts as select * from read_parquet(?)",
                    [str(output)])
        con.execute("""
            create temp table differences as
            select coalesce(b.period_month, m.period_month) as period_month,
                   coalesce(b.kelurahan_code, m.kelurahan_code) as kelurahan_code,
                   b.persons as b_persons, b.entries as b_entries, b.exits as b_exits,
                   m.persons as m_persons, m.entries as m_entries, m.exits as m_exits
            from baseline_counts as b
            full outer join marts_counts as m
                on m.period_month = b.period_month and m.kelurahan_code = b.kelurahan_code
            -- a row missing on one side has NULLs there, so it is a difference too
            where b.persons is distinct from m.persons
                or b.entries is distinct from m.entries
                or b.exits is distinct from m.exits
        """)
        rows_baseline = con.execute("select count(*) from baseline_counts").fetchone()[0]
        rows_marts = con.execute("select count(*) from marts_counts").fetchone()[0]
        differences = con.execute("select count(*) from differences").fetchone()[0]
        shown = con.execute(f"""
            select period_month, kelurahan_code, b_persons, b_entries, b_exits,
                   m_persons, m_entries, m_exits
            from differences
            order by period_month, kelurahan_code
            limit {SHOWN_DIFFERENCES}
        """).fetchall()
    finally:
        con.close()
    first = [f"{month} {code}: baseline persons/entries/exits {bp}/{be}/{bx}, marts {mp}/{me}/{mx}"
             for month, code, bp, be, bx, mp, me, mx in shown]
    return CompareResult(differences == 0, rows_baseline, rows_marts, differences, first)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    result = compare(Path(argv[0]), Path(argv[1]))
    print(f"{'equal' if result.equal else 'DIFFERENT'}: {result.rows_baseline} baseline rows, "
          f"{result.rows_marts} mart rows, {result.differences} differences")
    for line in result.first_differences:
        print("  " + line)
    return 0 if result.equal else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
