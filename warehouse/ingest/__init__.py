"""Ingestion: every source row is loaded to raw.* or quarantined with its reason."""
from .loader import IngestError, IngestResult, ingest_file, ingest_inbox

__all__ = ["IngestError", "IngestResult", "ingest_file", "ingest_inbox"]
