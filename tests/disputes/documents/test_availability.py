"""A document the case cannot have yet raises DocumentNotAvailable, naming the kind and why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from disputes.documents import DOCUMENT_KINDS, DocumentNotAvailable, render_document

from .factories import agreed, failed, for_kind, make_context, referred, refused


@pytest.mark.parametrize(("kind", "ctx"), [
    ("acceptance_notice", make_context(accepted_on=None)),
    ("rejection_notice", make_context(rejection_reason=None)),
    ("rejection_notice", refused(rejection_reason="   ")),
    ("mediation_agreement", make_context(agreement=None)),
    ("mediation_agreement", agreed(agreement=replace(agreed().agreement, terms=" \n "))),
    ("mediation_failure", make_context(mediation_failure=None)),
    ("arbitration_application", make_context(claims=[])),
    ("arbitration_application", make_context(facts="  ")),
    ("legal_aid_referral", make_context(legal_aid=None)),
], ids=lambda value: value if isinstance(value, str) else "")
def test_kind_without_its_data_is_not_available(kind, ctx):
    with pytest.raises(DocumentNotAvailable) as raised:
        render_document(kind, ctx)
    assert raised.value.kind == kind
    assert raised.value.reason_zh


@pytest.mark.parametrize("kind", [k for k in DOCUMENT_KINDS if k != "case_summary"])
def test_every_notice_needs_a_worker_and_a_respondent(kind):
    for missing in ({"workers": []}, {"respondents": []}):
        with pytest.raises(DocumentNotAvailable, match="申请人"):
            render_document(kind, for_kind(kind, **missing))


def test_case_summary_renders_for_a_bare_case():
    bare = make_context(workers=[], respondents=[], claims=[], facts="", deadlines=[], timeline=[],
                        evidence=[], assessment=None, accepted_on=None, submitted_on=None)
    assert render_document("case_summary", bare).startswith(b"%PDF")


def test_not_available_message_carries_both_languages():
    error = DocumentNotAvailable("mediation_agreement", "尚未记录调解协议", "no agreement is recorded")
    assert "尚未记录调解协议" in str(error) and "no agreement is recorded" in str(error)
    assert error.reason_en == "no agreement is recorded"


def test_unknown_kind_and_language_are_value_errors():
    with pytest.raises(ValueError, match="unknown document kind"):
        render_document("award", make_context())
    with pytest.raises(ValueError, match="language"):
        render_document("case_summary", make_context(), language="fr")


def test_failed_and_referred_factories_are_available_for_their_kinds():
    assert render_document("mediation_failure", failed()).startswith(b"%PDF")
    assert render_document("legal_aid_referral", referred()).startswith(b"%PDF")
