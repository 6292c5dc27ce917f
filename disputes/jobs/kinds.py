"""The kinds of background job: what each runs, its label on the jobs page, its time limit, its schedule.

Every kind is `run(progress, **arguments) -> summary`, arguments being plain JSON values, and is safe
to run twice (a job whose worker is killed runs again from the start): sending claims notifications
row by row, the checks and rules recompute, reindex rebuilds the whole index, import updates by id,
backup and batch PDFs write to a temporary file and rename it into place at the end.
"""
from __future__ import annotations

import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from flask import current_app
from flask_babel import lazy_gettext as _l

from disputes.jobs.services import Progress


@dataclass(frozen=True)
class JobKind:
    name: str
    label: Any  # a lazy string: shown on the jobs page in the reader's language
    run: Callable[..., str]
    timeout: int = 30 * 60  # seconds before the worker stops the job (then it is retried)


def send_notifications(progress: Progress) -> str:
    from disputes.notifications.adapters import load_adapter
    from disputes.notifications.sender import send_due

    config = current_app.config
    adapters = {"sms": load_adapter(config["NOTIFY_SMS_ADAPTER"], config),
                "email": load_adapter(config["NOTIFY_EMAIL_ADAPTER"], config)}
    progress.start(None, "sending")
    report = send_due(adapters)
    summary = f"sent {report.sent}, to retry {report.retried}, given up {report.failed}"
    progress.finish(summary)
    return summary


def check_deadlines(progress: Progress, within: int = 3) -> str:
    from disputes.cases.deadline_check import check_deadlines as check

    progress.start(None, "checking open cases")
    report = check(within_working_days=within)
    summary = f"overdue: {len(report.overdue)}, due soon: {len(report.due_soon)}, open cases checked: {report.checked}"
    progress.finish(summary)
    return summary


def run_warnings(progress: Progress) -> str:
    from disputes.alerts.rules import evaluate
    from disputes.timekeeping import local_today

    progress.start(None, "evaluating warning rules")
    alerts = evaluate(local_today())
    summary = f"{len(alerts)} alert(s)"
    progress.finish(summary)
    return summary


def count_clues(progress: Progress) -> str:
    from disputes.inspection.clues import count_clues as count

    progress.start(None, "grouping wage-arrears signals into clues")
    regions = count()["regions"]
    summary = f"{sum(sum(r['by_status'].values()) for r in regions.values())} clue(s) in {len(regions)} region(s)"
    progress.finish(summary)
    return summary


def purge_drafts(progress: Progress) -> str:
    from disputes.intake.drafts.expiry import purge_expired_drafts

    progress.start(None, "deleting expired intake drafts")
    summary = str(purge_expired_drafts())
    progress.finish(summary)
    return summary


def reindex(progress: Progress) -> str:
    import sqlalchemy as sa

    from disputes.extensions import db
    from disputes.library.index import rebuild_index
    from disputes.models import TypicalCase

    total = db.session.scalar(sa.select(sa.func.count()).where(TypicalCase.status == "published"))
    progress.start(total, "indexing typical cases")
    count = rebuild_index(progress=progress.advance)
    summary = f"indexed {count} published cases"
    progress.finish(summary)
    return summary


def import_library(progress: Progress, path: str | None = None) -> str:
    from disputes.library.services import import_file

    progress.start(None, f"importing {path or 'the shipped library'}")
    report = import_file(path)
    summary = f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}"
    progress.finish(summary)
    return summary


def backup(progress: Progress, path: str) -> str:
    from disputes.backup import backup as write_backup

    progress.start(None, f"writing {path}")
    partial = _partial(path)
    counts = write_backup(partial)
    os.replace(partial, path)
    summary = f"backed up {sum(counts.values())} rows in {len(counts)} tables to {path}"
    progress.finish(summary)
    return summary


def batch_pdfs(progress: Progress, case_nos: list[str], kind: str, path: str) -> str:
    """One PDF of the kind for each case (the issued version where there is one) in one ZIP file."""
    import sqlalchemy as sa

    from disputes.case_documents.services import pdf_bytes
    from disputes.errors import Conflict
    from disputes.extensions import db
    from disputes.models import Case
    from disputes.timekeeping import local_today

    today, written, skipped = local_today(), 0, []
    progress.start(len(case_nos), f"{kind} for {len(case_nos)} case(s)")
    partial = _partial(path)
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for case_no in case_nos:
            case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no))
            try:
                if case is None:
                    raise LookupError(case_no)
                archive.writestr(f"{case_no}-{kind}.pdf", pdf_bytes(case, kind, today))
                written += 1
            except (Conflict, LookupError):
                skipped.append(case_no)
            db.session.expunge_all()
            progress.advance(note=case_no)
    os.replace(partial, path)
    summary = f"wrote {written} PDF(s) to {path}" + (f"; skipped {', '.join(skipped)}" if skipped else "")
    progress.finish(summary)
    return summary


def probe(progress: Progress, seconds: float = 5.0) -> str:
    """Do nothing for a while, reporting progress: shows that workers run and how retries look."""
    steps = max(1, round(seconds * 4))
    progress.start(steps, "probing")
    for _ in range(steps):
        time.sleep(0.25)
        progress.advance()
    summary = f"worker {os.getpid()} ran {steps} step(s)"
    progress.finish(summary)
    return summary


def _partial(path: str) -> str:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return str(target.with_name(f".{target.name}.{os.getpid()}.partial"))


KINDS: dict[str, JobKind] = {kind.name: kind for kind in (
    JobKind("send_notifications", _l("发送通知短信和邮件"), send_notifications, timeout=10 * 60),
    JobKind("check_deadlines", _l("检查法定期限"), check_deadlines),
    JobKind("run_warnings", _l("运行预警规则"), run_warnings),
    JobKind("count_clues", _l("统计欠薪线索"), count_clues),
    JobKind("purge_drafts", _l("删除到期的投诉草稿"), purge_drafts),
    JobKind("reindex", _l("重建案例检索索引"), reindex),
    JobKind("import_library", _l("导入典型案例库"), import_library),
    JobKind("backup", _l("备份"), backup, timeout=2 * 3600),
    JobKind("batch_pdfs", _l("批量生成文书"), batch_pdfs, timeout=2 * 3600),
    JobKind("probe", _l("检查任务进程"), probe, timeout=10 * 60),
)}

# What the scheduler enqueues (`flask jobs scheduler`): every minute, or at a time of day written as
# cron in UTC (18:00 UTC is 02:00 in Beijing, when nobody is filing).
SCHEDULE: tuple[tuple[str, dict[str, Any]], ...] = (
    ("send_notifications", {"interval": 60}),
    ("check_deadlines", {"cron": "0 18 * * *"}),
    ("run_warnings", {"cron": "30 18 * * *"}),
    # The dashboard's clue counts: hourly, and after the night's warnings have run.
    ("count_clues", {"cron": "45 * * * *"}),
    # Drafts are kept 30 days after their last save, as the intake's privacy notice says.
    ("purge_drafts", {"cron": "15 19 * * *"}),
)
# Enqueued once when the scheduler starts, so a new installation does not wait for the first hour.
AT_START: tuple[str, ...] = ("count_clues",)
