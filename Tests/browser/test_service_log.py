"""The commissioner logs days on site on the dispatch's page: bad entries are refused next to their fields, a good
one raises this year's day count on the dispatch page and on the commissioner's dashboard. The enterprise sees the
log but cannot write it."""

from __future__ import annotations

import datetime
import re
from typing import Callable

from playwright.sync_api import Page, expect

from conftest import BASE_URL, path_is, unique, url, utc_today

ASSIGNMENT_URL = re.compile("^" + re.escape(BASE_URL) + r"/assignments/(\d+)$")


def fmt_days(d: float) -> str:
    """As the pages write days: whole days without a decimal point, half days with one."""
    return str(int(d)) if d == int(d) else f"{d:.1f}"


def served(page: Page) -> float:
    """This year's days on site, as the dispatch page's status line says."""
    box = page.locator("#days-status")
    expect(box).to_contain_text(re.compile(r"\d{4} 年已驻企 [\d.]+ 天"))
    return float(box.locator("strong").first.inner_text())


def test_commissioner_logs_service_days(as_role: Callable[..., Page]) -> None:
    expert = as_role("expert")
    # The commissioner's dashboard links to their dispatch with this year's days.
    card = expert.locator("main > div", has=expert.locator("a[href^='/assignments/']"), has_text="今年已驻企").first
    expect(card).to_be_visible()
    card.get_by_role("link").first.click()
    expect(expert).to_have_url(ASSIGNMENT_URL)
    assignment = int(ASSIGNMENT_URL.match(expert.url).group(1))
    before = served(expert)
    form = expert.locator("#service-log-form")
    expect(form.locator("h3")).to_have_text("填报服务记录")
    expect(form.locator("#in-days")).to_have_value("1")

    # --- A future date and too many days: both refused, each next to its field; nothing stored.
    today = utc_today()
    work = unique("驻企指导质量追溯模型搭建")
    form.locator("#in-served_on").fill((today + datetime.timedelta(days=2)).isoformat())
    form.locator("#in-days").fill("40")
    form.locator("#in-work").fill(work)
    with expert.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="保存服务记录").click()
    assert posted.value.status == 422
    expect(expert).to_have_url(path_is(f"/assignments/{assignment}/service-logs"))
    expect(form.locator("div.alert")).to_contain_text("提交的内容有误")
    expect(form.locator("#field-served_on .error")).to_have_text("服务日期不能晚于今天")
    expect(form.locator("#field-days .error")).to_have_text("天数应为0.5–31")
    expect(form.locator("#field-work .error")).to_have_count(0)
    expect(form.locator("#in-work")).to_have_value(work)
    expect(form.locator("#in-days")).to_have_value("40")
    assert served(expert) == before
    expect(expert.locator("main table td", has_text=work)).to_have_count(0)

    # --- A day and a half today: saved, listed, and the count goes up by exactly that.
    form.locator("#in-served_on").fill(today.isoformat())
    form.locator("#in-days").fill("1.5")
    form.get_by_role("button", name="保存服务记录").click()
    expect(expert).to_have_url(
        re.compile("^" + re.escape(url(f"/assignments/{assignment}?msg=saved")) + "(#service)?$")
    )
    expect(expert.locator("div.flash")).to_have_text("已保存。")
    after = before + 1.5
    expect(expert.locator("#days-status strong").first).to_have_text(fmt_days(after))
    entry = expert.locator("main table tr", has_text=work)
    expect(entry).to_have_count(1)
    expect(entry.locator("td").nth(0)).to_have_text(today.isoformat())
    expect(entry.locator("td").nth(1)).to_have_text("1.5")
    # The form is fresh again.
    expect(form.locator(".field.has-error")).to_have_count(0)
    expect(form.locator("#in-work")).to_have_value("")

    expert.goto(url("/dashboard"))
    card = expert.locator("main > div", has=expert.locator(f"a[href='/assignments/{assignment}']"), has_text="今年已驻企")
    expect(card).to_contain_text(f"今年已驻企 {fmt_days(after)} 天")

    # --- Staff see the entry and the new total (and may log on the commissioner's behalf).
    staff = as_role("staff", f"/assignments/{assignment}")
    expect(staff.locator("#days-status strong").first).to_have_text(fmt_days(after))
    expect(staff.locator("main table tr", has_text=work)).to_have_count(1)
    expect(staff.locator("#service-log-form")).to_have_count(1)


def test_enterprise_cannot_log_service(as_role: Callable[..., Page]) -> None:
    ent = as_role("enterprise", "/assignments")
    first = ent.locator("tbody tr[id^=assignment-]").first
    first.get_by_role("link").first.click()
    expect(ent).to_have_url(ASSIGNMENT_URL)
    expect(ent.locator("h2#service")).to_have_text("驻企服务")
    expect(ent.locator("#days-status")).to_be_visible()
    expect(ent.locator("#service-log-form")).to_have_count(0)
    # But the enterprise reports outcomes, and staff-only forms are absent.
    expect(ent.locator("#outcome-form")).to_have_count(1)
    expect(ent.locator("#assessment-form")).to_have_count(0)
    expect(ent.locator("#renewal")).to_have_count(0)
