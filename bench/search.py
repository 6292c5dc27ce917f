"""Benchmark the typical-case search engines on synthetic Chinese cases; prints one JSON object.

    .venv/bin/python bench/search.py --sizes 10000,100000 --engines tantivy,whoosh

For each size and engine: build seconds (segmentation is timed once, separately, and shared by the
engines through a cached analyzer), index bytes, and p50/p95/max milliseconds of 200 seeded queries
of 1-3 words run exactly as the API runs them (``engine.search`` with facets and snippets), each as
a query never asked before (the engine's kept answers dropped first), and asked again. Whoosh is
skipped above ``--whoosh-max`` documents. A tokenizer section compares jieba with rjieba (casebase
segments with rjieba when it is installed), and an audit section runs the queries of the usability
audit (issue 19) on the shipped library with every engine.

Segmentation of 100,000 cases takes minutes, so it is cached under ``--cache-dir`` keyed by the
size, the seed and the user dictionary; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import marshal
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import jieba

from casebase import open_engine
from casebase.engines.base import SearchQuery
from casebase.records import (
    CLAIM_KINDS,
    FACTOR_KEYS,
    OCCUPATIONS,
    OUTCOMES,
    PROVINCES,
    RESPONDENT_KINDS,
    Source,
    TypicalCaseRecord,
)
from casebase.search import ENGINES
from casebase import load_library
from casebase.tokenize import USERDICT, VOCABULARY, make_segmenter, normalise, term_groups

CORPUS_VERSION = 2  # bump when the generator changes, so cached segmentations are not reused
CORPUS_SEED = 1
QUERY_SEED = 2
WARMUP_SEED = 99
QUERIES = 200
WARMUP_QUERIES = 20
SIMILAR_CALLS = 50
TOKENIZER_SAMPLE = 2_000

DOMAIN_TERMS = (
    "劳动关系", "外卖骑手", "网约配送员", "网约车", "快递员", "主播", "代驾", "家政", "平台企业",
    "用工合作企业", "站点", "站长", "众包", "专送", "派单", "抢单", "拒单", "排班", "考勤", "打卡",
    "全勤奖", "早会", "请假", "底薪", "计件", "提成", "罚款", "扣款", "差评", "超时", "押金", "工服",
    "工牌", "个体工商户", "合作协议", "承揽协议", "劳务派遣", "劳务公司", "外包", "加盟商", "经济补偿",
    "赔偿金", "二倍工资", "加班费", "最低工资", "高温补贴", "社会保险", "工伤", "职业伤害", "医疗费",
    "劳动报酬", "劳动合同", "书面协议", "劳动争议", "仲裁委员会", "一裁终局", "仲裁裁决", "调解",
    "法律援助", "确认劳动关系", "支配性劳动管理", "从属性", "算法", "在线时长", "多平台", "自主定价",
    "分成比例", "接单", "跑单", "配送", "订单", "平台规则", "奖惩", "收入", "工资", "报酬", "解除",
    "终止", "用人单位", "劳动者", "申请人", "被申请人", "仲裁", "诉讼", "判决", "裁判要旨", "交通事故",
)
SOURCE_BODIES = (
    "人力资源社会保障部、最高人民法院", "最高人民法院", "北京市高级人民法院", "上海市第一中级人民法院",
    "广东省劳动人事争议仲裁委员会", "浙江省人力资源和社会保障厅", "江苏省高级人民法院", "Dispute Desk 示例案例",
)
CLAUSE_ENDS = "，，，。；、"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- synthetic corpus ----------------------------------------------------------------------------


def jieba_vocabulary() -> tuple[list[str], list[int]]:
    """jieba's own dictionary words and frequencies, so text has a realistic word distribution."""
    words, freqs = [], []
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as dictionary:
        for line in dictionary:
            word, freq, *_ = line.split()
            words.append(word)
            freqs.append(int(freq))
    return words, freqs


class TextMaker:
    """Chinese-looking text: jieba-frequency words with one domain term in twelve."""

    def __init__(self, rng: random.Random, words: list[str], freqs: list[int]):
        self.rng = rng
        self.words = words
        self.cum_weights = list(itertools.accumulate(freqs))

    def text(self, chars: int) -> str:
        parts: list[str] = []
        length = 0
        while length < chars:
            clause = self.clause()
            parts.append(clause)
            length += len(clause)
        return "".join(parts)[: chars - 1] + "。"

    def clause(self) -> str:
        count = self.rng.randint(6, 16)
        picked = self.rng.choices(self.words, cum_weights=self.cum_weights, k=count)
        words = [self.rng.choice(DOMAIN_TERMS) if self.rng.random() < 1 / 12 else word for word in picked]
        return "".join(words) + self.rng.choice(CLAUSE_ENDS)


def make_corpus(size: int, words: list[str], freqs: list[int]) -> list[TypicalCaseRecord]:
    """``size`` published cases of about 520 characters, with seeded metadata."""
    rng = random.Random(CORPUS_SEED)
    maker = TextMaker(rng, words, freqs)
    return [_make_case(number, rng, maker) for number in range(size)]


def _make_case(number: int, rng: random.Random, maker: TextMaker) -> TypicalCaseRecord:
    year = rng.randint(2015, 2025)
    return TypicalCaseRecord(
        id=f"bench-{number:06d}",
        title=maker.text(20),
        source=Source(rng.choice(SOURCE_BODIES), "典型案例", year, None, True),
        region=rng.choice(PROVINCES) if rng.random() < 0.9 else None,
        occupation=rng.choice(OCCUPATIONS),
        work_arrangement="平台派单",
        respondent_kinds=(rng.choice(RESPONDENT_KINDS),),
        claims=tuple(rng.sample(CLAIM_KINDS, rng.randint(1, 3))),
        facts=maker.text(340),
        holding=maker.text(70),
        reasoning=maker.text(90),
        factors={key: None for key in FACTOR_KEYS},
        outcome=rng.choice(OUTCOMES),
        status="published",
        statutes=(),
    )


def query_texts(seed: int, count: int, words: list[str]) -> list[str]:
    """1, 1, 2, 2, 3 words in turn; each a domain term or a content word of middling frequency."""
    rng = random.Random(seed)
    middling = [word for word in words[2_000:30_000] if len(word) >= 2]
    sizes = itertools.cycle((1, 1, 2, 2, 3))
    return [
        " ".join(rng.choice(DOMAIN_TERMS) if rng.random() < 0.5 else rng.choice(middling) for _ in range(next(sizes)))
        for _ in range(count)
    ]


# --- segmentation, once, cached ------------------------------------------------------------------


def _encode(groups: list[tuple[str, ...]]) -> str:
    return " ".join("|".join(group) for group in groups)


def _decode(encoded: str) -> list[tuple[str, ...]]:
    return [tuple(group.split("|")) for group in encoded.split(" ")] if encoded else []


def segmented(records: Sequence[TypicalCaseRecord], size: int, cache_dir: Path) -> tuple[dict[str, str], float]:
    """Every text of the corpus segmented, from the cache if possible; and the seconds it took."""
    texts = [text for record in records for text in (record.title, record.facts, record.holding, record.reasoning)]
    key = hashlib.sha256(USERDICT.read_bytes() + VOCABULARY.read_bytes() + f"{CORPUS_VERSION}:{CORPUS_SEED}:{size}".encode()).hexdigest()[:16]
    cache_file = cache_dir / f"segmented-{size}-{key}.marshal"
    if cache_file.exists():
        with cache_file.open("rb") as cached:
            encoded, seconds = marshal.load(cached)
        log(f"  segmentation of {size} cases read from {cache_file}")
    else:
        log(f"  segmenting {len(texts)} texts…")
        term_groups("预热")
        started = time.perf_counter()
        encoded = [_encode(term_groups(text)) for text in texts]
        seconds = time.perf_counter() - started
        cache_dir.mkdir(parents=True, exist_ok=True)
        with cache_file.open("wb") as out:
            marshal.dump((encoded, seconds), out)
    return dict(zip(texts, encoded)), seconds


def cached_analyzer(cache: dict[str, str]) -> Callable[[str], list[tuple[str, ...]]]:
    """An analyzer that reads the cache and segments only what is not in it."""
    def analyse(text: str) -> list[tuple[str, ...]]:
        encoded = cache.get(text)
        return _decode(encoded) if encoded is not None else term_groups(text)
    return analyse


# --- measuring one engine ------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency(calls: list[Callable[[], object]], before: Callable[[], object] | None = None) -> dict[str, float]:
    """Wall-clock percentiles, and CPU-time ones: the host is shared, and CPU time shows what a
    call costs when it is not waiting for a core. ``before`` runs untimed before each call."""
    wall, cpu = [], []
    for call in calls:
        if before is not None:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "p50_ms": round(percentile(wall, 0.50), 3),
        "p95_ms": round(percentile(wall, 0.95), 3),
        "max_ms": round(max(wall), 3),
        "cpu_p50_ms": round(percentile(cpu, 0.50), 3),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 3),
    }


def directory_bytes(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def measure_engine(
    name: str, records: Sequence[TypicalCaseRecord], analyzer: Callable, queries: list[str], warmup: list[str],
) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as workdir:
        engine = open_engine(name, Path(workdir) / "index", analyzer=analyzer)
        started = time.perf_counter()
        engine.rebuild(records)
        build_seconds = time.perf_counter() - started
        for text in warmup:
            engine.search(SearchQuery(text))
        found = [engine.search(SearchQuery(text)).total for text in queries]
        rng = random.Random(QUERY_SEED)
        similar_ids = [rng.choice(records).id for _ in range(SIMILAR_CALLS)]
        answers = [engine.search(SearchQuery(text)) for text in queries]
        result = {
            "partial_answers": sum(1 for answer in answers if answer.partial),
            "build_seconds": round(build_seconds, 2),
            "index_bytes": directory_bytes(Path(workdir) / "index"),
            # Each query on an engine that has kept nothing: its totals, facets, suggestions and
            # the words read for them are dropped before each query.
            "queries": latency([lambda text=text: engine.search(SearchQuery(text)) for text in queries],
                               before=engine.clear_cache),
            # The same queries asked again (the next page, another order): answered from what is kept.
            "queries_repeated": latency([lambda text=text: engine.search(SearchQuery(text, page=2)) for text in queries]),
            "mean_total_hits": round(statistics.mean(found), 1),
            "queries_with_hits": sum(1 for total in found if total),
            "landing_page_first_ms": latency([lambda: engine.search(SearchQuery(filters={"year": 2020}))])["max_ms"],
            "landing_page_repeated": latency([lambda: engine.search(SearchQuery())] * 20),
            "similar": latency([lambda rid=rid: engine.similar(rid) for rid in similar_ids]),
        }
        engine.close()
    return result


# --- tokenizers ----------------------------------------------------------------------------------

_INIT_PROBE = r"""
import json, sys, time
def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
from casebase import tokenize
tokenize.dictionary_entries()
before = rss_kb()
started = time.perf_counter()
tokenize.make_segmenter(sys.argv[1]).cut("骑手")
print(json.dumps({"init_seconds": round(time.perf_counter() - started, 3), "rss_mb": round((rss_kb() - before) / 1024, 1)}))
"""


def init_cost(kind: str) -> dict[str, float]:
    """Load time and memory of a segmenter with casebase's dictionary, measured in a fresh process."""
    output = subprocess.run([sys.executable, "-c", _INIT_PROBE, kind], check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def compare_tokenizers(texts: list[str]) -> dict[str, object]:
    """jieba against rjieba (jieba-rs), both without HMM, with the same user dictionary and
    vocabulary: speed of cutting, and whether they cut every text the same way."""
    texts = [normalise(text) for text in texts]
    chars = sum(len(text) for text in texts)
    report: dict[str, object] = {"sample_chars": chars}
    cuts = {}
    for kind in ("jieba", "rjieba"):
        try:
            segmenter = make_segmenter(kind)
        except ImportError:
            report[kind] = {"available": False}
            continue
        started = time.perf_counter()
        cuts[kind] = [segmenter.cut(text) for text in texts]
        seconds = time.perf_counter() - started
        report[kind] = {"cut_chars_per_second": round(chars / seconds), **init_cost(kind)}
    if len(cuts) == 2:
        same = sum(1 for ours, theirs in zip(cuts["jieba"], cuts["rjieba"]) if ours == theirs)
        report["same_segmentation"] = f"{same}/{len(texts)}"
    return report


AUDIT_QUERIES = ("外卖骑手 劳动关系", "外卖骑手", "外卖员", "送餐员", "快递员 工伤", "外賣騎手", "骑手", "工伤")


def audit(engines: Sequence[str]) -> dict[str, object]:
    """The usability audit's queries on the shipped library: hits, and whether partial."""
    records = [record for record in load_library() if record.status == "published"]  # what the app indexes
    report: dict[str, object] = {"library_cases": len(records)}
    for name in engines:
        with tempfile.TemporaryDirectory(prefix=f"bench-audit-{name}-") as workdir:
            engine = open_engine(name, Path(workdir) / "index")
            engine.rebuild(records)
            answers = {text: engine.search(SearchQuery(text)) for text in AUDIT_QUERIES}
            report[name] = {text: answer.total for text, answer in answers.items()}
            engine.close()
    return report


# --- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated engine names")
    # Whoosh at 100,000 cases takes about 15 minutes to build here; lower this to skip it.
    parser.add_argument("--whoosh-max", type=int, default=100_000, help="skip whoosh above this size")
    parser.add_argument("--cache-dir", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dispute-desk-bench")
    parser.add_argument("--no-tokenizers", action="store_true", help="skip the jieba/rjieba comparison")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    engines = [name.strip() for name in args.engines.split(",")]
    words, freqs = jieba_vocabulary()
    queries = query_texts(QUERY_SEED, QUERIES, words)
    warmup = query_texts(WARMUP_SEED, WARMUP_QUERIES, words)
    report: dict[str, object] = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg()[0],
        "queries": {"count": QUERIES, "warmup": WARMUP_QUERIES, "seed": QUERY_SEED, "examples": queries[:5]},
        "sizes": {},
    }
    for size in sizes:
        log(f"size {size}: generating")
        started = time.perf_counter()
        records = make_corpus(size, words, freqs)
        generate_seconds = time.perf_counter() - started
        cache, segment_seconds = segmented(records, size, args.cache_dir)
        analyzer = cached_analyzer(cache)
        per_size: dict[str, object] = {
            "generate_seconds": round(generate_seconds, 2),
            "segment_seconds": round(segment_seconds, 2),
            "mean_chars": round(statistics.mean(
                len(r.title) + len(r.facts) + len(r.holding) + len(r.reasoning) for r in records)),
        }
        for name in engines:
            if name == "whoosh" and size > args.whoosh_max:
                per_size[name] = {"skipped": f"{size} documents > --whoosh-max {args.whoosh_max}"}
                continue
            log(f"size {size}: {name}")
            per_size[name] = measure_engine(name, records, analyzer, queries, warmup)
        per_size["load_average_after"] = os.getloadavg()[0]
        report["sizes"][str(size)] = per_size
        del cache, analyzer
    log("audit queries")
    report["audit"] = audit(engines)
    if not args.no_tokenizers:
        log("tokenizers")
        sample = make_corpus(TOKENIZER_SAMPLE, words, freqs)
        report["tokenizers"] = {
            "synthetic": compare_tokenizers([record.facts for record in sample]),
            "library": compare_tokenizers([text for record in load_library()
                                           for text in (record.title, record.facts, record.holding, record.reasoning)]),
        }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
