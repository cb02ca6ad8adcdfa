"""Reading the published warehouse from your own Python: SQLAlchemy (duckdb-engine) + pandas.

    .venv/bin/python examples/analyst_sqlalchemy.py data/published/pantau.duckdb

Open read-only, one connection per piece of work, and close it: a refresh replaces the file,
and a connection kept open would keep reading the old version.
"""
from __future__ import annotations

import sys

import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool


def register_trend(path: str) -> pd.DataFrame:
    engine = create_engine(f"duckdb:///{path}", poolclass=NullPool, connect_args={"read_only": True})
    try:
        with engine.connect() as connection:
            return pd.read_sql(text("""
                select period_month, persons
                from register_size_monthly
                where area_level = 'kabkota' and programme_code = 'SEMUA'
                order by period_month
            """), connection)
    finally:
        engine.dispose()


if __name__ == "__main__":
    trend = register_trend(sys.argv[1] if len(sys.argv) > 1 else "data/published/pantau.duckdb")
    peak = trend.loc[trend["persons"].idxmax()]
    latest = trend.iloc[-1]
    print(f"puncak {peak['period_month']:%Y-%m} {peak['persons']}; terakhir {latest['period_month']:%Y-%m} "
          f"{latest['persons']}")
