"""Dashboard users: name, role and an argon2id password hash, in data/secrets/users.json
(mode 600, git-ignored). Managed with `pantau users add|remove|list`."""
from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = {
    "kepala": "Kepala Dinas/Kabid: semua dasbor",
    "analis": "analis: dasbor, Kueri SQL dan unduhan tabel rinci",
    "admin": "admin: semua, ditambah pengguna dan menjalankan refresh",
    "tamu": "tamu (dinas yang berkunjung): halaman agregat saja, angka di bawah 10 disamarkan",
}
_HASHER = PasswordHasher()


class UserError(Exception):
    """A user cannot be added or removed; the message says why."""


def users_file(data_dir: Path) -> Path:
    return data_dir / "secrets" / "users.json"


def load(path: Path) -> dict[str, dict]:
    return json.loads(path.read_text()) if path.exists() else {}


def _save(path: Path, users: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(users, indent=2, sort_keys=True))
    temporary.chmod(0o600)
    os.replace(temporary, path)


def add(path: Path, name: str, role: str, password: str | None = None) -> str:
    """Add or replace a user; returns the password (generated when not given)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,31}", name):
        raise UserError(f"nama pengguna '{name}' tidak sah: 2-32 huruf kecil, angka, titik, garis bawah atau minus")
    if role not in ROLES:
        raise UserError(f"peran '{role}' tidak dikenal; pilih salah satu: {', '.join(ROLES)}")
    password = password or secrets.token_urlsafe(12)
    if len(password) < 10:
        raise UserError("kata sandi minimal 10 karakter")
    users = load(path)
    users[name] = {"role": role, "hash": _HASHER.hash(password)}
    _save(path, users)
    return password


def remove(path: Path, name: str) -> None:
    users = load(path)
    if name not in users:
        raise UserError(f"pengguna '{name}' tidak ada")
    del users[name]
    _save(path, users)


def verify(path: Path, name: str, password: str) -> str | None:
    """The user's role when the password is right, else None (same answer for an unknown name)."""
    user = load(path).get(name or "")
    if user is None:
        _HASHER.hash(password or "-")  # same work either way: no timing hint that the name exists
        return None
    try:
        _HASHER.verify(user["hash"], password or "")
    except (VerificationError, InvalidHashError):
        return None
    return user["role"]
