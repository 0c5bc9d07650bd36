"""The main flow: an enterprise submits a technical need, the program office accepts it, the enterprise sees it open."""

from __future__ import annotations

import datetime
from typing import Callable

from playwright.sync_api import Page, expect

from conftest import path_is, unique, url


def post_response(page: Page):
    """Waits for the response to the next form POST (its status, before any redirect is followed)."""
    return page.expect_response(lambda r: r.request.method == "POST")


def test_need_submit_return_and_accept(as_role: Callable[..., Page]) -> None:
    ent = as_role("enterprise", "/enterprise/needs")
    ent.get_by_role("link", name="发布新需求").click()
    expect(ent).to_have_url(path_is("/enterprise/needs/new"))
    expect(ent.locator("h1")).to_have_text("发布技术需求")

    # First try: title and track, but no description.
    title = unique("浏览器测试需求")
    ent.locator("#in-title").fill(title)
    ent.locator('#field-tracks input[value="bigdata"]').check()
    ent.locator("#in-keywords").fill("测试,自动化")
    with post_response(ent) as posted:
        ent.get_by_role("button", name="提交审核").click()
    assert posted.value.status == 422
    expect(ent.locator("main div.alert").first).to_contain_text("提交的内容有误")
    expect(ent.locator("#field-description")).to_have_class("field has-error")
    expect(ent.locator("#field-description .error")).to_have_text("请填写问题描述")
    expect(ent.locator("#field-title .error")).to_have_count(0)
    # What was typed is kept.
    expect(ent.locator("#in-title")).to_have_value(title)
    expect(ent.locator('#field-tracks input[value="bigdata"]')).to_be_checked()
    expect(ent.locator("#in-keywords")).to_have_value("测试,自动化")

    # Second try: complete.
    ent.locator("#in-description").fill("生产线检测数据分散，需要专家协助搭建质量追溯模型。")
    ent.locator("#in-technical_targets").fill("缺陷检出率≥95%")
    ent.locator("#in-budget").fill("200000")
    deadline = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
    ent.locator("#in-deadline").fill(deadline)
    ent.locator("#field-expected_outcomes input[type=checkbox]").first.check()
    ent.get_by_role("button", name="提交审核").click()
    expect(ent).to_have_url(path_is("/enterprise/needs", "msg=submitted"))
    expect(ent.locator("div.flash")).to_have_text("已提交，等待项目办审核。")
    row = ent.locator("tbody tr", has_text=title)
    expect(row).to_have_count(1)
    status = row.locator("span.status")
    expect(status).to_have_text("已提交")
    expect(status).to_have_attribute("data-status", "submitted")
    row_id = row.get_attribute("id")
    assert row_id and row_id.startswith("need-"), row_id

    # The program office sees it in its queue.
    staff = as_role("staff", "/staff/needs")
    card = staff.locator(f"div.card#{row_id}")
    expect(card.locator("strong")).to_have_text(title)
    expect(card).to_contain_text("生产线检测数据分散")

    # Returning without a reason is refused, with the error inside this need's card only.
    with post_response(staff) as posted:
        card.get_by_role("button", name="退回修改").click()
    assert posted.value.status == 422
    expect(card.locator(".error")).to_be_visible()
    expect(card.locator(".error")).to_contain_text("原因")
    expect(staff.locator("div.card .error")).to_have_count(1)
    expect(card.locator(".field")).to_have_class("field has-error")

    # Nothing changed for the enterprise.
    ent.reload()
    expect(ent.locator(f"tr#{row_id} span.status")).to_have_text("已提交")

    # Accept it.
    card.get_by_role("button", name="受理").click()
    expect(staff).to_have_url(path_is("/staff/needs", "msg=accepted"))
    expect(staff.locator("div.flash")).to_have_text("已受理。")
    expect(staff.locator(f"div.card#{row_id}")).to_have_count(0)

    # The enterprise now sees the need open for experts.
    ent.reload()
    status = ent.locator(f"tr#{row_id} span.status")
    expect(status).to_have_text("征集中")
    expect(status).to_have_attribute("data-status", "open")


def test_staff_returns_need_with_reason(as_role: Callable[..., Page]) -> None:
    """A need returned with a reason goes back to the enterprise as 已退回修改, with the reason shown."""
    ent = as_role("enterprise")
    ent.goto(url("/enterprise/needs/new"))
    title = unique("退回测试需求")
    ent.locator("#in-title").fill(title)
    ent.locator("#in-description").fill("用于验证退回流程的需求。")
    ent.locator('#field-tracks input[value="agriculture"]').check()
    ent.get_by_role("button", name="提交审核").click()
    expect(ent).to_have_url(path_is("/enterprise/needs", "msg=submitted"))
    row_id = ent.locator("tbody tr", has_text=title).get_attribute("id")

    staff = as_role("staff", "/staff/needs")
    card = staff.locator(f"div.card#{row_id}")
    reason = unique("请补充技术指标")
    card.locator("textarea[name=reason]").fill(reason)
    card.get_by_role("button", name="退回修改").click()
    expect(staff).to_have_url(path_is("/staff/needs", "msg=returned"))
    expect(staff.locator("div.flash")).to_have_text("已退回。")
    expect(staff.locator(f"div.card#{row_id}")).to_have_count(0)

    ent.reload()
    row = ent.locator(f"tr#{row_id}")
    expect(row.locator("span.status")).to_have_attribute("data-status", "returned")
    expect(row.locator("span.status")).to_have_text("已退回修改")
    expect(row).to_contain_text(reason)
