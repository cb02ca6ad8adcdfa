"""Analysts' ad-hoc SQL against the published marts, and nothing else.

Three layers, each enough on its own for the usual escapes:
1. the connection: read-only, external access off (no files, no ATTACH, no INSTALL/LOAD, no
   COPY TO), extensions never auto-loaded, and the configuration locked (no SET/RESET after);
2. the statement: exactly one SELECT (DuckDB's own parser says which kind it is);
3. the query tree (DuckDB's json_serialize_sql): tables only among the published marts (or the
   query's own CTEs), no table functions but range/generate_series/unnest, no introspection
   functions (duckdb_*, pragma_*).
Each query runs with a time limit (the connection is interrupted) and a row limit.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

TIME_LIMIT_SECONDS = 10.0
ROW_LIMIT = 5000
MAX_QUERY_CHARS = 20_000
CONFIG = {"access_mode": "READ_ONLY", "enable_external_access": False, "autoinstall_known_extensions": False,
          "autoload_known_extensions": False, "memory_limit": "2GB", "threads": 2, "lock_configuration": True}
SAFE_TABLE_FUNCTIONS = {"range", "generate_series", "unnest"}  # generate rows, read nothing
DENIED_FUNCTIONS = re.compile(
    r"^(duckdb_|pragma_|current_setting$|getenv$|read_|glob$|sniff_csv$|query$|query_table$|"
    r"parquet_|iceberg_|delta_|json_serialize|system$|which_secret$|load_|install_)", re.IGNORECASE)


class QueryRejected(Exception):
    """The query is not allowed or failed; the message says why, in Bahasa Indonesia."""


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    truncated: bool  # more rows than ROW_LIMIT; only the first ROW_LIMIT are returned


def connect(published: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(published), read_only=True, config=dict(CONFIG))


def mart_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'main' and not internal").fetchall()}


def _walk(node, found: dict) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "BASE_TABLE":
            found["tables"].append((node.get("catalog_name") or "", node.get("schema_name") or "",
                                    node.get("table_name") or ""))
        elif kind == "TABLE_FUNCTION":
            found["table_functions"].append(node.get("function", {}).get("function_name", "?"))
        if "function_name" in node and kind != "TABLE_FUNCTION":
            found["functions"].append(node["function_name"])
        if "cte_map" in node:
            found["ctes"].update(entry.get("key", "").lower() for entry in node["cte_map"].get("map", []))
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, list):
        for value in node:
            _walk(value, found)


def check(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The query, stripped, if it is one SELECT over the marts; else QueryRejected."""
    sql = (sql or "").strip().rstrip(";").strip()
    if not sql:
        raise QueryRejected("Kueri kosong: tulis satu pernyataan SELECT.")
    if len(sql) > MAX_QUERY_CHARS:
        raise QueryRejected(f"Kueri terlalu panjang (lebih dari {MAX_QUERY_CHARS:,} karakter).")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryRejected(f"SQL tidak dapat diurai: {str(error).splitlines()[0]}") from None
    if len(statements) != 1:
        raise QueryRejected("Hanya satu pernyataan per kueri (tanpa ';' di antaranya).")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryRejected(f"Hanya SELECT yang diizinkan; ini pernyataan {kind.name}. Gudang data hanya-baca.")
    tree = json.loads(con.execute("select json_serialize_sql(?)", [sql]).fetchone()[0])
    if tree.get("error"):
        raise QueryRejected(f"SQL tidak dapat diurai: {tree.get('error_message', '')}")
    found = {"tables": [], "table_functions": [], "functions": [], "ctes": set()}
    _walk(tree, found)
    table_functions = {f.lower() for f in found["table_functions"]} - SAFE_TABLE_FUNCTIONS
    if table_functions:
        raise QueryRejected(f"Fungsi tabel tidak diizinkan ({', '.join(sorted(table_functions))}): "
                            "kueri hanya boleh membaca tabel gudang data.")
    allowed = {name.lower() for name in mart_names(con)}
    for catalog, schema, table in found["tables"]:
        if (catalog or schema not in ("", "main")) or (table.lower() not in allowed | found["ctes"]):
            shown = ".".join(p for p in (catalog, schema, table) if p)
            raise QueryRejected(f"Tabel '{shown}' tidak tersedia. Tabel yang boleh dibaca: lihat kamus data.")
    denied = sorted({f for f in found["functions"] if DENIED_FUNCTIONS.match(f)})
    if denied:
        raise QueryRejected(f"Fungsi tidak diizinkan: {', '.join(denied)}.")
    return sql


def run(published: Path, sql: str, time_limit: float = TIME_LIMIT_SECONDS, row_limit: int = ROW_LIMIT) -> QueryResult:
    con = connect(published)
    timer = threading.Timer(time_limit, con.interrupt)
    try:
        query = check(con, sql)
        timer.start()
        try:
            frame = con.execute(f"select * from ({query}) as hasil limit {row_limit + 1}").df()
        except duckdb.InterruptException:
            raise QueryRejected(f"Waktu habis: kueri dihentikan setelah {time_limit:g} detik. Persempit "
                                "kueri (WHERE, GROUP BY) atau batasi barisnya.") from None
        except duckdb.Error as error:
            raise QueryRejected(f"Kueri gagal: {str(error).splitlines()[0]}") from None
        return QueryResult(frame.head(row_limit), len(frame) > row_limit)
    finally:
        timer.cancel()
        con.close()
