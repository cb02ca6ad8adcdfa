"""The README's ways in for analysts work on the published file: the SQLAlchemy + pandas example
and plain DuckDB, both read-only."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest
from conftest import PROJECT_DIR

pytestmark = pytest.mark.pipeline


def test_the_sqlalchemy_example_reads_the_published_warehouse(published_db):
    completed = subprocess.run([sys.executable, str(PROJECT_DIR / "examples" / "analyst_sqlalchemy.py"),
                                str(published_db)], capture_output=True, text=True, check=True)
    assert "terakhir 2024-11 59521" in completed.stdout
    assert "puncak 2022-10" in completed.stdout


def test_a_read_only_duckdb_connection_cannot_write(published_db):
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        assert con.execute("select count(*) from ops.data_dictionary where column_name is null").fetchone()[0] >= 15
        with pytest.raises(duckdb.Error):
            con.execute("create table coba as select 1")
    finally:
        con.close()
