"""One settings object that resolves every path and setting once.

Everything runtime lives under the data directory (git-ignored). Override with environment
variables: PANTAU_DATA_DIR (data root), PANTAU_PROJECT_DIR (the dbt project; tests only), PANTAU_PSEUDONYM_KEY (hashing key for NIK/KK),
PANTAU_OWN_REGION (Kemendagri code of the own kab/kota).
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    project_dir: Path
    data_dir: Path
    own_region: str = "35.75"

    @property
    def seeds_dir(self) -> Path:
        return self.project_dir / "seeds"

    @property
    def inbox_dir(self) -> Path:
        return self.data_dir / "inbox"

    def inbox(self, kind: str) -> Path:
        return self.inbox_dir / kind

    @property
    def work_dir(self) -> Path:
        return self.data_dir / "work"

    @property
    def working_db(self) -> Path:
        return self.work_dir / "pantau_work.duckdb"

    @property
    def build_db(self) -> Path:
        return self.work_dir / "pantau_build.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.data_dir / "published"

    @property
    def published_db(self) -> Path:
        return self.published_dir / "pantau.duckdb"

    @property
    def versions_dir(self) -> Path:
        return self.published_dir / "versions"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def dbt_target_dir(self) -> Path:
        return self.data_dir / "dbt_target"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "secrets" / "pseudonym.key"

    def pseudonym_key(self) -> str:
        """The key for hashing NIK/KK: from the environment, else a file made at first use."""
        from_env = os.environ.get("PANTAU_PSEUDONYM_KEY")
        if from_env:
            return from_env
        if not self.key_file.exists():
            self.key_file.parent.mkdir(parents=True, exist_ok=True)
            self.key_file.write_text(secrets.token_hex(32))
            self.key_file.chmod(0o600)
        return self.key_file.read_text().strip()

    def ensure_dirs(self) -> None:
        for kind in ("dtks", "assessments", "aggregates"):
            self.inbox(kind).mkdir(parents=True, exist_ok=True)
        for path in (self.work_dir, self.published_dir, self.versions_dir, self.logs_dir):
            path.mkdir(parents=True, exist_ok=True)


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("PANTAU_DATA_DIR", PROJECT_DIR / "data")).resolve()
    return Settings(
        project_dir=Path(os.environ.get("PANTAU_PROJECT_DIR", PROJECT_DIR)).resolve(),
        data_dir=data_dir,
        own_region=os.environ.get("PANTAU_OWN_REGION", "35.75"),
    )
