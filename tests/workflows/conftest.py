"""Fixtures for the workflows tests; the fakes themselves are in tests/workflows/fakes.py."""

import pytest

from tests.workflows.fakes import PEOPLE, Desk, FakeCase


@pytest.fixture
def people():
    return PEOPLE


@pytest.fixture
def make_desk():
    """make_desk(today=None, **case_fields) -> Desk with a freshly submitted case."""
    def _make(today=None, **fields):
        case = FakeCase(**fields)
        return Desk(case, today or case.submitted_on)
    return _make


@pytest.fixture
def case_in(make_desk):
    """case_in(state, **case_fields) -> Desk whose case reached `state` by the canonical path."""
    def _case_in(state, **fields):
        return make_desk(**fields).reach(state)
    return _case_in
