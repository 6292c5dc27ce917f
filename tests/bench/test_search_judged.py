"""The judged query set of bench/search_judged.json still matches its criteria over the shipped library."""
import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _quality():
    spec = importlib.util.spec_from_file_location("search_quality", BENCH / "search_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_grade_follows_from_the_criteria_and_every_query_has_a_relevant_case():
    quality = _quality()
    judged = json.loads((BENCH / "search_judged.json").read_text(encoding="utf-8"))
    assert quality.check(judged, quality.published_records()) == []
    kinds = {entry["kind"] for entry in judged["queries"]}
    assert kinds == {"words", "phrase", "question", "typo", "traditional", "colloquial"}


def test_metrics():
    quality = _quality()
    relevant = {"a": 2, "b": 1}
    assert quality.recall_at(["a", "x", "b"], relevant) == 1.0
    assert quality.recall_at(["x"], relevant) == 0.0
    assert quality.ndcg_at(["a", "b"], relevant) == 1.0
    assert 0 < quality.ndcg_at(["b", "a"], relevant) < 1
