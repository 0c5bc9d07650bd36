"""Shared fixtures for kczy's headless-browser tests (pytest + Playwright, sync API).

The server under test is at KCZY_BASE_URL (scripts/browser-test.sh starts one on a fresh database with the demo
accounts). Chromium is Debian's (/usr/bin/chromium, or KCZY_CHROMIUM), started headless with --no-sandbox since CI
runs as root; `playwright install` is never needed.
"""

from __future__ import annotations

import os
import pathlib
import re
import secrets
import time
from dataclasses import dataclass
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

BASE_URL = os.environ.get("KCZY_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
CHROMIUM = os.environ.get("KCZY_CHROMIUM", "/usr/bin/chromium")
REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
# Screenshots (on failure, and of each role's home page) for a person to look at.
SHOT_DIR = pathlib.Path(os.environ.get("KCZY_SCREENSHOT_DIR", REPO_ROOT / ".data" / "tmp" / "browser"))

expect.set_options(timeout=10_000)


@dataclass(frozen=True)
class Account:
    role: str
    username: str
    password: str
    home: str
    h1: str
    role_label: str


# The demo accounts created by `kczy demo-data`, with the home page each role lands on after login.
ACCOUNTS: dict[str, Account] = {
    a.role: a
    for a in [
        Account("enterprise", "enterprise", "kczy-enterprise-2026", "/enterprise/needs", "技术需求", "企业用户"),
        Account("unit_admin", "unit", "kczy-unit-2026", "/unit/experts", "本单位专家", "派出单位管理员"),
        Account("expert", "expert", "kczy-expert-2026", "/expert/profile", "我的资料", "专家"),
        Account("staff", "staff", "kczy-staff-2026", "/staff/needs", "需求审核", "项目办工作人员"),
        Account("admin", "admin", "kczy-admin-2026", "/staff/needs", "需求审核", "系统管理员"),
    ]
}


def url(path: str) -> str:
    return BASE_URL + path


def path_is(path: str, query: str | None = None) -> re.Pattern[str]:
    """A URL pattern for `expect(page).to_have_url`: exactly this path, optionally with this query string."""
    q = r"(\?.*)?" if query is None else r"\?" + re.escape(query)
    return re.compile("^" + re.escape(BASE_URL + path) + q + "$")


def unique(prefix: str) -> str:
    """Text no other test (or earlier run) uses."""
    return f"{prefix}-{time.strftime('%H%M%S')}-{secrets.token_hex(3)}"


def fill_login(page: Page, username: str, password: str) -> None:
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="登录").click()


def login(page: Page, role: str) -> Account:
    """Logs in through the login form and waits for the role's home page."""
    account = ACCOUNTS[role]
    page.goto(url("/login"))
    fill_login(page, account.username, account.password)
    expect(page).to_have_url(path_is(account.home))
    return account


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """A factory of pages, each in its own browser context (its own cookies: one logged-in user each)."""
    contexts: list[BrowserContext] = []

    def make(storage_state: dict | None = None) -> Page:
        ctx = browser.new_context(
            locale="zh-CN", viewport={"width": 1280, "height": 900}, storage_state=storage_state
        )
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        SHOT_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for i, ctx in enumerate(contexts):
            for j, pg in enumerate(ctx.pages):
                try:
                    pg.screenshot(path=str(SHOT_DIR / f"FAILED-{name}-{i}-{j}.png"), full_page=True)
                except Exception:  # a screenshot must never hide the real failure
                    pass
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


@pytest.fixture(scope="session")
def _saved_logins() -> dict[str, dict]:
    return {}


@pytest.fixture
def as_role(new_page: Callable[..., Page], _saved_logins: dict[str, dict]) -> Callable[[str], Page]:
    """A factory of pages logged in as a role, each in its own context, on the role's home page.

    The first call per role logs in through the form; later ones (in any test) reuse that session's cookies, which
    saves a password check per test. Tests of login and logout themselves use `login` on a fresh page instead.
    """

    def make(role: str) -> Page:
        state = _saved_logins.get(role)
        if state is None:
            page = new_page()
            login(page, role)
            _saved_logins[role] = page.context.storage_state()
            return page
        page = new_page(storage_state=state)
        page.goto(url(ACCOUNTS[role].home))
        expect(page).to_have_url(path_is(ACCOUNTS[role].home))
        return page

    return make
