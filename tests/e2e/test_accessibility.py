"""axe-core (from node_modules, never a CDN) on the pages people use, at a phone's and a desk's size:
no WCAG 2 A or AA violation."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import new_context
from tests.e2e.test_worker_journeys import sign_in

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"phone": {"width": 390, "height": 844}, "desk": {"width": 1366, "height": 900}}
PUBLIC_PAGES = ["/", "/intake", "/status", "/status/reset", "/assess", "/typical-cases", "/workflow", "/login"]
STAFF_PAGES = [("mediator", "/cases"), ("mediator", "/dashboard"), ("mediator", "/intake/on-behalf"),
               ("mediator", "/account"), ("admin", "/admin/holidays"), ("admin", "/admin/minimum-wages")]


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))")
    return found


def _context(browser, size: str, **options):
    # axe is injected as an inline script, which the app's CSP rightly refuses; only these contexts bypass it.
    return new_context(browser, viewport=SIZES[size], bypass_csp=True,
                       **({"is_mobile": True, "has_touch": True} if size == "phone" else {}), **options)


@pytest.fixture(params=sorted(SIZES))
def sized(request, browser):
    context = _context(browser, request.param)
    context.size = request.param
    yield context
    context.close()


@pytest.fixture(scope="module")
def signed_in():
    """Each user signs in once for the module (the login limit counts every attempt from 127.0.0.1)."""
    return {}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_accessibility_violations(sized, live_server, path):
    page = sized.new_page()
    assert page.goto(f"{live_server}{path}").ok
    assert violations(page) == []


@pytest.mark.parametrize(("user", "path"), STAFF_PAGES)
def test_staff_pages_have_no_accessibility_violations(sized, browser, live_server, signed_in, user, path):
    if user not in signed_in:
        page = sized.new_page()
        sign_in(page, live_server, user)
        signed_in[user] = sized.storage_state()
    context = _context(browser, sized.size, storage_state=signed_in[user])
    try:
        page = context.new_page()
        assert page.goto(f"{live_server}{path}").ok
        assert violations(page) == []
    finally:
        context.close()


def test_the_check_finds_a_violation_when_there_is_one(sized):
    page = sized.new_page()
    page.set_content('<html lang="zh-CN"><head><title>t</title></head><body><main><img src="a.png">'
                     '<button></button></main></body></html>')
    found = violations(page)
    assert any(v.startswith("image-alt") for v in found) and any(v.startswith("button-name") for v in found)
