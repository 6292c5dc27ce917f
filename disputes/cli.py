"""Command-line tools under `flask --app wsgi …`: the groups `user` (create), `seed` (demo), `deadlines`
(check), `casebase` (import, export, reindex), `notifications` (send), `warnings` (run), `dashboard`
(recount, check), `documents` (batch) and `jobs` (worker, scheduler, list, run), and the commands
`backup` and `restore`.

The long commands (deadlines check, warnings run, notifications send, casebase import and reindex,
documents batch, backup) put a job on the queue when REDIS_URL is set, and print its id (`--wait`
follows its progress); with `--inline`, or without Redis, they run here with a progress bar."""
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
documents_cli = AppGroup("documents", help="Case documents in bulk.")
jobs_cli = AppGroup("jobs", help="Background jobs: the worker, the scheduler, the queue.")


def inline_option(command):
    """--inline (run here, now) and --wait (enqueue, then follow the job until it ends)."""
    command = click.option("--wait", is_flag=True, help="With Redis: follow the queued job until it ends.")(command)
    return click.option("--inline", is_flag=True, help="Run here and now instead of on the job queue.")(command)


def queued_instead(kind_name: str, inline: bool, wait: bool, /, **arguments) -> bool:
    """Enqueue the kind unless --inline or there is no REDIS_URL; True when it went to the queue."""
    from flask import current_app

    if inline or not current_app.config.get("REDIS_URL"):
        return False
    from disputes.extensions import RedisUnavailable
    from disputes.jobs.services import enqueue

    try:
        job = enqueue(kind_name, **arguments)
    except RedisUnavailable as missing:
        raise click.ClickException(f"{missing} (or run it here with --inline)") from None
    click.echo(f"queued {kind_name} as job {job.id}; see /admin/jobs or `flask --app wsgi jobs list`")
    if wait:
        _follow(job)
    return True


def _follow(job) -> None:
    """Show the job's progress until it is done or failed; exit 1 if it failed."""
    import time

    shown = None
    while True:
        status = job.get_status(refresh=True)
        progress = job.get_meta(refresh=True).get("progress") or {}
        line = f"{status}: {progress.get('done', 0)}/{progress.get('total') or '?'} {progress.get('note', '')}".rstrip()
        if line != shown:
            click.echo(line)
            shown = line
        if status == "finished":
            click.echo(job.return_value())
            return
        if status in ("failed", "stopped", "canceled"):
            result = job.latest_result()
            raise click.ClickException(f"job {job.id} {status}: {result.exc_string if result else ''}".strip())
        time.sleep(0.5)


def _progress_bar(label: str):
    """A click progress bar fed by a job's Progress (on_change); its length is set when the total is known."""
    state = {"bar": None, "done": 0}

    def on_change(done, total, note):
        if state["bar"] is None and total:
            state["bar"] = click.progressbar(length=total, label=label)
            state["bar"].__enter__()
        if state["bar"] is not None:
            state["bar"].update(done - state["done"])
            state["done"] = done

    def close():
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)

    return on_change, close


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
@inline_option
def warnings_run_command(inline, wait):
    """Evaluate every early-warning rule (nightly: the scheduler runs it) and list the alerts raised."""
    from disputes.alerts.rules import evaluate
    from disputes.timekeeping import local_today

    if queued_instead("run_warnings", inline, wait):
        return

    alerts = evaluate(local_today())
    for alert in alerts:
        click.echo(f"{alert.rule_key}: {alert.message}")
    click.echo(f"{len(alerts)} alert(s)")


@notifications_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep sending every --interval seconds (a worker process).")
@click.option("--interval", default=30, show_default=True)
@inline_option
def notifications_send_command(loop, interval, inline, wait):
    """Deliver due notifications through the configured adapters, with retries and backoff.

    With Redis the scheduler queues a send every minute; this command queues one more (or, with
    --inline or --loop, sends from here)."""
    import time

    if not loop and queued_instead("send_notifications", inline, wait):
        return

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
@inline_option
def deadlines_check_command(within, inline, wait):
    """List overdue and near-deadline cases (nightly: the scheduler runs it); refreshes each open case's sort key."""
    from disputes.cases.deadline_check import check_deadlines

    if queued_instead("check_deadlines", inline, wait, within=within):
        return

    report = check_deadlines(within_working_days=within)
    for line in report.lines():
        click.echo(line)
    click.echo(f"overdue: {len(report.overdue)}, due soon: {len(report.due_soon)}, open cases checked: {report.checked}")


@casebase_cli.command("import")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=True, dir_okay=True))
@inline_option
def casebase_import_command(path, inline, wait):
    """Import a library file or folder (default: the collection, casebase/data/collection/).

    Every record is validated first (nothing is imported while one breaks the schema); then the
    curation checks run: fiction and duplicates (same case number, same publisher and number, facts
    alike) are refused, a published case without a source URL or year is kept as a draft. Problems
    are listed per record.
    """
    import os
    import re

    from casebase import RecordInvalid
    from disputes.library.services import import_file

    if queued_instead("import_library", inline, wait, path=os.path.abspath(path) if path else None):
        return

    try:
        report = import_file(path)
    except RecordInvalid as invalid:
        by_record: dict[str, list[str]] = {}
        for field, message in invalid.errors.items():
            record, _, rest = re.match(r"^(.*?cases\[\d+\])?\.?(.*)$", field).group(1, 0, 2)
            by_record.setdefault(record or "(file)", []).append(f"{rest or field}: {message}")
        for record, lines in by_record.items():
            click.echo(f"{record}:", err=True)
            for line in lines:
                click.echo(f"  {line}", err=True)
        raise click.ClickException(
            f"{len(invalid.errors)} problem(s) in {len(by_record)} record(s); nothing was imported") from None
    except (OSError, ValueError) as failure:
        raise click.ClickException(str(failure)) from None
    for line in report.problem_lines():
        click.echo(line, err=True)
    click.echo(report.summary())


@casebase_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
def casebase_export_command(path):
    """Write the library (drafts and published cases) to a JSON file that import reads back."""
    from disputes.library.services import export_file

    click.echo(f"exported {export_file(path)} cases to {path}")


@casebase_cli.command("reindex")
@inline_option
def casebase_reindex_command(inline, wait):
    """Rebuild the search index from the database (queued: the worker's index; --inline: this server's)."""
    import sqlalchemy as sa

    if queued_instead("reindex", inline, wait):
        return

    from disputes.extensions import db
    from disputes.library.index import rebuild_index
    from disputes.models import TypicalCase

    total = db.session.scalar(sa.select(sa.func.count()).where(TypicalCase.status == "published"))
    with click.progressbar(length=total, label="indexing typical cases") as bar:
        count = rebuild_index(progress=bar.update)
    click.echo(f"indexed {count} published cases")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@inline_option
def backup_command(path, inline, wait):
    """Write the database, evidence, issued documents and settings to one .tar.gz file."""
    import os

    from disputes.backup import backup

    if queued_instead("backup", inline, wait, path=os.path.abspath(path)):
        return

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


@documents_cli.command("batch")
@click.argument("kind")
@click.argument("case_nos", nargs=-1, required=True)
@click.option("--out", "path", required=True, type=click.Path(dir_okay=False), help="The ZIP file to write.")
@inline_option
def documents_batch_command(kind, case_nos, path, inline, wait):
    """Write the KIND document of each case (its issued version where there is one) into one ZIP file."""
    import os

    from disputes.documents import DOCUMENT_KINDS
    from disputes.jobs.services import run_inline

    if kind not in DOCUMENT_KINDS:
        raise click.ClickException(f"no document kind {kind!r}; kinds: {', '.join(DOCUMENT_KINDS)}")
    arguments = {"case_nos": list(case_nos), "kind": kind, "path": os.path.abspath(path)}
    if queued_instead("batch_pdfs", inline, wait, **arguments):
        return
    on_change, close = _progress_bar(f"rendering {kind}")
    try:
        summary = run_inline("batch_pdfs", on_change=on_change, **arguments)
    finally:
        close()
    click.echo(summary)


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@click.option("--name", default=None, help="The worker's name in Redis (default: RQ's own).")
def jobs_worker_command(burst, name):
    """Run queued jobs (`make run` starts one). Refuses to start without Redis."""
    from flask import current_app

    from disputes.extensions import RedisUnavailable, require_redis
    from disputes.jobs.worker import run_worker

    try:
        require_redis(current_app, "The job worker")
    except RedisUnavailable as missing:
        raise click.ClickException(str(missing)) from None
    run_worker(current_app._get_current_object(), burst=burst, name=name)


@jobs_cli.command("scheduler")
def jobs_scheduler_command():
    """Queue the notification sender every minute and the nightly deadline check and warnings (run one)."""
    from flask import current_app

    from disputes.extensions import RedisUnavailable, require_redis
    from disputes.jobs.worker import run_scheduler

    try:
        require_redis(current_app, "The scheduler")
    except RedisUnavailable as missing:
        raise click.ClickException(str(missing)) from None
    run_scheduler(current_app._get_current_object())


@jobs_cli.command("list")
@click.option("--limit", default=20, show_default=True)
def jobs_list_command(limit):
    """The newest queued, running, done and failed jobs, with progress and errors."""
    from disputes.extensions import RedisUnavailable
    from disputes.jobs.services import list_jobs

    try:
        listed = list_jobs(limit)
    except RedisUnavailable as missing:
        raise click.ClickException(str(missing)) from None
    for state, rows in listed.items():
        click.echo(f"{state}: {len(rows)}")
        for row in rows:
            progress = row.progress
            click.echo(f"  {row.id}  {row.kind}  {progress.get('done', 0)}/{progress.get('total') or '?'}  "
                       f"{row.error or row.result or progress.get('note', '')}")


@jobs_cli.command("run")
@click.argument("kind")
@click.option("--arg", "pairs", multiple=True, metavar="NAME=VALUE", help="An argument of the job (JSON or text).")
@inline_option
def jobs_run_command(kind, pairs, inline, wait):
    """Queue (or with --inline run) one job of KIND, e.g. `jobs run probe --arg seconds=3 --wait`."""
    import json

    from disputes.jobs.kinds import KINDS
    from disputes.jobs.services import run_inline

    if kind not in KINDS:
        raise click.ClickException(f"no job kind {kind!r}; kinds: {', '.join(KINDS)}")
    arguments = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            arguments[name] = json.loads(value)
        except ValueError:
            arguments[name] = value
    if queued_instead(kind, inline, wait, **arguments):
        return
    on_change, close = _progress_bar(kind)
    try:
        summary = run_inline(kind, on_change=on_change, **arguments)
    finally:
        close()
    click.echo(summary)


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
    app.cli.add_command(documents_cli)
    app.cli.add_command(jobs_cli)
