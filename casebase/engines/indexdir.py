"""The layout of an index directory, shared by all engines.

```
index_dir/
  meta.json            {"engine", "schema", "active", "generation", "serial"} — replaced atomically
  .lock                writers hold fcntl.flock on it (works across processes on one host, not NFS)
  tantivy-3f9c0a1b2c4d/  the active index (meta.json names it)
  tantivy-77aa01d2e3f4/  the previous one, kept until the next rebuild for readers still on it
```
Every write rewrites ``meta.json`` with a new ``serial``, which is how readers in other processes
learn that they should reload.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

META_FILE = "meta.json"
LOCK_FILE = ".lock"
LOCK_RETRY_SECONDS = 0.05
_KEEP = object()


class IndexUnavailable(RuntimeError):
    """The search index is missing, unreadable or built by other code: answer 503 or rebuild it."""


class IndexBusy(IndexUnavailable):
    """Another writer held the index lock for longer than the timeout."""


@dataclass(frozen=True)
class IndexMeta:
    """What ``meta.json`` says: which engine and schema built the index, where it is, and its stamp."""

    engine: str
    schema: int
    active: str
    generation: int | None
    serial: int

    def to_json(self) -> str:
        """The file's text."""
        return json.dumps(self.__dict__, sort_keys=True) + "\n"


class IndexDirectory:
    """One engine's view of an index directory: its meta file, its lock and its index folders."""

    def __init__(self, root: Path, engine: str, schema: int, lock_timeout: float):
        self.root = root
        self.engine = engine
        self.schema = schema
        self.lock_timeout = lock_timeout
        self._folder = re.compile(rf"{re.escape(engine)}-[0-9a-f]{{12}}")

    # --- reading the meta file ---------------------------------------------------------------

    def meta_bytes(self) -> bytes:
        """The raw meta file, read on every request because it is tiny and it tells of changes."""
        try:
            return (self.root / META_FILE).read_bytes()
        except OSError as exc:
            raise IndexUnavailable(f"no search index in {self.root} ({exc.strerror})") from exc

    def parse_meta(self, raw: bytes) -> IndexMeta:
        """Check the meta file names an index of this engine and schema that exists."""
        try:
            data = json.loads(raw)
            meta = IndexMeta(**{key: data[key] for key in IndexMeta.__dataclass_fields__})
        except (ValueError, TypeError, KeyError) as exc:
            raise IndexUnavailable(f"{self.root / META_FILE} is corrupt") from exc
        if meta.engine != self.engine or meta.schema != self.schema:
            raise IndexUnavailable(
                f"the index in {self.root} was built by {meta.engine} schema {meta.schema}; "
                f"rebuild it for {self.engine} schema {self.schema}")
        if not isinstance(meta.active, str) or not self._folder.fullmatch(meta.active) \
                or not self.path_of(meta).is_dir():
            raise IndexUnavailable(f"the active index {meta.active!r} in {self.root} is missing")
        return meta

    def read_meta(self) -> IndexMeta:
        """The checked meta file; raises IndexUnavailable if there is no usable index."""
        return self.parse_meta(self.meta_bytes())

    def generation(self) -> int | None:
        """The stamped change counter, or None when unknown or the index is missing."""
        try:
            generation = self.read_meta().generation
        except IndexUnavailable:
            return None
        return generation if isinstance(generation, int) else None

    def path_of(self, meta: IndexMeta) -> Path:
        """The folder holding the active index."""
        return self.root / meta.active

    # --- writing -----------------------------------------------------------------------------

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the cross-process writer lock, retrying until ``lock_timeout`` seconds have passed."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "a+b") as lock_file:
            self._acquire(lock_file.fileno())
            try:
                yield
            finally:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)

    def _acquire(self, fd: int) -> None:
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            if time.monotonic() >= deadline:
                raise IndexBusy(f"another process is writing the index in {self.root}; try again later")
            time.sleep(LOCK_RETRY_SECONDS)

    def new_build_dir(self) -> Path:
        """A fresh, empty folder to build an index in (call with the lock held)."""
        path = self.root / f"{self.engine}-{uuid.uuid4().hex[:12]}"
        path.mkdir()
        return path

    def discard(self, path: Path) -> None:
        """Delete a build that failed."""
        shutil.rmtree(path, ignore_errors=True)

    def activate(self, build_dir: Path, generation: int | None) -> None:
        """Point readers at a finished build and delete folders older than the one it replaces."""
        previous = self._previous_meta()
        serial = previous.get("serial", 0) if isinstance(previous.get("serial"), int) else 0
        meta = IndexMeta(self.engine, self.schema, build_dir.name, generation, serial + 1)
        self._write_meta(meta)
        keep = {build_dir.name, previous.get("active")}
        for child in self.root.iterdir():
            if child.is_dir() and child.name not in keep and _is_index_folder(child.name):
                shutil.rmtree(child, ignore_errors=True)

    def touch(self, generation: Any = _KEEP) -> bytes:
        """Record a change (and optionally a new generation) so other processes reload; call with the lock held."""
        meta = self.read_meta()
        new_generation = meta.generation if generation is _KEEP else generation
        updated = IndexMeta(meta.engine, meta.schema, meta.active, new_generation, meta.serial + 1)
        return self._write_meta(updated)

    def _previous_meta(self) -> dict[str, Any]:
        try:
            data = json.loads((self.root / META_FILE).read_bytes())
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_meta(self, meta: IndexMeta) -> bytes:
        raw = meta.to_json().encode()
        fd, temp = tempfile.mkstemp(dir=self.root, prefix=".meta-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(raw)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.root / META_FILE)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return raw


def _is_index_folder(name: str) -> bool:
    """Only folders this code made are ever deleted, whatever else shares the directory."""
    return re.fullmatch(r"[a-z]+-[0-9a-f]{12}", name) is not None
