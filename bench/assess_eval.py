"""Leave-one-out evaluation of the labour-relationship assessment on the shipped library; prints JSON.

    .venv/bin/python bench/assess_eval.py [--national /work/shared/domain/national-cases.json]

For every published case, with that case left out of the library: assess it from its facts alone
(text → extract_factors → score) and from its recorded factors. Binary accuracy counts
"labour relationship: yes" (labor_relation) against "no" (every other outcome); the 3-way confusion
matrix has the recorded outcome in rows (including ``other``) and the predicted category in columns.

The assessment's weights are a fixed table (casebase.assess.WEIGHTS), so leaving a case out only
changes its similar cases. As a check on that table, ``fitted_check`` fits a plain-Python logistic
regression on the recorded factors of the other cases, leave-one-out, and prints its mean weights
beside the table's. ``--national`` also assesses the original published wording of the national
cases (text the extractor was not written against).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casebase.assess import CATEGORY_LABELS, LABOR_THRESHOLD, WEIGHTS, assess  # noqa: E402
from casebase.records import FACTOR_KEYS, OUTCOMES, TypicalCaseRecord, load_library  # noqa: E402

NATIONAL_OUTCOME = {"labor_relation": "labor_relation", "no_labor_relation": "civil_relation"}


def is_labor(category: str) -> bool:
    """The binary question courts answer: labour relationship yes or no."""
    return category == "labor_relation"


def evaluate(cases: Sequence[TypicalCaseRecord], predict: Callable[[TypicalCaseRecord], str]) -> dict:
    """Binary accuracy, 3-way confusion matrix and the misclassified cases for one way of predicting."""
    rows = [(case, predict(case)) for case in cases]
    wrong = [case_row(case, predicted) for case, predicted in rows if is_labor(predicted) != is_labor(case.outcome)]
    three_way = [(case, predicted) for case, predicted in rows if case.outcome != "other"]
    return {
        "binary_accuracy": round(1 - len(wrong) / len(rows), 4),
        "correct": len(rows) - len(wrong),
        "total": len(rows),
        "three_way_accuracy_excluding_other": round(
            sum(case.outcome == predicted for case, predicted in three_way) / len(three_way), 4),
        "confusion": confusion(rows),
        "misclassified": wrong,
        "three_way_mismatches": [case_row(case, predicted) for case, predicted in three_way
                                 if case.outcome != predicted and case_row(case, predicted) not in wrong],
    }


def case_row(case: TypicalCaseRecord, predicted: str) -> dict:
    return {"id": case.id, "predicted": predicted, "actual": case.outcome}


def confusion(rows: Sequence[tuple[TypicalCaseRecord, str]]) -> dict:
    counts = Counter((case.outcome, predicted) for case, predicted in rows)
    return {actual: {predicted: counts[(actual, predicted)] for predicted in CATEGORY_LABELS} for actual in OUTCOMES}


def from_text(library: Sequence[TypicalCaseRecord]) -> Callable[[TypicalCaseRecord], str]:
    return lambda case: assess(case.facts, library=library, exclude_ids=[case.id]).category


def from_factors(library: Sequence[TypicalCaseRecord]) -> Callable[[TypicalCaseRecord], str]:
    return lambda case: assess(factors=dict(case.factors), library=library, exclude_ids=[case.id]).category


def national_original(path: Path, library: Sequence[TypicalCaseRecord]) -> dict:
    """The ten national cases in their published wording (not the library's paraphrase)."""
    results = {}
    for case in json.loads(path.read_text(encoding="utf-8")):
        predicted = assess(case["facts_zh"], library=library, exclude_ids=[case["id"]]).category
        actual = NATIONAL_OUTCOME[case["outcome"]]
        correct = is_labor(predicted) == is_labor(actual)
        results[case["id"]] = {"predicted": predicted, "actual": actual, "correct": correct}
    return results


# --- logistic regression on recorded factors (a check on the hand-set table) ------------------

def encode(factors: Mapping[str, bool | None]) -> list[float]:
    """+1 true, -1 false, 0 unknown, one column per factor, then a bias column."""
    return [1.0 if factors[key] else -1.0 if factors[key] is False else 0.0 for key in FACTOR_KEYS] + [1.0]


def fit(rows: Sequence[list[float]], labels: Sequence[int], steps: int = 400, rate: float = 0.5,
        l2: float = 0.05) -> list[float]:
    """Full-batch gradient descent on the L2-regularised logistic loss."""
    weights = [0.0] * len(rows[0])
    for _ in range(steps):
        gradient = [l2 * w for w in weights[:-1]] + [0.0]
        for row, label in zip(rows, labels):
            error = sigmoid(sum(w * x for w, x in zip(weights, row))) - label
            for index, x in enumerate(row):
                gradient[index] += error * x / len(rows)
        weights = [w - rate * g for w, g in zip(weights, gradient)]
    return weights


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fitted_check(cases: Sequence[TypicalCaseRecord]) -> dict:
    rows = [encode(case.factors) for case in cases]
    labels = [int(is_labor(case.outcome)) for case in cases]
    correct, sums = 0, [0.0] * len(rows[0])
    for held in range(len(cases)):
        weights = fit(rows[:held] + rows[held + 1:], labels[:held] + labels[held + 1:])
        correct += (sum(w * x for w, x in zip(weights, rows[held])) > 0) == bool(labels[held])
        sums = [s + w for s, w in zip(sums, weights)]
    mean = [round(s / len(cases), 2) for s in sums]
    return {
        "loo_binary_accuracy": round(correct / len(cases), 4),
        "mean_fitted_weight_per_factor": dict(zip([*FACTOR_KEYS, "bias"], mean)),
        "note": "feature = +1 true / -1 false / 0 unknown; compare signs and order with the table",
    }


def weight_table() -> list[dict]:
    return [{"key": w.key, "strength": w.strength, "if_true": w.if_true, "if_false": w.if_false, "basis": w.basis}
            for w in WEIGHTS]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=Path, help="national-cases.json with the published wording")
    parser.add_argument("--no-fit", action="store_true", help="skip the logistic-regression check")
    args = parser.parse_args(argv)
    library = [case for case in load_library() if case.published]
    national_ids = [case.id for case in library if not case.source.illustrative]
    text = evaluate(library, from_text(library))
    report = {
        "cases": len(library),
        "national_cases": national_ids,
        "labor_threshold": LABOR_THRESHOLD,
        "weights": weight_table(),
        "text_only": text,
        "recorded_factors": evaluate(library, from_factors(library)),
        "national_text_only_all_correct": not any(row["id"] in national_ids for row in text["misclassified"]),
    }
    if args.national:
        report["national_original_wording"] = national_original(args.national, library)
    if not args.no_fit:
        report["fitted_check"] = fitted_check(library)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
