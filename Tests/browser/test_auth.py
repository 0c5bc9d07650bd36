"""Login errors, logout, role checks and the redirect back after login."""

from __future__ import annotations

import re
import urllib.parse
from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from conftest import ACCOUNTS, fill_login, login, path_is, url


def test_wrong_password_shows_error(page: Page) -> None:
    page.goto(url("/login"))
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        fill_login(page, "expert", "not-the-password")
    assert posted.value.status == 401
    expect(page).to_have_url(path_is("/login"))
    expect(page.locator("main div.alert")).to_have_text("用户名或密码错误")
    expect(page.locator("input[name=username]")).to_have_value("expert")
    expect(page.locator("input[name=password]")).to_have_value("")
    expect(page.locator("header .who")).to_have_count(0)
    # No session was created.
    page.goto(url("/expert/profile"))
    expect(page).to_have_url(path_is("/login", "next=/expert/profile"))
    # The right password still works afterwards.
    fill_login(page, "expert", ACCOUNTS["expert"].password)
    expect(page).to_have_url(path_is("/expert/profile"))


def test_logout(page: Page) -> None:
    account = login(page, "expert")
    expect(page.locator("h1")).to_have_text(account.h1)
    page.locator("header").get_by_role("button", name="退出").click()
    expect(page).to_have_url(path_is("/login", "msg=logged_out"))
    expect(page.locator("div.flash")).to_have_text("已退出登录。")
    expect(page.locator("header .who")).to_have_count(0)
    # The session is gone: a protected page sends us back to the login page.
    page.goto(url("/expert/profile"))
    expect(page).to_have_url(path_is("/login", "next=/expert/profile"))
    expect(page.locator("h1")).to_have_text("登录")


def test_enterprise_cannot_open_staff_page(as_role: Callable[..., Page]) -> None:
    page = as_role("enterprise")
    response = page.goto(url("/staff/needs"))
    assert response is not None and response.status == 403
    expect(page).to_have_url(path_is("/staff/needs"))
    expect(page.locator("h1")).to_have_text("出错了")
    expect(page.locator("main div.alert")).to_contain_text("项目办")
    expect(page.locator("main")).to_contain_text("403")
    # None of the staff queue is shown.
    expect(page.get_by_role("button", name="受理")).to_have_count(0)
    # Still logged in as the enterprise.
    expect(page.locator("header .who")).to_contain_text("（企业用户）")


@pytest.mark.parametrize("target", ["/enterprise/needs", "/enterprise/profile"])
def test_anonymous_visit_redirects_to_login_and_back(page: Page, target: str) -> None:
    response = page.goto(url(target))
    assert response is not None and response.status == 200
    expect(page).to_have_url(re_login_next(target))
    expect(page.locator("h1")).to_have_text("登录")
    fill_login(page, "enterprise", ACCOUNTS["enterprise"].password)
    expect(page).to_have_url(path_is(target))
    expect(page.locator("header .who")).to_contain_text("（企业用户）")


def test_login_ignores_offsite_next(page: Page) -> None:
    page.goto(url("/login?next=" + urllib.parse.quote("//example.invalid/x", safe="")))
    fill_login(page, "enterprise", ACCOUNTS["enterprise"].password)
    # The usual landing page instead.
    expect(page).to_have_url(path_is(ACCOUNTS["enterprise"].home))


def re_login_next(target: str):
    """/login?next=TARGET, with TARGET either as is or percent-encoded."""
    raw = re.escape(target)
    enc = re.escape(urllib.parse.quote(target, safe=""))
    return re.compile("^" + re.escape(url("/login")) + r"\?next=(" + raw + "|" + enc + ")$")
