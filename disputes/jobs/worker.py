"""The job worker and the scheduler, as `flask --app wsgi jobs worker` and `jobs scheduler` start them."""
from __future__ import annotations

import logging

from disputes.jobs import runner
from disputes.jobs.services import enqueue, queue, requeue_abandoned

log = logging.getLogger(__name__)
# How often (seconds) a worker looks for jobs of dead workers and expired entries (RQ's maintenance).
MAINTENANCE_SECONDS = 60


def _worker_class():
    from rq import Worker

    class RecoveringWorker(Worker):
        """RQ's forking worker that, when it cleans the registries, first requeues jobs of dead workers."""

        def clean_registries(self):
            for worker_queue in self.queues:
                requeued = requeue_abandoned(worker_queue)
                if requeued:
                    self.log.warning("requeued %d job(s) of dead workers: %s", len(requeued), ", ".join(requeued))
            super().clean_registries()

    return RecoveringWorker


def run_worker(app, burst: bool = False, name: str | None = None) -> bool:
    """Work the queue until stopped (SIGTERM: finish the current job; a second one: stop now).

    With burst, stop when the queue is empty. Retries wait in RQ's scheduled registry; this worker
    also runs RQ's scheduler that moves them back when their time comes.
    """
    runner.serve(app)
    jobs_queue = queue(app)
    worker = _worker_class()([jobs_queue], connection=jobs_queue.connection, name=name,
                             maintenance_interval=MAINTENANCE_SECONDS, job_monitoring_interval=10)
    return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")


def run_scheduler(app) -> None:
    """Enqueue the kinds of kinds.SCHEDULE on time (run one scheduler per installation).

    RQ's CronScheduler enqueues `runner.enqueue_scheduled(kind)`, a job of a moment that enqueues
    the kind itself with its retries and backoff (CronScheduler has no retry option of its own).
    """
    from rq.cron import CronScheduler

    from disputes.jobs.kinds import AT_START, SCHEDULE

    jobs_queue = queue(app)
    for kind_name in AT_START:
        enqueue(kind_name)
    scheduler = CronScheduler(connection=jobs_queue.connection, logging_level="INFO")
    for kind_name, when in SCHEDULE:
        scheduler.register(runner.enqueue_scheduled, jobs_queue.name, args=(kind_name,), name=kind_name,
                           job_timeout=60, result_ttl=3600, failure_ttl=app.config["JOBS_KEEP_SECONDS"], **when)
    scheduler.start()
