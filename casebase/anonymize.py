"""Anonymising a dispute's texts before they become a published typical case.

Published cases in China name people as 刘某 and leave out ID, phone and plate numbers, addresses
and the case's own numbers; companies become 某科技公司 and the like (platforms may be kept by name).

Everything is found by one detector, `detect`, on a character-for-character folded view of the text
(full-width letters and digits become ASCII; for numbers, Chinese digits 一二三/幺/〇/零/壹贰叁 become
0-9 too), so every finding has a span in the original text:

- phone numbers (mobile with +86/0086, landlines with area code, 400/800, any number after 电话/手机),
  ID numbers (18 digits with X, 15 digits), bank cards and other account numbers (16+ digits, Luhn
  tells a card), unified social credit codes — all with spaces, dashes or dots inside;
- plates (separators, lower case, new-energy 8 characters), WeChat/QQ/抖音 ids after their label, e-mail;
- addresses (…路/街/巷/胡同/弄 with a number, …小区/花园/公寓/大厦/社区/村/组);
- people: the case's parties (full name, given name, pinyin), names next to a role word (老板孙国庆,
  赵敏经理), names jieba's HMM tags ``nr`` that start with a known surname, and pinyin names;
- companies (…有限公司, …集团) other than those kept, and the case's own numbers.

`anonymize_many` keeps one mapping across all the fields of a case (the same person is the same
刘某 everywhere) and returns every replacement with its span in the source and in the result, for
the reviewer to see highlighted (`AnonymizedText.segments`). `leak_check` is the gate before
publishing: what `detect` still finds plus any literal secret of the source case; it must be empty
(words a reviewer confirmed, such as a city jieba took for a name, can be passed as ``allowed``).
`leaks` is the older literal check. Court case numbers such as （2021）京01民终1234号, document
numbers, amounts, dates and article numbers are ordinary legal text and stay as they are.

Data: data/surnames.txt and data/given_name_chars.txt (each says where it comes from). Pinyin needs
the optional ``pypinyin``; without it names are found in Chinese characters only
(`pinyin_available`). Limits: a person who is no party and whose name is also a common word (苏宁,
高峰) or whose surname is mostly a function word (于, 向, 和) is found only where jieba reads a name;
a name with no role word beside it rests on jieba's guess alone.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable, Mapping, Sequence

DATA = Path(__file__).parent / "data"


def _load_surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = [line.strip() for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()]
    names = [name for name in names if name and not name.startswith("#")]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


SINGLE_SURNAMES, COMPOUND_SURNAMES = _load_surnames()
GIVEN_NAME_CHARS = frozenset(line.strip() for line in (DATA / "given_name_chars.txt").read_text(encoding="utf-8").splitlines()
                             if line.strip() and not line.startswith("#"))
# Last characters that make a guessed "name" a thing or a place (富康车, 花名册, 中转费后, 柯城区).
NOT_NAME_ENDINGS = frozenset("车费后册区市县省路街村局厅部委所店厂司号款单证卡表据税率期日月年时段间处者员们等类性化式院队组站场馆网线"
                             "点面上下里内外中前以及")
_PLACE_SUFFIXES = ("市", "县", "区", "镇", "省", "乡")
COMMON_SURNAMES = "".join(sorted(SINGLE_SURNAMES))
# Surnames that are far more often function words; they only count for the case's own parties.
WEAK_SURNAMES = frozenset("和与在向于对被把从是也都就还又及等由但为来到以而说称的了那有能会要去给之其该本同全")

ROLE_BEFORE = ("骑手", "司机", "师傅", "劳动者", "申请人", "被申请人", "站长", "经理", "主播", "员工", "工人", "家政员",
               "调解员", "仲裁员", "法定代表人", "负责人", "队长", "组长", "同事", "证人", "老板娘", "老板", "店长", "店主",
               "房东", "客户", "顾客", "乘客", "朋友", "丈夫", "妻子", "父亲", "母亲", "儿子", "女儿", "哥哥", "姐姐",
               "弟弟", "妹妹", "委托代理人", "代理人", "律师", "法官", "书记员", "审判员", "主管", "老师", "医生", "工友",
               "室友", "邻居", "介绍人", "联系人", "收件人", "车主", "雇主", "业主", "老乡", "配送员", "快递员", "外卖员",
               "保安", "厨师", "会计", "出纳", "股东", "董事长", "总经理", "班长", "主任", "网点负责人", "站点负责人",
               "名叫", "姓名", "叫做", "对接人", "合伙人", "徒弟", "师父")
ROLE_AFTER = ("先生", "女士", "小姐", "师傅", "经理", "站长", "主管", "律师", "老师", "医生", "阿姨", "大哥", "大姐", "老板")
# Ordinary words that begin with a surname and must be left alone.
NOT_NAMES = {"王牌", "高温", "张贴", "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周岁", "高峰", "高于",
             "林业", "马上", "许多", "何时", "程序", "方式", "方面", "金额", "石油", "黄金", "白天", "严重", "万元", "于是",
             "江苏", "任何", "余额", "向其", "向公司", "向平台", "付款", "付费", "关于", "龙头", "杜绝", "段时间", "常规",
             "钱款", "文件", "田间", "苏州", "黎明", "邵阳", "万一", "戴着", "毛利", "雷雨", "孔洞", "时间", "申请", "陈述",
             "黄金周", "银行", "银行卡", "师傅", "顾客", "商超", "白班", "夜班", "加班", "加提成", "介绍费", "克扣", "安全",
             "常年", "平时", "明确", "明显", "华南", "华北", "华东", "高级", "钟点", "钟点工", "温度", "康复", "程度",
             "车辆", "车费", "车主", "单价", "单量", "单据", "包月", "包括", "谢谢", "祝福", "邓小平", "毛泽东", "孙中山",
             "曾经", "罗列", "韩国", "朱红", "胡同", "宋体", "梁柱", "吴语", "沈阳", "贺卡", "管理", "管控", "蒋某",
             "房租", "房屋", "房东", "雷同", "柴油", "燕麦", "江湖", "海外", "海关", "花费", "元旦", "路费", "路段",
             "费用", "费和", "费由", "计算", "计件", "计时", "项目", "严格", "左右", "秦岭", "齐全", "史上", "苗头",
             "焦点", "鲁莽", "聂耳", "童工", "牛奶", "甘肃", "尚未", "时长", "时段", "时薪", "应当", "应该", "解除",
             "解释", "支付", "支持", "易于", "连续", "卫生", "卓越", "乔迁", "傅里叶", "晋升", "景区", "党委",
             "伍佰", "陆续", "柏油", "水电", "云南", "龙华", "黎族", "简称", "简单", "简易", "薛定谔", "范围"}

# ---- folded views: one character of the view for one character of the text, so spans carry over.
# Chinese digits as written in numbers read digit by digit (一三九…); 两 and 十/百 are not digits of such numbers.
_CN_DIGITS = {char: str(digit) for digit, chars in enumerate(
    ("〇○零", "一幺壹", "二贰貳", "三叁參", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖")) for char in chars}


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    if not folded.isascii() and folded.isdecimal():
        folded = str(unicodedata.decimal(folded))
    return folded


@functools.lru_cache(maxsize=4096)
def _fold_cached(ch: str) -> str:
    return _fold_char(ch)


def _wide_view(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (NFKC, one character at a time)."""
    return "".join(ch if ch.isascii() else _fold_cached(ch) for ch in text)


def _digit_view(wide: str) -> str:
    """The wide view with Chinese digits as ASCII digits too."""
    return "".join(_CN_DIGITS.get(ch, ch) for ch in wide)


# ---- patterns on the views
_SEP = r"[ \t\u3000\-.·•・_/—–~]"
_DIGIT_RUN = re.compile(rf"(?<![0-9])\+?[0-9](?:(?:{_SEP}|[()]){{0,3}}\+?[0-9])*(?:{_SEP}?[Xx×])?(?![0-9])")
_PHONE_LABEL = re.compile(r"(?:电话|手机|手机号|号码|座机|联系方式|联系电话|电话号码|tel|Tel|TEL|phone|Phone|PHONE|电\s*话)"
                          r"(?:号码|号)?[\s:：是为]{0,4}(?=[+(（0-9])")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
_PLATE_SEP = r"[ \u3000·•・.\-_]{0,2}"
_PLATE = re.compile(rf"[{_PROVINCES}][A-Za-z](?:{_PLATE_SEP}[A-Za-z0-9]){{4}}"
                    rf"(?:(?:{_PLATE_SEP}[A-Za-z0-9]){{1,2}}|{_PLATE_SEP}[挂学警港澳领试超])(?![A-Za-z0-9])")
_ACCOUNT = re.compile(r"(?:微信号?|微信账号|微信ID|微信id|[vVwW][xX]号?|[vV]信|薇信|威信|weixin|wechat|WeChat|QQ号?|qq号?|"
                      r"QQ号码|扣扣|抖音号?|快手号?|支付宝账号|支付宝|钉钉号?|微博号?|账号|帐号|用户名|昵称ID|ID)"
                      r"[\s:：是为=]{0,4}(?P<value>[A-Za-z0-9][A-Za-z0-9_\-.]{3,39})(?![A-Za-z0-9_\-])")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64} ?@ ?[A-Za-z0-9\-]{1,63}(?: ?\. ?[A-Za-z0-9\-]{1,63}){0,8}"
                    r"\.[A-Za-z]{2,24}")
_CREDIT_CODE = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])",
                          re.IGNORECASE)
_OWN_CASE_NUMBER = re.compile(r"(?<![0-9])20[0-9]{2}-[0-9]{7}(?![0-9])")

_NUM = r"(?:[0-9]+|[零〇一二三四五六七八九十百千两]+)"
_UNIT = rf"(?:[甲乙丙丁]?{_NUM}(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|弄|排|组)|院|{_NUM}(?:[-—]{_NUM})+)"
_ADDRESS_ROAD = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{1,8}}?)(?:路|大街|街|大道|巷|胡同|弄|道)"
                           rf"(?:[东南西北]?{_NUM}?[巷弄])?[甲乙丙丁]?{_NUM}(?:号|弄)(?:院|楼)?"
                           rf"(?:[ ,，]?{_UNIT})*(?:{_NUM}(?![0-9]))?")
_ADDRESS_PLACE = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,8}}?)(?:小区|花园|公寓|家园|大厦|新村|社区|村|苑)"
                            rf"(?:[一二三四五六七八九十0-9]+期)?(?:[ ,，]?{_UNIT})*(?:{_NUM}(?![0-9]))?")
# A place name never runs across these: administrative levels, function words, verbs of motion.
_ADDRESS_STOP = set("在于到从往住位送的与及是了对把被给由自至去搬离等称说为将其该每各某个他她我你们")
_ADDRESS_VERBS = re.compile("(?:起诉|进入|离开|前往|回到|返回|搬到|搬入|搬进|送到|送往|驶入|驶离|途经|经过|位于|来到|去往|赶到|"
                            "骑行至|行驶至|配送至|派送至|居住|租住|住进|管理|服务|负责)+")
_ADDRESS_LEVELS = set("省市区县镇乡旗州")  # cut after them unless that leaves no name (福州路, 市场路 are names)
_NOT_PLACES = {"农村", "乡村", "山村", "渔村", "本村", "该村", "同村", "邻村", "全村", "进村", "回村", "出村", "下村", "驻村",
               "村村", "城中村", "新农村", "某村", "某小区", "某公寓", "某社区", "本社区", "该社区", "所在社区", "街道"}
COMPANY = re.compile(r"[^\s，。、；：“”\"'说在的被向和与了是把将从对为让叫给由及其并（）()《》〔〕【】,.;:!?！？]{2,16}?"
                     r"(?:股份有限公司|有限责任公司|有限公司|集团|分公司)")
_COMPANY_LEAD = re.compile(r"^(?:入职|就职|任职|加入|进入|受雇于|派遣至|派往|前往|通过|经|由|即|系|到|去|于|为|是|原告|被告|"
                           r"申请人|被申请人|用人单位|平台|公司)+")
BUSINESS_WORDS = (("科技", "某科技公司"), ("网络", "某网络公司"), ("配送", "某配送公司"), ("物流", "某物流公司"),
                  ("快递", "某快递公司"), ("劳务", "某劳务公司"), ("人力", "某人力资源公司"), ("派遣", "某劳务派遣公司"),
                  ("传媒", "某传媒公司"), ("文化", "某文化公司"), ("家政", "某家政公司"), ("运输", "某运输公司"),
                  ("信息", "某信息技术公司"), ("外卖", "某外卖平台公司"), ("出行", "某出行公司"))
_STOP = set("说称某的了在和与向对被把将从是也都就还又及等跟同让给叫以并且或而却仍均")
_HANZI = re.compile(r"[\u4e00-\u9fff]")

# Replacement text of each category (people and companies are named by the mapping).
# What each identifier is printed as (bandit takes "＊＊＊" for a password; it is a mask).
MASKS = {"id_number": "＊＊＊", "phone": "＊＊＊", "bank_card": "＊＊＊", "account_number": "＊＊＊", "email": "＊＊＊",
         "account": "＊＊＊", "credit_code": "＊＊＊", "plate": "某车牌", "address": "某地", "case_number": "（案号略）",
         "secret": "＊＊＊"}  # nosec B105
CATEGORIES = ("person", "company", "id_number", "phone", "bank_card", "account_number", "email", "account",
              "credit_code", "plate", "address", "case_number")
_PRIORITY = {"case_number": 0, "id_number": 1, "credit_code": 2, "email": 3, "account": 4, "phone": 5, "bank_card": 6,
             "account_number": 7, "plate": 8, "company": 9, "address": 10, "person": 11, "secret": 12}  # nosec B105


@dataclass(frozen=True)
class KnownParty:
    name: str
    kind: str  # "person" | "company"


@dataclass(frozen=True)
class Finding:
    """Something identifying at ``text[start:end]``; ``name`` is the person or company it stands for."""

    category: str
    start: int
    end: int
    text: str
    name: str = ""


@dataclass(frozen=True)
class Replacement:
    """One replacement: ``original`` at ``start:end`` of the source became ``replacement`` at
    ``out_start:out_end`` of the anonymised text."""

    original: str
    replacement: str
    category: str
    start: int = -1
    end: int = -1
    out_start: int = -1
    out_end: int = -1


@dataclass
class AnonymizedText:
    text: str
    replacements: list[Replacement] = field(default_factory=list)
    source: str = ""

    def segments(self) -> list[tuple[str, Replacement | None]]:
        """The anonymised text as pieces, each replaced piece with its replacement (for highlighting)."""
        pieces: list[tuple[str, Replacement | None]] = []
        at = 0
        for rep in sorted(self.replacements, key=lambda r: r.out_start):
            if rep.out_start < at:
                continue
            if rep.out_start > at:
                pieces.append((self.text[at:rep.out_start], None))
            pieces.append((self.text[rep.out_start:rep.out_end], rep))
            at = rep.out_end
        if at < len(self.text):
            pieces.append((self.text[at:], None))
        return pieces


class _Mapping:
    """One consistent naming across all fields: the same person is the same 刘某 everywhere."""

    def __init__(self, keep_companies: Collection[str]):
        self.keep = {name for name in keep_companies if name}
        self.people: dict[str, str] = {}
        self.companies: dict[str, str] = {}

    def person(self, name: str) -> str:
        if not _HANZI.match(name):
            return "某某"
        if name not in self.people:
            surname = surname_of(name)
            taken = sum(1 for alias in self.people.values() if alias.rstrip("某") == surname)
            self.people[name] = surname + "某" * (taken + 1)
        return self.people[name]

    def company(self, name: str) -> str:
        if name in self.keep:
            return name
        if name not in self.companies:
            generic = next((alias for word, alias in BUSINESS_WORDS if word in name), "某公司")
            taken = sum(1 for alias in self.companies.values() if alias.startswith(generic[:-2]) and alias.endswith("公司")
                        and len(alias) <= len(generic) + 1)
            self.companies[name] = generic if taken == 0 else f"{generic[:-2]}{'甲乙丙丁戊己庚辛'[min(taken, 7)]}{generic[-2:]}"
        return self.companies[name]


def surname_of(name: str) -> str:
    """The surname of a Chinese name: a compound surname (欧阳, 司马 …) or the first character."""
    return name[:2] if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else name[:1]


# ---- public functions
def anonymize(text: str, *, parties: Sequence[KnownParty] = (), keep_companies: Collection[str] = (),
              case_numbers: Collection[str] = ()) -> AnonymizedText:
    """One text anonymised (see anonymize_many for several fields of one case)."""
    return anonymize_many({"text": text}, parties=parties, keep_companies=keep_companies,
                          case_numbers=case_numbers)["text"]


def anonymize_many(texts: Mapping[str, str], *, parties: Sequence[KnownParty] = (), keep_companies: Collection[str] = (),
                   case_numbers: Collection[str] = ()) -> dict[str, AnonymizedText]:
    """Every field anonymised with one shared mapping of people and companies.

    A person found in one field (骑手刘洋 in the facts) is replaced wherever the name occurs, in every
    field. Each field's `AnonymizedText.replacements` lists every replacement with its spans.
    """
    mapping = _Mapping(keep_companies)
    rules = _Rules.build(parties, keep_companies, case_numbers)
    sources = {key: _clean(value) for key, value in texts.items()}
    discovered: list[str] = []
    for party in rules.people:
        mapping.person(party)
    for value in sources.values():  # first pass: whom do the texts name?
        for finding in _detect_with(value, rules):
            if finding.category == "person" and finding.name and finding.name not in rules.people_set:
                if finding.name not in discovered:
                    discovered.append(finding.name)
                    mapping.person(finding.name)
    rules = rules.with_discovered(discovered)
    return {key: _anonymize_one(value, rules, mapping) for key, value in sources.items()}


def detect(text: str, *, parties: Sequence[KnownParty] = (), keep_companies: Collection[str] = (),
           case_numbers: Collection[str] = ()) -> list[Finding]:
    """Everything identifying in the text, as non-overlapping findings in text order."""
    return _detect_with(_clean(text), _Rules.build(parties, keep_companies, case_numbers))


def leak_check(text: str, parties: Sequence[KnownParty] = (), *, secrets: Iterable[str] = (),
               keep_companies: Collection[str] = (), case_numbers: Collection[str] = (),
               allowed: Collection[str] = ()) -> list[Finding]:
    """What a text about to be published still gives away; publishing must wait until it is empty.

    The findings of `detect` (parties, their given names and pinyin, unknown names, numbers, plates,
    accounts, addresses, companies not kept) plus every literal secret of the source case that still
    occurs (also with separators removed: see `leaks`). ``allowed`` holds words a reviewer confirmed
    are not personal (a city jieba took for a name, 岳阳): they silence only the guesses (names found
    by context or jieba, addresses, companies), never a party, a number or a secret of the case.
    """
    text = _clean(text)
    rules = _Rules.build(parties, keep_companies, case_numbers)
    allowed = {word for word in allowed if word}
    found = [f for f in _detect_with(text, rules) if not (f.text in allowed and _is_guess(f, rules))]
    covered = {(f.start, f.end) for f in found}
    for secret in leaks(text, secrets):
        start = text.find(secret)  # -1 when it occurs only with its separators changed or removed
        if start < 0 or (start, start + len(secret)) not in covered:
            found.append(Finding("secret", start, start + len(secret) if start >= 0 else -1, secret))
    return found


def _is_guess(finding: Finding, rules: _Rules) -> bool:
    if finding.category == "person":
        return finding.name not in rules.people_set
    if finding.category == "company":
        return finding.name not in rules.companies
    return finding.category == "address"


def leaks(text: str, secrets: Iterable[str]) -> list[str]:
    """Which secrets (names, ID, phone, plate numbers…) still appear, also with separators removed."""
    compact = _compact(text)
    found = []
    for secret in secrets:
        if not secret:
            continue
        plain = _compact(secret)
        if secret in text or (len(plain) >= 2 and plain in compact):
            found.append(secret)
        elif len(secret) in (3, 4) and re.fullmatch(r"[\u4e00-\u9fa5]+", secret) and secret[1:] in text and len(secret[1:]) >= 2:
            found.append(secret)  # the given name alone still identifies
    return found


def _compact(text: str) -> str:
    return re.sub(rf"{_SEP}|\s", "", _digit_view(_wide_view(text))).upper()


def _clean(text: str | None) -> str:
    return (text or "").replace("\x00", "")


# ---- the rules of one case
class _Rules:
    """The case's own parties and numbers, compiled into one pattern of literals."""

    def __init__(self, people: tuple[str, ...], companies: tuple[str, ...], keep: frozenset[str],
                 case_numbers: tuple[str, ...], discovered: tuple[str, ...] = ()):
        self.people, self.companies, self.keep, self.case_numbers = people, companies, keep, case_numbers
        self.discovered = tuple(name for name in discovered if name not in people)
        self.people_set = frozenset(people)
        self.groups: dict[str, tuple[str, str]] = {}
        alternatives: list[tuple[str, str]] = []  # (regex, group name)
        for index, name in enumerate(people):
            forms = [_spaced(name)] + [_pinyin_regex(variant) for variant in pinyin_forms(name)]
            self.groups[f"p{index}"] = ("person", name)
            alternatives.append(("|".join(f for f in forms if f), f"p{index}"))
            given = name[len(surname_of(name)):]
            if len(given) >= 2:  # the given name alone (建国说) — see detect_with for 国庆节
                self.groups[f"g{index}"] = ("given_name", name)
                alternatives.append((_spaced(given), f"g{index}"))
        for index, name in enumerate(self.discovered):  # a name found in the text: the full name only
            self.groups[f"d{index}"] = ("person", name)
            alternatives.append((_spaced(name), f"d{index}"))
        for index, name in enumerate(companies):
            if name not in keep:
                self.groups[f"c{index}"] = ("company", name)
                alternatives.append((_spaced(name), f"c{index}"))
        for index, number in enumerate(case_numbers):
            self.groups[f"n{index}"] = ("case_number", number)
            alternatives.append((_spaced(number), f"n{index}"))
        # Longer literals first inside the alternation, so 刘洋洋 wins over 刘洋.
        alternatives.sort(key=lambda a: -len(a[0]))
        self.literal = re.compile("|".join(f"(?P<{group}>{regex})" for regex, group in alternatives),
                                  re.IGNORECASE) if alternatives else None

    @classmethod
    def build(cls, parties: Sequence[KnownParty], keep: Collection[str], case_numbers: Collection[str]) -> "_Rules":
        people = tuple(dict.fromkeys(p.name.strip() for p in parties if p.kind != "company" and len(p.name.strip()) >= 2))
        companies = tuple(dict.fromkeys(p.name.strip() for p in parties if p.kind == "company" and p.name.strip()))
        numbers = tuple(dict.fromkeys(n.strip() for n in case_numbers if n and n.strip()))
        return cls(people, companies, frozenset(k for k in keep if k), numbers)

    def with_discovered(self, names: Iterable[str]) -> "_Rules":
        return _Rules(self.people, self.companies, self.keep, self.case_numbers, tuple(dict.fromkeys(names)))


def _spaced(literal: str) -> str:
    """A literal that may be written with spaces or dots between its characters (刘 洋, 2026 - 0001234),
    matched against the wide view (so it is folded the same way)."""
    chars = [c for c in _wide_view(literal) if not c.isspace()]
    return rf"{_SEP}?".join(re.escape(c) for c in chars)


# ---- pinyin
@functools.lru_cache(maxsize=1)
def _pypinyin():
    try:
        import pypinyin
    except ImportError:  # optional: without it only Chinese-character names are found
        return None
    return pypinyin


def pinyin_available() -> bool:
    return _pypinyin() is not None


@functools.lru_cache(maxsize=4096)
def pinyin_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """Syllable sequences a name may be written as: given-name-first and surname-first, every
    reading of a heteronym surname (单 dan/shan), at most 8 variants."""
    module = _pypinyin()
    if module is None or not all(_HANZI.match(c) for c in name):
        return ()
    readings = module.pinyin(name, style=module.Style.NORMAL, heteronym=True, errors="ignore")
    if len(readings) != len(name):
        return ()
    surname_len = len(surname_of(name))
    variants: list[tuple[str, ...]] = []
    for combo in itertools.islice(itertools.product(*[r[:3] for r in readings]), 8):
        syllables = tuple(s.replace("ü", "v") for s in combo)
        variants.append(syllables)
        variants.append(syllables[surname_len:] + syllables[:surname_len])
    return tuple(dict.fromkeys(variants))


def _pinyin_regex(syllables: tuple[str, ...]) -> str:
    if not syllables:
        return ""
    body = r"[\s\-_.·']?".join(re.escape(s).replace("v", "(?:v|u|ü|yu)") for s in syllables)
    return rf"(?<![A-Za-z]){body}(?![A-Za-z])"


@functools.lru_cache(maxsize=1)
def _pinyin_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """Every toneless pinyin syllable and the pinyin of the known surnames."""
    module = _pypinyin()
    if module is None:
        return frozenset(), frozenset()
    from pypinyin.pinyin_dict import pinyin_dict

    syllables: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFKD", reading)
            plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "v").lower()
            if plain.isascii() and plain.isalpha():
                syllables.add(plain)
    surnames = set()
    for surname in SINGLE_SURNAMES | COMPOUND_SURNAMES:
        for combo in itertools.product(*module.pinyin(surname, style=module.Style.NORMAL, heteronym=True)):
            surnames.add("".join(combo))
    return frozenset(syllables), frozenset(surnames)


def _is_pinyin(word: str, syllables: frozenset[str], most: int) -> bool:
    word = word.lower()

    @functools.lru_cache(maxsize=None)
    def split(at: int, left: int) -> bool:
        if at == len(word):
            return True
        return left > 0 and any(word[at:at + n] in syllables and split(at + n, left - 1) for n in range(6, 0, -1))

    return bool(word) and split(0, most)


_LATIN_NAME = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{1,11}|[A-Z]{2,12})[ \-·]([A-Z][a-z]{1,11}|[A-Z]{2,12})(?![A-Za-z])")
_LATIN_NOT_NAMES = {"an", "a", "e", "o", "ai", "ou", "en", "er", "ha", "he", "me", "ma", "pa", "ta", "la", "na", "die",
                    "den", "men", "pin", "ban", "dan", "sun", "can", "tan", "lie", "long", "gang", "bang", "sang", "tang",
                    "hang", "wang"}


def _latin_names(wide: str) -> Iterable[tuple[int, int]]:
    syllables, surnames = _pinyin_syllables()
    if not syllables:
        return
    for match in _LATIN_NAME.finditer(wide):
        first, second = match.group(1), match.group(2)
        if first.isupper() and len(first) <= 3 and second.isupper() and len(second) <= 3:
            continue  # abbreviations: APP ID, GPS
        if not (_is_pinyin(first, syllables, 3) and _is_pinyin(second, syllables, 3)):
            continue
        if first.lower() in surnames or second.lower() in surnames:
            if {first.lower(), second.lower()} <= _LATIN_NOT_NAMES:
                continue
            yield match.start(), match.end()


# ---- jieba
@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    from .tokenize import jieba_tokenizer

    return jieba.posseg.POSTokenizer(jieba_tokenizer())


_POS_CHUNK = re.compile(r"[\u4e00-\u9fff]{2,}")


@functools.lru_cache(maxsize=512)
def _tokens(text: str) -> dict[int, tuple[str, str]]:
    """jieba's words with part of speech (HMM on, so unknown names are guessed), keyed by start."""
    tokens: dict[int, tuple[str, str]] = {}
    if not _POS_CHUNK.search(text):
        return tokens
    tokenizer = _pos_tokenizer()
    for piece in _SENTENCE_PIECE.finditer(text):  # bounded pieces: jieba's HMM is slow on long runs
        at = piece.start()
        for word, flag in tokenizer.cut(piece.group(0)):
            tokens[at] = (word, flag)
            at += len(word)
    return tokens


_SENTENCE_PIECE = re.compile(r"[^，。；！？、,;!?\n]{1,120}[，。；！？、,;!?\n]?|[，。；！？、,;!?\n]")


def _jieba_names(text: str) -> Iterable[tuple[int, int]]:
    """Spans jieba tags as a person (nr) that look like a real name: a known surname, not a common word."""
    tokenizer = _pos_tokenizer()
    freq = tokenizer.tokenizer.FREQ
    for start, (word, flag) in _tokens(text).items():
        if not flag.startswith("nr") or not 2 <= len(word) <= 4 or "某" in word:
            continue
        surname = surname_of(word)
        if surname not in SINGLE_SURNAMES and surname not in COMPOUND_SURNAMES:
            continue
        if surname in WEAK_SURNAMES:  # 和博悦: only next to a role word (see _role_names)
            continue
        given = word[len(surname):]
        if not 1 <= len(given) <= 2 or any(c in _STOP for c in given) or not _looks_like_name(word):
            continue
        known = freq.get(word) or 0
        if len(word) >= 3 and len(surname) == 1 and _common_word(word[:2]):
            continue  # 仲裁|法, 高温|费: an ordinary word with a surname in front
        if word[-1] in NOT_NAME_ENDINGS or any(freq.get(word + suffix) for suffix in _PLACE_SUFFIXES):
            continue
        if text.startswith(("法院", "人民", "市", "县", "区"), start + len(word)):
            continue
        # An out-of-vocabulary word the HMM took for a name (two characters: only with a common given-name
        # character, 李杰 but not 黎家), or a rare three-character dictionary name.
        if known == 0 and (len(given) == 2 or given in GIVEN_NAME_CHARS):
            yield start, start + len(word)
        elif len(word) >= 3 and 0 < known < 50 and tokenizer.word_tag_tab.get(word) == "nr":
            yield start, start + len(word)


def _word_at_surname(text: str, start: int, length: int, *, after_role: bool = False) -> bool:
    """False when jieba reads the candidate as an ordinary word (权益, 维修, 商定) or as the tail of one
    (公司|通过: 司 is no surname there); True when the surname stands alone or jieba says it is a name."""
    token = _tokens(text).get(start)
    if token is None:  # jieba joined the surname to what comes before: 房东|方丽 read as 房/东方/丽
        return after_role
    word, flag = token
    if flag.startswith("nr"):
        return True
    if len(word) == len(surname_of(text[start:start + length])):
        if flag[:1] not in ("v", "p", "d", "c", "u", "r", "m", "q"):
            return True
        # The surname is also a function word (莫, 段, 戴, 应): a name only if what follows is no common word
        # (莫|玉宇 and 段|强军 are names, 应|注意 is not).
        following = _tokens(text).get(start + len(word))
        if following is None:
            return False
        after = text[start + length:]
        closed = not after or after[0] in _STOP or after[0] in "，。；！？、,.;!?）)" or after.startswith(ROLE_AFTER)
        if len(word) + len(following[0]) > length:  # 付|明说: the name ends inside jieba's word
            return closed and after[:1] in _STOP and not _common_word(text[start:start + length])
        if len(following[0]) == 1:  # 曾|红说
            return following[0] not in _STOP and following[1][:1] not in ("c", "p", "d", "u", "r")
        if following[1].startswith("v") and _common_word(following[0]) and not (
                after[:1] in _STOP or after.startswith(ROLE_AFTER)):
            return False  # 应|注意: a verb after a verb, unless the name is closed by 说, 师傅 … (谢|超强|说)
        # 何|秀丽师傅, 张|平明说 are names; 应|注意|保留 is not: a common word only where the name is closed
        return following[1].startswith(("nr", "nz")) or not _common_word(following[0]) or closed
    if len(word) < length:  # 苏宁|丽: a word, then one more character that stands alone
        following = _tokens(text).get(start + len(word))
        if following is not None and len(word) + len(following[0]) == length and len(following[0]) == 1 \
                and following[0] not in _STOP and following[1][:1] not in ("c", "p", "d", "u", "r", "v"):
            return True
    return not _common_word(word)  # a rare or unknown word is no ordinary word (付强, 刘洋)


def _common_word(word: str) -> bool:
    """A dictionary word of some frequency that jieba does not tag as a person."""
    tokenizer = _pos_tokenizer()
    return (tokenizer.tokenizer.FREQ.get(word) or 0) >= 40 and not tokenizer.word_tag_tab.get(word, "").startswith("nr")


def _word_follows(text: str, at: int) -> bool:
    """True when a dictionary word of two or more characters starts at ``at`` (刘洋|跑单 …)."""
    freq = _pos_tokenizer().tokenizer.FREQ
    return any((freq.get(text[at:at + n]) or 0) > 0 for n in (2, 3, 4) if at + n <= len(text))


_ROLE_NAME = re.compile(rf"(?:{'|'.join(sorted(ROLE_BEFORE, key=len, reverse=True))})[:：\s]{{0,2}}"
                        rf"(?P<name>[\u4e00-\u9fff]{{2,4}})")
_NAME_ROLE = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?:{'|'.join(ROLE_AFTER)})")


def _role_names(text: str) -> Iterable[tuple[int, int]]:
    """A surname plus one or two characters next to a role word: 老板孙国庆, 赵敏经理."""
    for match in _ROLE_NAME.finditer(text):
        start = match.start("name")
        candidate = match.group("name")
        size = len(surname_of(candidate))
        if candidate[:size] not in SINGLE_SURNAMES | COMPOUND_SURNAMES:
            continue
        if candidate[:size] in WEAK_SURNAMES:  # 向站长, 和平: only when jieba itself reads a name (于海波)
            word, flag = _tokens(text).get(start, ("", ""))
            if flag.startswith("nr") and 3 <= len(word) <= 4 and word.startswith(candidate[:size]) and _looks_like_name(word):
                yield start, start + len(word)
            continue
        if candidate[size:].startswith(ROLE_AFTER):  # 刘女士, 王师傅: a surname and a title, no name
            continue
        length = size + 2
        tokens = _tokens(text)
        # jieba's own cut decides where it is clear (张|平明|说: three), else the next word does (刘洋|跑单: two).
        jieba_says_three = start + length in tokens and start + length - 1 not in tokens
        if len(candidate) < length or candidate[length - 1] in _STOP or (
                not jieba_says_three and _word_follows(text, start + length - 1)):
            length -= 1
        if length <= size or candidate[size:length] in ("某", "某某") or not _looks_like_name(candidate[:length]):
            continue
        if not _word_at_surname(text, start, length, after_role=True):
            continue
        yield start, start + length
    for match in _NAME_ROLE.finditer(text):
        name = match.group("name")
        for offset in range(len(name) - 1):  # the shortest tail that is a surname plus one or two characters
            tail = name[offset:]
            size = len(surname_of(tail))
            if tail[:size] in SINGLE_SURNAMES | COMPOUND_SURNAMES and tail[:size] not in WEAK_SURNAMES \
                    and 1 <= len(tail) - size <= 2 and _looks_like_name(tail) \
                    and _word_at_surname(text, match.start("name") + offset, len(tail)):
                yield match.start("name") + offset, match.end("name")
                break


def _looks_like_name(name: str) -> bool:
    given = name[len(surname_of(name)):]
    return (len(name) >= 2 and "某" not in name and name not in NOT_NAMES and name[:2] not in NOT_NAMES
            and not given.startswith(ROLE_AFTER)
            and not any(ch in _STOP for ch in name[1:]))


# ---- detection
def _detect_with(text: str, rules: _Rules) -> list[Finding]:
    wide = _wide_view(text)
    digits = _digit_view(wide)
    candidates: list[Finding] = []

    def add(category: str, start: int, end: int, name: str = "") -> None:
        if end > start:
            candidates.append(Finding(category, start, end, text[start:end], name))

    if rules.literal is not None:
        for match in rules.literal.finditer(wide):
            category, name = rules.groups[match.lastgroup]
            if category == "given_name":
                given = match.group(0)
                # A given name that is also a common word (国庆, 建国) only where jieba reads it as a word
                # of its own: 建国说 yes, 国庆节 and 建国门 no.
                if _common_word(given) and _tokens(text).get(match.start(), ("",))[0] != given:
                    continue
                category = "person"
            add(category, match.start(), match.end(), name)
    for match in _OWN_CASE_NUMBER.finditer(digits):
        add("case_number", match.start(), match.end())
    for category, start, end in _numbers(digits):
        add(category, start, end)
    for match in _PHONE_LABEL.finditer(digits):
        run = _DIGIT_RUN.match(digits, match.end() + (1 if digits[match.end():match.end() + 1] in "(（" else 0))
        if run and len(re.sub(r"[^0-9]", "", run.group(0))) >= 5:
            add("phone", run.start(), run.end())
    for match in _CREDIT_CODE.finditer(wide):
        value = match.group(0)
        if sum(c.isalpha() for c in value) >= 1 and sum(c.isdigit() for c in value) >= 8:
            add("credit_code", match.start(), match.end())
    for match in _EMAIL.finditer(wide):
        add("email", match.start(), match.end())
    for match in _ACCOUNT.finditer(wide):
        add("account", match.start("value"), match.end("value"))
    for match in _PLATE.finditer(wide):
        tail = re.sub(r"[^A-Za-z0-9]", "", match.group(0)[1:])
        letters = [c for c in tail if c.isalpha()]
        if all(c.isupper() for c in letters) or all(c.islower() for c in letters):
            add("plate", match.start(), match.end())
    for start, end in _addresses(wide):
        add("address", start, end)
    for match in COMPANY.finditer(text):
        start, name = match.start(), match.group(0)
        lead = _COMPANY_LEAD.match(name)
        if lead and len(name) - lead.end() >= 4:
            start, name = start + lead.end(), name[lead.end():]
        if "某" in name or name in rules.keep or any(name.endswith(k) or k.endswith(name) for k in rules.keep):
            continue
        if "一家" in name or "公司分公司" in name or name.startswith(("本案", "该", "原", "上述")):
            continue  # a description (广州一家出租汽车集团), not a name
        add("company", start, start + len(name), name)
    for start, end in itertools.chain(_role_names(text), _jieba_names(text)):
        add("person", start, end, text[start:end])
    for start, end in _latin_names(wide):
        add("person", start, end, "")
    return _resolve(candidates)


def _numbers(digits: str) -> Iterable[tuple[str, int, int]]:
    """Phone, ID, card and account numbers among runs of digits (separators allowed inside)."""
    for run in _DIGIT_RUN.finditer(digits):
        value = run.group(0)
        groups = [(m.start(), m.end()) for m in re.finditer(r"\+?[0-9]+[Xx×]?", value)]
        index = 0
        while index < len(groups):
            for last in range(len(groups) - 1, index - 1, -1):  # the longest sequence of groups that is a number
                start, end = run.start() + groups[index][0], run.start() + groups[last][1]
                category = _number_kind(re.sub(r"[^0-9Xx×+]", "", digits[start:end]))
                if category:
                    if start and digits[start - 1] == "(" and ")" in digits[start:end]:
                        start -= 1  # (+86)139…, (010) 6234 5678
                    yield category, start, end
                    index = last + 1
                    break
            else:
                index += 1


def _number_kind(value: str) -> str | None:
    plus = value.startswith("+")
    value = value.lstrip("+")
    check = value[-1:].upper() in ("X", "×")
    if check:
        value = value[:-1]
    if not value.isdigit():
        return None
    size = len(value)
    if check:
        return "id_number" if size == 17 and _id_shape(value + "X") else None
    if size == 18 and _id_shape(value):
        return "id_number"
    if size == 15 and _id15_shape(value):
        return "id_number"
    if size == 11 and re.fullmatch(r"1[3-9][0-9]{9}", value):
        return "phone"
    if size in (13, 15) and re.fullmatch(r"(?:86|0086)1[3-9][0-9]{9}", value):
        return "phone"
    if not plus and 10 <= size <= 12 and re.fullmatch(r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}", value):
        return "phone"
    if size == 10 and re.fullmatch(r"[48]00[0-9]{7}", value):
        return "phone"
    if 16 <= size <= 19:
        return "bank_card" if _luhn(value) else "account_number"
    if size >= 20:
        return "account_number"
    return None


def _id_shape(value: str) -> bool:
    return bool(re.fullmatch(r"[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]",
                             value))


def _id15_shape(value: str) -> bool:
    return bool(re.fullmatch(r"[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}", value))


def _luhn(value: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(value)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _addresses(wide: str) -> Iterable[tuple[int, int]]:
    for pattern in (_ADDRESS_ROAD, _ADDRESS_PLACE):
        for match in pattern.finditer(wide):
            name_start, name = match.start("name"), match.group("name")
            least = 1 if pattern is _ADDRESS_ROAD else 2
            cut = max((i for i, c in enumerate(name)
                       if c in _ADDRESS_STOP or (c in _ADDRESS_LEVELS and len(name) - i - 1 >= least)), default=-1)
            start = name_start + cut + 1
            if match.end("name") - start < least:
                continue
            word = wide[start:match.end()]
            suffix_at = match.end("name")
            if pattern is _ADDRESS_ROAD and wide[suffix_at] == "道" and _common_word(wide[suffix_at - 1:suffix_at + 1]):
                continue  # 知道10号, 报道3号
            if word in _NOT_PLACES or any(word.endswith(p) and len(word) <= len(p) + 1 for p in _NOT_PLACES):
                continue
            verbs = list(_ADDRESS_VERBS.finditer(wide, start, match.end("name")))
            if verbs:  # 进入|幸福小区; 冯某起诉|小区物业: a verb, not part of the name
                start = verbs[-1].end()
                if match.end("name") - start < least:
                    continue
            if pattern is _ADDRESS_PLACE and wide.startswith("团购", match.end()):
                continue  # 社区团购 is a way of selling
            if pattern is _ADDRESS_PLACE and wide[match.end("name"):match.end()].startswith(("村", "苑")):
                tail = wide[match.end("name") - 1:match.end("name") + 1]
                if tail in _NOT_PLACES or len(word) - 1 < 2:
                    continue
            yield start, match.end()


def _resolve(candidates: list[Finding]) -> list[Finding]:
    """Non-overlapping findings: the longest first, then by category priority."""
    chosen: list[Finding] = []
    taken = bytearray()
    for finding in sorted(candidates, key=lambda f: (-(f.end - f.start), _PRIORITY.get(f.category, 99), f.start)):
        if len(taken) < finding.end:
            taken.extend(b"\0" * (finding.end - len(taken)))
        if any(taken[finding.start:finding.end]):
            continue
        taken[finding.start:finding.end] = b"\1" * (finding.end - finding.start)
        chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


# ---- replacement
def _anonymize_one(source: str, rules: _Rules, mapping: _Mapping) -> AnonymizedText:
    edits: list[Replacement] = []
    text = source
    for _ in range(4):  # a replacement can bring two pieces together; look again until nothing is left
        findings = _detect_with(text, rules)
        if not findings:
            break
        new_edits = [Replacement(f.text, _replacement(f, mapping), f.category, f.start, f.end) for f in findings]
        new_edits = [e for e in new_edits if e.replacement != e.original]
        if not new_edits:
            break
        edits = _compose(source, edits, new_edits) if edits else new_edits
        text, edits = _apply(source, edits)
    else:
        text, edits = _apply(source, edits)
    if not edits:
        return AnonymizedText(source, [], source)
    return AnonymizedText(text, edits, source)


def _replacement(finding: Finding, mapping: _Mapping) -> str:
    if finding.category == "person":
        return mapping.person(finding.name) if finding.name else "某某"
    if finding.category == "company":
        return mapping.company(finding.name or finding.text)
    return MASKS.get(finding.category, "＊＊＊")


def _apply(source: str, edits: list[Replacement]) -> tuple[str, list[Replacement]]:
    """Apply source-coordinate edits; return the text and the edits with their output spans."""
    out: list[str] = []
    placed: list[Replacement] = []
    at = length = 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(source[at:edit.start])
        length += edit.start - at
        placed.append(Replacement(source[edit.start:edit.end], edit.replacement, edit.category, edit.start, edit.end,
                                  length, length + len(edit.replacement)))
        out.append(edit.replacement)
        length += len(edit.replacement)
        at = edit.end
    out.append(source[at:])
    return "".join(out), placed


def _compose(source: str, placed: list[Replacement], later: list[Replacement]) -> list[Replacement]:
    """Edits found in the anonymised text, moved back onto the source (merged with earlier ones they touch)."""
    result = list(placed)
    # edit.start/end are positions in the output of ``placed``: right to left, so that merging one
    # never moves the positions of those still to come.
    for edit in sorted(later, key=lambda e: e.start, reverse=True):
        touching = [p for p in result if (p.out_start < edit.end and edit.start < p.out_end)
                    or (p.out_start == p.out_end and edit.start <= p.out_start <= edit.end)]
        out_start = min([edit.start] + [p.out_start for p in touching])
        out_end = max([edit.end] + [p.out_end for p in touching])
        src_start = min([_to_source(result, out_start, left=True)] + [p.start for p in touching])
        src_end = max([_to_source(result, out_end, left=False)] + [p.end for p in touching])
        current = _apply(source, result)[0]
        replacement = current[out_start:edit.start] + edit.replacement + current[edit.end:out_end]
        result = [p for p in result if p not in touching]
        result.append(Replacement(source[src_start:src_end], replacement, edit.category, src_start, src_end))
        result = _apply(source, result)[1]
    return result


def _to_source(placed: list[Replacement], position: int, *, left: bool) -> int:
    """The source position of an output position (inside a replacement: its start or its end)."""
    delta = 0
    for edit in sorted(placed, key=lambda e: e.out_start):
        if position <= edit.out_start:
            break
        if position < edit.out_end:
            return edit.start if left else edit.end
        delta = edit.end - edit.out_end
    return position + delta
