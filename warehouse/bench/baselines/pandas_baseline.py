"""pandas baseline: the register's stock and flows per kelurahan, as an analyst would write it.

    python -m warehouse.bench.baselines.pandas_baseline <inbox_dtks_dir> <seeds_dir> <output.parquet>

Each extract (one month) is read as text, filtered with Pantau's quarantine rules, de-duplicated
and reduced to one row per person on its own, so all months together hold only three columns.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb
import pandas as pd

from . import command_line

COLUMNS = ["id_dtks", "provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan", "alamat",
           "dusun", "rt", "rw", "nomor_kk", "nomor_nik", "nama", "tanggal_lahir", "tempat_lahir",
           "jenis_kelamin", "nama_ibu_kandung", "hubungan_keluarga", "pkh", "bpnt", "pbi_jk",
           "status_padan"]
OWN_REGION = "3575"  # the marts report on Kota Pasuruan (35.75) only
MONTH_IN_NAME = re.compile(r"_(\d{4}-\d{2})\.txt$")
# NIK digits 7-8 and 9-10 once the NIK is known to be 16 digits; women's day of birth is + 40
BIRTH_DAYS = {f"{day:02d}" for day in [*range(1, 32), *range(41, 72)]}
BIRTH_MONTHS = {f"{month:02d}" for month in range(1, 13)}


def _is_personal_number(values: pd.Series, provinces: set[str]) -> pd.Series:
    """16 digits with a known province; this also rules out empty values and 3.57504E+15."""
    return values.str.fullmatch(r"[0-9]{16}") & values.str[:2].isin(provinces)


def _valid(rows: pd.DataFrame, provinces: set[str], kelurahan_codes: set[str]) -> pd.Series:
    """True for rows that pass every quarantine rule of Pantau's REGISTER spec."""
    nik = rows["nomor_nik"]
    # DuckDB's trim() strips spaces only, so strip(" ") rather than strip()
    birth_date = pd.to_datetime(rows["tanggal_lahir"].str.strip(" "), format="%Y-%m-%d",
                                errors="coerce")
    return (
        (rows["id_dtks"].str.strip(" ") != "")
        & _is_personal_number(nik, provinces)
        & nik.str[6:8].isin(BIRTH_DAYS)
        & nik.str[8:10].isin(BIRTH_MONTHS)
        & _is_personal_number(rows["nomor_kk"], provinces)
        & rows["desa_kelurahan"].str.replace(".", "", regex=False).isin(kelurahan_codes)
        & birth_date.notna()
    )


def read_month(path: Path, provinces: set[str], kelurahan_codes: set[str]) -> pd.DataFrame:
    """The people of one monthly file: period_month, nik, kelurahan (undotted digits).

    A person under several register IDs counts once, in the kelurahan of the lowest ID."""
    rows = pd.read_csv(path, sep="|", quotechar='"', dtype=str, keep_default_na=False, header=0,
                       names=COLUMNS, index_col=False, on_bad_lines="skip", encoding="utf-8")
    rows = rows.dropna()  # a line with too few fields (padded with NaN): DuckDB rejects it too
    rows = rows[_valid(rows, provinces, kelurahan_codes)].drop_duplicates()
    rows = rows[["nomor_nik", "id_dtks", "desa_kelurahan"]]
    people = rows.sort_values("id_dtks", kind="stable").drop_duplicates("nomor_nik", keep="first")
    return pd.DataFrame({
        "period_month": pd.Timestamp(MONTH_IN_NAME.search(path.name).group(1) + "-01"),
        "nik": people["nomor_nik"],
        "kelurahan": people["desa_kelurahan"].str.replace(".", "", regex=False),
    })


def compute(inbox_dtks_dir: Path, seeds_dir: Path) -> pd.DataFrame:
    provinces = set(pd.read_csv(seeds_dir / "ref_provinsi.csv", dtype=str)["kode_provinsi"])
    wilayah = pd.read_csv(seeds_dir / "ref_wilayah.csv", dtype=str)
    kelurahan_codes = set(wilayah.loc[wilayah["level"] == "desa_kelurahan", "kode_kemendagri"]
                          .str.replace(".", "", regex=False))

    files = sorted(path for path in inbox_dtks_dir.glob("*.txt") if MONTH_IN_NAME.search(path.name))
    people = pd.concat([read_month(path, provinces, kelurahan_codes) for path in files], ignore_index=True)

    # loaded months in order: flows compare a month with the previous *loaded* month
    months = sorted(people["period_month"].unique())
    index_of_month = {month: index for index, month in enumerate(months, start=1)}
    month_of_index = {index: month for month, index in index_of_month.items()}
    people["period_index"] = people["period_month"].map(index_of_month)

    stock = people.groupby(["period_month", "kelurahan"]).size().rename("persons")

    # each person's kelurahan in month i next to their kelurahan in month i-1 (NaN = absent)
    now = people[["nik", "period_index", "kelurahan"]]
    before = now.assign(period_index=now["period_index"] + 1)
    transitions = now.merge(before, on=["nik", "period_index"], how="outer",
                            suffixes=("_now", "_before"))
    # month 1 has nothing to compare with; index n+1 (after the last month) is not a loaded month
    moves = transitions[transitions["period_index"].between(2, len(months))
                        & (transitions["kelurahan_now"] != transitions["kelurahan_before"])]
    moves = moves.assign(period_month=moves["period_index"].map(month_of_index))
    entries = (moves.dropna(subset=["kelurahan_now"])
               .groupby(["period_month", "kelurahan_now"]).size().rename("entries"))
    exits = (moves.dropna(subset=["kelurahan_before"])
             .groupby(["period_month", "kelurahan_before"]).size().rename("exits"))
    entries.index.names = exits.index.names = stock.index.names

    counts = pd.concat([stock, entries, exits], axis=1).fillna(0).astype("int64").reset_index()
    counts = counts[counts["kelurahan"].str.startswith(OWN_REGION)]
    # dotted form, once per output row: 3575041013 -> 35.75.04.1013
    digits = counts.pop("kelurahan")
    dotted = digits.str[0:2] + "." + digits.str[2:4] + "." + digits.str[4:6] + "." + digits.str[6:10]
    counts.insert(1, "kelurahan_code", dotted)
    return counts.sort_values(["period_month", "kelurahan_code"], ignore_index=True)


def write_parquet(counts: pd.DataFrame, output: Path) -> None:
    """Via DuckDB: pyarrow is not among Pantau's dependencies, and this fixes the column types."""
    con = duckdb.connect()
    try:
        con.register("counts", counts)
        con.execute(f"""
            copy (
                select cast(period_month as date) as period_month,
                       cast(kelurahan_code as varchar) as kelurahan_code,
                       cast(persons as bigint) as persons,
                       cast(entries as bigint) as entries,
                       cast(exits as bigint) as exits
                from counts
            ) to '{str(output).replace("'", "''")}' (format parquet)
        """)
    finally:
        con.close()


def run(inbox_dtks_dir: Path, seeds_dir: Path, output: Path) -> None:
    write_parquet(compute(inbox_dtks_dir, seeds_dir), output)


def main(argv: list[str]) -> int:
    return command_line(run, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
