"""Anonymising a dispute's texts before they become a published typical case.

Published cases in China name people as 刘某 and leave out ID, phone and plate numbers, addresses
and case numbers; companies become 某科技公司 and the like (platforms may be kept by name). The
rules below are data; `anonymize_many` keeps one mapping across all the fields of a case, and
`leaks` is the check that nothing of the source survives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Collection, Iterable, Mapping, Sequence

COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Words after which a surname plus one or two characters is a person (骑手刘洋, 站长王建国说).
ROLE_BEFORE = ("骑手", "司机", "师傅", "劳动者", "申请人", "被申请人", "站长", "经理", "主播", "员工", "工人", "家政员",
               "调解员", "仲裁员", "法定代表人", "负责人", "队长", "组长", "同事", "证人")
ROLE_AFTER = ("先生", "女士", "师傅", "经理", "站长", "主管", "律师")
# Ordinary words that begin with a surname and must be left alone.
NOT_NAMES = {"王牌", "高温", "张贴", "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周岁", "高峰", "高于",
             "林业", "马上", "许多", "何时", "程序", "方式", "方面", "金额", "石油", "黄金", "白天", "严重", "万元", "于是",
             "江苏", "任何", "余额", "向其", "向公司", "向平台", "付款", "付费", "关于", "龙头", "杜绝", "段时间", "常规",
             "钱款", "文件", "田间", "苏州", "黎明", "邵阳", "万一", "戴着", "毛利", "雷雨", "孔洞", "时间"}

PATTERNS: tuple[tuple[str, re.Pattern, str], ...] = (
    ("id_number", re.compile(r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?![0-9A-Za-z])"), "＊＊＊"),
    ("bank_card", re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)"), "＊＊＊"),
    ("phone", re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)"), "＊＊＊"),
    ("phone", re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"), "＊＊＊"),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "＊＊＊"),
    ("plate", re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·•\s]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]"),
     "某车牌"),
    ("case_number", re.compile(r"[（(]\d{4}[)）][\u4e00-\u9fa5\d]{1,12}?\d+号"), "（案号略）"),
    ("case_number", re.compile(r"(?<!\d)20\d{2}-\d{7}(?!\d)"), "（案号略）"),
    ("account", re.compile(r"(?:微信号?|QQ号?|抖音号|账号)[:：\s]*[A-Za-z0-9_\-]{4,30}"), "账号（略）"),
    # Street addresses and estates; the district or city before them is kept (朝阳区某地).
    ("address", re.compile(r"(?:(?![区县市镇乡省在于])[\u4e00-\u9fa5]){2,5}(?:路|街|大道|巷|胡同)\d+号(?:院)?"
                           r"(?:\d+(?:号楼|栋|楼|单元|室|层))*"), "某地"),
    ("address", re.compile(r"(?:(?![区县市镇乡省在于])[\u4e00-\u9fa5]){2,5}(?:小区|花园|公寓|村)\d*(?:号楼|栋|组)?"
                           r"(?:\d+(?:单元|室|号))*"), "某地"),
)
# A company name cannot run across words that only occur between names (说, 在, 被, 向 …).
COMPANY = re.compile(r"[^\s，。、；：“”\"'说在的被向和与了是把将从对为让叫给]{2,16}?(?:股份有限公司|有限责任公司|有限公司|集团|分公司)")
BUSINESS_WORDS = (("科技", "某科技公司"), ("网络", "某网络公司"), ("配送", "某配送公司"), ("物流", "某物流公司"),
                  ("快递", "某快递公司"), ("劳务", "某劳务公司"), ("人力", "某人力资源公司"), ("派遣", "某劳务派遣公司"),
                  ("传媒", "某传媒公司"), ("文化", "某文化公司"), ("家政", "某家政公司"), ("运输", "某运输公司"),
                  ("信息", "某信息技术公司"), ("外卖", "某外卖平台公司"), ("出行", "某出行公司"))


@dataclass(frozen=True)
class KnownParty:
    name: str
    kind: str  # "person" | "company"


@dataclass(frozen=True)
class Replacement:
    original: str
    replacement: str
    category: str


@dataclass
class AnonymizedText:
    text: str
    replacements: list[Replacement] = field(default_factory=list)


class _Mapping:
    """One consistent naming across all fields: the same person is the same 刘某 everywhere."""

    def __init__(self, keep_companies: Collection[str]):
        self.keep = {name for name in keep_companies if name}
        self.people: dict[str, str] = {}
        self.companies: dict[str, str] = {}

    def person(self, name: str) -> str:
        if name not in self.people:
            surname = name[0]
            taken = sum(1 for alias in self.people.values() if alias.startswith(surname))
            self.people[name] = surname + "某" * (taken + 1)
        return self.people[name]

    def company(self, name: str) -> str:
        if name in self.keep:
            return name
        if name not in self.companies:
            generic = next((alias for word, alias in BUSINESS_WORDS if word in name), "某公司")
            taken = sum(1 for alias in self.companies.values() if alias.startswith(generic))
            self.companies[name] = generic if taken == 0 else f"{generic[:-2]}{'甲乙丙丁戊己庚辛'[min(taken, 7)]}{generic[-2:]}"
        return self.companies[name]


def anonymize(text: str, *, parties: Sequence[KnownParty] = (), keep_companies: Collection[str] = (),
              case_numbers: Collection[str] = ()) -> AnonymizedText:
    """One text anonymised (see anonymize_many for several fields of one case)."""
    return anonymize_many({"text": text}, parties=parties, keep_companies=keep_companies,
                          case_numbers=case_numbers)["text"]


def anonymize_many(texts: Mapping[str, str], *, parties: Sequence[KnownParty] = (), keep_companies: Collection[str] = (),
                   case_numbers: Collection[str] = ()) -> dict[str, AnonymizedText]:
    """Every field anonymised with one shared mapping of people and companies."""
    mapping = _Mapping(keep_companies)
    return {key: _anonymize_one(value or "", mapping, parties, case_numbers) for key, value in texts.items()}


def _anonymize_one(text: str, mapping: _Mapping, parties: Sequence[KnownParty], case_numbers: Collection[str]) -> AnonymizedText:
    result = AnonymizedText(text)
    for number in sorted((n for n in case_numbers if n), key=len, reverse=True):
        _replace_literal(result, number, "（案号略）", "case_number")
    for category, pattern, replacement in PATTERNS:
        _replace_pattern(result, pattern, lambda _match, r=replacement: r, category)
    for party in sorted(parties, key=lambda p: len(p.name), reverse=True):
        if party.kind == "company":
            _replace_literal(result, party.name, mapping.company(party.name), "company")
        elif len(party.name) >= 2:
            alias = mapping.person(party.name)
            _replace_literal(result, party.name, alias, "person")
            given = party.name[1:]
            if len(given) >= 2:
                _replace_literal(result, given, alias, "person")
    _replace_unknown_people(result, mapping)
    _replace_pattern(result, COMPANY, lambda match: mapping.company(match.group(0)), "company")
    return result


def _replace_literal(result: AnonymizedText, original: str, replacement: str, category: str) -> None:
    if original and original != replacement and original in result.text:
        result.text = result.text.replace(original, replacement)
        result.replacements.append(Replacement(original, replacement, category))


def _replace_pattern(result: AnonymizedText, pattern: re.Pattern, replacement, category: str) -> None:
    def substitute(match: re.Match) -> str:
        new = replacement(match)
        if new != match.group(0):
            result.replacements.append(Replacement(match.group(0), new, category))
        return new

    result.text = pattern.sub(substitute, result.text)


_ROLE_NAME = re.compile(
    rf"(?P<before>{'|'.join(ROLE_BEFORE)})(?P<name>[{COMMON_SURNAMES}][\u4e00-\u9fa5]{{1,2}})"
)
_NAME_ROLE = re.compile(rf"(?P<name>[{COMMON_SURNAMES}][\u4e00-\u9fa5]{{1,2}}?)(?P<after>{'|'.join(ROLE_AFTER)})")
_STOP = set("说称某的了在和与向对被把将从是也都就还又及等")


def _replace_unknown_people(result: AnonymizedText, mapping: _Mapping) -> None:
    """Surname + one or two characters next to a role word, conservatively (王牌, 高温 are not people)."""
    def by_role(match: re.Match) -> str:
        name = _trim(match.group("name"))
        if not _looks_like_name(name):
            return match.group(0)
        alias = mapping.person(name)
        result.replacements.append(Replacement(name, alias, "person"))
        return match.group("before") + alias + match.group("name")[len(name):]

    def before_role(match: re.Match) -> str:
        name = match.group("name")
        if not _looks_like_name(name):
            return match.group(0)
        alias = mapping.person(name)
        result.replacements.append(Replacement(name, alias, "person"))
        return alias + match.group("after")

    result.text = _ROLE_NAME.sub(by_role, result.text)
    result.text = _NAME_ROLE.sub(before_role, result.text)
    for name, alias in list(mapping.people.items()):  # a name found once is replaced everywhere
        result.text = result.text.replace(name, alias)


def _trim(name: str) -> str:
    """Drop a trailing function word picked up by the greedy match (王建国说 → 王建国, 刘洋的 → 刘洋)."""
    return name[:-1] if len(name) == 3 and name[-1] in _STOP else name


def _looks_like_name(name: str) -> bool:
    return (len(name) >= 2 and "某" not in name and name not in NOT_NAMES and name[:2] not in NOT_NAMES
            and not any(ch in _STOP for ch in name[1:]))


def leaks(text: str, secrets: Iterable[str]) -> list[str]:
    """Which secrets (names, ID, phone, plate numbers…) still appear, also with separators removed."""
    compact = re.sub(r"[\s\-·•]", "", text)
    found = []
    for secret in secrets:
        if not secret:
            continue
        plain = re.sub(r"[\s\-·•]", "", secret)
        if secret in text or (plain and plain in compact):
            found.append(secret)
        elif len(secret) in (3, 4) and re.fullmatch(r"[\u4e00-\u9fa5]+", secret) and secret[1:] in text and len(secret[1:]) >= 2:
            found.append(secret)  # the given name alone still identifies
    return found
