"""Which documents a case has at its stage, generating them, and issuing them with the case's events."""
from __future__ import annotations

from datetime import date
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from disputes.case_documents.context import document_context
from disputes.cases.history import record_in_history
from disputes.documents import DOCUMENT_KINDS, DocumentNotAvailable, render_document
from disputes.errors import Conflict, NotFound
from disputes.event_hooks import RecordedEvent
from disputes.extensions import db
from disputes.vocabulary import label
from disputes.models import Case, GeneratedDocument, User
from disputes.storage import BlobStore
from disputes.timekeeping import local_today

# A document exists once the event that calls for it has happened (or, for the application and
# the summary, from the start: the worker's application is prefilled so they never retype it).
STAGE_EVENTS: dict[str, tuple[str, ...] | None] = {
    "acceptance_notice": ("accept",),
    "rejection_notice": ("decline",),
    "mediation_agreement": ("mediation_succeeded", "arbitral_mediation"),
    "mediation_failure": ("mediation_failed",),
    "arbitration_application": None,
    "legal_aid_referral": ("refer_legal_aid",),
    "case_summary": None,
}
# The documents an event issues at once, in the same transaction as the event.
ISSUED_BY_EVENT = {
    event: kind for kind, events in STAGE_EVENTS.items() if events for event in events
}


def document_store() -> BlobStore:
    return BlobStore(current_app.config["DISPUTES_DOCUMENTS_DIR"])


def stage_refusal(case: Case, kind: str) -> str | None:
    """Why this kind of document does not exist yet for the case, or None if it does."""
    if kind not in DOCUMENT_KINDS:
        raise NotFound(_("没有这种文书。"))
    if stage_reached(case, kind):
        return None
    return _("案件尚未到出具“%(kind)s”的阶段。", kind=label(DOCUMENT_KINDS, kind))


def stage_reached(case: Case, kind: str) -> bool:
    """Whether the case has reached the stage that issues this kind of document."""
    events = STAGE_EVENTS[kind]
    return events is None or any(h.event in events for h in case.history)


def available_kinds(case: Case) -> list[str]:
    return [kind for kind in DOCUMENT_KINDS if stage_reached(case, kind)]


def render(case: Case, kind: str, today: date, language: str = "zh", *, for_worker: bool = False) -> bytes:
    """Fresh PDF bytes of the kind for the case; Conflict when the case is not at that stage.
    `for_worker`: the worker's own copy (document_context)."""
    refusal = stage_refusal(case, kind)
    if refusal:
        raise Conflict(refusal, state=case.state)
    try:
        return render_document(kind, document_context(case, today, for_worker=for_worker),
                               font_path=current_app.config["DISPUTES_PDF_FONT"], language=language)
    except DocumentNotAvailable as missing:
        raise Conflict(missing.reason_zh, state=case.state) from None


def issue(case: Case, kind: str, today: date, by: User | None, event: str | None = None) -> GeneratedDocument:
    """Render, store the bytes and add the row, inside the caller's transaction."""
    language = "en" if case.language == "en" else "zh"
    data = render(case, kind, today, language)
    digest = document_store().put(data)
    document = GeneratedDocument(case_id=case.id, kind=kind, language=language, sha256=digest, size=len(data),
                                 generated_by=by, event=event)
    db.session.add(document)
    return document


def issue_stage_document(recorded: RecordedEvent) -> None:
    """After-event hook: issue the document the event calls for, and put its SHA-256 in the event's history row."""
    kind = ISSUED_BY_EVENT.get(recorded.event)
    if kind is None:
        return
    document = issue(recorded.case, kind, recorded.today, recorded.by, event=recorded.event)
    recorded.row.data = {**recorded.row.data, "documents": [{"kind": kind, "sha256": document.sha256}]}


def issue_again_by_hand(case: Case, kind: str, by: User, today: date) -> GeneratedDocument:
    """A new version of a document issued by its handler, written to the case's history."""
    document = issue(case, kind, today, by)
    record_in_history(case, "issue_document", by, today, data={"documents": [{"kind": kind, "sha256": document.sha256}]})
    db.session.commit()
    return document


def latest(case: Case, kind: str) -> GeneratedDocument | None:
    return db.session.scalar(
        sa.select(GeneratedDocument).where(GeneratedDocument.case_id == case.id, GeneratedDocument.kind == kind)
        .order_by(GeneratedDocument.id.desc()).limit(1)
    )


def latest_of_each_kind(case: Case) -> dict[str, GeneratedDocument]:
    """The newest issued document of every kind the case has, in one statement (the case page's panel)."""
    newest = (sa.select(sa.func.max(GeneratedDocument.id)).where(GeneratedDocument.case_id == case.id)
              .group_by(GeneratedDocument.kind))
    return {document.kind: document
            for document in db.session.scalars(sa.select(GeneratedDocument).where(GeneratedDocument.id.in_(newest)))}


def pdf_bytes(case: Case, kind: str, today: date, language: str | None = None) -> bytes:
    """What a download serves: the issued version when there is one, else a fresh rendering."""
    issued = latest(case, kind)
    if issued is not None and (language is None or language == issued.language):
        try:
            return document_store().read(issued.sha256)
        except FileNotFoundError:
            current_app.logger.warning("issued document %s missing from the store; rendering afresh", issued.sha256)
    return render(case, kind, today, language or ("en" if case.language == "en" else "zh"))


# What the worker downloads is always rendered for the worker, never a copy staff issued for the
# file: the summary reports the history (without staff notes or names); the arbitration
# application holds the complete ID number and phone in the commission's copy, which a case
# number and a code alone must not bring.
WORKER_RENDERED_KINDS = frozenset({"case_summary", "arbitration_application"})


def worker_pdf(case: Case, kind: str, language: str | None = None) -> bytes:
    """A document as the case's worker downloads it (from the portal, or signed in to their account)."""
    language = language or ("en" if case.language == "en" else "zh")
    if kind not in WORKER_RENDERED_KINDS:
        return pdf_bytes(case, kind, local_today(), language)
    return render(case, kind, local_today(), language, for_worker=True)
