"""The short form of bench/load.py: a few seconds of mixed traffic, zero errors, zero lost writes."""
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_a_short_mixed_load_has_no_errors_and_loses_no_write():
    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    from load import run_load

    report = run_load(seconds=4, connections=4)
    assert report["requests"] > 20
    assert report["errors"] == 0, report
    assert report["lost_writes"] == 0 and report["acknowledged_intakes"] > 0
