"""Content-addressed file storage for evidence and generated documents.

Files are named by their SHA-256 and written atomically (temporary file, fsync, rename), so a
crash never leaves half a file under a real name and the same bytes are stored once. A row that
points at a file is committed only after the file is safely on disk; a file whose transaction
then failed is an unreferenced blob, never a row without its file. Another backend (object
storage) only has to provide the same methods.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class BlobStore:
    """Bytes on local disk under `root/ab/cd/<sha256>`."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def put(self, data: bytes) -> str:
        """Store the bytes (once) and return their SHA-256; raises OSError when the disk refuses."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists():
            # Touched, so that a sweep of unreferenced blobs (intake.drafts.expiry) sees it as just
            # stored and leaves it to the row about to point at it.
            os.utime(target)
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def read(self, digest: str) -> bytes:
        """The stored bytes; FileNotFoundError if they are not there."""
        return self.path_for(digest).read_bytes()

    def delete(self, digest: str) -> None:
        """Remove the bytes; only for a blob no row points at (the caller checks)."""
        self.path_for(digest).unlink(missing_ok=True)

    def stored_at(self, digest: str) -> float | None:
        """When the bytes were last stored (a POSIX time), or None if they are not there."""
        try:
            return self.path_for(digest).stat().st_mtime
        except FileNotFoundError:
            return None

    def exists(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def path_for(self, digest: str) -> Path:
        if len(digest) != 64 or any(ch not in "0123456789abcdef" for ch in digest):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / digest[:2] / digest[2:4] / digest
