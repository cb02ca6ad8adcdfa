"""Pantau: warehouse side (settings, demo data, ingest, dbt runner, publish, CLI)."""
