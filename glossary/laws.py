"""Citations of the law in English: the texts' English titles and "Art. 14(3)" for 第十四条第三款.

The titles are the ones the National People's Congress, the State Council and the Ministry of
Human Resources and Social Security use in their English versions, shortened as English legal
writing does ("Labour Law", not "Labour Law of the People's Republic of China"). A citation is
converted only where it is one: text around it is left as it stands, so a Chinese sentence with a
citation in it stays Chinese and the English pages' test finds it.
"""
from __future__ import annotations

import re

LAW_TITLES_EN = {
    "劳动争议调解仲裁法": "Labour Dispute Mediation and Arbitration Law",
    "劳动人事争议仲裁办案规则": "Rules for Handling Labour and Personnel Dispute Arbitration Cases",
    "劳动人事争议仲裁组织规则": "Rules on Labour and Personnel Dispute Arbitration Organisations",
    "企业劳动争议协商调解规定": "Provisions on Consultation and Mediation of Enterprise Labour Disputes",
    "劳动法": "Labour Law",
    "劳动合同法": "Labour Contract Law",
    "劳动合同法实施条例": "Regulation on the Implementation of the Labour Contract Law",
    "法律援助法": "Legal Aid Law",
    "民事诉讼法": "Civil Procedure Law",
    "民法典": "Civil Code",
    "刑法": "Criminal Law",
    "行政处罚法": "Administrative Penalty Law",
    "个人信息保护法": "Personal Information Protection Law",
    "劳动保障监察条例": "Regulation on Labour Security Supervision",
    "关于实施〈劳动保障监察条例〉若干规定": "Provisions on Implementing the Regulation on Labour Security Supervision",
    "保障农民工工资支付条例": "Regulation on Ensuring the Payment of Wages to Migrant Workers",
    "最低工资规定": "Provisions on Minimum Wages",
    "全国年节及纪念日放假办法": "Measures on National Holidays and Commemorative Days",
    "企业劳动保障守法诚信等级评价办法": "Measures for Rating Enterprises' Labour Security Compliance and Integrity",
    "行政执法机关移送涉嫌犯罪案件的规定": "Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Organs",
    "工伤保险条例": "Regulation on Work-Related Injury Insurance",
    "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）":
        "Interpretation (I) of the Supreme People's Court on Issues of Law in Labour Dispute Cases",
    "最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释":
        "Interpretation of the Supreme People's Court on Cases of Refusing to Pay Remuneration for Labour",
    "最高人民法院关于审理工伤保险行政案件若干问题的规定":
        "Provisions of the Supreme People's Court on Administrative Cases of Work-Related Injury Insurance",
    # Texts the published cases of the library cite (casebase/data/collection, "statutes").
    "侵权责任法": "Tort Liability Law",
    "关于确立劳动关系有关事项的通知": "Notice on Matters Concerning the Establishment of Labour Relationships",
    "广东省劳动保障监察条例": "Guangdong Province Regulation on Labour Security Supervision",
    "上海市网络预约出租汽车经营服务管理若干规定":
        "Shanghai Provisions on the Management of Online Ride-Hailing Taxi Services",
    "最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释":
        "Interpretation of the Supreme People's Court on Issues of Law in Personal Injury Compensation Cases",
    "最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释":
        "Interpretation of the Supreme People's Court on Issues of Law in Road Traffic Accident Compensation Cases",
    "新就业形态就业人员职业伤害保障办法（试行）":
        "Measures on Occupational Injury Protection for Workers in New Forms of Employment (Trial)",
    "上海市新就业形态就业人员职业伤害保障试点实施办法":
        "Shanghai Measures for the Pilot of Occupational Injury Protection for Workers in New Forms of Employment",
    "重庆市新就业形态就业人员职业伤害保障实施暂行办法":
        "Chongqing Interim Measures on Occupational Injury Protection for Workers in New Forms of Employment",
}

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = "[零〇一二两三四五六七八九十百千0-9]+"
_TITLE = re.compile(r"《(?:中华人民共和国)?([^《》]+)》")
_ARTICLE = re.compile(rf"第({_NUMERAL})条(?:之({_NUMERAL}))?(?:第({_NUMERAL})款)?(?:第[（(]?({_NUMERAL})[）)]?项)?")
# What a citation says of its text in brackets: the decree, the revision, the day it took effect.
_PROVENANCE = (
    (re.compile(r"（国务院令第(\d+)号，(\d{4})年修订）"), r" (State Council Decree No. \1, revised \2)"),
    (re.compile(r"（国务院令第(\d+)号，(\d{4})年）"), r" (State Council Decree No. \1, \2)"),
    (re.compile(r"（劳动和社会保障部令第(\d+)号，(\d{4})年）"), r" (Ministry of Labour and Social Security Order No. \1, \2)"),
    (re.compile(r"（人力资源社会保障部令第(\d+)号，(\d{4})年）"), r" (Ministry of Human Resources and Social Security Order No. \1, \2)"),
    (re.compile(r"（(\d{4})年修订）"), r" (revised \1)"),
    (re.compile(r"（(\d{4})年修正）"), r" (as amended in \1)"),
    (re.compile(r"（(\d{4})年(\d{1,2})月(\d{1,2})日起施行）"), r" (in force from \1-\2-\3)"),
    (re.compile(r"（法释〔(\d{4})〕(\d+)号）"), r" (Fa Shi [\1] No. \2)"),
    (re.compile(r"（按工作日计算）"), " (in working days)"),
    (re.compile(r"（一审判决援引）"), " (as the first-instance judgment cites it)"),
    (re.compile(r"（二审判决援引）"), " (as the second-instance judgment cites it)"),
    (re.compile(r"（该规章全文未能核实，本条据地方人社部门公开转述）"),
     " (the full text of these provisions could not be checked; the article as local human-resources departments quote it)"),
)
# Documents cited by their number, as English legal writing cites them: the issuer's abbreviation in
# pinyin and the number (劳社部发〔2005〕12号 -> Lao She Bu Fa [2005] No. 12); a guiding case by its number.
_DOCUMENT_SERIES = {"劳社部发": "Lao She Bu Fa", "人社部发": "Ren She Bu Fa", "人社部函": "Ren She Bu Han",
                    "人社厅发": "Ren She Ting Fa", "人社部规": "Ren She Bu Gui", "法释": "Fa Shi", "法发": "Fa Fa",
                    "国办发": "Guo Ban Fa"}
_DOCUMENT = re.compile("(" + "|".join(_DOCUMENT_SERIES) + r")〔(\d{4})〕(\d+)号(?:案例(\d+))?")
_GUIDING_CASES = re.compile(r"(?:最高人民法院)?指导性案例(\d+)号((?:、\d+号?)*)")
# A title written without 《》 before its article (劳动合同法第十条), longest first so 劳动合同法实施条例
# is not read as 劳动合同法.
_BARE_TITLE = re.compile("(?<![《\u4e00-\u9fff])(" + "|".join(sorted(
    (title for title in LAW_TITLES_EN if len(title) <= 12), key=len, reverse=True)) + ")(?=第)")
_ARTICLE_LIST = re.compile(r"Art\. ([0-9()-]+)((?:, Art\. [0-9()-]+)+)")
_PUNCTUATION = {"、": ", ", "；": "; ", "，": ", ", "（": " (", "）": ")", "：": ": ", "。": "."}


def chinese_number(text: str) -> int:
    """二十一 -> 21, 一百零二 -> 102, 十四 -> 14; Arabic digits as they are."""
    if text.isdigit():
        return int(text)
    total, section = 0, 0
    for ch in text:
        if ch in _DIGITS:
            section = _DIGITS[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (section or 1) * unit
            section = 0
    return total + section


def _article(found: re.Match) -> str:
    article, sub, paragraph, item = found.groups()
    number = f"{chinese_number(article)}" + (f"-{chinese_number(sub)}" if sub else "")
    return f"Art. {number}" + "".join(f"({chinese_number(part)})" for part in (paragraph, item) if part)


def _title(found: re.Match) -> str:
    return LAW_TITLES_EN.get(found.group(1), found.group(0))


def citation_en(text: str) -> str:
    """The citations in `text` in English: 《劳动争议调解仲裁法》第十四条第三款、第十五条 ->
    "Labour Dispute Mediation and Arbitration Law, Arts 14(3), 15". A title this table does not
    know, and any text that is not a citation, stay as written."""
    for pattern, english in _PROVENANCE:
        text = pattern.sub(english, text)
    text = _DOCUMENT.sub(_document, text)
    text = _GUIDING_CASES.sub(_guiding_cases, text)
    text = _BARE_TITLE.sub(lambda found: "《" + found.group(1) + "》", text)
    converted = _TITLE.sub(lambda found: _title(found) + ("\u0000" if found.end() < len(text) and text[found.end()] == "第" else ""), text)
    converted = _ARTICLE.sub(_article, converted).replace("\u0000", ", ")
    for chinese, english in _PUNCTUATION.items():
        converted = converted.replace(chinese, english)
    converted = _ARTICLE_LIST.sub(lambda found: "Arts " + found.group(1) + found.group(2).replace("Art. ", ""), converted)
    converted = re.sub(r"\)(?=Art)", "), ", converted)
    converted = re.sub(r"^ \(", "(", converted)
    return re.sub(r" {2,}", " ", converted).strip()


def _document(found: re.Match) -> str:
    series, year, number, case = found.groups()
    followed_by_article = found.string[found.end():found.end() + 1] == "第"
    return (f"{_DOCUMENT_SERIES[series]} [{year}] No. {number}" + (f", Case {case}" if case else "")
            + ("\u0000" if followed_by_article else ""))


def _guiding_cases(found: re.Match) -> str:
    numbers = [found.group(1), *re.findall(r"\d+", found.group(2) or "")]
    return ("Guiding Case No. " if len(numbers) == 1 else "Guiding Cases Nos ") + ", ".join(numbers)
