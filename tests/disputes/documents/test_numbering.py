"""document_number: （年份）机构简称劳调…字第序号号, the year said once, the same for the same arguments."""

from __future__ import annotations

import pytest

from disputes.documents import DOCUMENT_KINDS, document_number, render_document
from disputes.documents.numbering import organisation_short

from .factories import make_context


def test_acceptance_number_has_the_customary_form():
    assert document_number("acceptance_notice", "2026-0001234", "某") == "（2026）某劳调受字第1234号"


def test_each_kind_has_its_own_number():
    numbers = {document_number(kind, "2026-0001234", "某某") for kind in DOCUMENT_KINDS}
    assert len(numbers) == len(DOCUMENT_KINDS)


def test_number_is_deterministic():
    assert document_number("mediation_agreement", "2026-7", "朝阳") == document_number(
        "mediation_agreement", "2026-7", "朝阳")


def test_case_number_without_a_year_needs_one():
    with pytest.raises(ValueError, match="year"):
        document_number("acceptance_notice", "A-17", "某")
    assert document_number("acceptance_notice", "A-17", "某", year=2025) == "（2025）某劳调受字第A-17号"


@pytest.mark.parametrize(("kind", "case_no", "org"), [("award", "2026-1", "某"), ("acceptance_notice", " ", "某"),
                                                      ("acceptance_notice", "2026-1", "")])
def test_bad_arguments_are_refused(kind, case_no, org):
    with pytest.raises(ValueError):
        document_number(kind, case_no, org)


@pytest.mark.parametrize(("name", "short"), [
    ("某某区劳动人事争议调解中心", "某某"),
    ("朝阳街道人民调解委员会", "朝阳"),
    ("海淀区劳动人事争议仲裁委员会", "海淀"),
    ("调解中心", "调解"),
])
def test_organisation_short_name_is_the_place(name, short):
    assert organisation_short(name) == short


def test_given_document_number_is_printed_as_is(flat_text_of):
    pdf = render_document("acceptance_notice", make_context(document_no="京朝劳调受字〔2026〕第88号"))
    assert "京朝劳调受字〔2026〕第88号" in flat_text_of(pdf)


def test_configured_short_name_is_used(flat_text_of):
    pdf = render_document("acceptance_notice", make_context(organisation_short="朝劳"))
    assert "（2026）朝劳劳调受字第1234号" in flat_text_of(pdf)
