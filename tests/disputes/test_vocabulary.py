"""Each vocabulary is written once, and every key any layer uses has its labels in both languages."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import casebase
import glossary
import workflows
from disputes import vocabulary
from disputes.documents.phrases import CLAIMS_EN
from disputes.models.user import ROLES as MODEL_ROLES

GLOSSARY_MD = Path(__file__).resolve().parents[3] / "shared" / "domain" / "glossary.md"
TERM_TABLES = {
    "occupations": glossary.OCCUPATIONS, "respondent kinds": glossary.RESPONDENT_KINDS, "claims": glossary.CLAIMS,
    "outcomes": glossary.OUTCOMES, "factors": glossary.FACTORS, "factor questions": glossary.FACTOR_QUESTIONS,
    "roles": glossary.ROLES,
}


@pytest.mark.parametrize("name", TERM_TABLES)
def test_every_glossary_term_has_a_chinese_and_an_english_label(name):
    missing = [key for key, term in TERM_TABLES[name].items() if not term.zh.strip() or not term.en.strip()]
    assert missing == []


def test_casebase_uses_the_glossary_keys():
    assert casebase.OCCUPATIONS == glossary.OCCUPATION_KEYS
    assert casebase.CLAIM_KINDS == glossary.CLAIM_KEYS
    assert casebase.OUTCOMES == glossary.OUTCOME_KEYS
    assert casebase.FACTOR_KEYS == glossary.FACTOR_KEYS


def test_workflows_claims_and_roles_are_the_glossary_keys():
    assert set(workflows.CLAIM_KINDS) == set(glossary.CLAIM_KEYS)
    assert workflows.ROLES == glossary.ROLE_KEYS == MODEL_ROLES


def test_the_app_labels_come_from_the_glossary():
    assert {key: (t.zh, t.en) for key, t in glossary.CLAIMS.items()} == vocabulary.CLAIM_LABELS
    assert {key: t.en for key, t in glossary.CLAIMS.items()} == CLAIMS_EN
    assert set(vocabulary.ROLE_LABELS) == set(workflows.ROLES)


def test_the_workflow_claim_labels_are_the_glossary_wording():
    assert {key: label for key, (label, _treatment) in workflows.CLAIM_KINDS.items()} == \
        {key: term.zh for key, term in glossary.CLAIMS.items()}


@pytest.mark.parametrize("table", ["STATE_LABELS", "EVENT_LABELS", "LEGAL_AID_LABELS", "DEADLINE_LABELS"])
def test_every_life_cycle_key_has_both_labels(table):
    labels = getattr(workflows, table)
    assert [key for key, entry in labels.items() if not entry.get("zh") or not entry.get("en")] == []


def test_every_state_and_event_is_labelled():
    assert set(workflows.STATES) <= set(workflows.STATE_LABELS)
    assert set(workflows.EVENTS) <= set(workflows.EVENT_LABELS)


def _glossary_md_table(heading: str) -> dict[str, str]:
    """`key` → Chinese label, from the table under a heading of domain/glossary.md."""
    section = GLOSSARY_MD.read_text(encoding="utf-8").split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        found = re.match(r"\|\s*`([a-z_]+)`\s*\|\s*([^|]+?)\s*\|", line)
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


def test_the_occupation_and_claim_labels_are_the_team_glossary_wording():
    if not GLOSSARY_MD.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{GLOSSARY_MD} is missing: CI lays shared/ beside the checkout")
        pytest.skip(f"{GLOSSARY_MD} is not beside this checkout")
    for heading, table in (("Occupations", glossary.OCCUPATIONS), ("Claim kinds", glossary.CLAIMS)):
        team = _glossary_md_table(heading)
        # Every key of the team's glossary, in its words; a key added here since is named in the note.
        assert {key: table[key].zh for key in team if key in table} == team
        assert set(team) <= set(table)
