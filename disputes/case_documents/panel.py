"""The documents panel of the case page: every kind, whether it exists yet, and its issued version."""
from __future__ import annotations

from dataclasses import dataclass

from disputes.case_documents.services import latest_of_each_kind, stage_refusal
from disputes.documents import DOCUMENT_KINDS
from disputes.models import Case, GeneratedDocument, User
from disputes.permissions import can
from disputes.vocabulary import label


@dataclass(frozen=True)
class PanelRow:
    kind: str
    title: str
    refusal: str | None
    issued: GeneratedDocument | None


def document_panel(case: Case) -> list[PanelRow]:
    issued = latest_of_each_kind(case)
    return [PanelRow(kind, label(DOCUMENT_KINDS, kind), stage_refusal(case, kind), issued.get(kind))
            for kind in DOCUMENT_KINDS]


def documents_case_panel(case: Case, user: User) -> dict:
    """The case page's documents panel (registered by ``case_documents.init_app``)."""
    return {"rows": document_panel(case), "may_issue": can(user, "issue_document", case)}
