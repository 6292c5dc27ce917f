"""A live server on loopback and a real Chromium (the system's, never downloaded) for browser tests.

The server is the app on its own migrated, seeded SQLite file whatever TEST_DATABASE_URL says, served by
werkzeug in a daemon thread. No app context is pushed for the test: each request in the server thread gets
its own, as in production. CSRF stays on, because the browser submits the real forms with their tokens.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from disputes import create_app
from disputes.extensions import db, limiter
from tests.conftest import _base_config, _migrate

ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "e2e"
DOCS_SCREENS = Path(__file__).parents[2] / "docs" / "screens"
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The two sizes every journey is walked at: a phone and a desk's screen.
SIZES = {"phone": {"width": 390, "height": 844}, "desk": {"width": 1366, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
TIMEOUT_MS = 10_000  # one action or navigation; Playwright's 30 s default only slows down a failure

# Runs in every page before the page's own scripts (injected over CDP, so the page's CSP does not apply to it):
# a violation is also reported as a console error, whatever Chromium itself chooses to log.
REPORT_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (e) =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`));
"""


def _closed_before_sending(app):
    """The app with each response read whole and closed before werkzeug sends it.

    werkzeug's dev server closes a response (a static file's open handle) only after draining the socket,
    and a browser that resets the connection during that drain (it drops a favicon it no longer wants) makes
    the drain raise, so the handle is left to the garbage collector and its ResourceWarning fails whichever
    test is running then. No page here streams, so reading the body first changes nothing a browser sees.
    """

    def serve(environ, start_response):
        response = app(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()

    return serve


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The base URL of the app, on its own migrated SQLite file with regions, organisations, demo users and
    the shipped typical-case library."""
    instance = tmp_path_factory.mktemp("e2e") / "instance"
    instance.mkdir()
    config = _base_config(instance, f"sqlite:///{instance / 'e2e.sqlite3'}")
    _migrate(config)
    app = create_app(config)
    assert app.config.get("WTF_CSRF_ENABLED", True), "the browser must go through CSRF like a real one"
    with app.app_context():  # only to seed; popped before the server starts
        from disputes.seeding import seed_library, seed_organisations, seed_regions, seed_users

        seed_regions()
        seed_organisations()
        seed_users()
        seed_library()  # the real published cases, indexed, for the library page
        db.session.remove()
    server = make_server("127.0.0.1", _free_port(), _closed_before_sending(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()
        limiter.reset()  # the limiter is one object for every app: leave no counts from 127.0.0.1 behind


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(executable):
        message = "the browser tests need Debian's chromium (apt-get install -y chromium); never `playwright install`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_context(browser, **options):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    return context


@pytest.fixture
def phone(browser):
    """A worker's phone: 390 × 844, touch, Chinese."""
    context = new_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def narrow_phone(browser):
    """The narrowest phone still sold: 320 px wide."""
    context = new_context(browser, viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def desk(browser):
    """A mediator's desktop browser, a separate context: its own cookies and session."""
    context = new_context(browser, viewport=SIZES["desk"])
    yield context
    context.close()


def sized_context(browser, size: str, **options):
    """A context at one of SIZES (a phone's with touch) whose pages axe can check: axe is injected as
    an inline script, which the app's CSP rightly refuses, so only these contexts bypass the CSP."""
    context = new_context(browser, viewport=SIZES[size], bypass_csp=True,
                          **({"is_mobile": True, "has_touch": True} if size == "phone" else {}), **options)
    context.size = size
    return context


@pytest.fixture(params=sorted(SIZES))
def sized(request, browser):
    """The test runs twice: on the phone (390 × 844, touch) and at a desk (1366 × 900)."""
    context = sized_context(browser, request.param)
    yield context
    context.close()


def violations(page) -> list[str]:
    """axe-core's WCAG 2.x A and AA violations on the page as it stands: "rule: where" each."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))")


def assert_accessible(page) -> None:
    assert violations(page) == [], page.url


def docs_shot(page, name: str) -> Path:
    """Keep the page for the docs as docs/screens/<name>.png: the full page in 64 colours, to stay small."""
    from PIL import Image

    DOCS_SCREENS.mkdir(parents=True, exist_ok=True)
    target = DOCS_SCREENS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    with Image.open(target) as taken:
        taken.convert("RGB").quantize(colors=64).save(target, optimize=True)
    return target


@pytest.fixture
def shot(request):
    """shot(page, step): keep a full-page screenshot as tests/artifacts/e2e/<test>-<step>.png (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")  # "test_x[/intake]" -> "test_x_intake"

    def take(page, step: str) -> Path:
        path = ARTIFACTS / f"{test}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


class Problems(list):
    """What a page reported that no worker should meet: script errors, CSP violations, server errors."""

    def watch(self, page, *, allow_status: dict[int, str] | None = None):
        """Collect from `page`. `allow_status` maps an HTTP status to the path where it is expected
        (a refused form answers 422, and Chromium logs that as a console error)."""
        allowed = allow_status or {}

        def on_console(message):
            if message.type != "error":
                return
            url = message.location.get("url", "") if message.location else ""
            if any(f"status of {status}" in message.text and path in url for status, path in allowed.items()):
                return
            self.append(f"console: {message.text} ({url})")

        def on_response(response):
            if response.status >= 500:
                self.append(f"server: {response.status} {response.request.method} {response.url}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.append(f"script: {error}"))
        page.on("response", on_response)
        return page
