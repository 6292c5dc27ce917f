"""Background jobs with a real worker process: results and progress, retries with backoff, the jobs page,
the CLI's queue-or-inline, and a worker SIGKILLed mid-job whose job still completes."""
from __future__ import annotations

import subprocess
import time
import zipfile

import pytest

from disputes.extensions import RedisUnavailable, db
from disputes.jobs.services import enqueue, fetch, list_jobs, run_inline
from tests.disputes.jobs.helpers import BIN, ROOT, kill_tree, server_env, start_worker, stop, wait_for


def _burst_worker(app) -> subprocess.CompletedProcess:
    db.session.commit()
    return subprocess.run([str(BIN / "flask"), "--app", "wsgi", "jobs", "worker", "--burst"], cwd=ROOT,
                          env=server_env(app), capture_output=True, text=True, timeout=180)


def test_a_kind_runs_inline_and_reports_its_progress(app):
    seen = []
    summary = run_inline("probe", on_change=lambda done, total, note: seen.append((done, total)), seconds=0.5)
    assert summary.endswith("ran 2 step(s)")
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)


def test_without_redis_nothing_is_enqueued(app):
    with pytest.raises(RedisUnavailable, match="REDIS_URL is not set"):
        enqueue("reindex")


@pytest.mark.slow
@pytest.mark.redis
def test_a_real_worker_runs_queued_jobs_and_keeps_their_results_and_progress(app, file_case):
    file_case()
    reindex, deadlines = enqueue("reindex"), enqueue("check_deadlines", within=5)
    assert [row.id for row in list_jobs()["queued"]] == [reindex.id, deadlines.id]
    done = _burst_worker(app)
    assert done.returncode == 0, done.stdout + done.stderr
    assert fetch(reindex.id).return_value().startswith("indexed ")
    assert fetch(deadlines.id).return_value().endswith("open cases checked: 1")
    rows = {row.id: row for row in list_jobs()["done"]}
    assert rows[reindex.id].kind == "reindex" and rows[reindex.id].percent == 100
    assert rows[deadlines.id].arguments == {"within": 5}
    assert rows[deadlines.id].progress["note"].startswith("overdue: ")


@pytest.mark.slow
@pytest.mark.redis
def test_a_failing_job_is_retried_with_backoff_then_listed_as_failed(app, auth, tmp_path):
    app.config["JOBS_RETRY_INTERVALS"] = (1, 2)
    job = enqueue("import_library", path=str(tmp_path / "missing.json"))
    worker = start_worker(app, tmp_path / "worker.log")
    try:
        wait_for(lambda: fetch(job.id).get_status() == "failed" and fetch(job.id).retries_left == 0,
                 seconds=90, what="the third failure")
    finally:
        stop(worker)
    attempts = fetch(job.id).meta["attempts"]
    assert len(attempts) == 3, "the first run and two retries"
    gaps = [later - earlier for earlier, later in zip(attempts, attempts[1:])]
    assert gaps[0] >= 0.9 and gaps[1] >= 1.8 and gaps[1] > gaps[0] + 0.5, gaps  # RQ schedules to the second
    failed = {row.id: row for row in list_jobs()["failed"]}
    assert "missing.json" in failed[job.id].error

    auth.login_as("admin")
    page = auth.client.get("/admin/jobs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "后台任务" in html and "导入典型案例库" in html and "missing.json" in html and job.id[:8] in html


@pytest.mark.redis
def test_only_admins_see_the_jobs_page_and_may_start_a_job(app, auth):
    auth.login_as("mediator")
    assert auth.client.get("/admin/jobs").status_code == 403


@pytest.mark.redis
def test_an_admin_starts_a_job_from_the_page(app, auth):
    from tests.support import csrf_token

    auth.login_as("admin")
    token = csrf_token(auth.client, "/admin/jobs")
    answer = auth.client.post("/admin/jobs", data={"kind": "probe", "csrf_token": token})
    assert answer.status_code == 302
    assert [row.kind for row in list_jobs()["queued"]] == ["probe"]
    assert auth.client.post("/admin/jobs", data={"kind": "backup", "csrf_token": token}).status_code == 302
    assert len(list_jobs()["queued"]) == 1, "a kind that needs arguments is not started from the page"


@pytest.mark.redis
def test_the_commands_queue_with_redis_and_run_here_with_inline(app, runner):
    queued = runner.invoke(args=["deadlines", "check"])
    assert queued.exit_code == 0 and "queued check_deadlines as job" in queued.output
    assert [row.kind for row in list_jobs()["queued"]] == ["check_deadlines"]
    inline = runner.invoke(args=["deadlines", "check", "--inline"])
    assert inline.exit_code == 0 and "open cases checked" in inline.output
    probe = runner.invoke(args=["jobs", "run", "probe", "--inline", "--arg", "seconds=0.25"])
    assert probe.exit_code == 0 and "ran 1 step(s)" in probe.output


def test_batch_pdfs_write_one_zip_with_a_pdf_per_case(app, runner, file_case, tmp_path):
    from disputes.case_documents.services import available_kinds

    filed = file_case()
    kind = available_kinds(filed.case)[0]
    db.session.commit()
    out = tmp_path / "batch.zip"
    result = runner.invoke(args=["documents", "batch", kind, filed.case.case_no, "2026-9999999", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 1 PDF(s)" in result.output and "skipped 2026-9999999" in result.output
    with zipfile.ZipFile(out) as archive:
        [name] = archive.namelist()
        assert name == f"{filed.case.case_no}-{kind}.pdf" and archive.read(name).startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.redis
def test_a_job_survives_its_worker_being_killed(app, tmp_path):
    """SIGKILL the worker and its work horse mid-job; a restarted worker runs the job again to the end."""
    job = enqueue("probe", seconds=6)
    log = tmp_path / "worker.log"
    first = start_worker(app, log)
    try:
        wait_for(lambda: (fetch(job.id).get_meta(refresh=True).get("progress") or {}).get("done", 0) >= 4,
                 seconds=90, what="the job to be under way")
        assert fetch(job.id).get_status() == "started"
    finally:
        kill_tree(first)  # SIGKILL: no clean-up, no failure recorded
    killed_at = time.monotonic()
    assert fetch(job.id).get_status() == "started", "the dead worker left it as it was"
    second = start_worker(app, log)
    try:
        wait_for(lambda: fetch(job.id).get_status() == "finished", seconds=120, what="the job to finish")
    finally:
        stop(second)
    finished = fetch(job.id)
    assert finished.meta["requeued_after_kill"] == 1
    assert finished.return_value().endswith("ran 24 step(s)")
    assert time.monotonic() - killed_at < 60, "requeued at the new worker's start, not after a heartbeat timeout"
    assert [row.id for row in list_jobs()["done"]] == [job.id] and not list_jobs()["failed"]
