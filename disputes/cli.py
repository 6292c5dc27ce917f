"""Command-line tools under `flask --app wsgi …`: the groups `user` (create), `seed` (demo), `deadlines`
(check), `casebase` (import, export, reindex), `notifications` (send), `warnings` (run) and `dashboard`
(recount, check), and the commands `backup` and `restore`."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from disputes.errors import ValidationFailed
from disputes.models import ROLES

user_cli = AppGroup("user", help="Manage accounts.")
seed_cli = AppGroup("seed", help="Load demonstration data.")
deadlines_cli = AppGroup("deadlines", help="Statutory deadlines.")
casebase_cli = AppGroup("casebase", help="The typical-case library and its search index.")
notifications_cli = AppGroup("notifications", help="The notification outbox.")
warnings_cli = AppGroup("warnings", help="Early-warning rules.")
dashboard_cli = AppGroup("dashboard", help="The dashboard's counts.")


@dashboard_cli.command("recount")
def dashboard_recount_command():
    """Rebuild the dashboard counts from the cases (after a bulk load, or if `check` finds drift)."""
    from disputes.dashboard.rollup import recount
    from disputes.extensions import db

    rows = recount(db.session.connection())
    db.session.commit()
    click.echo(f"wrote {rows} dashboard count rows")


@dashboard_cli.command("check")
def dashboard_check_command():
    """Compare the kept dashboard counts with a fresh count; exit 1 and list the rows that differ."""
    from disputes.dashboard.rollup import drift
    from disputes.extensions import db

    differences = drift(db.session.connection())
    for key, kept, fresh in differences[:50]:
        click.echo(f"{key}: kept {kept}, fresh {fresh}")
    click.echo(f"{len(differences)} row(s) differ")
    if differences:
        raise SystemExit(1)


@warnings_cli.command("run")
def warnings_run_command():
    """Evaluate every early-warning rule (nightly, from cron) and list the alerts raised."""
    from disputes.alerts.rules import evaluate
    from disputes.timekeeping import local_today

    alerts = evaluate(local_today())
    for alert in alerts:
        click.echo(f"{alert.rule_key}: {alert.message}")
    click.echo(f"{len(alerts)} alert(s)")


@notifications_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep sending every --interval seconds (a worker process).")
@click.option("--interval", default=30, show_default=True)
def notifications_send_command(loop, interval):
    """Deliver due notifications through the configured adapters, with retries and backoff."""
    import time

    from flask import current_app

    from disputes.notifications.adapters import load_adapter
    from disputes.notifications.sender import send_due

    adapters = {"sms": load_adapter(current_app.config["NOTIFY_SMS_ADAPTER"], current_app.config),
                "email": load_adapter(current_app.config["NOTIFY_EMAIL_ADAPTER"], current_app.config)}
    while True:
        report = send_due(adapters)
        click.echo(f"sent {report.sent}, to retry {report.retried}, given up {report.failed}")
        if not loop:
            break
        time.sleep(interval)


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


@casebase_cli.command("import")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def casebase_import_command(path):
    """Import a library file (default: the shipped library), validating every case first."""
    from casebase import RecordInvalid
    from disputes.library.services import import_file

    try:
        report = import_file(path)
    except RecordInvalid as invalid:
        for field, message in invalid.errors.items():
            click.echo(f"{field}: {message}", err=True)
        raise click.ClickException(f"{len(invalid.errors)} problem(s); nothing was imported") from None
    except (OSError, ValueError) as failure:
        raise click.ClickException(str(failure)) from None
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}")


@casebase_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
def casebase_export_command(path):
    """Write the library (drafts and published cases) to a JSON file that import reads back."""
    from disputes.library.services import export_file

    click.echo(f"exported {export_file(path)} cases to {path}")


@casebase_cli.command("reindex")
def casebase_reindex_command():
    """Rebuild this server's search index from the database."""
    import sqlalchemy as sa

    from disputes.extensions import db
    from disputes.library.index import rebuild_index
    from disputes.models import TypicalCase

    total = db.session.scalar(sa.select(sa.func.count()).where(TypicalCase.status == "published"))
    with click.progressbar(length=total, label="indexing typical cases") as bar:
        count = rebuild_index(progress=bar.update)
    click.echo(f"indexed {count} published cases")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
def backup_command(path):
    """Write the database, evidence, issued documents and settings to one .tar.gz file."""
    from disputes.backup import backup

    counts = backup(path)
    click.echo(f"backed up {sum(counts.values())} rows in {len(counts)} tables to {path}")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def restore_command(path):
    """Restore a backup into this empty, migrated instance; the search index is rebuilt."""
    from disputes.backup import RestoreRefused, restore

    try:
        counts = restore(path)
    except RestoreRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"restored {sum(counts.values())} rows in {len(counts)} tables")


def register_commands(app: Flask) -> None:
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(user_cli)
    app.cli.add_command(seed_cli)
    app.cli.add_command(deadlines_cli)
    app.cli.add_command(casebase_cli)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(warnings_cli)
    app.cli.add_command(dashboard_cli)
