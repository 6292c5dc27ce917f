"""Backups: the database (every table, as JSON lines), evidence, issued documents and settings.

A backup is one .tar.gz that restores into an empty instance on either database engine; the
search index is not included because it is rebuilt from the database after a restore.
"""
from __future__ import annotations

import io
import json
import tarfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import current_app

from disputes.extensions import db
from disputes.models import Base, utcnow

FORMAT = 1
SETTINGS_FILES = ("secret_key",)


class RestoreRefused(RuntimeError):
    """The target is not empty, or the file is not a backup this version can read."""


def backup(path: str | Path) -> dict[str, int]:
    """Write the backup file; returns the row count per table."""
    counts: dict[str, int] = {}
    with tarfile.open(path, "w:gz") as archive:
        for table in Base.metadata.sorted_tables:
            lines = [json.dumps(_encode_row(row._mapping), ensure_ascii=False) for row in db.session.execute(sa.select(table))]
            counts[table.name] = len(lines)
            _add_bytes(archive, f"tables/{table.name}.jsonl", "\n".join(lines).encode("utf-8"))
        for folder in ("DISPUTES_EVIDENCE_DIR", "DISPUTES_DOCUMENTS_DIR"):
            root = Path(current_app.config[folder])
            if root.exists():
                archive.add(root, arcname=f"files/{folder}", filter=_skip_incoming)
        for name in SETTINGS_FILES:
            setting = Path(current_app.instance_path) / name
            if setting.exists():
                archive.add(setting, arcname=f"settings/{name}")
        manifest = {"format": FORMAT, "created_at": utcnow().isoformat(), "revision": _revision(), "tables": counts}
        _add_bytes(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    return counts


def restore(path: str | Path) -> dict[str, int]:
    """Load a backup into this (migrated, empty) instance, then rebuild the search index."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.loads(_read(archive, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise RestoreRefused(f"unknown backup format {manifest.get('format')!r}")
        if manifest.get("revision") != _revision():
            raise RestoreRefused(f"backup is at schema {manifest.get('revision')}, this database at {_revision()}; "
                                 "run `flask db upgrade` on a database of the backup's version first")
        if any(db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in Base.metadata.sorted_tables):
            raise RestoreRefused("the target database is not empty; restore into an empty instance")
        counts = {table.name: _load_table(archive, table) for table in Base.metadata.sorted_tables}
        _reset_sequences()
        db.session.commit()
        _extract_files(archive)
    from disputes.library.index import rebuild_index

    rebuild_index()
    return counts


def _load_table(archive: tarfile.TarFile, table: sa.Table) -> int:
    raw = _read(archive, f"tables/{table.name}.jsonl")
    rows = [_decode_row(table, json.loads(line)) for line in raw.splitlines() if line.strip()]
    for start in range(0, len(rows), 1000):
        db.session.execute(table.insert(), rows[start:start + 1000])
    return len(rows)


def _extract_files(archive: tarfile.TarFile) -> None:
    targets = {f"files/{key}/": Path(current_app.config[key]) for key in ("DISPUTES_EVIDENCE_DIR", "DISPUTES_DOCUMENTS_DIR")}
    targets |= {f"settings/{name}": Path(current_app.instance_path) / name for name in SETTINGS_FILES}
    for member in archive.getmembers():
        if not member.isfile():
            continue
        for prefix, target in targets.items():
            if member.name == prefix or member.name.startswith(prefix) and prefix.endswith("/"):
                relative = member.name[len(prefix):]
                destination = (target / relative) if relative else target
                if ".." in Path(relative).parts:
                    raise RestoreRefused(f"unsafe path in backup: {member.name}")
                destination.parent.mkdir(parents=True, exist_ok=True)
                if prefix.startswith("settings/") and destination.exists():
                    continue  # an instance's own key stays; SECRET_KEY from the environment wins anyway
                destination.write_bytes(archive.extractfile(member).read())


def _reset_sequences() -> None:
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (column.autoincrement == "auto" and isinstance(column.type, sa.Integer)):
                highest = sa.select(sa.func.max(column)).scalar_subquery()
                db.session.execute(sa.select(sa.func.setval(
                    sa.func.pg_get_serial_sequence(table.name, column.name),
                    sa.func.coalesce(highest, 0) + 1, False)))


def _revision() -> str | None:
    return db.session.scalar(sa.text("SELECT version_num FROM alembic_version"))


def _encode_row(mapping) -> dict[str, Any]:
    return {key: _encode(value) for key, value in mapping.items()}


def _encode(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decode_row(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    return {name: _decode(table.c[name].type, value) for name, value in row.items() if name in table.c}


def _decode(column_type, value):
    if value is None:
        return None
    if isinstance(column_type, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, sa.Date):
        return date.fromisoformat(value)
    if isinstance(column_type, sa.Numeric) and not isinstance(column_type, sa.Float):
        return Decimal(value)
    return value


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(utcnow().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _read(archive: tarfile.TarFile, name: str) -> str:
    try:
        return archive.extractfile(name).read().decode("utf-8")
    except KeyError:
        raise RestoreRefused(f"{name} missing: not a Dispute Desk backup") from None


def _skip_incoming(member: tarfile.TarInfo):
    return None if Path(member.name).name.startswith(".incoming-") else member
