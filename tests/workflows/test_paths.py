"""workflows/paths.py: every route the tests and the benches' archive take reaches the state it is listed under."""
import pytest

from workflows import STATES
from workflows.paths import PATHS, ROUTES, route

ALL_ROUTES = [(state, events) for state, routes in ROUTES.items() for events in routes]


@pytest.mark.parametrize("state, events", ALL_ROUTES, ids=[f"{s}:{'-'.join(e) or 'submit'}" for s, e in ALL_ROUTES])
def test_each_route_ends_in_its_state_with_the_data_it_gives(make_desk, state, events):
    desk = make_desk()
    for event in events:
        desk.do(event)
    assert desk.case.state == state


def test_there_is_a_canonical_path_to_every_state_and_it_is_the_first_route():
    assert set(PATHS) == set(STATES)
    assert all(PATHS[state] == routes[0] for state, routes in ROUTES.items())


def test_a_route_can_be_named_by_the_events_it_passes_through():
    assert route("closed", "mediation_failed", "render_award")[-2:] == ("render_award", "close")
    assert route("closed") == PATHS["closed"]
