"""axe-core (from node_modules, never a CDN) on the pages people use, at a phone's and a desk's size:
no WCAG 2 A or AA violation."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sized_context, violations
from tests.e2e.test_worker_journeys import sign_in

pytestmark = pytest.mark.e2e

# Every page without a case or a record in its address; those with one are checked by the journeys
# that reach them (the case page, the portal, a typical case, the matter, the employer).
PUBLIC_PAGES = ["/", "/guide", "/intake", "/intake/resume", "/status", "/status/reset", "/assess", "/typical-cases",
                "/workflow", "/login", "/inspection/report"]
STAFF_PAGES = [("mediator", "/cases"), ("mediator", "/dashboard"), ("mediator", "/alerts"), ("mediator", "/intake/on-behalf"),
               ("mediator", "/account"), ("admin", "/admin/holidays"), ("admin", "/admin/minimum-wages"),
               ("admin", "/admin/users"), ("admin", "/admin/audit"), ("admin", "/admin/jobs"),
               ("admin", "/admin/warning-rules"), ("admin", "/typical-cases/new"),
               ("inspector", "/inspection/"), ("inspector", "/inspection/clues")]


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
    context = sized_context(browser, sized.size, storage_state=signed_in[user])
    try:
        page = context.new_page()
        assert page.goto(f"{live_server}{path}").ok
        assert violations(page) == []
    finally:
        context.close()


def test_an_assessment_result_has_no_accessibility_violations_in_either_language(sized, live_server):
    """The result is the page's longest part: the explanation, the factor table and the questions."""
    for lang, button in (("zh_CN", "看看结果"), ("en", "See the result")):
        page = sized.new_page()
        page.goto(f"{live_server}/assess?lang={lang}")
        page.locator("#facts").fill("配送费是公司定的，差评扣钱，每天早上9点必须上线。")
        page.get_by_role("button", name=button).click()
        expect(page.locator("#result-title")).to_be_visible()
        assert violations(page) == [], lang


def test_the_check_finds_a_violation_when_there_is_one(sized):
    page = sized.new_page()
    page.set_content('<html lang="zh-CN"><head><title>t</title></head><body><main><img src="a.png">'
                     '<button></button></main></body></html>')
    found = violations(page)
    assert any(v.startswith("image-alt") for v in found) and any(v.startswith("button-name") for v in found)
