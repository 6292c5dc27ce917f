"""Publication: a closed case becomes an anonymised typical-case draft, is reviewed, published and withdrawn.

Nothing reaches the public library before it is anonymised: names become 刘某, ID, phone, card and
plate numbers, accounts, addresses and case numbers are removed, company names are generalised
(platforms may be kept). The reviewer sees every replacement and everything the leak check still
finds, highlighted, and confirms; publishing is refused while the leak check finds anything.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from casebase import FACTOR_KEYS, Finding, KnownParty, anonymize_many, leak_check
from disputes.assessments.services import assess_case, latest_assessment
from disputes.errors import Conflict
from disputes.extensions import db
from disputes.library.index import bump_generation, sync_index
from disputes.library.records import record_dict
from disputes.library.services import parse_record
from disputes.models import Case, TypicalCase, User, utcnow
from disputes.permissions import can
from disputes.timekeeping import local_today
from disputes.vocabulary import CLAIM_LABELS, OCCUPATION_LABELS
from workflows import PUBLISHABLE_STATES

TEXT_FIELDS = ("title", "facts", "holding", "reasoning")
# What a typical case never holds, whatever its source: a published judgment names its parties and
# companies (public record), but no one's phone, ID, card or plate number, account or e-mail.
NEVER_PUBLISHED = frozenset({"id_number", "phone", "bank_card", "account_number", "email", "account", "plate"})


@dataclass(frozen=True)
class Piece:
    """A stretch of a draft's text for the review page: plain, a replacement made, or a leak."""

    text: str
    kind: str  # "plain" | "replaced" | "leak"
    label: str = ""  # the category, or what a replacement stood for


@dataclass(frozen=True)
class DraftReview:
    """What the reviewer compares side by side: the source text, the draft with its replacements and
    leaks marked, and what the leak check still finds (publishing waits until it is empty)."""

    original: dict[str, str]
    draft: dict[str, str]
    pieces: dict[str, list[Piece]]
    findings: dict[str, list[Finding]]

    @property
    def leaks(self) -> list[str]:
        return [finding.text for found in self.findings.values() for finding in found]


def publication_case_panel(case: Case, user: User) -> dict | None:
    """The case page's "make it a typical case" form, for an editor who may change this closed case."""
    return {} if case.state in PUBLISHABLE_STATES and can(user, "draft_publication", case) else None


def draft_from_case(case: Case, editor: User, *, keep_platform_names: bool = True) -> TypicalCase:
    """A new draft prefilled from the case and its latest assessment, anonymised (409 if not closed)."""
    if case.state not in PUBLISHABLE_STATES:
        raise Conflict(_("只有已结案（调解成功、仲裁调解、已裁决或已结案）的案件才能整理为典型案例。"), state=case.state)
    originals = source_texts(case)
    anonymised = anonymize_many(originals, **_anonymise_options(case, keep_platform_names))
    factors, outcome = _factors_and_outcome(case)
    row = TypicalCase(
        id=f"pub-{secrets.token_hex(5)}",  # never derived from the case number, which is identifying
        title=anonymised["title"].text, facts=anonymised["facts"].text, holding=anonymised["holding"].text,
        reasoning=anonymised["reasoning"].text,
        source_body=case.organisation.name if case.organisation else "劳动人事争议调解组织",
        source_release=_("本机构办结案件整理"), source_year=local_today().year, source_number=None,
        illustrative=False, region=case.region.name_zh if case.region else None,
        occupation=case.workers[0].occupation if case.workers else "other",
        work_arrangement=_("平台用工"), respondent_kinds=sorted({r.kind for r in case.respondents}),
        claims=sorted({c.kind for c in case.claims}), factors=factors,
        outcome=outcome, status="draft",
        statutes=["《劳动争议调解仲裁法》"], from_case_id=case.id, updated_by=editor,
    )
    db.session.add(row)
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row


def _factors_and_outcome(case: Case) -> tuple[dict, str]:
    """The saved assessment's factors and category, or a fresh assessment of the case's facts."""
    saved = latest_assessment(case)
    if saved is not None:
        values, category = {f["key"]: f["value"] for f in saved.factors}, saved.category
    else:
        result = assess_case(case)
        values, category = result.values(), result.category
    return {key: values.get(key) for key in FACTOR_KEYS}, category


def source_texts(case: Case) -> dict[str, str]:
    """The case's own words for each field, before anonymisation."""
    assessment = latest_assessment(case)
    occupation = OCCUPATION_LABELS.get(case.workers[0].occupation, ("", ""))[0] if case.workers else ""
    claims = "、".join(CLAIM_LABELS[c.kind][0] for c in case.claims)
    respondent = case.respondents[0].name if case.respondents else ""
    outcome = _outcome_sentence(case)
    return {
        "title": f"{case.workers[0].name if case.workers else ''}（{occupation}）与{respondent}{claims}争议案",
        "facts": case.facts,
        "holding": outcome,
        "reasoning": assessment.explanation if assessment else outcome,
    }


def _outcome_sentence(case: Case) -> str:
    if case.awarded_amount is not None:
        return f"仲裁委员会裁决被申请人支付{case.awarded_amount:.2f}元。"
    if case.agreed_amount is not None:
        return f"经调解，双方达成协议，被申请人支付{case.agreed_amount:.2f}元。"
    return "案件已办结。"


def _anonymise_options(case: Case, keep_platform_names: bool) -> dict:
    people = [w.name for w in case.workers] + [u.display_name for u in (case.mediator, case.arbitrator) if u]
    companies = [r.name for r in case.respondents]
    keep = [r.name for r in case.respondents if r.kind == "platform"] if keep_platform_names else []
    return {
        "parties": [KnownParty(name, "person") for name in people] + [KnownParty(name, "company") for name in companies],
        "keep_companies": keep,
        "case_numbers": [case.case_no],
    }


def secrets_of(case: Case, keep_platform_names: bool = True) -> list[str]:
    """Everything of the source case that must never appear in the published record."""
    kept = {r.name for r in case.respondents if r.kind == "platform"} if keep_platform_names else set()
    values = [w.name for w in case.workers] + [w.phone for w in case.workers] + [w.id_number for w in case.workers if w.id_number]
    values += [r.name for r in case.respondents if r.name not in kept] + [r.credit_code for r in case.respondents if r.credit_code]
    return [s for s in values + [case.case_no] if s]


def review(row: TypicalCase, allowed: tuple[str, ...] = ()) -> DraftReview:
    """The side-by-side view for the reviewer; ``allowed`` are the words the reviewer confirmed are not
    personal (they silence only guesses: never a party, a number or a secret of the case)."""
    case = db.session.get(Case, row.from_case_id) if row.from_case_id else None
    draft = {field: getattr(row, field) or "" for field in TEXT_FIELDS}
    findings = {field: _findings(text, case, allowed) for field, text in draft.items()}
    replaced = _replacements(case, draft) if case is not None else {}
    pieces = {field: _pieces(text, replaced.get(field, []), findings[field]) for field, text in draft.items()}
    return DraftReview(source_texts(case) if case is not None else {}, draft, pieces, findings)


def _findings(text: str, case: Case | None, allowed: tuple[str, ...]) -> list[Finding]:
    if case is None:
        return [f for f in leak_check(text, allowed=allowed) if f.category in NEVER_PUBLISHED]
    options = _anonymise_options(case, keep_platform_names=True)
    return leak_check(text, options["parties"], secrets=secrets_of(case), keep_companies=options["keep_companies"],
                      case_numbers=options["case_numbers"], allowed=allowed)


def _replacements(case: Case, draft: dict[str, str]) -> dict[str, list]:
    """The replacements the anonymiser made, where the draft is still the text it produced."""
    redone = anonymize_many(source_texts(case), **_anonymise_options(case, keep_platform_names=True))
    return {field: result.replacements for field, result in redone.items() if result.text == draft.get(field)}


def _pieces(text: str, replacements, findings: list[Finding]) -> list[Piece]:
    marks = [(f.start, f.end, "leak", f.category) for f in findings if f.start >= 0]
    marks += [(r.out_start, r.out_end, "replaced", r.category) for r in replacements if r.out_start >= 0]
    pieces, at = [], 0
    for start, end, kind, label in sorted(marks):
        if start < at:
            continue
        if start > at:
            pieces.append(Piece(text[at:start], "plain"))
        pieces.append(Piece(text[start:end], kind, label))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:], "plain"))
    return pieces


CATEGORY_LABELS = {
    "person": _l("人名"), "company": _l("企业名称"), "id_number": _l("身份证号"), "phone": _l("电话号码"),
    "bank_card": _l("银行卡号"), "account_number": _l("账号"), "email": _l("电子邮箱"), "account": _l("社交账号"),
    "credit_code": _l("统一社会信用代码"), "plate": _l("车牌号"), "address": _l("地址"), "case_number": _l("案号"),
    "secret": _l("源案件的信息"),
}


def category_label(category: str) -> str:
    return str(CATEGORY_LABELS.get(category, category))


def check_before_publishing(row: TypicalCase, allowed: tuple[str, ...] = ()) -> None:
    """Refuse (409) to publish while the leak check finds anything in the draft."""
    found = review(row, allowed).leaks
    if found:
        raise Conflict(ngettext("草稿中仍有可识别的个人或企业信息，不能公开：%(num)d 处，请先修改。",
                                "草稿中仍有可识别的个人或企业信息，不能公开：%(num)d 处，请先修改。", len(found)))


def _lock_current(row: TypicalCase) -> None:
    """Read the row again under a row lock, so that of two editors publishing (or withdrawing) at once
    the second waits and then sees what the first did, and is told so (409), instead of both passing
    the status check on what they had read before. SQLite has no row locks; there the version column
    catches the second writer, answered as a 409 too (see ``errors.init_app``)."""
    db.session.refresh(row, with_for_update=True)


def publish(row: TypicalCase, editor: User, allowed: tuple[str, ...] = ()) -> TypicalCase:
    """Make a reviewed draft public and searchable; it must pass the published record's checks and the
    leak check (``allowed``: the words the reviewer confirmed are not personal)."""
    _lock_current(row)
    if row.status == "published":
        raise Conflict(_("该案例已经公开。"), status=row.status)
    parse_record(record_dict(row) | {"status": "published"})
    check_before_publishing(row, allowed)
    row.status, row.published_at, row.updated_by = "published", utcnow(), editor
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row


def withdraw(row: TypicalCase, editor: User) -> TypicalCase:
    """Take a published case out of public view (e.g. after a removal request); it stays on record."""
    _lock_current(row)
    if row.status != "published":
        raise Conflict(_("只有已公开的案例可以撤下。"), status=row.status)
    row.status, row.updated_by = "withdrawn", editor
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row
