"""The typical-case record: its schema, validation with every problem listed, the library's files,
and the curation checks an import runs (source required, duplicates by case number and by facts).

Keys come from the ``glossary`` package (``domain/glossary.md`` and ``domain/factors.md``); they are
part of the API and the data files.

The library of record is the folder ``data/collection/``: every ``*.json`` file in it is a library
document ``{"version": 2, "cases": [...]}`` of real published cases, each with its source (publisher,
release, case number, date, URL), the factors with the facts that support each, and the decision of
each instance. Version 1 files (old exports, no URL) are still read.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import glossary

COLLECTION_DIR = Path(__file__).parent / "data" / "collection"
# The shipped library: the collection folder (load_library reads every file in it).
LIBRARY_PATH = COLLECTION_DIR
LIBRARY_VERSION = 2
READABLE_VERSIONS = (1, 2)

# The glossary's keys (written once, in the glossary package).
FACTOR_KEYS = glossary.FACTOR_KEYS
OCCUPATIONS = glossary.OCCUPATION_KEYS
OUTCOMES = glossary.OUTCOME_KEYS
CLAIM_KINDS = glossary.CLAIM_KEYS
RESPONDENT_KINDS = glossary.RESPONDENT_KIND_KEYS
STATUSES = ("draft", "published")
# How the work was organised, as the collection records it (null where the source does not say):
# a platform's or partner's station (专送), crowdsourced sign-up (众包), a franchise or agent of the
# brand (加盟/代理), a chain of subcontractors (转包/分包), hired directly, a streamers' guild (公会),
# a placement agency (中介/家政公司), or something else.
ARRANGEMENTS = ("station", "crowdsourced", "franchise", "subcontracted", "direct", "guild", "agency", "other")
# Where a decision was made: the arbitration commission, the first-instance court, the appeal court,
# a retrial (再审/申请再审 review).
INSTANCE_LEVELS = ("arbitration", "first_instance", "appeal", "retrial")
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
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A court's or commission's case number: （2023）京01民终6036号, (2021)渝0112民初43869号 …
CASE_NUMBER_PATTERN = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*[）)][^\s，,；;。]{2,40}?号")

RECORD_KEYS_V1 = (
    "id", "title", "source", "region", "occupation", "work_arrangement", "respondent_kinds",
    "claims", "facts", "holding", "reasoning", "factors", "outcome", "status", "statutes",
)
RECORD_KEYS = RECORD_KEYS_V1 + ("arrangement", "factor_evidence", "instances")
SOURCE_KEYS_V1 = ("body", "release", "year", "number", "illustrative")
SOURCE_KEYS = ("body", "release", "number", "date", "date_note", "year", "url", "also_reported_at",
               "illustrative", "own_case")
INSTANCE_KEYS = ("level", "court_or_body", "number", "result")


class RecordInvalid(ValueError):
    """A record or library file that breaks the schema; ``errors`` maps each path to a message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.errors.items()))


@dataclass(frozen=True)
class Source:
    """Where a typical case was published.

    ``body`` the publisher, ``release`` the release's or judgment's title, ``number`` the case's
    number in it (or the judgment's case number), ``date`` ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
    (null only with ``date_note`` saying why), ``year`` the year the library files it under (the
    date's year; for an undated source, the year ``date_note`` justifies), ``url`` the page read and
    ``also_reported_at`` other pages carrying it. ``own_case`` marks a case this institution closed
    and anonymised itself (its source is the institution's file, so it has no public URL).
    ``illustrative`` is kept to read version 1 files: version 2 refuses fiction.
    """

    body: str
    release: str
    year: int | None
    number: str | None
    illustrative: bool = False
    date: str | None = None
    url: str | None = None
    also_reported_at: tuple[str, ...] = ()
    date_note: str | None = None
    own_case: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "body": self.body, "release": self.release, "number": self.number, "date": self.date,
            "date_note": self.date_note, "year": self.year, "url": self.url,
            "also_reported_at": list(self.also_reported_at), "illustrative": self.illustrative,
            "own_case": self.own_case,
        }


@dataclass(frozen=True)
class Instance:
    """One decision on the way: which level, which commission or court, its case number, its result."""

    level: str
    court_or_body: str
    number: str | None
    result: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "court_or_body": self.court_or_body, "number": self.number,
                "result": self.result}


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
    arrangement: str | None = None
    factor_evidence: Mapping[str, str] = field(default_factory=dict, hash=False)
    instances: tuple[Instance, ...] = ()

    def __post_init__(self) -> None:
        # A copy behind a read-only view: the record stays frozen even if the caller's dict changes.
        object.__setattr__(self, "factors", MappingProxyType(dict(self.factors)))
        object.__setattr__(self, "factor_evidence", MappingProxyType(dict(self.factor_evidence)))
        object.__setattr__(self, "instances", tuple(self.instances))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (schema version 2) that ``record_from_dict`` turns back into an equal record."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source.to_dict(),
            "region": self.region,
            "occupation": self.occupation,
            "arrangement": self.arrangement,
            "work_arrangement": self.work_arrangement,
            "respondent_kinds": list(self.respondent_kinds),
            "claims": list(self.claims),
            "facts": self.facts,
            "holding": self.holding,
            "reasoning": self.reasoning,
            "factors": {key: self.factors[key] for key in FACTOR_KEYS},
            "factor_evidence": {key: self.factor_evidence[key] for key in FACTOR_KEYS if key in self.factor_evidence},
            "outcome": self.outcome,
            "instances": [instance.to_dict() for instance in self.instances],
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


def record_from_dict(data: Mapping, *, version: int = LIBRARY_VERSION) -> TypicalCaseRecord:
    """Build a record from its dict form (schema ``version`` 2, or 1 for old exports), or raise
    ``RecordInvalid`` listing every problem."""
    return _parse_record(data, prefix="", version=version)


def _parse_record(data: Any, prefix: str, version: int = LIBRARY_VERSION) -> TypicalCaseRecord:
    check = _Checker(prefix)
    if not isinstance(data, Mapping):
        raise RecordInvalid({prefix.rstrip(".") or "$": "应为对象"})
    check.unknown_keys(data, RECORD_KEYS if version >= 2 else RECORD_KEYS_V1, "")
    record_id = check.text(data, "id", "id")
    if record_id and not ID_PATTERN.fullmatch(record_id):
        check.fail("id", "编号只能包含字母、数字、点、下划线和连字符（不超过 80 个字符）")
    status = check.choice(data, "status", "status", STATUSES, "状态")
    # A draft made from a closed case may still lack the holding and reasoning; a published one may not.
    published = status == "published"
    factors = _parse_factors(check, data)
    if version >= 2:
        source = _parse_source(check, data, published=published)
        arrangement = _parse_arrangement(check, data)
        # The institution's own closed cases carry the assessment's factors, not a reader's notes.
        evidence = _parse_evidence(check, data, factors, published=published and not source.own_case)
        instances = _parse_instances(check, data)
    else:
        source = _parse_source_v1(check, data)
        arrangement, evidence, instances = None, {}, ()
    record = TypicalCaseRecord(
        id=record_id,
        title=check.text(data, "title", "title"),
        source=source,
        region=_parse_region(check, data),
        occupation=check.choice(data, "occupation", "occupation", OCCUPATIONS, "职业"),
        work_arrangement=check.text(data, "work_arrangement", "work_arrangement"),
        respondent_kinds=check.choices(
            data, "respondent_kinds", "respondent_kinds", RESPONDENT_KINDS, "被申请人类型"),
        claims=check.choices(data, "claims", "claims", CLAIM_KINDS, "请求类型"),
        facts=check.text(data, "facts", "facts"),
        holding=check.text(data, "holding", "holding", required=published),
        reasoning=check.text(data, "reasoning", "reasoning", required=published),
        factors=factors,
        outcome=check.choice(data, "outcome", "outcome", OUTCOMES, "结论"),
        status=status,
        statutes=tuple(check.string_list(data, "statutes", "statutes") or ()),
        arrangement=arrangement,
        factor_evidence=evidence,
        instances=instances,
    )
    if check.errors:
        raise RecordInvalid(check.errors)
    return record


def _year(check: _Checker, source: Mapping, *, required: bool) -> int | None:
    year = source.get("year")
    if year is None:
        if required:
            check.fail("source.year", "缺少字段" if "year" not in source else "公开的案例须写明年份")
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        check.fail("source.year", "缺少字段" if "year" not in source else "应为整数")
        return None
    if year not in YEAR_RANGE:
        check.fail("source.year", f"年份应在 {YEAR_RANGE.start} 至 {YEAR_RANGE.stop - 1} 之间")
    return year


def _parse_source_v1(check: _Checker, data: Mapping) -> Source:
    source = check.mapping(data, "source", "source")
    if source is None:
        return Source("", "", 0, None, False)
    check.unknown_keys(source, SOURCE_KEYS_V1, "source.")
    year = _year(check, source, required=True)
    illustrative = source.get("illustrative")
    if not isinstance(illustrative, bool):
        check.fail("source.illustrative", "缺少字段" if "illustrative" not in source else "应为 true 或 false")
        illustrative = False
    return Source(
        body=check.text(source, "body", "source.body"),
        release=check.text(source, "release", "source.release"),
        year=year if year is not None else 0,
        number=check.optional_text(source, "number", "source.number"),
        illustrative=illustrative,
    )


def _parse_source(check: _Checker, data: Mapping, *, published: bool) -> Source:
    """Version 2: a published case names its publisher, release, date (or why there is none), year
    and URL; a draft may still lack the date, year and URL, but what it gives must be well formed."""
    source = check.mapping(data, "source", "source")
    if source is None:
        return Source("", "", None, None)
    check.unknown_keys(source, SOURCE_KEYS, "source.")
    own_case = _flag(check, source, "own_case")
    if _flag(check, source, "illustrative"):
        check.fail("source.illustrative", "案例库只收录真实公开的案例，不收虚构或示例案例")
    date = _parse_date(check, source)
    date_note = check.optional_text(source, "date_note", "source.date_note")
    year = _year(check, source, required=published) if ("year" in source or published) else None
    if date is not None and year is not None and int(date[:4]) != year:
        check.fail("source.year", f"应与日期的年份一致（{date[:4]}）")
    if date is None and date_note is None and published and not own_case:
        check.fail("source.date", "缺少日期：没有日期时须在 date_note 中说明原因")
    url = source.get("url")
    if url is None:
        if published and not own_case:
            check.fail("source.url", "缺少来源链接：公开的案例必须附原文网址（http 或 https）")
    elif not _is_web_address(url):
        check.fail("source.url", "应为 http:// 或 https:// 开头的网址")
        url = None
    also = source.get("also_reported_at", [])
    if not isinstance(also, list):
        check.fail("source.also_reported_at", "应为网址列表")
        also = []
    for index, address in enumerate(also):
        if not _is_web_address(address):
            check.fail(f"source.also_reported_at[{index}]", "应为 http:// 或 https:// 开头的网址")
    return Source(
        body=check.text(source, "body", "source.body"),
        release=check.text(source, "release", "source.release"),
        year=year,
        number=check.optional_text(source, "number", "source.number"),
        illustrative=False,
        date=date,
        url=url,
        also_reported_at=tuple(address for address in also if _is_web_address(address)),
        date_note=date_note,
        own_case=own_case,
    )


def _flag(check: _Checker, source: Mapping, key: str) -> bool:
    value = source.get(key, False)
    if not isinstance(value, bool):
        check.fail(f"source.{key}", "应为 true 或 false")
        return False
    return value


def _parse_date(check: _Checker, source: Mapping) -> str | None:
    value = source.get("date")
    if value is None:
        return None
    match = DATE_PATTERN.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        check.fail("source.date", "日期应为 YYYY-MM-DD、YYYY-MM 或 YYYY")
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        check.fail("source.date", f"不存在的日期：{value}")
        return None
    if year not in YEAR_RANGE:
        check.fail("source.date", f"年份应在 {YEAR_RANGE.start} 至 {YEAR_RANGE.stop - 1} 之间")
        return None
    return value


def _is_web_address(value: Any) -> bool:
    if not isinstance(value, str) or any(char.isspace() for char in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _parse_arrangement(check: _Checker, data: Mapping) -> str | None:
    value = data.get("arrangement")
    if value is None:
        return None
    if value not in ARRANGEMENTS:
        check.fail("arrangement", f"未知的用工安排：{value}")
        return None
    return value


def _parse_evidence(check: _Checker, data: Mapping, factors: Mapping[str, bool | None], *,
                    published: bool) -> dict[str, str]:
    """The facts behind each known factor: one for every factor that is true or false (published
    cases), none for an unknown or unheard-of factor."""
    evidence = data.get("factor_evidence", {})
    if not isinstance(evidence, Mapping):
        check.fail("factor_evidence", "应为对象")
        return {}
    parsed: dict[str, str] = {}
    for key, text in evidence.items():
        if key not in FACTOR_KEYS:
            check.fail(f"factor_evidence.{key}", f"未知的要素：{key}")
        elif not isinstance(text, str) or not text.strip():
            check.fail(f"factor_evidence.{key}", "应为非空字符串")
        elif key in factors and factors[key] is None:
            check.fail(f"factor_evidence.{key}", "该要素未查明（null），不应附事实")
        else:
            parsed[key] = text
    if published:
        for key in FACTOR_KEYS:
            if factors.get(key) is not None and key not in evidence:
                check.fail(f"factor_evidence.{key}", "已认定的要素须写明支持它的事实")
    return parsed


def _parse_instances(check: _Checker, data: Mapping) -> tuple[Instance, ...]:
    instances = data.get("instances", [])
    if not isinstance(instances, list):
        check.fail("instances", "应为列表")
        return ()
    parsed = []
    for index, item in enumerate(instances):
        path = f"instances[{index}]"
        if not isinstance(item, Mapping):
            check.fail(path, "应为对象")
            continue
        check.unknown_keys(item, INSTANCE_KEYS, f"{path}.")
        level = check.choice(item, "level", f"{path}.level", INSTANCE_LEVELS, "审级")
        parsed.append(Instance(
            level=level,
            court_or_body=check.text(item, "court_or_body", f"{path}.court_or_body"),
            number=check.optional_text(item, "number", f"{path}.number"),
            result=check.text(item, "result", f"{path}.result"),
        ))
    return tuple(parsed)


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


# --- library files ---------------------------------------------------------------------------------


def load_library(path: str | os.PathLike | None = None) -> list[TypicalCaseRecord]:
    """Read and validate the library: a folder (every ``*.json`` in it, by name) or one file
    ``{"version": 2, "cases": [...]}`` (version 1 is still read). The default is the collection.

    Every case is checked and duplicate ids refused, across files too; all problems are raised
    together in one ``RecordInvalid`` with paths such as ``cases[3].occupation`` (in a folder,
    ``riders.json:cases[3].occupation``).
    """
    path = Path(path) if path is not None else LIBRARY_PATH
    if path.is_dir():
        return _load_folder(path)
    return library_from_dict(_read_document(path))


def library_files(folder: str | os.PathLike | None = None) -> list[Path]:
    """The library documents of a folder, in the order they are read."""
    return sorted(Path(folder or COLLECTION_DIR).glob("*.json"))


def _read_document(path: Path, prefix: str = "") -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RecordInvalid({f"{prefix}$": f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列"}) from exc


def _load_folder(folder: Path) -> list[TypicalCaseRecord]:
    files = library_files(folder)
    if not files:
        raise RecordInvalid({"$": f"文件夹中没有案例文件：{folder}"})
    errors: dict[str, str] = {}
    records: list[TypicalCaseRecord] = []
    where: dict[str, str] = {}
    for file in files:
        prefix = f"{file.name}:"
        try:
            document = _read_document(file, prefix)
        except RecordInvalid as invalid:
            errors.update(invalid.errors)
            continue
        file_errors: dict[str, str] = {}
        for index, record in _parse_document(document, file_errors, prefix):
            if record.id in where:
                errors[f"{prefix}cases[{index}].id"] = f"重复的编号：{record.id}（与 {where[record.id]} 相同）"
                continue
            where[record.id] = f"{prefix}cases[{index}]"
            records.append(record)
        errors.update(file_errors)
    if errors:
        raise RecordInvalid(errors)
    return records


def library_from_dict(document: Any) -> list[TypicalCaseRecord]:
    """Validate an already-parsed library document; see ``load_library``."""
    errors: dict[str, str] = {}
    records = [record for _index, record in _parse_document(document, errors, "")]
    if errors:
        raise RecordInvalid(errors)
    return records


def _parse_document(document: Any, errors: dict[str, str], prefix: str) -> list[tuple[int, TypicalCaseRecord]]:
    if not isinstance(document, Mapping):
        errors[f"{prefix}$"] = "应为对象 {\"version\": 2, \"cases\": [...]}"
        return []
    version = document.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        errors[f"{prefix}version"] = f"不支持的版本：{version!r}（应为 {LIBRARY_VERSION}，或旧版导出文件的 1）"
        version = LIBRARY_VERSION
    cases = document.get("cases")
    if not isinstance(cases, list):
        errors[f"{prefix}cases"] = "缺少字段" if "cases" not in document else "应为列表"
        return []
    parsed: list[tuple[int, TypicalCaseRecord]] = []
    first_index: dict[str, int] = {}
    for index, data in enumerate(cases):
        path = f"{prefix}cases[{index}]."
        try:
            record = _parse_record(data, path, version)
        except RecordInvalid as exc:
            errors.update(exc.errors)
            continue
        if record.id in first_index:
            errors[f"{path}id"] = f"重复的编号：{record.id}（与 cases[{first_index[record.id]}] 相同）"
            continue
        first_index[record.id] = index
        parsed.append((index, record))
    return parsed


def dump_library(records: Iterable[TypicalCaseRecord], path: str | os.PathLike) -> None:
    """Write records as a library file (version 2), atomically (a reader never sees half a file)."""
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


# --- curation: what an import checks beyond the schema ---------------------------------------------

# Two accounts of facts whose character bigrams overlap this much (Jaccard) are taken for the same
# case. Measured on the collection (105 cases, 5,460 pairs): distinct cases reach at most 0.18 (the
# three ACFTU rider cases of one release), mean 0.04; the same case told twice in different words
# (the old library's ten national cases against the collection's) scores 0.15-0.37, nine of ten
# above 0.21. 0.20 catches those nine and no distinct pair.
DUPLICATE_SIMILARITY = 0.20
_NOT_TEXT = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=4096)
def fact_bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a text with punctuation, spaces and symbols taken out."""
    plain = _NOT_TEXT.sub("", text)
    return frozenset(plain[index:index + 2] for index in range(len(plain) - 1))


def facts_similarity(first: str, second: str) -> float:
    """Jaccard similarity of two texts' character bigrams (0 nothing shared, 1 the same bigrams)."""
    a, b = fact_bigrams(first), fact_bigrams(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def case_numbers(record: TypicalCaseRecord) -> set[str]:
    """The court and commission case numbers a record names (its instances' and its source's)."""
    texts = [instance.number for instance in record.instances if instance.number]
    if record.source.number:
        texts.append(record.source.number)
    found = set()
    for text in texts:
        found.update(re.sub(r"\s+", "", number).replace("(", "（").replace(")", "）")
                     for number in CASE_NUMBER_PATTERN.findall(text))
    return found


@dataclass(frozen=True)
class Nearest:
    """The existing case most like a record, and how alike their facts are."""

    id: str
    similarity: float


def nearest_case(facts: str, others: Iterable[tuple[str, str]], *, exclude_id: str | None = None) -> Nearest | None:
    """Among ``(id, facts)`` pairs, the one whose facts are most like ``facts`` (None if none)."""
    best: Nearest | None = None
    mine = fact_bigrams(facts)
    for other_id, other_facts in others:
        if other_id == exclude_id:
            continue
        theirs = fact_bigrams(other_facts)
        score = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
        if best is None or score > best.similarity:
            best = Nearest(other_id, round(score, 3))
    return best


@dataclass(frozen=True)
class Problem:
    """One curation finding about a record. ``action``: ``refuse`` (not imported), ``hold`` (imported
    as a draft, not published) or ``note`` (imported; a reviewer should look)."""

    record_id: str
    code: str
    message: str
    action: str
    other_id: str | None = None


def curate(records: Sequence[TypicalCaseRecord], existing: Iterable[TypicalCaseRecord] = ()) -> list[Problem]:
    """Check records to be imported, among themselves and against the cases already stored.

    Refused: fiction (version 1 ``illustrative``), a case another record already holds (the same
    court case number, the same publisher + release + number, or facts at least
    ``DUPLICATE_SIMILARITY`` alike). Held as drafts: a published case without a source URL (version 1
    files have none) or without a year. A record with the id of a stored case is an update of it,
    never its duplicate.
    """
    incoming_ids = {record.id for record in records}
    pool: list[TypicalCaseRecord] = [case for case in existing if case.id not in incoming_ids]
    problems: list[Problem] = []
    for record in records:
        found = _problems_of(record, pool)
        problems += found
        if not any(problem.action == "refuse" for problem in found):
            pool.append(record)
    return problems


def _problems_of(record: TypicalCaseRecord, pool: Sequence[TypicalCaseRecord]) -> list[Problem]:
    found: list[Problem] = []
    source = record.source
    if source.illustrative:
        return [Problem(record.id, "fiction", "虚构或示例案例，不收入案例库", "refuse")]
    numbers = case_numbers(record)
    key = (source.body, source.release, source.number) if source.number else None
    for other in pool:
        shared = numbers & case_numbers(other)
        if shared:
            found.append(Problem(record.id, "duplicate_number",
                                 f"案号 {sorted(shared)[0]} 已见于 {other.id}", "refuse", other.id))
            return found
        if key is not None and key == (other.source.body, other.source.release, other.source.number):
            found.append(Problem(record.id, "duplicate_source",
                                 f"发布机关、发布文件和编号与 {other.id} 相同", "refuse", other.id))
            return found
    near = nearest_case(record.facts, ((other.id, other.facts) for other in pool))
    if near is not None and near.similarity >= DUPLICATE_SIMILARITY:
        found.append(Problem(record.id, "duplicate_facts",
                             f"案情与 {near.id} 高度相似（字符二元组相似度 {near.similarity:.2f}）", "refuse", near.id))
        return found
    if record.published and not source.own_case:
        if not source.url:
            found.append(Problem(record.id, "no_source_url", "没有来源链接，作为草稿导入，补充来源后方可公开", "hold"))
        if not source.year:
            found.append(Problem(record.id, "no_year", "没有年份，作为草稿导入，补充日期后方可公开", "hold"))
    return found
