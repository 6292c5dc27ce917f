"""Rebuild places/data/divisions.json from a published division list (a maintainer's tool, not run
by the app).

Input: the ministry's list as plain text, one "code name" pair a line (the form in which
民政部《中华人民共和国县以上行政区划代码》 is commonly transcribed), and optionally a history table
(CSV with the columns 代码, 一级行政区, 二级行政区, 名称, 级别, 状态, 启用时间, 变更/弃用时间, 新代码) from
which the names no longer in use are kept, so that an older minimum-wage announcement that still
names them can be read. Only codes and names are taken; the hierarchy follows from the codes
(GB/T 2260: two digits province, two prefecture, two county).

    python -m places.build_data --current 2025.txt --history result.csv --since 2010 \
        --edition 2025 --as-of 2025-12-31 > places/data/divisions.json

The metadata written beside the data (title, publisher, where the text was taken from, licence)
comes from the options; check it before committing a new edition.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys


def read_current(path: str) -> dict[str, str]:
    rows: dict[str, str] = {}
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            code, name = line.split(None, 1)
            if not re.fullmatch(r"\d{6}", code):
                raise ValueError(f"bad code {code!r}")
            rows[code] = name.strip()
    return rows


def tree(rows: dict[str, str]) -> list[dict]:
    """Provinces with their prefectures and counties; a county whose prefecture code is not in the
    list (municipal districts, 省直辖县级行政区划) hangs under its province."""
    provinces: dict[str, dict] = {}
    prefectures: dict[str, dict] = {}
    for code in sorted(rows):
        node = {"code": code, "name": rows[code]}
        if code.endswith("0000"):
            provinces[code] = node
        elif code.endswith("00"):
            provinces[code[:2] + "0000"].setdefault("children", []).append(node)
            prefectures[code] = node
        else:
            parent = prefectures.get(code[:4] + "00") or provinces[code[:2] + "0000"]
            parent.setdefault("children", []).append(node)
    return list(provinces.values())


def read_former(path: str, current: dict[str, str], since: int) -> list[dict]:
    """Prefecture- and county-level names retired (or renamed) in `since` or later."""
    out = []
    with open(path, encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["状态"] == "在用" or row["级别"] == "省级" or not row["变更/弃用时间"]:
                continue
            until = int(row["变更/弃用时间"])
            if until < since:
                continue
            if current.get(row["代码"]) == row["名称"]:
                continue  # an area change only: the name is still in use
            # "130404[2014]": an earlier part of the area went there; only the codes of the change itself
            successors = [c for c in row["新代码"].split(";") if c and "[" not in c]
            if row["代码"] in current:  # renamed, same code
                successors.insert(0, row["代码"])
            successors = list(dict.fromkeys(successors))
            out.append({
                "code": row["代码"], "name": row["名称"],
                "level": "prefecture" if row["级别"] == "地级" else "county",
                "province": row["一级行政区"],
                "prefecture": None if row["二级行政区"] in ("直辖", row["名称"]) else row["二级行政区"],
                "in_use": [int(row["启用时间"]), until],
                "successors": [c for c in successors if c in current],
            })
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--current", required=True)
    parser.add_argument("--history")
    parser.add_argument("--since", type=int, default=2010)
    parser.add_argument("--edition", type=int, required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--extra-former", help="JSON list of former names to add (same fields)")
    parser.add_argument("--meta", help="JSON object merged into the file's metadata")
    args = parser.parse_args(argv)
    current = read_current(args.current)
    former = read_former(args.history, current, args.since) if args.history else []
    if args.extra_former:
        with open(args.extra_former, encoding="utf-8") as handle:
            former.extend(json.load(handle))
    doc = {"schema": "places/divisions/1", "edition": args.edition, "as_of": args.as_of}
    if args.meta:
        with open(args.meta, encoding="utf-8") as handle:
            doc.update(json.load(handle))
    doc["provinces"] = tree(current)
    doc["former"] = sorted(former, key=lambda r: (r["code"], r["in_use"]))
    sys.stdout.write(dumps(doc))
    return 0


def dumps(doc: dict) -> str:
    """Indented metadata, one line per division and per former name (a readable diff per edition)."""
    def one(value):
        return json.dumps(value, ensure_ascii=False)

    def node(n, pad):
        head = f'{pad}{{"code": "{n["code"]}", "name": {one(n["name"])}'
        if not n.get("children"):
            return head + "}"
        inner = ",\n".join(node(c, pad + " ") for c in n["children"])
        return head + ', "children": [\n' + inner + "\n" + pad + "]}"

    parts = []
    for key, value in doc.items():
        if key == "provinces":
            body = ",\n".join(node(n, "  ") for n in value)
            parts.append(f' "provinces": [\n{body}\n ]')
        elif key == "former":
            body = ",\n".join("  " + one(r) for r in value)
            parts.append(f' "former": [\n{body}\n ]')
        else:
            parts.append(f" {one(key)}: " + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n "))
    return "{\n" + ",\n".join(parts) + "\n}\n"


if __name__ == "__main__":
    raise SystemExit(main())
