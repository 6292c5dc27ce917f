"""Choosing a search engine by name, as configured by ``DISPUTES_SEARCH_ENGINE``."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from .engines.base import SearchEngine

# name -> (module, class); tantivy first: it is the default and about a hundred times faster.
_ENGINE_CLASSES = {
    "tantivy": ("casebase.engines.tantivy_engine", "TantivyEngine"),
    "whoosh": ("casebase.engines.whoosh_engine", "WhooshEngine"),
}
ENGINES = tuple(_ENGINE_CLASSES)
DEFAULT_ENGINE = ENGINES[0]


def open_engine(name: str, index_dir: str | Path, **options: Any) -> SearchEngine:
    """The engine called ``name`` ("tantivy" or "whoosh") over the index in ``index_dir``.

    Opening is cheap and touches no files; the index is read on first use. ``options`` go to the
    engine (``lock_timeout`` seconds for writers; ``analyzer`` to replace the segmenter).
    Only the chosen engine's library is imported.
    """
    if name not in _ENGINE_CLASSES:
        raise ValueError(f"unknown search engine {name!r}; choose one of: {', '.join(ENGINES)}")
    module_name, class_name = _ENGINE_CLASSES[name]
    engine_class = getattr(importlib.import_module(module_name), class_name)
    return engine_class(Path(index_dir), **options)
