"""Two app nodes (two gunicorn processes on two loopback ports) against one database and one Redis,
as docs/deploy.md lays them out: to their users they are one service.

Rate limits count across both, a session or token opened on one works on the other and ends on
both, a job queued on one is listed on the other, and a typical case published through one node is
found through the other although each keeps its own search index. On SQLite, or on PostgreSQL (a
schema of its own) in the TEST_DATABASE_URL pass.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from harness import Server, drop_schema, prepare_instance  # noqa: E402

PASSWORD = "Demo-pass-2026"
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')

pytestmark = [pytest.mark.slow, pytest.mark.redis]


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    database_url = os.environ.get("TEST_DATABASE_URL")
    instance, env = prepare_instance(cases=0, database_url=database_url)
    env = {**env, "RATELIMIT_ENABLED": "1"}
    started = []
    try:
        for name in ("a", "b"):
            index = tmp_path_factory.mktemp(f"index-{name}")  # each node's index on its own disk
            started.append(Server("wsgi:app", {**env, "DISPUTES_INDEX_DIR": str(index)}, workers=1))
        yield [f"http://127.0.0.1:{server.port}" for server in started]
    finally:
        for server in started:
            server.stop()
        if database_url:
            drop_schema(env["DATABASE_URL"])


def signed_in(base: str, username: str) -> requests.Session:
    browser = requests.Session()
    token = CSRF.search(browser.get(base + "/login", timeout=30).text).group(1)
    answer = browser.post(base + "/login", data={"username": username, "password": PASSWORD, "csrf_token": token},
                          allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[:300]
    return browser


def test_a_limit_counts_the_requests_both_nodes_answered(nodes):
    """Ten status lookups a minute from one address, in all: six to each node, the last two refused."""
    answers = []
    for n in range(12):
        base = nodes[n % 2]
        answers.append(requests.post(base + "/api/v1/status", json={"case_no": f"2026-{9000000 + n}",
                                                                    "access_code": "WRONG-CODE1"}, timeout=30).status_code)
    assert answers == [404] * 10 + [429, 429]


def test_a_session_opened_on_one_node_works_on_the_other_and_ends_on_both(nodes):
    first, second = nodes
    browser = signed_in(first, "mediator")
    assert browser.get(second + "/cases", allow_redirects=False, timeout=30).status_code == 200
    token = CSRF.search(browser.get(first + "/workflow", timeout=30).text).group(1)
    assert browser.post(first + "/logout", data={"csrf_token": token}, allow_redirects=False, timeout=30).status_code == 302
    replayed = requests.get(second + "/cases", cookies=browser.cookies.get_dict(), allow_redirects=False, timeout=30)
    assert replayed.status_code == 302 and "/login" in replayed.headers["Location"]


def test_a_token_revoked_on_one_node_is_refused_by_the_other(nodes):
    first, second = nodes
    token = requests.post(first + "/api/v1/tokens", json={"username": "arbitrator", "password": PASSWORD},
                          timeout=30).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    assert requests.get(second + "/api/v1/cases", headers=bearer, timeout=30).status_code == 200
    assert requests.delete(first + "/api/v1/tokens/current", headers=bearer, timeout=30).status_code == 204
    assert requests.get(second + "/api/v1/cases", headers=bearer, timeout=30).status_code == 401


def test_a_job_queued_on_one_node_is_listed_on_the_other(nodes):
    first, second = nodes
    admin = signed_in(first, "admin")
    token = CSRF.search(admin.get(first + "/admin/jobs", timeout=30).text).group(1)
    queued = admin.post(first + "/admin/jobs", data={"kind": "probe", "csrf_token": token}, timeout=30)
    job_id = re.search(r"（([0-9a-f]{8})）", queued.text).group(1)
    assert job_id in admin.get(second + "/admin/jobs", timeout=30).text


def test_a_case_withdrawn_through_one_node_leaves_the_search_of_the_other(nodes):
    first, second = nodes
    token = requests.post(first + "/api/v1/tokens", json={"username": "arbitrator", "password": PASSWORD},
                          timeout=30).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    listed = requests.get(second + "/api/v1/typical-cases?per_page=1", timeout=30).json()
    case_id, total = listed["results"][0]["id"], listed["total"]
    assert requests.post(f"{first}/api/v1/typical-cases/{case_id}/withdraw", json={}, headers=bearer,
                         timeout=30).status_code == 200
    after = requests.get(second + "/api/v1/typical-cases?per_page=100", timeout=30).json()
    assert after["total"] == total - 1 and case_id not in {hit["id"] for hit in after["results"]}
    assert requests.post(f"{second}/api/v1/typical-cases/{case_id}/publish", json={}, headers=bearer,
                         timeout=30).status_code == 200
    assert requests.get(first + "/api/v1/typical-cases?per_page=1", timeout=30).json()["total"] == total
