"""The official division list (GB/T 2260 codes as published by 民政部) and the lookups on it.

The data is places/data/divisions.json: one edition of 《中华人民共和国县以上行政区划代码》 as a tree
province → prefecture (地级) → county (县级), with the names retired since 2010 kept apart so that
an older announcement naming them can still be read. `EDITION` says which edition and where the
text was taken from.

Framework-free: the standard library only.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

DATA_FILE = ("data", "divisions.json")

LEVELS = ("province", "prefecture", "county")

# Provincial-level units with no subdivisions in the list and outside the scope of mainland labour
# arbitration; `provinces()` leaves them out unless asked.
OUTSIDE_MAINLAND = ("710000", "810000", "820000")

# The 56 ethnic groups as they appear in the names of autonomous units (自治区/州/县/旗), "族" optional
# there ("博尔塔拉蒙古自治州", "木垒哈萨克自治县"). Used only to derive short names ("恩施州", "长阳县").
_ETHNIC = tuple(sorted((
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各"), key=len, reverse=True))

# Short forms in common use that the suffix rules cannot derive, by code (the wage announcement of
# Jilin writes "前郭县" for 前郭尔罗斯蒙古族自治县).
CUSTOMARY = MappingProxyType({
    "220721": ("前郭", "前郭县"),
})


@dataclass(frozen=True)
class Place:
    """One division of the list. `level` is "province", "prefecture" or "county"; `parent_code` is
    None for a province; `prefecture_code` is None for a province and for a county that hangs
    directly under its province (the districts of a municipality, 省直辖县级行政区划 such as
    仙桃市). `full_name` joins the names down the path ("湖北省武汉市江汉区")."""
    code: str
    name: str
    level: str
    parent_code: str | None
    province_code: str
    prefecture_code: str | None
    full_name: str

    @property
    def province_short_code(self) -> str:
        """The two-digit province code the app used before places existed ("42")."""
        return self.province_code[:2]

    def __str__(self) -> str:
        return self.full_name


@dataclass(frozen=True)
class FormerPlace:
    """A name retired from the list (abolished, merged or renamed), with the current codes that
    took over its area (`successors`; empty when the list does not say)."""
    code: str
    name: str
    level: str
    province_name: str
    prefecture_name: str | None
    in_use_from: int
    in_use_until: int
    successors: tuple[str, ...]
    note: str | None = None

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"


@dataclass(frozen=True)
class Edition:
    year: int
    as_of: str
    title: str
    publisher: str
    standard: str
    publisher_pages: tuple[str, ...]
    taken_from: MappingProxyType
    cross_checked: str | None


@dataclass(frozen=True)
class Resolution:
    """What `resolve` found for a code or a name.

    `candidates` are the places the query can mean, best first; `place` is the one place when there
    is exactly one, else None. `matched_by`: "code", "name", "former" (a retired name: the candidates
    are the places that took over its area) or "none". `ambiguous` is True when several places
    fit: the caller must ask which (`message` says so in words a page can show).
    """
    query: str
    candidates: tuple[Place, ...]
    matched_by: str
    former: tuple[FormerPlace, ...] = ()
    message: str = ""

    @property
    def place(self) -> Place | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def found(self) -> bool:
        return bool(self.candidates)


# ---------------------------------------------------------------------------------- short names

def _strip_ethnic(base: str) -> str:
    """Remove trailing ethnic-group names ("长阳土家族" → "长阳"), keeping at least two characters."""
    changed = True
    while changed:
        changed = False
        for group in _ETHNIC:
            for tail in (group + "族", group):
                if base.endswith(tail) and len(base) - len(tail) >= 2:
                    base = base[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return base


def short_names(name: str, level: str, code: str | None = None) -> tuple[str, ...]:
    """The shortened forms of an official name that people and announcements write: the type
    suffix dropped (省/市/自治区/特别行政区/地区/盟/自治州/县/区/新区/旗/自治县/自治旗/林区/特区), the
    ethnic names of an autonomous unit dropped, and "X州"/"X县"/"X旗" for an autonomous
    prefecture/county/banner. Never shorter than two characters; the full name is not included."""
    out: list[str] = []

    def add(alias):
        if len(alias) >= 2 and alias != name and alias not in out:
            out.append(alias)

    rules = (("特别行政区", ""), ("自治区", ""), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"),
             ("地区", ""), ("林区", ""), ("特区", ""), ("新区", ""), ("省", ""), ("盟", ""),
             ("市", ""), ("县", ""), ("区", ""), ("旗", ""))
    for suffix, typed in rules:
        if not name.endswith(suffix) or len(name) - len(suffix) < 2:
            continue
        base = name[: -len(suffix)]
        if suffix == "区" and base.endswith("矿"):
            break  # 井陉矿区 is not "井陉矿"
        if suffix in ("自治区", "自治州", "自治县", "自治旗") or base.endswith("族"):
            base = _strip_ethnic(base)
        add(base)
        if typed:
            add(base + typed)
        break
    else:
        if level == "county" and name.endswith("族区"):  # 梅里斯达斡尔族区
            add(_strip_ethnic(name[:-1]))
    for alias in CUSTOMARY.get(code or "", ()):
        add(alias)
    return tuple(out)


# ----------------------------------------------------------------------------------------- data

def _normalize_text(text: str) -> str:
    text = re.sub(r"[\s\u3000·•．.,，、/\-—]+", "", text or "")
    return text.translate(str.maketrans("０１２３４５６７８９（）", "0123456789()"))


class Divisions:
    """The loaded list with its indexes. Use the module functions, which share one instance."""

    def __init__(self, doc: dict):
        self.edition = Edition(
            year=int(doc["edition"]), as_of=doc["as_of"], title=doc["title"], publisher=doc["publisher"],
            standard=doc["standard"], publisher_pages=tuple(doc.get("publisher_pages", ())),
            taken_from=MappingProxyType(dict(doc.get("taken_from", {}))),
            cross_checked=doc.get("cross_checked"))
        self.by_code: dict[str, Place] = {}
        self.children: dict[str | None, list[Place]] = {None: []}
        for province in doc["provinces"]:
            self._add(province, None, None)
        self.former: dict[str, list[FormerPlace]] = {}
        self.former_by_code: dict[str, FormerPlace] = {}
        for row in doc.get("former", ()):
            old = FormerPlace(code=row["code"], name=row["name"], level=row["level"],
                              province_name=row["province"], prefecture_name=row.get("prefecture"),
                              in_use_from=int(row["in_use"][0]), in_use_until=int(row["in_use"][1]),
                              successors=tuple(c for c in row.get("successors", ()) if c in self.by_code),
                              note=row.get("note"))
            self.former_by_code.setdefault(old.code, old)
            for key in (old.name, *short_names(old.name, old.level)):
                self.former.setdefault(key, []).append(old)
        # name → [(place, is_full_name)]
        self.names: dict[str, list[tuple[Place, bool]]] = {}
        for place in self.by_code.values():
            self.names.setdefault(place.name, []).append((place, True))
            for alias in short_names(place.name, place.level, place.code):
                self.names.setdefault(alias, []).append((place, False))
        self.longest_name = max(len(k) for k in self.names)

    def _add(self, node: dict, parent: Place | None, prefecture: Place | None):
        code, name = node["code"], node["name"]
        if parent is None:
            level, province_code, full = "province", code, name
        elif parent.level == "province" and code.endswith("00"):
            level, province_code, full = "prefecture", parent.code, parent.full_name + name
        else:
            level, province_code, full = "county", parent.province_code, parent.full_name + name
        place = Place(code=code, name=name, level=level, parent_code=parent.code if parent else None,
                      province_code=province_code,
                      prefecture_code=(code if level == "prefecture" else prefecture.code if prefecture else None)
                      if level != "province" else None,
                      full_name=full)
        self.by_code[code] = place
        self.children.setdefault(place.parent_code, []).append(place)
        self.children.setdefault(code, [])
        for child in node.get("children", ()):
            self._add(child, place, place if level == "prefecture" else prefecture)


_DEFAULT: Divisions | None = None


def load(path=None) -> Divisions:
    """Read a divisions file (by default the one shipped in places/data/)."""
    if path is None:
        text = resources.files("places").joinpath(*DATA_FILE).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    return Divisions(json.loads(text))


def divisions() -> Divisions:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def edition() -> Edition:
    """Which edition of the list the data is, and where it was taken from."""
    return divisions().edition


# -------------------------------------------------------------------------------------- by code

def normalize_code(code) -> str:
    """A GB/T 2260 code as six digits: "42" → "420000", "4201" → "420100", 420103 → "420103"."""
    text = _normalize_text(str(code))
    if not re.fullmatch(r"\d{2}|\d{4}|\d{6}", text):
        raise ValueError(f"not a division code: {code!r}")
    return text.ljust(6, "0")


def place_by_code(code) -> Place | None:
    """The place with this code in the current edition, or None (a retired code: see `former_by_code`).
    Two- and four-digit codes are the province's and the prefecture's ("42" → 湖北省)."""
    return divisions().by_code.get(normalize_code(code))


def former_by_code(code) -> FormerPlace | None:
    return divisions().former_by_code.get(normalize_code(code))


def _as_place(value) -> Place:
    if isinstance(value, Place):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d+", _normalize_text(text)):
        place = place_by_code(text)
        if place is None:
            raise LookupError(f"no division with code {value!r} in the {edition().year} list")
        return place
    found = resolve(text)
    if found.place is None:
        raise LookupError(found.message or f"no single place named {value!r}")
    return found.place


def provinces(*, mainland_only: bool = True) -> tuple[Place, ...]:
    """The provincial-level units in code order (the 31 of the mainland unless asked for all 34)."""
    rows = divisions().children[None]
    return tuple(p for p in rows if not (mainland_only and p.code in OUTSIDE_MAINLAND))


def children(place) -> tuple[Place, ...]:
    """The units directly under a place: a province's prefectures (and the counties that hang
    directly under it), a prefecture's counties."""
    return tuple(divisions().children.get(_as_place(place).code, ()))


def prefectures(province) -> tuple[Place, ...]:
    return tuple(p for p in children(province) if p.level == "prefecture")


def counties(place) -> tuple[Place, ...]:
    """Every county-level unit inside a province or prefecture (a county: itself)."""
    place = _as_place(place)
    if place.level == "county":
        return (place,)
    out = []
    for child in divisions().children.get(place.code, ()):
        out.extend([child] if child.level == "county" else counties(child))
    return tuple(out)


def path(place) -> tuple[Place, ...]:
    """Province, prefecture (when there is one) and county down to the place."""
    place = _as_place(place)
    chain = [place]
    while chain[0].parent_code:
        chain.insert(0, divisions().by_code[chain[0].parent_code])
    return tuple(chain)


def province_of(place) -> Place:
    """The province of any place, by code ("420103", "4201", "42"), name or Place."""
    place = _as_place(place)
    return divisions().by_code[place.province_code]


def province_code(place) -> str:
    """The six-digit province code of any place ("42" and "420103" both give "420000")."""
    return province_of(place).code


def is_within(place: Place, scope: Place | None) -> bool:
    """True when `place` is `scope` or lies inside it."""
    if scope is None or place.code == scope.code:
        return True
    if scope.level == "province":
        return place.province_code == scope.code
    if scope.level == "prefecture":
        return place.prefecture_code == scope.code
    return False


# -------------------------------------------------------------------------------------- by name

_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


def _parses(text: str, scope: Place | None, data: Divisions, depth: int = 0):
    """Every way to read `text` as a chain of names going down the list inside `scope`:
    yields (last place, number of short names used). At the start, the scope itself and the
    units above it may be named too ("湖北省武汉市…" searched within 湖北省)."""
    if depth > 3:
        return
    for length in range(min(len(text), data.longest_name), 1, -1):
        for place, full in data.names.get(text[:length], ()):
            rest = text[length:]
            cost = 0 if full else 1
            if scope is not None and place.code in (scope.code, scope.province_code, scope.prefecture_code):
                if depth > 0:
                    continue
                if not rest:
                    if place.code == scope.code:
                        yield place, cost
                    continue
                for last, shorts in _parses(rest, scope, data, depth + 1):
                    yield last, shorts + cost
                continue
            if scope is not None and not is_within(place, scope):
                continue
            if not rest:
                yield place, cost
            else:
                for last, shorts in _parses(rest, place, data, depth + 1):
                    yield last, shorts + cost


def _names(places) -> str:
    return "、".join(p.full_name for p in places)


def resolve(query, *, within=None) -> Resolution:
    """The places a code or a name can mean.

    Accepted: a code of two, four or six digits ("42", "4201", "420103"); a full path or any part
    of one, the type suffixes optional ("湖北省武汉市江汉区", "湖北武汉", "武汉市", "武汉", "武汉江汉区",
    "江汉区"); a name retired since 2010 (matched_by "former", candidates = the places that now
    cover its area). `within` (a code, name or Place) limits the search to one province or
    prefecture, as a wage announcement's list does.

    A name several places bear ("朝阳区": 北京 and 长春) returns all of them with `ambiguous` True
    and a message asking for the higher-level name; candidates named in full come before ones
    matched by a short form, then province before prefecture before county.
    """
    data = divisions()
    text = _normalize_text(str(query))
    scope = _as_place(within) if within is not None and within != "" else None
    if not text:
        return Resolution(str(query), (), "none", message="未填写地名")
    if re.fullmatch(r"\d+", text):
        try:
            code = normalize_code(text)
        except ValueError:
            return Resolution(str(query), (), "none", message=f"“{query}”不是行政区划代码")
        place = data.by_code.get(code)
        if place is not None and is_within(place, scope):
            return Resolution(str(query), (place,), "code")
        old = data.former_by_code.get(code)
        if old is not None:
            return _former(str(query), [old], scope, data)
        return Resolution(str(query), (), "none", message=f"{data.edition.year}年版区划代码中没有{code}")

    best: dict[str, int] = {}
    for place, shorts in _parses(text, scope, data):
        best[place.code] = min(shorts, best.get(place.code, shorts))
    if best:
        fewest = min(best.values())
        # A reading that needs short names only where another needs none loses: "吉林市" is the
        # city, not the province + "市".
        places = sorted((data.by_code[c] for c, s in best.items() if s == fewest),
                        key=lambda p: (_LEVEL_RANK[p.level], p.code))
        message = "" if len(places) == 1 else f"“{query}”对应多个地方：{_names(places)}。请写明上级地名或填写区划代码。"
        return Resolution(str(query), tuple(places), "name", message=message)

    olds = _former_matches(text, scope, data)
    if olds:
        return _former(str(query), olds, scope, data)
    where = f"（在{scope.full_name}范围内）" if scope else ""
    return Resolution(str(query), (), "none",
                      message=f"{data.edition.year}年版行政区划中没有找到“{query}”{where}")


def _heads(old: FormerPlace) -> set[str]:
    """What may stand before a retired name: nothing, its province, its prefecture, or both
    (each in full or short)."""
    prov = {old.province_name, *short_names(old.province_name, "province")}
    pref = {old.prefecture_name, *short_names(old.prefecture_name, "prefecture")} if old.prefecture_name else set()
    return {""} | prov | pref | {a + b for a in prov for b in pref}


def _former_matches(text: str, scope: Place | None, data: Divisions) -> list[FormerPlace]:
    """Retired names: the text ends with one, and what comes before it names its province or
    prefecture (or nothing)."""
    out = []
    for length in range(len(text), 1, -1):
        head, tail = text[:-length], text[-length:]
        for old in data.former.get(tail, ()):
            if scope is not None and old.province_code != scope.province_code:
                continue
            if scope is not None and scope.level == "prefecture" and old.code[:4] != scope.code[:4] \
                    and old.prefecture_name != scope.name:
                continue
            if head in _heads(old) or (scope is not None and head in (
                    scope.name, scope.full_name, *short_names(scope.name, scope.level))):
                if old not in out:
                    out.append(old)
        if out:
            break
    return out


def _former(query: str, olds: list[FormerPlace], scope: Place | None, data: Divisions) -> Resolution:
    codes = list(dict.fromkeys(c for old in olds for c in old.successors))
    places = tuple(data.by_code[c] for c in codes if is_within(data.by_code[c], scope))
    told = "；".join(
        f"{old.province_name}{old.prefecture_name or ''}{old.name}（{old.code}）{old.in_use_until}年已不再使用"
        + (f"，其区域今属{_names(data.by_code[c] for c in old.successors)}" if old.successors else "")
        for old in olds)
    return Resolution(query, places, "former", tuple(olds), message=told)
