"""Independent baselines for the benchmark: the register's monthly stock, entries and exits per
kelurahan computed straight from the DTKS extract files (no dbt, ledger or publish), once in
hand-written DuckDB SQL and once in plain pandas, plus a check that both equal Pantau's marts."""
