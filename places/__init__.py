"""Places: the official division list (GB/T 2260 codes, as published by 民政部) as data, and the
lookups the app needs — by code, by name (full, partial or abbreviated, ambiguity said), the path
province → prefecture → county, the province of any place, and the reading of the place lists
of minimum-wage announcements.

Framework-free like ``glossary/``: the standard library only; nothing from ``disputes``,
``workflows`` or ``casebase``.
"""
from places.divisions import (CUSTOMARY, LEVELS, OUTSIDE_MAINLAND, Divisions, Edition, FormerPlace,
                              Place, Resolution, children, counties, divisions, edition,
                              former_by_code, is_within, load, normalize_code, path,
                              place_by_code, prefectures, province_code, province_of, provinces,
                              resolve, short_names)
from places.listing import (ListedEntry, ListMatch, is_rest_of_province, match_listed,
                            parse_listed, split_listed)

__all__ = [
    "CUSTOMARY", "LEVELS", "OUTSIDE_MAINLAND", "Divisions", "Edition", "FormerPlace", "ListMatch",
    "ListedEntry", "Place", "Resolution", "children", "counties", "divisions", "edition",
    "former_by_code", "is_rest_of_province", "is_within", "load", "match_listed", "normalize_code",
    "parse_listed", "path", "place_by_code", "prefectures", "province_code", "province_of",
    "provinces", "resolve", "short_names", "split_listed",
]
