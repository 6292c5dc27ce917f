"""The worker's complaint in steps: which answers each step asks, and a step's problems.

A step is checked by the rules a filing meets (`schema.parse_intake` on the whole draft, with the
consent rule of the worker's form), keeping only the problems of that step's own answers: a step
that passed never fails at the end for a reason it could have said, and the last step files with
every answer. GOV.UK's pattern, with a check-your-answers page before sending.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from disputes.errors import ValidationFailed
from disputes.intake.forms import WorkerComplaintForm
from disputes.intake.schema import parse_intake
from disputes.intake.services import known_regions
from disputes.timekeeping import local_today


@dataclass(frozen=True)
class Step:
    name: str  # in the address: /intake/<name>
    title: LazyString
    fields: tuple[str, ...]  # the form's top-level fields this step asks
    # Field ids in the order the step's page shows them, where it differs from the form's order
    # (the consent stands before the ID number it is for); the error summary follows it.
    page_order: tuple[str, ...] = ()

    def holds(self, key: str) -> bool:
        """Whether a form key or field id (`respondents-0-name`) or an error path (`respondents[0].name`,
        `factors.platform_sets_pay`) is one of this step's answers."""
        return any(key == name or key.startswith((f"{name}-", f"{name}[", f"{name}.")) for name in self.fields)


STEPS = (
    Step("you", _l("您的信息"), ("workers", "id_consent"),
         ("workers-0-name", "workers-0-phone", "workers-0-occupation", "id_consent", "workers-0-id_number")),
    Step("employer", _l("用工单位"), ("respondents", "platform")),
    Step("claims", _l("请求事项"), ("claims",)),
    Step("facts", _l("事实经过"), ("facts", "region", "place", "knew_of_violation_on", "relationship_ended",
                                 "relationship_ended_on", "factors")),
    Step("evidence", _l("证据"), ("evidence",)),
    Step("check", _l("核对并提交"), ("filing", "submission_key")),
)
FIRST, CHECK = STEPS[0], STEPS[-1]
STEP_NAMES = tuple(step.name for step in STEPS)


def step_named(name: str) -> Step:
    return STEPS[STEP_NAMES.index(name)]


def step_after(step: Step) -> Step:
    return STEPS[min(STEPS.index(step) + 1, len(STEPS) - 1)]


def step_before(step: Step) -> Step:
    return STEPS[max(STEPS.index(step) - 1, 0)]


def page_position(field_id: str) -> tuple[int, int]:
    """Where a field stands in the journey: its step, then its place on the step's page."""
    step = step_holding(field_id)
    order = step.page_order
    return STEPS.index(step), order.index(field_id) if field_id in order else len(order)


def step_holding(key: str) -> Step:
    """The step that asks this answer (an answer of no step is checked on the last one)."""
    return next((step for step in STEPS if step.holds(key)), CHECK)


def with_step_answers(draft: MultiDict | None, posted: MultiDict, step: Step) -> MultiDict:
    """The draft with this step's answers replaced by what the step sent, the rest kept as it was.

    Replaced, not added to: a box left unticked sends nothing and so is cleared, and a row the
    step no longer sends is gone. The CSRF token rides along for the form's own check.
    """
    kept = [(key, value) for key, value in (draft or MultiDict()).items(multi=True) if not step.holds(key)]
    sent = [(key, value) for key, value in posted.items(multi=True) if step.holds(key) or key == "csrf_token"]
    return MultiDict(kept + sent)


def intake_problems(form: WorkerComplaintForm) -> dict[str, str]:
    """Every problem the filing would meet, by field path: the intake schema's and the consent's."""
    problems = form.consent_problems()
    try:
        parse_intake(form.to_payload(), today=local_today(), known_regions=known_regions())
    except ValidationFailed as failure:
        problems = dict(failure.errors) | problems
    return problems


def step_problems(form: WorkerComplaintForm, step: Step) -> dict[str, str]:
    return {path: message for path, message in intake_problems(form).items() if step.holds(path)}


def first_unfinished(form: WorkerComplaintForm) -> Step:
    """Where a resumed draft picks up: the first step with a problem, else the check page."""
    problems = intake_problems(form)
    return next((step for step in STEPS[:-1] if any(step.holds(path) for path in problems)), CHECK)
