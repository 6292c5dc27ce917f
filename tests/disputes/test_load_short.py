"""The short form of bench/load.py: a few seconds of mixed traffic, zero errors, zero lost writes.

On the database the suite runs on: SQLite, or PostgreSQL (in a schema of its own) in the
TEST_DATABASE_URL pass.
"""
import os
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_a_short_mixed_load_has_no_errors_and_loses_no_write():
    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    from load import run_load

    report = run_load(seconds=4, connections=4, database_url=os.environ.get("TEST_DATABASE_URL"))
    assert report["requests"] > 20
    assert report["errors"] == 0, report
    assert report["lost_writes"] == 0 and report["acknowledged_intakes"] > 0
    assert report["dashboard_counts_off_by"] == 0, report
