"""Reading the place lists of minimum-wage announcements against the division list.

An announcement lists the places of each tier (档/类) in its own words: "武汉市江岸区、江汉区、硚口区"
(the city written once, the districts after it inherit it), "石家庄市区(不含井陉矿区)" (the city's
districts less one), "长春市区(含九台区、双阳区)", whole cities ("广州市"), county-level cities,
zones that are not divisions at all ("雄安新区", "南昌经济技术开发区"), and "其余县（市、区）" for
the rest of the province. `parse_listed` turns such a list into the GB/T 2260 codes it covers;
`match_listed` says whether, and how, a list covers a place — what a wage lookup needs to pick
the tier of a county.

Framework-free: the standard library only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from places.divisions import (Place, _as_place, _normalize_text, counties, divisions, is_within,
                              place_by_code, resolve)

KINDS = ("place", "city_proper", "former", "rest", "unresolved", "ambiguous")

_REST = re.compile(r"^(其余|其他|其它|余下|剩余|全省|全市|全区|全自治区|全域)")


@dataclass(frozen=True)
class ListedEntry:
    """One item of an announcement's list, read against the division list.

    kind: "place" (names one division: province, prefecture or county), "city_proper" ("X市区":
    the districts of city X, with the brackets' inclusions and exclusions), "former" (a name
    retired from the list: covers the places that took over its area), "rest" ("其余县（市、区）"),
    "unresolved" (no division of that name in the province: zones, typos) or "ambiguous" (several
    divisions of the province bear the name and the list's context does not tell which).

    `covers` holds the codes of every unit inside the entry; `in_brackets` those the brackets name
    ("含…"); `excludes` those the brackets take out ("不含…", "…除外"), with their subdivisions.
    """
    raw: str
    kind: str
    places: tuple[Place, ...] = ()
    covers: frozenset = frozenset()
    in_brackets: frozenset = frozenset()
    excludes: frozenset = frozenset()
    notes: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class ListMatch:
    """How a list covers a place.

    score: 3 = the list names the place; 2 = named in an entry's brackets ("含九台区"); 1 = the
    place lies inside a listed unit (a district of a city listed whole or as "市区"), or every
    part of it is listed; 0 = not covered; -1 = an entry's brackets take it out and nothing else
    covers it. (The same scale as workflows/minimum_wages.py's `_score`.)
    how: "named", "bracket", "inside", "all_parts", "former" (covered through a retired name),
    "excluded", "none", "place_ambiguous" (the place's name fits several divisions of the
    province: see `candidates`) or "place_unknown" (not a division; compared as text).
    broader: the place is wider than what the list covers of it (a city some of whose districts
    are listed): the caller should ask for the county or district.
    unresolved: the list's entries that name no division (a place outside the list may still be
    meant by one of them).
    rest_listed: the list has a "其余县（市、区）" item; it is not scored here (whether the rest
    applies depends on the other tiers' lists, which the caller holds).
    """
    score: int
    how: str
    entry: str | None = None
    broader: bool = False
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    unresolved: tuple[str, ...] = ()
    rest_listed: bool = False


def is_rest_of_province(text: str) -> bool:
    """"其余县（市、区）", "其他地区", "全市"…: the tier that covers what the other tiers do not."""
    return bool(_REST.match(_normalize_text(text)))


def split_listed(entries) -> tuple[str, ...]:
    """A list as written ("武汉市江岸区、江汉区、硚口区") or a sequence of such strings, cut into
    items at 、，,；; outside brackets. Dict items (the wage data's {"rest_of_province": true})
    become "其余县（市、区）"."""
    if isinstance(entries, str):
        entries = [entries]
    out: list[str] = []
    for entry in entries:
        if isinstance(entry, dict):
            if entry.get("rest_of_province"):
                out.append("其余县（市、区）")
            continue
        depth, item = 0, ""
        for ch in str(entry):
            if ch in "(（":
                depth += 1
            elif ch in ")）":
                depth = max(0, depth - 1)
            if depth == 0 and ch in "、，,；;":
                if item.strip():
                    out.append(item.strip())
                item = ""
            else:
                item += ch
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def _entry_text(raw: str) -> str:
    text = re.sub(r"\s+", "", raw).replace("（", "(").replace("）", ")")
    return text.rstrip("等…。.")


def _descendants(place: Place) -> set[str]:
    data = divisions()
    out, todo = {place.code}, [place.code]
    while todo:
        for child in data.children.get(todo.pop(), ()):
            out.add(child.code)
            todo.append(child.code)
    return out


def _one(name: str, scopes) -> tuple[str, tuple[Place, ...], str]:
    """Resolve a name within the first scope that knows it: (how, places, message)."""
    last = None
    for scope in scopes:
        found = resolve(name, within=scope)
        if found.found:
            if found.matched_by == "former":
                return "former", found.candidates, found.message
            return ("place" if found.place else "ambiguous"), found.candidates, found.message
        last = found
    return "unresolved", (), last.message if last else ""


def _bracket_names(inner: str) -> list[str]:
    return [x for x in re.split(r"[、,，和及]", inner) if x]


def _districts(city: Place) -> set[str]:
    """The districts (市辖区) of a city: the county-level units under it whose names end in 区;
    a city without districts (东莞市, or a county-level city) is its own "市区"."""
    data = divisions()
    kids = [c.code for c in data.children.get(city.code, ()) if c.name.endswith("区")]
    return set(kids) or {city.code}


@lru_cache(maxsize=2048)
def _parse(entries: tuple[str, ...], province: str | None) -> tuple[ListedEntry, ...]:
    data = divisions()
    scope = data.by_code.get(province) if province else None
    context: Place | None = None
    out = []
    for raw in entries:
        text = _entry_text(raw)
        if is_rest_of_province(text):
            out.append(ListedEntry(raw, "rest", text=text))
            continue
        base, inner = text, None
        m = re.fullmatch(r"(.*?)\((.*)\)", text)
        if m:
            base, inner = m.group(1), m.group(2)
            if inner == "区" and base.endswith("市"):  # "抚顺市市(区)"
                base, inner = base + "区", None
        scopes = [s for s in (context, scope) if s is not None] or [None]
        kind, places, message = _one(base, scopes)
        notes = [] if kind in ("place",) else [message] if message else []
        unit: Place | None = places[0] if kind == "place" else None
        covers: set[str] = set()
        if kind in ("place", "former"):
            for p in places:
                covers |= _descendants(p)
        elif kind == "unresolved":
            m2 = re.fullmatch(r"(.+?)市?市区", base)
            city_kind, city = "unresolved", ()
            for name in ((m2.group(1) + "市", m2.group(1)) if m2 else ()):
                city_kind, city, _ = _one(name, scopes)
                if city_kind == "place":
                    break
            if city_kind == "place" and city[0].level in ("prefecture", "county"):
                kind, unit, places, notes = "city_proper", city[0], city, ["“市区”按该市全部市辖区理解"]
                covers = _districts(unit)
        in_brackets: set[str] = set()
        excludes: set[str] = set()
        if inner is not None and kind in ("place", "city_proper"):
            inner_scopes = [unit] + [s for s in scopes if s is not None and s != unit]
            if inner.startswith("不含") or inner.endswith("除外"):
                names = _bracket_names(inner[2:] if inner.startswith("不含") else inner[:-2])
                for name in names:
                    how, found, _ = _one(name, inner_scopes)
                    if how == "place":
                        excludes |= _descendants(found[0])
                    else:
                        notes.append(f"括号内“{name}”不是{data.edition.year}年版区划中的单位，未计入")
            elif inner.startswith("含") or inner.startswith("包括"):
                names = _bracket_names(inner[1:] if inner.startswith("含") else inner[2:])
                for name in names:
                    how, found, _ = _one(name, inner_scopes)
                    if how == "place":
                        in_brackets.add(found[0].code)
                        covers |= _descendants(found[0])
                    else:
                        notes.append(f"括号内“{name}”不是{data.edition.year}年版区划中的单位，未计入")
            else:
                notes.append(f"括号内“{inner}”作为别称或说明，未单独计入")
        covers -= excludes
        if unit is not None:
            context = data.by_code.get(unit.prefecture_code) if unit.prefecture_code else context
            if unit.level == "prefecture":
                context = unit
        out.append(ListedEntry(raw, kind, tuple(places), frozenset(covers), frozenset(in_brackets),
                               frozenset(excludes), tuple(notes), text))
    return tuple(out)


def parse_listed(entries, province=None) -> tuple[ListedEntry, ...]:
    """Read an announcement's list of places (a string as written, or its items) within a
    province (code, name or Place; the announcement's own). Each item resolves first inside the
    city the previous items named ("沈阳市和平区、沈河区、铁西区": 铁西区 of 沈阳, not of 鞍山), then
    in the whole province."""
    scope = _as_place(province).province_code if province not in (None, "") else None
    return _parse(split_listed(entries), scope)


def _place_of(place, scope: Place | None):
    """(places the caller's place can be, how it was read)."""
    if isinstance(place, Place):
        return (place,), "place"
    text = _normalize_text(str(place))
    if re.fullmatch(r"\d+", text):
        found = place_by_code(text)
        if found is not None:
            return (found,), "place"
    found = resolve(place, within=scope)
    if found.matched_by == "former":
        return found.candidates, "former"
    return found.candidates, "place" if found.place else ("ambiguous" if found.found else "unknown")


def _match_one(parsed, target: Place) -> ListMatch:
    best = ListMatch(0, "none", place=target)
    excluded_by = None
    broader = False
    union: set[str] = set()
    for entry in parsed:
        if entry.kind in ("rest", "unresolved", "ambiguous"):
            continue
        union |= entry.covers
        if target.code in entry.excludes:
            excluded_by = excluded_by or entry.raw
            continue
        if entry.kind == "place" and any(p.code == target.code for p in entry.places):
            score, how = 3, "named"
        elif target.code in entry.in_brackets:
            score, how = 2, "bracket"
        elif target.code in entry.covers:
            score, how = 1, "former" if entry.kind == "former" else "inside"
        else:
            score, how = 0, "none"
            if target.level != "county" and any(c != target.code and is_within(divisions().by_code[c], target)
                                                for c in entry.covers):
                broader = True
        if score > best.score:
            best = ListMatch(score, how, entry.raw, place=target)
    if best.score == 0 and target.level != "county":
        parts = {p.code for p in counties(target)}
        if parts and parts <= union:
            return ListMatch(1, "all_parts", None, place=target)
    if best.score == 0 and excluded_by:
        return ListMatch(-1, "excluded", excluded_by, place=target)
    if best.score == 0 and broader:
        return ListMatch(0, "none", None, broader=True, place=target)
    return best


def match_listed(entries, place, province=None) -> ListMatch:
    """Whether an announcement's list (as written, or its items) covers a place, and how.

    `place` is a Place, a code ("420103") or a name ("武汉市江汉区", "江汉区"), read within
    `province` (the announcement's province: code, name or Place; taken from the place when not
    given). A name that fits several divisions of the province is matched for each: when they
    agree the answer stands, else how="place_ambiguous" with the candidates. A place the division
    list does not know is compared as text with the entries that name no division ("雄安新区").
    """
    scope = _as_place(province) if province not in (None, "") else None
    scope = divisions().by_code[scope.province_code] if scope else None
    targets, read = _place_of(place, scope)
    if scope is None and targets:
        scope = divisions().by_code[targets[0].province_code]
    parsed = _parse(split_listed(entries), scope.code if scope else None)
    unresolved = tuple(e.raw for e in parsed if e.kind == "unresolved")
    rest = any(e.kind == "rest" for e in parsed)
    return _with(_match_listed(parsed, place, targets, read, unresolved), unresolved, rest)


def _with(match: ListMatch, unresolved, rest) -> ListMatch:
    return ListMatch(match.score, match.how, match.entry, match.broader, match.place, match.candidates,
                     unresolved, rest)


def _match_listed(parsed, place, targets, read, unresolved) -> ListMatch:
    if not targets:
        text = _entry_text(str(place))
        for entry in parsed:
            if entry.kind == "unresolved" and text and (entry.text == text or entry.text.endswith(text) and len(text) >= 3):
                return ListMatch(3, "named", entry.raw, unresolved=unresolved)
        return ListMatch(0, "place_unknown", unresolved=unresolved)
    results = [_match_one(parsed, t) for t in targets]
    first = results[0]
    if len(results) > 1 and read != "former":
        if all((r.score, r.how, r.broader) == (first.score, first.how, first.broader) for r in results):
            return ListMatch(first.score, first.how, first.entry, first.broader, None, tuple(targets), unresolved)
        return ListMatch(0, "place_ambiguous", None, False, None, tuple(targets), unresolved)
    if read == "former":
        # a retired name: its area now lies in the successors; covered only if all of them are
        low = min(results, key=lambda r: r.score)
        return ListMatch(low.score, low.how, low.entry, any(r.broader for r in results), None, tuple(targets),
                         unresolved)
    return ListMatch(first.score, first.how, first.entry, first.broader, first.place, (), unresolved)
