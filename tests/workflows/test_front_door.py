"""The package's front door: names, labels, independence from the app, diagram and wage table."""

import ast
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

import workflows
from workflows import (
    ACTIVE_STATES,
    DEFAULT_MINIMUM_WAGES,
    EVENT_LABELS,
    EVENTS,
    LEGAL_AID_LABELS,
    LEGAL_AID_STATES,
    STATE_LABELS,
    STATES,
    TERMINAL_STATES,
    diagram_dot,
)

PACKAGE = Path(workflows.__file__).parent
CONTRACT = """STATES STATE_LABELS LEGAL_AID_STATES LEGAL_AID_LABELS EVENTS EVENT_LABELS TERMINAL_STATES
ACTIVE_STATES Actor CaseLike fire allowed_events deadlines GuardRefused EventNotAllowed WorkflowError
Transition Deadline add_period working_days_between is_working_day calendar_known_for
final_award_assessment is_collective representative_warnings simple_procedure_eligible DEFAULT_MINIMUM_WAGES
diagram_dot""".split()


def test_front_door_names_the_contract():
    assert set(CONTRACT) <= set(workflows.__all__)
    assert all(hasattr(workflows, name) for name in workflows.__all__)


def test_states_and_events_of_the_design():
    assert STATES == ("submitted", "in_mediation", "mediated", "mediation_failed", "not_accepted",
                      "arbitration_applied", "in_arbitration", "arbitration_rejected", "arbitration_mediated",
                      "awarded", "in_litigation", "closed", "withdrawn")
    assert LEGAL_AID_STATES == ("none", "referred", "accepted", "declined")
    assert len(EVENTS) == len(set(EVENTS)) == 38


def test_terminal_and_active_states_split_the_states():
    assert TERMINAL_STATES == {"closed", "withdrawn"}
    assert set(ACTIVE_STATES) | TERMINAL_STATES == set(STATES)


@pytest.mark.parametrize(("keys", "labels"), [(STATES, STATE_LABELS), (LEGAL_AID_STATES, LEGAL_AID_LABELS),
                                              (EVENTS, EVENT_LABELS)])
def test_every_key_has_a_chinese_and_an_english_label(keys, labels):
    assert set(labels) == set(keys)
    assert all(label["zh"] and label["en"] for label in labels.values())


def test_glossary_labels_are_used():
    assert STATE_LABELS["arbitration_mediated"]["zh"] == "仲裁调解结案"
    assert LEGAL_AID_LABELS["declined"]["zh"] == "未获援助"


def _imported_roots(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


def test_workflows_never_imports_the_app_or_its_frameworks():
    roots = {root for path in PACKAGE.glob("*.py") for root in _imported_roots(path)}
    assert not roots & {"flask", "flask_sqlalchemy", "sqlalchemy", "disputes", "casebase"}


def test_no_stubs_left_in_the_package():
    for path in PACKAGE.glob("*.py"):
        assert not re.search(r"TODO|FIXME|NotImplementedError\(", path.read_text(encoding="utf-8")), path


def test_diagram_shows_every_state_and_event_in_chinese():
    dot = diagram_dot()
    assert dot.startswith("digraph dispute_desk {") and dot.rstrip().endswith("}")
    for label in [*STATE_LABELS.values(), *LEGAL_AID_LABELS.values(), *EVENT_LABELS.values()]:
        assert f'"{label["zh"]}"' in dot
    assert '"submitted" -> "in_mediation" [label="受理调解"];' in dot
    assert '"legal_aid_none" -> "legal_aid_referred" [label="转介法律援助"];' in dot
    assert '"in_arbitration" -> "in_arbitration" [label="安排开庭", style=dashed];' in dot
    assert dot.count("{") == dot.count("}")


def test_minimum_wage_table_covers_the_31_mainland_regions():
    codes = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
             "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
    assert set(DEFAULT_MINIMUM_WAGES) == codes
    assert DEFAULT_MINIMUM_WAGES["31"].name_zh == "上海市"


def test_minimum_wages_are_marked_to_verify():
    for code, wage in DEFAULT_MINIMUM_WAGES.items():
        assert wage.code == code and wage.verified is False
        assert isinstance(wage.monthly, Decimal) and Decimal("1000") < wage.monthly < Decimal("5000")
        assert isinstance(wage.effective_on, dt.date)
