"""Local minimum wage standards as dated, sourced records, and the pure lookups built on them.

Why the figure matters: under 《中华人民共和国劳动争议调解仲裁法》 (adopted 2007-12-29, in force
2008-05-01) Art. 47(1), a claim for labour remuneration, work-injury medical costs, economic
compensation or damages is decided by a final award (一裁终局) when its amount does not exceed
twelve months of the *local* monthly minimum wage. "Local" is the province's tier that covers the
place, and the standard is the one in force on the day that matters.

Where the figures come from: the minimum wage is fixed by each provincial government
(《中华人民共和国劳动法》 Art. 48; 《最低工资规定》, former Ministry of Labour and Social Security
Order No. 21, in force 2004-03-01, Art. 7), usually in several tiers (档/类) that each cover a
published list of counties, cities or districts, and must be adjusted at least once every two
years (same Order, Art. 10). workflows/data/minimum_wage_standards.json keeps one record per
announcement (history included) with its title, issuer, document number, the address of the page
it was read from, and how far it was verified ("official", "secondary" or "unverified").

Framework-free: no Flask, no database, no imports from `disputes`.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType

ARTICLE_47_1 = "《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项"
ARTICLE_47_1_EN = ("Labour Dispute Mediation and Arbitration Law, Art. 47(1) (in force 2008-05-01): "
                   "final award up to twelve months of the local monthly minimum wage")
ARTICLE_ADJUSTMENT = "《最低工资规定》（原劳动和社会保障部令第21号）第十条"

LEVELS = ("official", "secondary", "unverified")
BASES = ("announced", "in_force_by", "unverified_date")

DATA_FILE = ("data", "minimum_wage_standards.json")


# ----------------------------------------------------------------------------------- records

@dataclass(frozen=True)
class Verification:
    """Who checked a record, when, and against what: "official" = the government's own page,
    "secondary" = only a news or other site carried it, "unverified" = figure or date not read."""
    by: str
    on: dt.date
    level: str


@dataclass(frozen=True)
class Tier:
    """One tier (档/类) of a standard: the monthly figure for full-time work, the hourly figure
    for part-time work (非全日制), and the places it covers as the announcement lists them.

    `rest_of_province` is the announcement's "其余县（市、区）" (or the whole region when there is
    one tier). `places_complete` is False when the page read did not carry the whole list: a
    place missing from it may still belong to this tier.
    """
    label: str
    rank: int
    monthly: Decimal
    hourly: Decimal | None
    places: tuple[str, ...]
    rest_of_province: bool = False
    places_complete: bool = True
    note: str | None = None
    hourly_full_time: Decimal | None = None


@dataclass(frozen=True)
class Standard:
    """One announcement of a province's minimum wage standard, in force from `effective_on`.

    `effective_on_basis`: "announced" (date read in the notice or its report), "in_force_by" (only
    known to be in force on that date, e.g. from the ministry's national table; it may have started
    earlier) or "unverified_date" (date carried over from the old table, not checked).
    """
    province_code: str
    province_name: str
    effective_on: dt.date
    effective_on_basis: str
    title: str
    issuer: str
    document_number: str | None
    issued_on: dt.date | None
    url: str | None
    tiers: tuple[Tier, ...]
    verified: Verification
    notes: str | None = None

    @property
    def first_tier(self) -> Tier:
        """The highest tier as listed first among rank 1 (Guangdong lists Guangzhou before Shenzhen)."""
        return next(t for t in self.tiers if t.rank == min(x.rank for x in self.tiers))

    @property
    def rest_tier(self) -> Tier | None:
        return next((t for t in self.tiers if t.rest_of_province), None)

    def citation(self) -> str:
        """A short reference for an award or a note: issuer, title, number, date, address."""
        parts = [self.issuer, f"《{self.title}》" if not self.title.startswith("（") else self.title]
        if self.document_number:
            parts.append(f"（{self.document_number}）")
        parts.append(f"，{self.effective_on.isoformat()}起执行")
        if self.url:
            parts.append(f"，{self.url}")
        return "".join(parts)


@dataclass(frozen=True)
class TierLookup:
    """What `standard_in_force` found. `tier` is None whenever the data cannot name one tier.

    `matched_by` says how the tier was chosen or why not:
      "place"             the place name matched a tier's published list;
      "rest_of_province"  no list named it and the standard has a "rest of the province" tier,
                          every other list being complete;
      "only_tier"         the standard has one tier for the whole province;
      "no_place"          no place given and several tiers: the caller must choose from `tiers`;
      "ambiguous"         the place matched lists of several tiers (see `candidates`);
      "too_broad"         the place is wider than listed places (a city whose districts sit in
                          different tiers): give a county or district;
      "unmatched"         the place is on no list and lists are incomplete or there is no
                          rest-of-province tier (see `candidates`);
      "no_standard"       no standard on record in force on that day.
    """
    province_code: str
    on: dt.date
    place: str | None
    standard: Standard | None
    tier: Tier | None
    matched_by: str
    candidates: tuple[Tier, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def tiers(self) -> tuple[Tier, ...]:
        return self.standard.tiers if self.standard else ()


@dataclass(frozen=True)
class FinalAwardThreshold:
    """12 × the monthly minimum wage of the tier found (Art. 47(1)); `amount` is None when no
    single tier could be determined, and `lookup` says why."""
    amount: Decimal | None
    lookup: TierLookup
    article: str = ARTICLE_47_1

    def covers(self, claim_amount) -> bool | None:
        """True when the claimed amount is within the threshold (inclusive), None when unknown."""
        if self.amount is None:
            return None
        return within_twelve_months(claim_amount, self.lookup.tier.monthly)


@dataclass(frozen=True)
class StaleProvince:
    province_code: str
    province_name: str
    newest_effective_on: dt.date
    level: str


# ------------------------------------------------------------------------------------ loading

def _decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _date(value) -> dt.date | None:
    return None if not value else dt.date.fromisoformat(value)


def _tier(row) -> Tier:
    names, rest = [], False
    for place in row.get("places", []):
        if isinstance(place, dict):
            rest = rest or bool(place.get("rest_of_province"))
        else:
            names.append(place)
    return Tier(label=row["tier"], rank=int(row["rank"]), monthly=Decimal(str(row["monthly"])),
                hourly=_decimal(row.get("hourly")), places=tuple(names), rest_of_province=rest,
                places_complete=bool(row.get("places_complete", True)), note=row.get("note"),
                hourly_full_time=_decimal(row.get("hourly_full_time")))


def _standard(row) -> Standard:
    verified = row["verified"]
    if verified["level"] not in LEVELS:
        raise ValueError(f"{row['province_code']} {row['effective_on']}: unknown level {verified['level']!r}")
    basis = row.get("effective_on_basis", "announced")
    if basis not in BASES:
        raise ValueError(f"{row['province_code']} {row['effective_on']}: unknown basis {basis!r}")
    return Standard(province_code=normalize_province_code(row["province_code"]),
                    province_name=row["province_name"], effective_on=_date(row["effective_on"]),
                    effective_on_basis=basis, title=row["title"], issuer=row["issuer"],
                    document_number=row.get("document_number"), issued_on=_date(row.get("issued_on")),
                    url=row.get("url"), tiers=tuple(_tier(t) for t in row["tiers"]),
                    verified=Verification(verified["by"], _date(verified["on"]), verified["level"]),
                    notes=row.get("notes"))


def load_standards(path: str | Path | None = None):
    """Read the standards file into {province code "420000": (Standard, …) oldest first}.

    The records are the provinces' own announcements (Labour Law Art. 48); by default the file
    shipped as workflows/data/minimum_wage_standards.json.
    """
    if path is None:
        text = resources.files("workflows").joinpath(*DATA_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    by_province: dict[str, list[Standard]] = {}
    for row in json.loads(text)["standards"]:
        standard = _standard(row)
        by_province.setdefault(standard.province_code, []).append(standard)
    return MappingProxyType({code: tuple(sorted(rows, key=lambda s: s.effective_on))
                             for code, rows in sorted(by_province.items())})


_DEFAULT = None


def _standards(standards):
    global _DEFAULT
    if standards is not None:
        return standards
    if _DEFAULT is None:
        _DEFAULT = load_standards()
    return _DEFAULT


def normalize_province_code(code) -> str:
    """GB/T 2260 province code as six digits: "42", "420000" and 420000 all give "420000"."""
    text = str(code).strip()
    if not re.fullmatch(r"\d{2}(0000)?", text):
        raise ValueError(f"not a province code: {code!r}")
    return text[:2] + "0000"


def standard_on(province_code, on: dt.date, standards=None) -> Standard | None:
    """The newest standard of the province whose effective day is on or before `on`."""
    rows = _standards(standards).get(normalize_province_code(province_code), ())
    in_force = [s for s in rows if s.effective_on <= on]
    return in_force[-1] if in_force else None


# ------------------------------------------------------------------------------ place matching

_ADMIN_SUFFIXES = ("市", "州", "盟", "地区")


def _norm(text: str) -> str:
    text = re.sub(r"\s+", "", text or "")
    return (text.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", "、")
            .replace(",", "、"))


@dataclass(frozen=True)
class _Entry:
    raw: str
    base: str
    includes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    city_proper: str | None = None  # "长春市" for "长春市区"


def _parse(raw: str) -> _Entry:
    text = _norm(raw)
    base, includes, excludes = text, (), ()
    m = re.fullmatch(r"(.*?)\((.*)\)", text)
    if m:
        base, inner = m.group(1), m.group(2)
        if inner.startswith("不含"):
            excludes = tuple(x for x in inner[2:].split("、") if x)
        elif inner.endswith("除外"):
            excludes = tuple(x for x in inner[:-2].split("、") if x)
        elif inner.startswith("含"):
            includes = tuple(x for x in re.split(r"[、和]", inner[1:]) if x)
        elif len(inner) > 1:
            includes = (inner,)  # an alias written in brackets, e.g. 振兴区(边境经济合作区)
    city = base[:-1] if base.endswith("市区") else None
    if city:
        includes = tuple(x if x.startswith(city) else city + x for x in includes)
        excludes = tuple(x if x.startswith(city) else city + x for x in excludes)
    return _Entry(raw, base, includes, excludes, city)


def _score(entry: _Entry, query: str) -> int:
    """3 = the entry names the place, 2 = named in its brackets, 1 = the place lies inside the
    entry (a district of a city listed whole), 0 = no match, -1 = the entry excludes it."""
    for x in entry.excludes:
        if query == x or query.endswith(x):
            return -1
    if query == entry.base or query == _norm(entry.raw):
        return 3
    if len(entry.base) >= 2 and query.endswith(entry.base):
        return 3
    if len(query) >= 2 and entry.base.endswith(query) and not entry.city_proper and \
            len(entry.base) > len(query) and query[-1] in "市区县旗":
        return 3  # "正定县" against "石家庄市正定县"
    for x in entry.includes:
        if query == x or query.endswith(x):
            return 2
    if entry.city_proper and query.startswith(entry.city_proper) and len(query) > len(entry.city_proper) \
            and query.endswith("区"):
        return 1
    if not entry.city_proper and entry.base.endswith(_ADMIN_SUFFIXES) and query.startswith(entry.base) \
            and len(query) > len(entry.base):
        return 1
    return 0


def _broader(entry: _Entry, query: str) -> bool:
    """The query is a prefix of a listed place (e.g. "长春市" against "长春市区")."""
    return len(query) >= 2 and entry.base.startswith(query) and entry.base != query


def _queries(place: str, province_name: str) -> list[str]:
    q = _norm(place)
    out = [q]
    if q.startswith(province_name) and len(q) > len(province_name):
        out.append(q[len(province_name):])
    return out


def _match(standard: Standard, place: str):
    """(best score, tiers with that score, tiers the place is broader than)."""
    queries = _queries(place, standard.province_name)
    best, hits, broad = 0, [], []
    for tier in standard.tiers:
        score = 0
        for raw in tier.places:
            entry = _parse(raw)
            for q in queries:
                s = _score(entry, q)
                score = max(score, s)
                if s == 0 and _broader(entry, q) and tier not in broad:
                    broad.append(tier)
        if score > best:
            best, hits = score, [tier]
        elif score == best and score > 0:
            hits.append(tier)
    return best, hits, broad


# ----------------------------------------------------------------------------------- lookups

def _warnings(standard: Standard, rows, on: dt.date) -> list[str]:
    notes = []
    if standard.verified.level != "official":
        notes.append(f"source level: {standard.verified.level} (read at {standard.url or 'no address'})")
    if standard.effective_on_basis == "unverified_date":
        notes.append("effective date carried over from an older table, not verified")
    later = [s for s in rows if s.effective_on > on]
    if later and later[0].effective_on_basis == "in_force_by":
        notes.append(f"a newer standard of unknown start date was in force by {later[0].effective_on}; "
                     "it may already apply on this day")
    return notes


def standard_in_force(province_code, on: dt.date, place: str | None = None, *, standards=None) -> TierLookup:
    """The standard in force in the province on `on` and, when it can be told, the tier for `place`.

    The standard is the newest announcement whose effective day is on or before `on` (the day the
    award is made or the day of the claim, as the caller decides). The tier is "the local" minimum
    wage of Art. 47(1) of 《劳动争议调解仲裁法》: the tier whose published list names the place
    (county, district or city; the province's name in front is ignored). Failing that, the
    announcement's "rest of the province" tier — but only when every other tier's list is complete,
    since a place missing from a truncated list may belong to it.

    No place given: a province with a single tier returns it ("only_tier"); otherwise `tier` is
    None and `tiers` lists them ("no_place"). The lookup never picks the lowest or the highest tier
    on the caller's behalf: either choice would silently move the final-award line, and the
    correct tier depends on where the contract is performed (or the employer sits), which only the
    caller knows. The result carries the announcement for citing and warnings on the source.
    """
    code = normalize_province_code(province_code)
    rows = _standards(standards).get(code, ())
    standard = standard_on(code, on, standards)
    if standard is None:
        return TierLookup(code, on, place, None, None, "no_standard",
                          warnings=("no standard on record in force on this day",))
    warnings = _warnings(standard, rows, on)

    def result(tier, how, candidates=(), extra=()):
        return TierLookup(code, on, place, standard, tier, how, tuple(candidates), tuple(warnings + list(extra)))

    single = len(standard.tiers) == 1 and standard.tiers[0].rest_of_province
    if not place or not place.strip():
        if single:
            return result(standard.tiers[0], "only_tier")
        return result(None, "no_place", standard.tiers)
    if single:
        return result(standard.tiers[0], "only_tier")

    best, hits, broad = _match(standard, place)
    distinct = list(dict.fromkeys(hits))
    if best > 0 and len(distinct) == 1:
        return result(distinct[0], "place")
    if best > 0:
        return result(None, "ambiguous", distinct, ["the place name matches lists of several tiers"])
    if broad:
        rest = standard.rest_tier
        candidates = broad + ([rest] if rest and rest not in broad else [])
        return result(None, "too_broad", candidates, ["give the county or district: the place spans tiers"])
    incomplete = [t for t in standard.tiers if not t.places_complete and not t.rest_of_province]
    rest = standard.rest_tier
    if rest and not incomplete:
        return result(rest, "rest_of_province")
    candidates = incomplete + ([rest] if rest else [])
    reason = ("the place is on no complete list" if incomplete else
              "the place is on no list and the standard has no rest-of-province tier")
    return result(None, "unmatched", candidates or standard.tiers, [reason])


def within_twelve_months(claim_amount, monthly_minimum_wage) -> bool:
    """Art. 47(1) 《劳动争议调解仲裁法》: "does not exceed" twelve months — so an amount exactly
    equal to 12 × the monthly figure is still within the final-award limit (inclusive)."""
    return Decimal(str(claim_amount)) <= twelve_months(monthly_minimum_wage)


def twelve_months(monthly_minimum_wage) -> Decimal:
    """12 × the monthly minimum wage, to the fen (Art. 47(1))."""
    return (Decimal(str(monthly_minimum_wage)) * 12).quantize(Decimal("0.01"))


def final_award_threshold(province_code, on: dt.date, place: str | None = None, *,
                          standards=None) -> FinalAwardThreshold:
    """The final-award line of 《劳动争议调解仲裁法》第四十七条第（一）项: twelve months of the local
    monthly minimum wage in force on `on` for `place`.

    `amount` is None when `standard_in_force` could not name a single tier; the lookup inside
    says why and which tiers are candidates. Compare an item with `covers()` (inclusive).
    """
    lookup = standard_in_force(province_code, on, place, standards=standards)
    amount = twelve_months(lookup.tier.monthly) if lookup.tier else None
    return FinalAwardThreshold(amount, lookup)


def first_tier_on(province_code, on: dt.date, *, standards=None) -> Tier | None:
    """The province's first (highest) tier in force on `on`, for summaries; never for an award,
    where the tier of the place applies (Art. 47(1))."""
    standard = standard_on(province_code, on, standards)
    return standard.first_tier if standard else None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def stale_provinces(today: dt.date, years: int = 2, *, standards=None) -> list[StaleProvince]:
    """Provinces whose newest recorded standard took effect more than `years` years before `today`.

    《最低工资规定》 Art. 10 requires an adjustment at least once every two years, so a newest
    record older than that most likely means the data missed a newer announcement: check it
    before relying on the figure.
    """
    cutoff = _years_before(today, years)
    out = []
    for code, rows in _standards(standards).items():
        known = [s for s in rows if s.effective_on <= today]
        newest = known[-1] if known else rows[0]
        if newest.effective_on < cutoff:
            out.append(StaleProvince(code, newest.province_name, newest.effective_on, newest.verified.level))
    return out
