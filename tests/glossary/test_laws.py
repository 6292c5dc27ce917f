"""Citations in English: every text the app cites has its English title, and articles read as
English legal writing cites them."""
import re
from pathlib import Path

import pytest

from glossary.laws import LAW_TITLES_EN, chinese_number, citation_en

ROOT = Path(__file__).resolve().parents[2]
# Titles a citation in the code may name that are not texts of law (a notice named as a pattern).
NOT_LAW = {"国务院办公厅关于××年部分节假日安排的通知", "国务院办公厅关于2026年部分节假日安排的通知"}


@pytest.mark.parametrize(("chinese", "english"), [
    ("《劳动争议调解仲裁法》第十四条", "Labour Dispute Mediation and Arbitration Law, Art. 14"),
    ("《劳动争议调解仲裁法》第十四条第三款、第十五条", "Labour Dispute Mediation and Arbitration Law, Arts 14(3), 15"),
    ("《劳动争议调解仲裁法》第四十七条第（一）项", "Labour Dispute Mediation and Arbitration Law, Art. 47(1)"),
    ("（《劳动争议调解仲裁法》第二十七条）", "(Labour Dispute Mediation and Arbitration Law, Art. 27)"),
    ("《中华人民共和国刑法》第二百七十六条之一", "Criminal Law, Art. 276-1"),
    ("《民事诉讼法》（2023年修正）第二百零五条", "Civil Procedure Law (as amended in 2023), Art. 205"),
    ("《劳动保障监察条例》（国务院令第423号，2004年）第二十条",
     "Regulation on Labour Security Supervision (State Council Decree No. 423, 2004), Art. 20"),
    ("《劳动争议调解仲裁法》第二十九条、第三十条；《劳动人事争议仲裁办案规则》第三十条、第八十条",
     "Labour Dispute Mediation and Arbitration Law, Arts 29, 30; "
     "Rules for Handling Labour and Personnel Dispute Arbitration Cases, Arts 30, 80"),
    ("劳社部发〔2005〕12号第一条第（一）项", "Lao She Bu Fa [2005] No. 12, Art. 1(1)"),
    ("人社部函〔2023〕36号案例3", "Ren She Bu Han [2023] No. 36, Case 3"),
    ("人社部发〔2021〕56号；指导性案例239号、240号", "Ren She Bu Fa [2021] No. 56; Guiding Cases Nos 239, 240"),
    ("劳动合同法第十条、第十六条", "Labour Contract Law, Arts 10, 16"),
    ("劳动合同法实施条例第五条", "Regulation on the Implementation of the Labour Contract Law, Art. 5"),
])
def test_a_citation_reads_as_english_legal_writing_cites(chinese, english):
    assert citation_en(chinese) == english


def test_chinese_numerals_up_to_the_hundreds():
    assert [chinese_number(n) for n in ("五", "十", "十四", "二十一", "一百", "一百零二", "二百七十六")] == [
        5, 10, 14, 21, 100, 102, 276]


def test_text_that_is_not_a_citation_stays_as_written():
    assert citation_en("调解不成") == "调解不成"


def test_every_text_the_code_cites_has_an_english_title():
    cited = set()
    for folder in ("workflows", "disputes", "casebase", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".html") and "translations" not in path.parts:
                cited |= set(re.findall(r"《(?:中华人民共和国)?([^《》{}\[\]^]+)》", path.read_text(encoding="utf-8")))
    missing = sorted(title for title in cited - NOT_LAW if title not in LAW_TITLES_EN)
    assert not missing
