"""The typical-case library page in a real Chromium, at a desk (1366 × 900) and on a phone (390 × 844):
what a worker or a mediator types is found, the first result is on the first screen, the query stays in
the box, and filters are a side column at the desk and a sheet on the phone, with removable chips."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Problems, new_context

SIZES = {
    "desk": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(params=sorted(SIZES))
def sized(request, browser):
    context = new_context(browser, **SIZES[request.param])
    yield request.param, context
    context.close()


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("typed", ["外卖骑手 劳动关系", "送餐员", "快递员 工伤"])
def test_what_people_type_is_found_and_the_first_result_is_on_the_first_screen(sized, live_server, shot, typed):
    size, context = sized
    problems = Problems()
    page = problems.watch(context.new_page())
    page.goto(f"{live_server}/typical-cases")
    page.get_by_role("searchbox").fill(typed)
    page.get_by_role("button", name="检索").click()
    page.wait_for_url("**/typical-cases?**")
    expect(page.get_by_role("searchbox")).to_have_value(typed)
    expect(page.locator(".library-status .total")).not_to_have_text("共 0 件")
    first = page.locator("article.hit").first
    expect(first).to_be_visible()
    box = first.locator("h2").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= SIZES[size]["viewport"]["height"], box
    shot(page, "results")
    assert problems == []


@pytest.fixture
def wide_desk(browser):
    context = new_context(browser, **SIZES["desk"])
    yield context
    context.close()


def test_at_a_desk_the_filters_stand_beside_the_results_and_a_chip_removes_one(wide_desk, live_server):
    page = wide_desk.new_page()
    page.goto(f"{live_server}/typical-cases?q=骑手")
    facets, results = page.locator("aside.facets"), page.locator("section.results")
    expect(facets).to_be_visible()
    assert facets.bounding_box()["x"] > results.bounding_box()["x"] + results.bounding_box()["width"] - 1
    expect(page.locator(".filter-toggle")).to_be_hidden()
    before = int(page.locator(".library-status .total").inner_text().split()[1])
    facets.locator("details.facet").first.locator("a").first.click()
    page.wait_for_load_state()
    chip = page.locator(".active-filters a.chip")
    expect(chip).to_have_count(1)
    after = int(page.locator(".library-status .total").inner_text().split()[1])
    assert 0 < after <= before
    chip.click()
    page.wait_for_load_state()
    expect(page.locator(".active-filters a.chip")).to_have_count(0)
    assert query_of(page)["q"] == ["骑手"]


def test_on_a_phone_the_filters_open_as_a_sheet_and_clearing_keeps_the_words(phone, live_server, shot):
    page = phone.new_page()  # 390 × 844
    page.goto(f"{live_server}/typical-cases?q=骑手")
    facets = page.locator("aside.facets")
    expect(facets).to_be_hidden()  # results first; the facets do not push them down
    page.locator(".filter-toggle").click()
    expect(facets).to_be_visible()
    assert facets.bounding_box()["width"] >= 380  # a sheet over the page, not a squeezed column
    shot(page, "sheet")
    facets.locator("details.facet").first.locator("a").first.click()
    page.wait_for_load_state()
    expect(page.locator(".filter-toggle .count")).to_have_text("1")
    expect(page.locator(".active-filters a.chip")).to_have_count(1)
    page.get_by_role("link", name="清除筛选").click()
    page.wait_for_load_state()
    expect(page.locator(".active-filters a.chip")).to_have_count(0)
    expect(page.get_by_role("searchbox")).to_have_value("骑手")
