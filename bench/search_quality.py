"""Search quality on the judged query set (issue 19); prints one JSON object.

    .venv/bin/python bench/search_quality.py                 # both engines
    .venv/bin/python bench/search_quality.py --engines tantivy
    .venv/bin/python bench/search_quality.py --check         # only re-judge: recompute every grade

The shipped library's published cases (``casebase/data/collection/*.json``, status "published",
what the app indexes) are indexed with each engine, the way ``bench/search.py``'s audit does it.
Every query of ``bench/search_judged.json`` is then turned into a ``SearchQuery`` by the same
function the library page and the API use (``disputes.library.queries.search_query_from``: no
filters, page 1, 10 a page, by relevance) and run with ``engine.search``.

Per engine: recall@10 (relevant cases, grade >= 1, found in the first 10, over min(10, relevant)),
nDCG@10 (gains 2^grade - 1), the share of queries answered with nothing (total 0) and of partial
answers, the same by kind of query, and the 15 worst queries with what they returned.

The grades are not an engine's: ``grade`` below computes them from each query's ``criteria`` over
the records, and ``adjust`` holds the few changed by hand after reading the case. ``--check``
recomputes them and fails if ``relevant`` in the file differs (run it after the library changes).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from casebase import load_library, open_engine  # noqa: E402
from casebase.records import TypicalCaseRecord  # noqa: E402
from casebase.search import ENGINES  # noqa: E402

JUDGED = Path(__file__).with_name("search_judged.json")
K = 10
WORST = 15
TARGETS = {"recall_at_10": 0.95, "ndcg_at_10": 0.85, "empty_share": 0.0}


# --- judging: criteria over the records --------------------------------------------------------


def published_records() -> list[TypicalCaseRecord]:
    """What the app indexes: the shipped collection's published cases."""
    return [record for record in load_library() if record.status == "published"]


def _text(record: TypicalCaseRecord) -> str:
    return "\n".join((record.title, record.facts, record.holding))


def meets(record: TypicalCaseRecord, concept: Mapping[str, Sequence[str]]) -> bool:
    """One concept: true if ANY of its conditions holds (its keys and their values are alternatives).

    occupation / outcome / arrangement / region: the record's field is one of the values;
    claims / respondent: one of the record's claims (respondent kinds) is among the values;
    level: one of the record's decisions was at that level (arbitration, first_instance, appeal,
    retrial); text: one of the words occurs in the title, the facts or the holding.
    """
    for key, values in concept.items():
        if key == "occupation" and record.occupation in values:
            return True
        if key == "outcome" and record.outcome in values:
            return True
        if key == "arrangement" and record.arrangement in values:
            return True
        if key == "region" and record.region in values:
            return True
        if key == "claims" and set(record.claims) & set(values):
            return True
        if key == "respondent" and set(record.respondent_kinds) & set(values):
            return True
        if key == "level" and {instance.level for instance in record.instances} & set(values):
            return True
        if key == "text":
            text = _text(record)
            if any(word in text for word in values):
                return True
    return False


def grade(record: TypicalCaseRecord, criteria: Mapping[str, Sequence[Mapping]]) -> int:
    """2 when the record meets every concept of ``main`` and of ``also``; 1 when it meets ``main``
    only; 0 otherwise, or when it meets any concept of ``not``."""
    if any(meets(record, concept) for concept in criteria.get("not", ())):
        return 0
    if not all(meets(record, concept) for concept in criteria["main"]):
        return 0
    return 2 if all(meets(record, concept) for concept in criteria.get("also", ())) else 1


def judge(entry: Mapping, records: Iterable[TypicalCaseRecord]) -> dict[str, int]:
    """The query's relevant cases: the criteria's grades, then the hand adjustments (0 removes)."""
    grades = {record.id: grade(record, entry["criteria"]) for record in records}
    grades.update(entry.get("adjust", {}))
    return {case_id: g for case_id, g in sorted(grades.items(), key=lambda item: (-item[1], item[0])) if g > 0}


def check(judged: Mapping, records: Sequence[TypicalCaseRecord]) -> list[str]:
    """Every difference between the file's grades and the recomputed ones, and every rule broken."""
    problems = []
    ids = {record.id for record in records}
    if str(judged.get("library")) != str(len(records)):
        problems.append(f"library: the file says {judged.get('library')}, the collection has {len(records)} published cases")
    seen = set()
    for entry in judged["queries"]:
        q = entry["q"]
        if q in seen:
            problems.append(f"{q}: asked twice")
        seen.add(q)
        unknown = sorted(set(entry.get("adjust", {})) - ids)
        if unknown:
            problems.append(f"{q}: adjusts unknown cases {unknown}")
        computed = judge(entry, records)
        if not computed:
            problems.append(f"{q}: no relevant case")
        if computed != entry["relevant"]:
            problems.append(f"{q}: grades differ from the criteria's: file {entry['relevant']}, computed {computed}")
    if len(judged["queries"]) < 120:
        problems.append(f"only {len(judged['queries'])} queries (at least 120 wanted)")
    return problems


# --- measuring ---------------------------------------------------------------------------------


def recall_at(returned: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    found = sum(1 for case_id in returned[:k] if relevant.get(case_id, 0) >= 1)
    return found / min(k, len(relevant))


def ndcg_at(returned: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    def dcg(grades: Iterable[int]) -> float:
        return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades))
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg(relevant.get(case_id, 0) for case_id in returned[:k]) / ideal


def page_query(text: str):
    """The SearchQuery the library page (and the API) makes of ?q=text."""
    from disputes.library.queries import search_query_from
    return search_query_from({"q": text})


def run_engine(name: str, records: Sequence[TypicalCaseRecord], judged: Mapping) -> dict[str, object]:
    titles = {record.id: record.title for record in records}
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"bench-quality-{name}-") as workdir:
        engine = open_engine(name, Path(workdir) / "index")
        engine.rebuild(records)
        for entry in judged["queries"]:
            relevant = entry["relevant"]
            result = engine.search(page_query(entry["q"]))
            returned = [hit.id for hit in result.hits]
            rows.append({
                "q": entry["q"], "kind": entry["kind"], "who": entry["who"],
                "recall_at_10": recall_at(returned, relevant), "ndcg_at_10": ndcg_at(returned, relevant),
                "total": result.total, "partial": result.partial, "suggestion": result.suggestion,
                "relevant": len(relevant), "returned": returned,
            })
        engine.close()

    def summary(selected: list[dict]) -> dict[str, object]:
        return {
            "queries": len(selected),
            "recall_at_10": round(sum(r["recall_at_10"] for r in selected) / len(selected), 3),
            "ndcg_at_10": round(sum(r["ndcg_at_10"] for r in selected) / len(selected), 3),
            "empty_share": round(sum(1 for r in selected if r["total"] == 0) / len(selected), 3),
            "partial_share": round(sum(1 for r in selected if r["partial"]) / len(selected), 3),
        }

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    overall = summary(rows)
    worst = sorted(rows, key=lambda r: (r["ndcg_at_10"], r["recall_at_10"], r["q"]))[:WORST]
    relevant_of = {entry["q"]: entry["relevant"] for entry in judged["queries"]}
    return {
        **overall,
        "meets_targets": overall["recall_at_10"] >= TARGETS["recall_at_10"]
        and overall["ndcg_at_10"] >= TARGETS["ndcg_at_10"] and overall["empty_share"] <= TARGETS["empty_share"],
        "empty_queries": [r["q"] for r in rows if r["total"] == 0],
        "by_kind": {kind: summary(selected) for kind, selected in sorted(by_kind.items())},
        "worst": [_worst_row(r, relevant_of[r["q"]], titles) for r in worst],
    }


def _worst_row(row: dict, relevant: Mapping[str, int], titles: Mapping[str, str]) -> dict[str, object]:
    returned = set(row["returned"])
    missed = [case_id for case_id in relevant if case_id not in returned]
    return {
        "q": row["q"], "kind": row["kind"], "who": row["who"],
        "recall_at_10": round(row["recall_at_10"], 3), "ndcg_at_10": round(row["ndcg_at_10"], 3),
        "total": row["total"], "partial": row["partial"], "suggestion": row["suggestion"],
        "relevant": row["relevant"],
        "returned": [f"{case_id} [{relevant.get(case_id, 0)}] {titles[case_id][:40]}" for case_id in row["returned"]],
        "missed": [f"{case_id} [{relevant[case_id]}] {titles[case_id][:40]}" for case_id in missed[:5]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated engine names")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--check", action="store_true", help="only recompute the grades and compare")
    args = parser.parse_args(argv)
    judged = json.loads(args.judged.read_text(encoding="utf-8"))
    records = published_records()
    problems = check(judged, records)
    if args.check:
        print(json.dumps({"queries": len(judged["queries"]), "problems": problems}, ensure_ascii=False, indent=2))
        return 1 if problems else 0
    report: dict[str, object] = {
        "judged": str(args.judged.relative_to(ROOT)) if args.judged.is_relative_to(ROOT) else str(args.judged),
        "library_cases": len(records), "queries": len(judged["queries"]),
        "judgments_stale": problems, "targets": TARGETS,
    }
    for name in args.engines.split(","):
        report[name] = run_engine(name, records, judged)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
