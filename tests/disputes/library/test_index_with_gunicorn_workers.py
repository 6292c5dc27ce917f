"""The typical-case index under a real gunicorn with two workers that publish and withdraw at once.

Both workers write the one index folder of the instance and read it for every search; whatever
order the requests land in, a search from either worker afterwards shows exactly what the database
says is published. On SQLite, or on PostgreSQL (a schema of its own) in the TEST_DATABASE_URL pass.
"""
from __future__ import annotations

import http.client
import json
import os
import random
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parents[3] / "bench"))
from harness import Server, database_url_of, drop_schema, post_json, prepare_instance  # noqa: E402

TOGGLED = 6
WRITERS = 4
TOGGLES_PER_WRITER = 12


def get_json(port: int, path: str) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, json.loads(body)


def every_published_id(port: int) -> tuple[int, set[str]]:
    """The ids a search lists over all its pages (the library holds more than one page of 100)."""
    ids: set[str] = set()
    page = 1
    while True:
        status, body = get_json(port, f"/api/v1/typical-cases?per_page=100&page={page}")
        if status != 200:
            return status, ids
        ids |= {hit["id"] for hit in body["results"]}
        if page * 100 >= body["total"]:
            return status, ids
        page += 1


@pytest.mark.slow
def test_two_workers_publishing_and_withdrawing_at_once_leave_the_index_true_to_the_database():
    database_url = os.environ.get("TEST_DATABASE_URL")
    instance, env = prepare_instance(cases=0, database_url=database_url)
    server = Server("wsgi:app", env, workers=2)
    answers: list[int] = []
    try:
        _, token = post_json(server.port, "/api/v1/tokens", {"username": "arbitrator", "password": "Demo-pass-2026"})
        headers = {"Authorization": f"Bearer {token['token']}"}
        _, listing = get_json(server.port, f"/api/v1/typical-cases?per_page={TOGGLED}")
        toggled = [hit["id"] for hit in listing["results"]]
        assert len(toggled) == TOGGLED

        def writer(seed: int) -> None:
            rng = random.Random(seed)
            for _ in range(TOGGLES_PER_WRITER):
                action = rng.choice(("publish", "withdraw"))
                status, _ = post_json(server.port, f"/api/v1/typical-cases/{rng.choice(toggled)}/{action}", {}, headers)
                answers.append(status)

        threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        engine = sa.create_engine(database_url_of(instance, env))
        with engine.connect() as connection:
            published = set(connection.execute(sa.text("SELECT id FROM typical_cases WHERE status = 'published'"))
                            .scalars())
        engine.dispose()
        # Enough searches that both workers answer several each (the kernel spreads the connections).
        seen = [every_published_id(server.port) for _ in range(12)]
    finally:
        server.stop()
        if database_url:
            drop_schema(env["DATABASE_URL"])

    # Publishing a published case or withdrawing a withdrawn one is refused (409); nothing fails.
    assert len(answers) == WRITERS * TOGGLES_PER_WRITER and set(answers) <= {200, 409}, answers
    assert 200 in answers
    for status, ids in seen:
        assert status == 200
        assert ids == published
