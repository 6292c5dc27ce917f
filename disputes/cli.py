"""Command-line tools: `flask --app wsgi user create …`, `seed demo`."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from disputes.errors import ValidationFailed
from disputes.models import ROLES

user_cli = AppGroup("user", help="Manage accounts.")
seed_cli = AppGroup("seed", help="Load demonstration data.")
deadlines_cli = AppGroup("deadlines", help="Statutory deadlines.")


@user_cli.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--display-name", default=None, help="Name shown on pages (default: NAME).")
@click.option("--organisation", "organisation_name", default=None, help="Name of an existing organisation.")
def create_user_command(name, role, password, display_name, organisation_name):
    """Create an account NAME with ROLE."""
    from disputes.auth.services import create_user
    from disputes.seeding import organisation_named

    organisation = organisation_named(organisation_name) if organisation_name else None
    if organisation_name and organisation is None:
        raise click.ClickException(f"no organisation named {organisation_name!r}")
    try:
        user = create_user(name, role=role, password=password, display_name=display_name, organisation=organisation)
    except ValidationFailed as failure:
        raise click.ClickException("; ".join(f"{k}: {v}" for k, v in failure.errors.items())) from None
    click.echo(f"created {user.username} ({user.role})")


@seed_cli.command("demo")
@click.option("--cases", default=36, show_default=True, help="How many demonstration cases to file.")
def seed_demo_command(cases):
    """Regions, organisations, a user of every role and realistic cases (idempotent)."""
    from disputes.seeding import seed_demo

    report = seed_demo(case_count=cases)
    for line in report:
        click.echo(line)


@deadlines_cli.command("check")
@click.option("--within", default=3, show_default=True, help="Also list cases due within this many working days.")
def deadlines_check_command(within):
    """List overdue and near-deadline cases (for cron); refreshes each open case's deadline sort key."""
    from disputes.cases.deadline_check import check_deadlines

    report = check_deadlines(within_working_days=within)
    for line in report.lines():
        click.echo(line)
    click.echo(f"overdue: {len(report.overdue)}, due soon: {len(report.due_soon)}, open cases checked: {report.checked}")


def register_commands(app: Flask) -> None:
    app.cli.add_command(user_cli)
    app.cli.add_command(seed_cli)
    app.cli.add_command(deadlines_cli)
