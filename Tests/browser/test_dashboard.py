"""Each role's dashboard (工作台, issue #6): staff get the headline chart, the verification queue and the warning about
commissioners behind on service days; enterprises, units and commissioners get their own dispatches and outcomes."""

from __future__ import annotations

import re
from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from conftest import assert_text_renders, bar_value, chart_bar, path_is, url, utc_today

HEADLINE_LABELS = [
    "选派科创专员（人）", "创新项目", "科技成果转化", "企业技术标准", "新产品", "校企联合创新平台", "培养企业科技骨干（人）",
    "技术合同", "专利",
]


def listed_dispatches(page: Page) -> list[str]:
    """The dispatch links of the page's dispatch table (dashboard or /assignments), in order, without repeats."""
    hrefs = page.locator("main table tbody tr td:first-child a[href^='/assignments/']").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    return list(dict.fromkeys(hrefs))


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_dashboard(as_role: Callable[..., Page], role: str) -> None:
    staff = as_role(role)
    expect(staff.locator("h1")).to_have_text("工作台")

    # The headline chart: the nine figures, labels drawn as real Chinese glyphs.
    chart = staff.locator("#headline figure.chart")
    expect(chart.locator("figcaption")).to_have_text("主要指标（仅计已核实成效）")
    labels = chart.locator("svg g > text:first-of-type")
    expect(labels).to_have_text(HEADLINE_LABELS)
    assert_text_renders(chart_bar(staff.locator("#headline"), "创新项目").locator("text").first, "创新项目")
    # The demo history has verified outcomes and commissioners.
    assert bar_value(chart_bar(staff.locator("#headline"), "选派科创专员（人）")) > 0
    assert bar_value(chart_bar(staff.locator("#headline"), "创新项目")) > 0

    # Outcomes awaiting verification (the demo history has some): a link to the queue with its count.
    pending = staff.locator("a#pending-outcomes")
    expect(pending).to_have_text(re.compile(r"^待核实成效 [1-9]\d* 项$"))
    count = int(re.search(r"\d+", pending.inner_text()).group())
    # The needs funnel.
    expect(staff.locator("#funnel figure.chart figcaption")).to_have_text("全部需求")

    # Commissioners behind on service days (the demo history has slow ones): a warning linking to each dispatch. In
    # the first days of a year almost nothing is expected yet, so nobody may be behind.
    warning = staff.locator("#behind-warning")
    if utc_today().timetuple().tm_yday > 15:
        expect(warning).to_be_visible()
    if warning.count():
        expect(warning).to_contain_text(re.compile(r"共 \d+ 项选派服务进度落后"))
        first = warning.locator("li a").first
        expect(first).to_have_attribute("href", re.compile(r"^/assignments/\d+#service$"))
        expect(warning.locator("li").first).to_contain_text(re.compile(r"已驻企 [\d.]+ 天，应不少于 \d+ 天"))
        first.click()
        expect(staff).to_have_url(re.compile(r"/assignments/\d+#service$"))
        expect(staff.locator("#days-status")).to_contain_text("进度落后")
        staff.go_back()
        expect(staff).to_have_url(path_is("/dashboard"))

    # The queue lists as many as the dashboard said (at most a page of 100).
    pending.click()
    expect(staff).to_have_url(path_is("/staff/outcomes", "status=reported"))
    expect(staff.locator("tbody tr[id^=outcome-]")).to_have_count(min(count, 100))


@pytest.mark.parametrize("role", ["enterprise", "unit_admin", "expert"])
def test_own_dashboard_lists_own_dispatches(as_role: Callable[..., Page], role: str) -> None:
    page = as_role(role)
    expect(page.locator("h1")).to_have_text("工作台")
    # Staff-only parts are absent.
    expect(page.locator("#pending-outcomes, #funnel")).to_have_count(0)
    if role == "expert":
        # Commissioners see no program figures, but their own days on site.
        expect(page.locator("#headline")).to_have_count(0)
        expect(page.get_by_role("heading", name="我的驻企服务")).to_be_visible()
    else:
        expect(page.locator("#headline figure.chart svg")).to_be_visible()

    # The dispatches listed are the newest of the role's /assignments list, and each opens.
    shown = listed_dispatches(page)
    page.goto(url("/assignments"))
    everything = listed_dispatches(page)
    assert shown == everything[:20], (shown, everything[:20])
    if role in ("enterprise", "expert"):
        assert shown, f"the demo {role} should have dispatches"
    if shown:
        response = page.goto(url(shown[0]))
        assert response is not None and response.status == 200
        expect(page.locator("h1")).to_have_text(re.compile(r"^选派服务："))
