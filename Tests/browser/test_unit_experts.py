"""A unit admin adds an expert (a bad mobile number is refused first) and approves it; the program office screens
and releases it into the pool."""

from __future__ import annotations

import random
from typing import Callable

from playwright.sync_api import Page, expect

from conftest import path_is, unique, url


def test_unit_admin_adds_and_approves_expert(as_role: Callable[..., Page]) -> None:
    unit = as_role("unit_admin", "/unit/experts")
    unit.get_by_role("link", name="添加专家").first.click()
    expect(unit).to_have_url(path_is("/unit/experts/new"))
    expect(unit.locator("h1")).to_have_text("添加专家")

    name = unique("测试专家")
    unit.locator("#in-name").fill(name)
    unit.locator("#in-degree").select_option(index=1)
    unit.locator("#in-title_level").select_option(index=1)
    unit.locator("#in-title_name").fill("研究员")
    unit.locator("#in-birth_year").fill("1980")
    unit.locator("#in-discipline_codes").fill("430")
    unit.locator('#field-tracks input[value="new_materials"]').check()
    unit.locator("#in-keywords").fill("复合材料,轻量化")
    unit.locator("#in-email").fill(f"{name.rsplit('-', 1)[-1]}@example.com")
    unit.locator("#in-mobile").fill("12345")
    with unit.expect_response(lambda r: r.request.method == "POST") as posted:
        unit.get_by_role("button", name="保存").click()
    assert posted.value.status == 422
    expect(unit.locator("main div.alert").first).to_contain_text("提交的内容有误")
    expect(unit.locator("#field-mobile")).to_have_class("field has-error")
    expect(unit.locator("#field-mobile .error")).to_contain_text("手机号码")
    # Only the mobile number is wrong.
    expect(unit.locator("main .field .error")).to_have_count(1)
    # What was typed is kept.
    expect(unit.locator("#in-name")).to_have_value(name)
    expect(unit.locator("#in-mobile")).to_have_value("12345")
    expect(unit.locator('#field-tracks input[value="new_materials"]')).to_be_checked()
    expect(unit.locator("#in-keywords")).to_have_value("复合材料,轻量化")
    expect(unit.locator("#in-birth_year")).to_have_value("1980")

    mobile = "139" + "".join(random.choice("0123456789") for _ in range(8))
    unit.locator("#in-mobile").fill(mobile)
    unit.get_by_role("button", name="保存").click()
    expect(unit).to_have_url(path_is("/unit/experts", "msg=created"))
    expect(unit.locator("div.flash")).to_have_text("已创建。")
    row = unit.locator("tbody tr", has_text=name)
    expect(row).to_have_count(1)
    expect(row.locator("span.status")).to_have_text("已注册")
    expect(row.locator("span.status")).to_have_attribute("data-status", "registered")
    row_id = row.get_attribute("id")
    assert row_id and row_id.startswith("expert-"), row_id

    row.get_by_role("button", name="审核通过").click()
    expect(unit).to_have_url(path_is("/unit/experts", "msg=approved"))
    expect(unit.locator("div.flash")).to_have_text("已审核通过。")
    row = unit.locator(f"tr#{row_id}")
    expect(row.locator("span.status")).to_have_text("单位已审核")
    expect(row.locator("span.status")).to_have_attribute("data-status", "approved")
    expect(row.get_by_role("button", name="审核通过")).to_have_count(0)

    # The program office screens it, then releases it into the pool of experts that can be dispatched.
    staff = as_role("staff")
    staff.goto(url("/staff/experts"))
    expect(staff.locator("h1")).to_have_text("专家形式审查")
    staff.locator(f"tr#{row_id}").get_by_role("button", name="形式审查通过").click()
    expect(staff).to_have_url(path_is("/staff/experts", "msg=screened"))
    staff.locator(f"tr#{row_id}").get_by_role("button", name="纳入可选派库").click()
    expect(staff).to_have_url(path_is("/staff/experts", "msg=released"))
    expect(staff.locator(f"tr#{row_id}")).to_have_count(0)

    unit.reload()
    expect(unit.locator(f"tr#{row_id} span.status")).to_have_text("可选派")
