"""The dispute life cycle as pure Python: states, events, guards, statutory deadlines, rules.

This is the front door: the app imports from here only. Nothing here imports Flask, SQLAlchemy,
`disputes` or `casebase`; the case is anything that looks like `CaseLike`.
"""

from .calendar import (
    DayStatus,
    add_period,
    arrangement_for,
    calendar_known_for,
    day_status,
    is_working_day,
    register_arrangement,
    registered_stamp,
    subtract_working_days,
    unregister_arrangement,
    working_days_between,
)
from .case import CaseLike, ClaimLike, EventRecord
from .clocks import ACTOR_LABELS, DEADLINE_LABELS, Deadline, deadlines
from .diagram import diagram_dot
from .fields import EARLIEST_DATE, LATEST_DATE, MAX_ID, whole_number
from .errors import EventNotAllowed, GuardRefused, NotPermitted, UnknownEvent, WorkflowError
from .clocks import legal_aid_urgency
from .guards import ARBITRATION_GROUNDS, ARBITRATION_GROUNDS_EN, RESTART_REASONS, RESTART_REASONS_EN, hearing_notice_latest
from .service import DOCUMENTS, DOCUMENTS_EN, PARTIES, PARTIES_EN, SERVICE_METHODS, SERVICE_METHODS_EN
from .holidays import (
    Arrangement, ArrangementInvalid, Holiday, arrangement_from_data, arrangement_from_notice, statutory_holidays,
)
from .machine import Transition, allowed_events, fire
from .permissions import WHO_MAY, Actor
from .roles import ROLES
from .rules import (
    AWARD_ITEM_KINDS,
    CLAIM_KINDS,
    FinalAwardResult,
    ItemVerdict,
    Jurisdiction,
    SimpleProcedure,
    competent_commission,
    representative_warnings,
    stated_award_type,
    final_award_assessment,
    is_collective,
    simple_procedure_eligible,
)
from .states import (
    ACTIVE_STATES,
    EVENT_LABELS,
    EVENTS,
    LEGAL_AID_LABELS,
    LEGAL_AID_STATES,
    PUBLISHABLE_STATES,
    STATE_LABELS,
    STATES,
    TERMINAL_STATES,
)
from .wages import DEFAULT_MINIMUM_WAGES, MinimumWage

__all__ = [
    "ACTIVE_STATES", "AWARD_ITEM_KINDS", "Actor", "CLAIM_KINDS", "CaseLike", "ClaimLike",
    "ACTOR_LABELS", "DEADLINE_LABELS", "DEFAULT_MINIMUM_WAGES", "Deadline", "EVENTS", "EVENT_LABELS", "EventNotAllowed",
    "EventRecord", "FinalAwardResult", "GuardRefused", "ItemVerdict", "LEGAL_AID_LABELS",
    "LEGAL_AID_STATES", "MinimumWage", "NotPermitted", "PUBLISHABLE_STATES", "RESTART_REASONS", "ROLES", "STATES", "STATE_LABELS",
    "SimpleProcedure", "TERMINAL_STATES", "Transition", "UnknownEvent", "WHO_MAY", "WorkflowError",
    "add_period", "allowed_events", "calendar_known_for", "deadlines", "diagram_dot",
    "final_award_assessment", "fire", "is_collective", "is_working_day", "simple_procedure_eligible",
    "working_days_between",
    "Arrangement", "ArrangementInvalid", "DayStatus", "Holiday", "arrangement_for", "arrangement_from_data", "arrangement_from_notice",
    "ARBITRATION_GROUNDS", "ARBITRATION_GROUNDS_EN", "DOCUMENTS", "DOCUMENTS_EN", "Jurisdiction", "PARTIES",
    "PARTIES_EN", "RESTART_REASONS_EN", "SERVICE_METHODS", "SERVICE_METHODS_EN", "competent_commission",
    "hearing_notice_latest", "legal_aid_urgency", "representative_warnings", "stated_award_type",
    "day_status", "register_arrangement", "registered_stamp", "statutory_holidays", "subtract_working_days", "unregister_arrangement",
    "EARLIEST_DATE", "LATEST_DATE", "MAX_ID", "whole_number",
]

# The labour-inspection complaint track (workflows/inspection.py): its own states, events and clocks.
from . import inspection
from .inspection import (
    ArrearsClue, ArrearsSignal, InspectionActor, assess_refusal_to_pay, clue_counts, filing_plan,
    group_arrears_clues, link_record,
)
from .inspection import allowed_events as inspection_allowed_events
from .inspection import deadlines as inspection_deadlines
from .inspection import fire as fire_inspection_event

__all__ += [
    "ArrearsClue", "ArrearsSignal", "InspectionActor", "assess_refusal_to_pay", "clue_counts", "filing_plan",
    "fire_inspection_event", "group_arrears_clues", "inspection", "inspection_allowed_events",
    "inspection_deadlines", "link_record",
]
