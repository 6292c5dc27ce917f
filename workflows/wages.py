"""The shipped table of monthly minimum wages, one row per mainland provincial region.

Highest tier, in yuan per month, keyed by the GB/T 2260 province code. Every row is marked
unverified: the admin confirms or edits it (domain/claims.md, "to verify").
"""

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from types import MappingProxyType


@dataclass(frozen=True)
class MinimumWage:
    code: str
    name_zh: str
    monthly: Decimal
    effective_on: dt.date
    verified: bool
    note: str | None = None


def load_minimum_wages():
    """Read workflows/data/minimum_wages.json into {code: MinimumWage}."""
    text = resources.files("workflows").joinpath("data", "minimum_wages.json").read_text(encoding="utf-8")
    return MappingProxyType({
        code: MinimumWage(code, row["name_zh"], Decimal(row["monthly"]),
                          dt.date.fromisoformat(row["effective_on"]), row["verified"], row.get("note"))
        for code, row in json.loads(text).items()
    })


DEFAULT_MINIMUM_WAGES = load_minimum_wages()
