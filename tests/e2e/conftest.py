"""A live server on loopback and a real Chromium (the system's, never downloaded) for browser tests."""
from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from disputes import create_app
from disputes.extensions import db
from tests.conftest import _base_config, _migrate

ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "e2e"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on its own migrated SQLite file (whatever the suite's database), seeded, served in a thread."""
    instance = tmp_path_factory.mktemp("e2e")
    _migrate(_base_config(instance, f"sqlite:///{instance / 'e2e.sqlite3'}"))
    app = create_app(_base_config(instance, f"sqlite:///{instance / 'e2e.sqlite3'}") | {"RATELIMIT_ENABLED": False})
    with app.app_context():
        from disputes.seeding import seed_organisations, seed_regions, seed_users

        seed_regions()
        seed_organisations()
        seed_users()
        db.session.remove()
    server = make_server("127.0.0.1", _free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required for the browser tests (apt-get install chromium)")
        pytest.skip("Chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    """A worker's phone: 390 × 844, touch, Chinese."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context
    context.close()


def shot(page, name: str) -> None:
    """Keep a screenshot as a test artefact (tests/artifacts/e2e/)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
