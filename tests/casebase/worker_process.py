"""What a second web worker does, run in a real separate process by the multi-process test."""
from __future__ import annotations

from pathlib import Path

from casebase import open_engine
from tests.casebase.factories import make_record


def characters(text: str) -> list[tuple[str, ...]]:
    """A segmenter that needs no dictionary, so the process starts in a fraction of a second."""
    return [(char,) for char in text.lower() if char.isalnum()]


def upsert_cases(engine_name: str, index_dir: Path, prefix: str, count: int) -> None:
    """Publish ``count`` cases one by one, as a worker does after each database commit."""
    with open_engine(engine_name, index_dir, analyzer=characters, lock_timeout=30.0) as engine:
        for number in range(count):
            engine.upsert(make_record(id=f"{prefix}-{number}"))
