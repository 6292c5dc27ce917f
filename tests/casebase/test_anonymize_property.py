"""Property tests of the anonymiser: identifiers of every kind, in random writings, planted in random
facts among ordinary legal sentences. None survives anonymisation, the leak check finds nothing in
the result, and the legal sentences around them come out unchanged."""
import re
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from casebase.anonymize import NOT_NAMES, KnownParty, _common_word, anonymize_many, leak_check, pinyin_available, pinyin_forms

# Sentences of ordinary legal text: amounts, dates, articles, court and document numbers.
LEGAL = [
    "依据《劳动合同法》第四十七条支付经济补偿12,345.67元",
    "参照（2021）京01民终1234号判决",
    "依照人社部发〔2021〕56号文件",
    "2020年6月1日至2021年5月31日每天工作10小时",
    "仲裁委员会于2026年3月5日裁决支付3000.00元",
    "依据第八十二条第一款和第47条",
    "每单配送费4.5元，超时10分钟扣2元",
    "双方于二〇二一年三月五日签订合同",
    "平台规则第3.2条规定了派单方式",
    "社会保险费按月缴纳，比例为8%",
    "最高人民法院指导性案例237号",
    "调解员组织双方调解",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
GIVEN = "伟芳娜敏静强磊军洋勇杰涛明超秀英建华丽红平刚桂玉兰霞凤辉鹏飞鑫波斌宇浩凯健俊帆旭宁欣颖婷雪琳晨"
DIGITS = {
    "lower": dict(zip("0123456789", "〇一二三四五六七八九")),
    "lower_yao": dict(zip("0123456789", "零幺二三四五六七八九")),
    "capital": dict(zip("0123456789", "零壹贰叁肆伍陆柒捌玖")),
    "wide": dict(zip("0123456789", "０１２３４５６７８９")),
    "ascii": dict(zip("0123456789", "0123456789")),
}
SEPARATORS = ["", " ", "-", ".", "－", "　", " - ", "·"]


def fold_digits(text: str) -> str:
    table = {}
    for mapping in DIGITS.values():
        table.update({v: k for k, v in mapping.items()})
    return "".join(table.get(c, c) for c in text)


def number_runs(text: str) -> list[str]:
    """The digits of each number of the text (separators inside a number allowed)."""
    folded = fold_digits(text)
    return [re.sub(r"[^0-9]", "", run) for run in re.findall(r"[0-9](?:[ \-.－　·()+]{0,3}[0-9])*", folded)]


def render_number(draw, digits: str, groups: tuple[int, ...]) -> str:
    style = draw(st.sampled_from(list(DIGITS)))
    separator = draw(st.sampled_from(SEPARATORS))
    pieces, at = [], 0
    for size in groups:
        pieces.append(digits[at:at + size])
        at += size
    if at < len(digits):
        pieces.append(digits[at:])
    grouped = separator.join(pieces) if draw(st.booleans()) else digits
    return "".join(DIGITS[style].get(c, c) for c in grouped)


def luhn_complete(body: str) -> str:
    total = 0
    for position, char in enumerate(reversed(body + "0")):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return body + str((10 - total % 10) % 10)


@st.composite
def mobiles(draw):
    digits = f"1{draw(st.sampled_from('3456789'))}{draw(st.integers(0, 10**9 - 1)):09d}"
    shown = render_number(draw, digits, (3, 4, 4))
    prefix = draw(st.sampled_from(["", "", "+86", "+86 ", "+86-", "0086", "(+86)", "（+86）"]))
    return "phone", prefix + shown, digits


@st.composite
def landlines(draw):
    area = draw(st.sampled_from(["010", "021", "022", "0755", "0571", "028", "0512"]))
    local = f"{draw(st.integers(2, 9))}{draw(st.integers(0, 10**7 - 1)):07d}"[: 8 if len(area) == 3 else draw(st.sampled_from([7, 8]))]
    shown = draw(st.sampled_from([f"{area}-{local}", f"{area} {local}", f"({area}){local}", f"（{area}）{local}",
                                  f"{area}-{local[:4]} {local[4:]}"]))
    return "phone", shown, area + local


@st.composite
def id_numbers(draw):
    born = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2008, 12, 31)))
    region = draw(st.sampled_from(["110105", "310104", "440305", "510107", "330106", "420102"]))
    serial = draw(st.integers(0, 999))
    if draw(st.integers(0, 4)) == 0:  # the old 15-digit number
        digits = f"{region}{born:%y%m%d}{serial:03d}"
        return "id_number", render_number(draw, digits, (6, 6, 3)), digits
    body = f"{region}{born:%Y%m%d}{serial:03d}"
    digits = body + ric.calc_check_digit(body + "0")
    shown = render_number(draw, digits, (6, 8, 4))
    if shown.endswith("X") and draw(st.booleans()):
        shown = shown[:-1] + "x"
    return "id_number", shown, digits.rstrip("X")


@st.composite
def bank_cards(draw):
    size = draw(st.integers(16, 19))
    body = draw(st.sampled_from(["6222", "6228", "6217", "6212", "6214"])) + "".join(
        str(draw(st.integers(0, 9))) for _ in range(size - 5))
    digits = luhn_complete(body)
    return "bank_card", render_number(draw, digits, (4, 4, 4, 4)), digits


@st.composite
def plates(draw):
    province = draw(st.sampled_from("京津沪渝冀豫云辽黑湘皖鲁苏浙赣鄂桂甘晋陕吉闽贵粤川琼"))
    letter = draw(st.sampled_from("ABCDEFGHJKLMN"))
    if draw(st.booleans()):  # new-energy: D or F and five digits
        tail = draw(st.sampled_from("DF")) + f"{draw(st.integers(0, 99999)):05d}"
    else:
        tail = "".join(draw(st.sampled_from("0123456789" * 3 + "ABCDEFGHJKLMNPQRSTUVWXYZ")) for _ in range(5))
    separator = draw(st.sampled_from(["", "·", "-", " ", "•", "."]))
    shown = f"{province}{letter}{separator}{tail}"
    if draw(st.booleans()):
        shown = shown.lower()
    return "plate", shown, f"{province}{letter}{tail}"


@st.composite
def accounts(draw):
    if draw(st.booleans()):
        label = draw(st.sampled_from(["微信号：", "微信：", "VX：", "vx ", "wx:", "微信号", "v信："]))
        value = draw(st.sampled_from("abcdefghjkmnpqrstwxyz")) + draw(
            st.text(alphabet="abcdefghijkmnpqrstuvwxyz0123456789_-", min_size=5, max_size=14))
    else:
        label = draw(st.sampled_from(["QQ：", "QQ号", "qq ", "QQ号码：", "ＱＱ："]))
        value = str(draw(st.integers(10000, 99999999999)))
    return "account", label + value, value


@st.composite
def emails(draw):
    local = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz")) + draw(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._", min_size=2, max_size=12)).strip("._")
    domain = draw(st.sampled_from(["qq.com", "163.com", "126.com", "gmail.com", "foxmail.com", "sina.cn", "example.com.cn"]))
    return "email", f"{local}@{domain}", local


PLACE_CHARS = "东风胜利建设和平幸福光明阳光锦绣金桥长安解放人民新华朝阳青年文化枫林翠湖碧水龙华"
CHINESE_NUMBERS = ["一", "三", "八", "十二", "二十六", "八十八", "一百零八", "三百二十"]


@st.composite
def addresses(draw):
    name = "".join(draw(st.lists(st.sampled_from(PLACE_CHARS), min_size=2, max_size=3)))
    if draw(st.booleans()):
        road = draw(st.sampled_from(["路", "街", "大街", "大道", "巷", "胡同", "北路", "西路"]))
        number = draw(st.one_of(st.integers(1, 999).map(str), st.sampled_from(CHINESE_NUMBERS)))
        lead = draw(st.sampled_from(["", "", "甲"]))
        units = draw(st.sampled_from(["", "院", "3号楼2单元501室", "2栋1单元302", "5层"]))
        core = f"{name}{road}"
        return "address", f"{core}{lead}{number}号{units}", core
    kind = draw(st.sampled_from(["小区", "花园", "公寓", "家园", "大厦", "新村", "社区"]))
    units = draw(st.sampled_from(["", "5号楼3单元402", "12栋", "3期7栋2单元501室"]))
    core = f"{name}{kind}"
    return "address", core + units, core


# A name that is also a common word of the dictionary (苏宁, 高峰) is left to the parties' list: next to a role
# word it may as well be a shop or a thing, so a person who is no party is planted only under other names.
names = st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2)).filter(
    lambda n: n not in NOT_NAMES and n[:2] not in NOT_NAMES and not _common_word(n))


@st.composite
def others(draw):
    """A person who is not a party, named in passing next to a role word."""
    name = draw(names)
    shown = draw(st.sampled_from(["老板{}说", "同事{}也在场", "站长{}", "证人{}作证", "房东{}要求", "经理{}表示",
                                  "{}经理", "{}女士", "骑手{}", "客户{}投诉", "{}师傅"])).format(name)
    return "other_person", shown, name


def party_writings(draw, name: str) -> str:
    forms = [name, f"{name[0]} {name[1:]}"]
    if len(name) >= 3:
        forms.append(name[1:])
    if pinyin_available():
        syllables = pinyin_forms(name)[0]
        surname, given = syllables[0], "".join(syllables[1:])
        forms += [f"{surname.capitalize()} {given.capitalize()}", f"{surname.upper()} {given.upper()}", surname + given,
                  f"{given.capitalize()} {surname.capitalize()}", f"{surname.capitalize()}-{given.capitalize()}"]
    return draw(st.sampled_from(forms))


KINDS = [mobiles(), landlines(), id_numbers(), bank_cards(), plates(), accounts(), emails(), addresses(), others()]
COMPANY_WORDS = st.builds(lambda w, b: f"{w}{b}有限公司", st.sampled_from(["城达", "顺远", "众联", "速通", "优选", "恒信"]),
                          st.sampled_from(["配送服务", "人力资源", "劳务派遣", "物流", "科技", "信息技术"]))


@st.composite
def planted_cases(draw):
    worker = draw(names)
    colleague = draw(names.filter(lambda n: n != worker and n not in worker and worker not in n))
    for name in (worker, colleague):
        assume(not any(name in sentence or name[1:] in sentence for sentence in LEGAL))
    company = draw(COMPANY_WORDS)
    planted = []
    fields, used = {}, set()
    for field in ("facts", "holding", "reasoning"):
        pieces = []
        for _ in range(draw(st.integers(1, 6))):
            choice = draw(st.integers(0, len(KINDS) + 2))
            if choice < len(KINDS):
                kind, shown, secret = draw(KINDS[choice])
            elif choice == len(KINDS):
                kind, shown, secret = "party", "骑手" + party_writings(draw, worker), worker
            elif choice == len(KINDS) + 1:
                kind, shown, secret = "party", party_writings(draw, colleague) + "说", colleague
            else:
                kind, shown, secret = "company", company, company
            planted.append((kind, shown, secret))
            pieces.append(shown)
        glue = draw(st.lists(st.sampled_from(LEGAL), min_size=len(pieces), max_size=len(pieces)))
        used.update(glue)
        fields[field] = "".join(f"{g}，{p}。" for g, p in zip(glue, pieces))
    parties = [KnownParty(worker, "person"), KnownParty(colleague, "person"), KnownParty(company, "company")]
    return parties, planted, fields, sorted(used)


def survives(kind: str, shown: str, secret: str, text: str) -> bool:
    if kind in ("phone", "id_number", "bank_card"):
        return any(secret in run for run in number_runs(text))
    if kind == "plate":
        return secret.upper() in re.sub(r"[\s·•.\-]", "", text).upper()
    if kind in ("account", "email"):
        return secret.lower() in text.lower() or secret in fold_digits(text)
    if kind in ("party", "other_person"):
        if secret in text or (len(secret) >= 3 and secret[1:] in text):
            return True
        compact = re.sub(r"[\s\-_.·']", "", text).lower()
        return any("".join(form) in compact for form in pinyin_forms(secret)) if kind == "party" else False
    return secret in text  # address core, company


@given(planted_cases())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_planted_identifier_survives_and_the_legal_text_is_untouched(generated):
    parties, planted, fields, legal = generated
    result = anonymize_many(fields, parties=parties)
    published = "\n".join(r.text for r in result.values())
    for kind, shown, secret in planted:
        assert not survives(kind, shown, secret, published), (kind, shown, published)
    for sentence in legal:
        assert sentence in published, (sentence, published)
    for name, anonymised in result.items():
        assert leak_check(anonymised.text, parties=parties) == [], (name, fields[name], anonymised.text)
        for rep in anonymised.replacements:
            assert fields[name][rep.start:rep.end] == rep.original
            assert anonymised.text[rep.out_start:rep.out_end] == rep.replacement


@given(st.lists(st.sampled_from(LEGAL), min_size=1, max_size=8), st.sampled_from(["，", "。", "；", "\n"]))
@settings(max_examples=60, deadline=None)
def test_ordinary_legal_text_comes_out_as_it_went_in(sentences, glue):
    text = glue.join(sentences)
    result = anonymize_many({"facts": text})["facts"]
    assert result.text == text and result.replacements == []
    assert leak_check(text) == []
