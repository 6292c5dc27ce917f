"""Fixtures for the typical-case library: engines of every kind over a small corpus."""
from __future__ import annotations

import pytest

from casebase import ENGINES, open_engine


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    """Each engine in turn: every search test states the contract both must keep."""
    return request.param


@pytest.fixture
def make_engine(engine_name, tmp_path):
    """Open engines of the current kind over ``tmp_path/index`` (or another dir); all closed after."""
    opened = []

    def make(index_dir=None, **options):
        engine = open_engine(engine_name, index_dir or tmp_path / "index", **options)
        opened.append(engine)
        return engine

    yield make
    for engine in opened:
        engine.close()
