"""The typical-case record: its schema, validation with every problem listed, and the library file.

Keys come from the ``glossary`` package (``domain/glossary.md`` and ``domain/factors.md``); they are
part of the API and the data files.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import glossary

LIBRARY_PATH = Path(__file__).parent / "data" / "typical_cases.json"
LIBRARY_VERSION = 1

# The glossary's keys (written once, in the glossary package).
FACTOR_KEYS = glossary.FACTOR_KEYS
OCCUPATIONS = glossary.OCCUPATION_KEYS
OUTCOMES = glossary.OUTCOME_KEYS
CLAIM_KINDS = glossary.CLAIM_KEYS
RESPONDENT_KINDS = glossary.RESPONDENT_KIND_KEYS
STATUSES = ("draft", "published")
# The 31 provincial-level divisions of the mainland, where PRC labour-dispute law applies.
PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
)
# Ids appear in page and API paths (/typical-cases/{id}), so they stay URL-safe.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
YEAR_RANGE = range(1990, 2101)

RECORD_KEYS = (
    "id", "title", "source", "region", "occupation", "work_arrangement", "respondent_kinds",
    "claims", "facts", "holding", "reasoning", "factors", "outcome", "status", "statutes",
)
SOURCE_KEYS = ("body", "release", "year", "number", "illustrative")


class RecordInvalid(ValueError):
    """A record or library file that breaks the schema; ``errors`` maps each path to a message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.errors.items()))


@dataclass(frozen=True)
class Source:
    """Who released a typical case: the body, the release's name, its year and document number.

    ``illustrative`` marks a case written for the library from a real case rather than quoted.
    """

    body: str
    release: str
    year: int
    number: str | None
    illustrative: bool


@dataclass(frozen=True)
class TypicalCaseRecord:
    """One typical case (典型案例) of the library."""

    id: str
    title: str
    source: Source
    region: str | None
    occupation: str
    work_arrangement: str
    respondent_kinds: tuple[str, ...]
    claims: tuple[str, ...]
    facts: str
    holding: str
    reasoning: str
    factors: Mapping[str, bool | None] = field(hash=False)
    outcome: str
    status: str
    statutes: tuple[str, ...]

    def __post_init__(self) -> None:
        # A copy behind a read-only view: the record stays frozen even if the caller's dict changes.
        object.__setattr__(self, "factors", MappingProxyType(dict(self.factors)))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that ``record_from_dict`` turns back into an equal record."""
        return {
            "id": self.id,
            "title": self.title,
            "source": {
                "body": self.source.body,
                "release": self.source.release,
                "year": self.source.year,
                "number": self.source.number,
                "illustrative": self.source.illustrative,
            },
            "region": self.region,
            "occupation": self.occupation,
            "work_arrangement": self.work_arrangement,
            "respondent_kinds": list(self.respondent_kinds),
            "claims": list(self.claims),
            "facts": self.facts,
            "holding": self.holding,
            "reasoning": self.reasoning,
            "factors": {key: self.factors[key] for key in FACTOR_KEYS},
            "outcome": self.outcome,
            "status": self.status,
            "statutes": list(self.statutes),
        }

    @property
    def published(self) -> bool:
        """True once the case may be shown to the public and indexed."""
        return self.status == "published"


class _Checker:
    """Collects every problem of one record instead of stopping at the first."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self.errors: dict[str, str] = {}

    def fail(self, path: str, message: str) -> None:
        self.errors.setdefault(f"{self.prefix}{path}", message)

    def text(self, data: Mapping, key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            self.fail(path, "缺少字段" if key not in data else "应为字符串")
            return ""
        if required and not value.strip():
            self.fail(path, "不能为空")
        return value

    def optional_text(self, data: Mapping, key: str, path: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "应为非空字符串或 null")
            return None
        return value

    def choice(self, data: Mapping, key: str, path: str, allowed: tuple[str, ...], label: str) -> str:
        value = self.text(data, key, path)
        if value and value not in allowed:
            self.fail(path, f"未知的{label}：{value}")
        return value

    def choices(self, data: Mapping, key: str, path: str, allowed: tuple[str, ...], label: str) -> tuple[str, ...]:
        values = self.string_list(data, key, path)
        if values is None:
            return ()
        if not values:
            self.fail(path, "至少需要一项")
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value not in allowed:
                self.fail(f"{path}[{index}]", f"未知的{label}：{value}")
            elif value in seen:
                self.fail(f"{path}[{index}]", f"重复的{label}：{value}")
            seen.add(value)
        return tuple(values)

    def string_list(self, data: Mapping, key: str, path: str) -> list[str] | None:
        value = data.get(key)
        if not isinstance(value, list):
            self.fail(path, "缺少字段" if key not in data else "应为列表")
            return None
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{path}[{index}]", "应为非空字符串")
        return [item for item in value if isinstance(item, str)]

    def mapping(self, data: Mapping, key: str, path: str) -> Mapping | None:
        value = data.get(key)
        if not isinstance(value, Mapping):
            self.fail(path, "缺少字段" if key not in data else "应为对象")
            return None
        return value

    def unknown_keys(self, data: Mapping, known: tuple[str, ...], path: str) -> None:
        for key in data:
            if key not in known:
                self.fail(f"{path}{key}", f"未知的字段：{key}")


def record_from_dict(data: Mapping) -> TypicalCaseRecord:
    """Build a record from its dict form, or raise ``RecordInvalid`` listing every problem."""
    return _parse_record(data, prefix="")


def _parse_record(data: Any, prefix: str) -> TypicalCaseRecord:
    check = _Checker(prefix)
    if not isinstance(data, Mapping):
        raise RecordInvalid({prefix.rstrip(".") or "$": "应为对象"})
    check.unknown_keys(data, RECORD_KEYS, "")
    record_id = check.text(data, "id", "id")
    if record_id and not ID_PATTERN.fullmatch(record_id):
        check.fail("id", "编号只能包含字母、数字、点、下划线和连字符（不超过 80 个字符）")
    status = check.choice(data, "status", "status", STATUSES, "状态")
    # A draft made from a closed case may still lack the holding and reasoning; a published one may not.
    needs_reasons = status == "published"
    record = TypicalCaseRecord(
        id=record_id,
        title=check.text(data, "title", "title"),
        source=_parse_source(check, data),
        region=_parse_region(check, data),
        occupation=check.choice(data, "occupation", "occupation", OCCUPATIONS, "职业"),
        work_arrangement=check.text(data, "work_arrangement", "work_arrangement"),
        respondent_kinds=check.choices(
            data, "respondent_kinds", "respondent_kinds", RESPONDENT_KINDS, "被申请人类型"),
        claims=check.choices(data, "claims", "claims", CLAIM_KINDS, "请求类型"),
        facts=check.text(data, "facts", "facts"),
        holding=check.text(data, "holding", "holding", required=needs_reasons),
        reasoning=check.text(data, "reasoning", "reasoning", required=needs_reasons),
        factors=_parse_factors(check, data),
        outcome=check.choice(data, "outcome", "outcome", OUTCOMES, "结论"),
        status=status,
        statutes=tuple(check.string_list(data, "statutes", "statutes") or ()),
    )
    if check.errors:
        raise RecordInvalid(check.errors)
    return record


def _parse_source(check: _Checker, data: Mapping) -> Source:
    source = check.mapping(data, "source", "source")
    if source is None:
        return Source("", "", 0, None, False)
    check.unknown_keys(source, SOURCE_KEYS, "source.")
    year = source.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        check.fail("source.year", "缺少字段" if "year" not in source else "应为整数")
        year = 0
    elif year not in YEAR_RANGE:
        check.fail("source.year", f"年份应在 {YEAR_RANGE.start} 至 {YEAR_RANGE.stop - 1} 之间")
    illustrative = source.get("illustrative")
    if not isinstance(illustrative, bool):
        check.fail("source.illustrative", "缺少字段" if "illustrative" not in source else "应为 true 或 false")
        illustrative = False
    return Source(
        body=check.text(source, "body", "source.body"),
        release=check.text(source, "release", "source.release"),
        year=year,
        number=check.optional_text(source, "number", "source.number"),
        illustrative=illustrative,
    )


def _parse_region(check: _Checker, data: Mapping) -> str | None:
    if "region" not in data:
        check.fail("region", "缺少字段")
        return None
    region = data["region"]
    if region is None:
        return None
    if not isinstance(region, str):
        check.fail("region", "应为省级行政区名称或 null")
        return None
    if region not in PROVINCES:
        check.fail("region", f"未知的省份：{region}")
    return region


def _parse_factors(check: _Checker, data: Mapping) -> Mapping[str, bool | None]:
    factors = check.mapping(data, "factors", "factors")
    if factors is None:
        return {}
    check.unknown_keys(factors, FACTOR_KEYS, "factors.")
    parsed: dict[str, bool | None] = {}
    for key in FACTOR_KEYS:
        if key not in factors:
            check.fail(f"factors.{key}", "缺少要素")
        elif factors[key] is not None and not isinstance(factors[key], bool):
            check.fail(f"factors.{key}", "要素取值应为 true、false 或 null")
        else:
            parsed[key] = factors[key]
    return parsed


def load_library(path: str | os.PathLike | None = None) -> list[TypicalCaseRecord]:
    """Read and validate a library file ``{"version": 1, "cases": [...]}``.

    Every case is checked and duplicate ids refused; all problems are raised together in one
    ``RecordInvalid`` with paths such as ``cases[3].occupation``.
    """
    path = Path(path) if path is not None else LIBRARY_PATH
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RecordInvalid({"$": f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列"}) from exc
    return library_from_dict(document)


def library_from_dict(document: Any) -> list[TypicalCaseRecord]:
    """Validate an already-parsed library document; see ``load_library``."""
    if not isinstance(document, Mapping):
        raise RecordInvalid({"$": "应为对象 {\"version\": 1, \"cases\": [...]}"})
    errors: dict[str, str] = {}
    if document.get("version") != LIBRARY_VERSION:
        errors["version"] = f"不支持的版本：{document.get('version')!r}（应为 {LIBRARY_VERSION}）"
    cases = document.get("cases")
    if not isinstance(cases, list):
        errors["cases"] = "缺少字段" if "cases" not in document else "应为列表"
        raise RecordInvalid(errors)
    records = _parse_cases(cases, errors)
    if errors:
        raise RecordInvalid(errors)
    return records


def _parse_cases(cases: list, errors: dict[str, str]) -> list[TypicalCaseRecord]:
    records: list[TypicalCaseRecord] = []
    first_index: dict[str, int] = {}
    for index, data in enumerate(cases):
        prefix = f"cases[{index}]."
        try:
            record = _parse_record(data, prefix)
        except RecordInvalid as exc:
            errors.update(exc.errors)
            continue
        if record.id in first_index:
            errors[f"{prefix}id"] = f"重复的编号：{record.id}（与 cases[{first_index[record.id]}] 相同）"
            continue
        first_index[record.id] = index
        records.append(record)
    return records


def dump_library(records: Iterable[TypicalCaseRecord], path: str | os.PathLike) -> None:
    """Write records as a library file, atomically (a reader never sees half a file)."""
    path = Path(path)
    document = {"version": LIBRARY_VERSION, "cases": [record.to_dict() for record in records]}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a library file is meant to be shared
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
