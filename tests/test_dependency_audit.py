"""The fallback audit of .ci/audit_latest.py: a package at its latest release is audited from the project
JSON; one behind it is named as not audited, never passed as clean."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "audit_latest.py"


@pytest.fixture
def audit():
    spec = importlib.util.spec_from_file_location("audit_latest", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answers(audit, monkeypatch, installed, projects):
    monkeypatch.setattr(audit, "installed", lambda: installed)
    monkeypatch.setattr(audit, "project", lambda name: projects.get(name))


def test_a_known_vulnerability_of_the_installed_latest_release_fails_the_audit(audit, monkeypatch, capsys):
    answers(audit, monkeypatch, {"flask": "3.1.3"}, {"flask": {
        "info": {"version": "3.1.3"},
        "vulnerabilities": [{"id": "PYSEC-0000-1", "fixed_in": ["3.1.4"], "link": "https://example.invalid/a"}]}})
    assert audit.main() == 1
    out = capsys.readouterr().out
    assert "VULNERABLE flask 3.1.3: PYSEC-0000-1 (fixed in 3.1.4)" in out
    assert "1 of 1 packages audited, 1 known vulnerabilities, 0 not audited" in out


def test_a_package_behind_its_latest_release_or_unanswered_is_named_not_audited(audit, monkeypatch, capsys):
    answers(audit, monkeypatch, {"deprecated": "1.3.1", "gone": "1.0", "jinja2": "3.1.6"}, {
        "deprecated": {"info": {"version": "3.0.1"}, "vulnerabilities": []},
        "jinja2": {"info": {"version": "3.1.6"}, "vulnerabilities": []}})
    assert audit.main() == 0
    out = capsys.readouterr().out
    assert "NOT AUDITED deprecated 1.3.1 (latest is 3.0.1" in out and "NOT AUDITED gone 1.0 (no answer" in out
    assert "1 of 3 packages audited, 0 known vulnerabilities, 2 not audited" in out


def test_an_index_that_answers_nothing_fails_the_audit(audit, monkeypatch, capsys):
    answers(audit, monkeypatch, {"flask": "3.1.3", "jinja2": "3.1.6"}, {})
    assert audit.main() == 1
    assert "0 of 2 packages audited" in capsys.readouterr().out
