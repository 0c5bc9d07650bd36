"""Each role logs in through the form, lands on its dashboard (工作台), reaches its own work page from the navigation,
and its Chinese text renders as real glyphs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import ACCOUNTS, SHOT_DIR, assert_chinese_renders, login, path_is, url


@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_login_lands_on_role_home(page: Page, role: str) -> None:
    account = login(page, role)
    expect(page.locator("h1")).to_have_text(account.h1)
    expect(page).to_have_title(f"{account.h1} · 科创专员选派服务平台")
    # The header names the user and their role, and offers logout.
    expect(page.locator("header .who")).to_contain_text(f"（{account.role_label}）")
    expect(page.locator("header").get_by_role("button", name="退出")).to_be_visible()
    # The dashboard's navigation link is marked active, and is the only one.
    expect(page.locator(f'header nav a[href="{account.home}"]')).to_have_class("active")
    expect(page.locator("header nav a.active")).to_have_count(1)
    assert_chinese_renders(page, "h1")
    assert_chinese_renders(page, "footer")
    SHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOT_DIR / f"home-{role}.png"), full_page=False)

    # The role's own work page (its home before the dashboard) is one click away, and then its link is the active one.
    page.locator("header nav").get_by_role("link", name=account.work_h1, exact=True).click()
    expect(page).to_have_url(path_is(account.work))
    expect(page.locator("h1")).to_have_text(account.work_h1)
    expect(page).to_have_title(f"{account.work_h1} · 科创专员选派服务平台")
    expect(page.locator(f'header nav a[href="{account.work}"]')).to_have_class("active")
    expect(page.locator(f'header nav a[href="{account.home}"]')).not_to_have_class("active")
    assert_chinese_renders(page, "h1")

    # The site root sends a logged-in user to the dashboard too.
    page.goto(url("/"))
    expect(page).to_have_url(path_is(account.home))
    expect(page.locator("h1")).to_have_text(account.h1)


def test_login_page_renders_chinese(page: Page) -> None:
    response = page.goto(url("/login"))
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_text("登录")
    expect(page.get_by_label("用户名")).to_be_visible()
    expect(page.get_by_label("密码")).to_be_visible()
    assert_chinese_renders(page, "h1")
    assert_chinese_renders(page, "p.notice")
