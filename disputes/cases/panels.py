"""The panels other features add to the case page, registered at app creation.

The case page shows the case itself (parties, claims, deadlines, actions, history); the documents,
the assessment, the evidence and the publication form belong to their features, which register a
panel here in their ``init_app``. The case page knows none of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from flask import Flask, current_app

from disputes.models import Case, User

_KEY = "disputes.case_panels"


@dataclass(frozen=True)
class CasePanel:
    """A section of the case page: its template, what it needs, and its place on the page."""

    name: str
    template: str
    build: Callable[[Case, User], Mapping[str, Any] | None]  # None: the panel is not shown
    order: int
    # Loader options for what `build` reads of the case, joined into the page's own query.
    loads: Sequence = ()


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    data: Mapping[str, Any]


def register_case_panel(app: Flask, name: str, template: str, build: Callable[[Case, User], Mapping[str, Any] | None],
                        *, order: int, loads: Sequence = ()) -> None:
    panels = app.extensions.setdefault(_KEY, {})
    panels[name] = CasePanel(name, template, build, order, tuple(loads))


def case_panel_loads() -> list:
    """What the registered panels read of a case, as loader options for the case page's query."""
    return [option for panel in current_app.extensions.get(_KEY, {}).values() for option in panel.loads]


def case_panels(case: Case, user: User) -> list[ShownPanel]:
    """The registered panels for this case and user, in page order."""
    registered = sorted(current_app.extensions.get(_KEY, {}).values(), key=lambda p: (p.order, p.name))
    shown = []
    for panel in registered:
        data = panel.build(case, user)
        if data is not None:
            shown.append(ShownPanel(panel.name, panel.template, data))
    return shown
