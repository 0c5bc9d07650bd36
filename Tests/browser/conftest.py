"""Shared fixtures for kczy's headless-browser tests (pytest + Playwright, sync API).

The server under test is at KCZY_BASE_URL (scripts/browser-test.sh starts one on a fresh database with the demo
accounts). Chromium is Debian's (/usr/bin/chromium, or KCZY_CHROMIUM), started headless with --no-sandbox since CI
runs as root; `playwright install` is never needed.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import re
import secrets
import time
from dataclasses import dataclass
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

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
    # Where every role lands after login (its dashboard), and that page's <h1>.
    home: str
    h1: str
    role_label: str
    # The role's own work page (its first navigation link after 工作台, named like the page's <h1>) and its <h1>.
    work: str
    work_h1: str


# Every role starts at its dashboard after login.
DASHBOARD = "/dashboard"
DASHBOARD_H1 = "工作台"

# The demo accounts created by `kczy demo-data`.
ACCOUNTS: dict[str, Account] = {
    a.role: a
    for a in [
        Account(
            "enterprise", "enterprise", "kczy-enterprise-2026", DASHBOARD, DASHBOARD_H1, "企业用户",
            "/enterprise/needs", "技术需求",
        ),
        Account(
            "unit_admin", "unit", "kczy-unit-2026", DASHBOARD, DASHBOARD_H1, "派出单位管理员",
            "/unit/experts", "本单位专家",
        ),
        Account(
            "expert", "expert", "kczy-expert-2026", DASHBOARD, DASHBOARD_H1, "专家",
            "/expert/profile", "我的资料",
        ),
        Account(
            "staff", "staff", "kczy-staff-2026", DASHBOARD, DASHBOARD_H1, "项目办工作人员",
            "/staff/needs", "需求审核",
        ),
        Account(
            "admin", "admin", "kczy-admin-2026", DASHBOARD, DASHBOARD_H1, "系统管理员",
            "/staff/needs", "需求审核",
        ),
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


# Draws single characters in the element's own font on a canvas and returns, for each, how many pixels got ink
# and a fingerprint of the pixels. A missing CJK font draws every character as the same ".notdef" box (tofu), so
# two different characters with identical pixels mean the text is not legible.
GLYPHS_JS = """
(el, chars) => {
  const family = getComputedStyle(el).fontFamily;
  return chars.map((ch) => {
    const c = document.createElement('canvas');
    c.width = 64; c.height = 64;
    const g = c.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, 64, 64);
    g.fillStyle = '#000'; g.font = '48px ' + family; g.textBaseline = 'top';
    g.fillText(ch, 4, 4);
    const d = g.getImageData(0, 0, 64, 64).data;
    let ink = 0, hash = 0;
    for (let i = 0; i < d.length; i += 4) {
      const dark = d[i] < 128 ? 1 : 0;
      ink += dark;
      hash = (hash * 31 + dark * (i + 1)) >>> 0;
    }
    return {ink, hash, width: g.measureText(ch).width};
  });
}
"""

# The width of the element's text itself (an <h1> box is as wide as the page).
TEXT_WIDTH_JS = """
(el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().width; }
"""


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def assert_text_renders(el: Locator, chars: str = "技术需专") -> None:
    """The element's Chinese text is drawn as real glyphs: it is about one em wide per character, and `chars` (by
    default a fixed sample; pass the element's own text to check exactly what it shows) each draw visible ink in the
    element's font, no two of them identical (identical pixels mean tofu boxes of a missing font)."""
    box = el.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, f"{el} has no box: {box}"
    text = (el.text_content() or "").strip()
    width = el.evaluate(TEXT_WIDTH_JS)
    size = float(el.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    # CJK glyphs are about one em wide each; a zero-width or collapsed fallback would be far narrower.
    cjk = sum(1 for ch in text if is_cjk(ch))
    assert cjk > 0, f"{el} has no Chinese text: {text!r}"
    assert width >= 0.8 * size * cjk, f"text {text!r} is only {width}px wide at {size}px"
    sample = list(dict.fromkeys(ch for ch in chars if is_cjk(ch)))
    assert len(sample) >= 2, f"too few distinct Chinese characters to compare: {chars!r}"
    glyphs = el.evaluate(GLYPHS_JS, sample)
    for ch, g in zip(sample, glyphs):
        assert g["ink"] > 20, f"{ch} drew no visible glyph: {g}"
    hashes = {g["hash"] for g in glyphs}
    assert len(hashes) == len(glyphs), f"different characters draw identical pixels (tofu boxes?): {glyphs}"


def assert_chinese_renders(page: Page, selector: str = "h1") -> None:
    assert_text_renders(page.locator(selector).first)


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
def as_role(new_page: Callable[..., Page], _saved_logins: dict[str, dict]) -> Callable[..., Page]:
    """A factory of pages logged in as a role, each in its own context: `as_role(role)` is on the role's dashboard,
    `as_role(role, path)` on that page instead (checked to be there, not redirected elsewhere).

    The first call per role logs in through the form; later ones (in any test) reuse that session's cookies, which
    saves a password check per test. Tests of login and logout themselves use `login` on a fresh page instead.
    """

    def make(role: str, path: str | None = None) -> Page:
        state = _saved_logins.get(role)
        if state is None:
            page = new_page()
            login(page, role)
            _saved_logins[role] = page.context.storage_state()
        else:
            page = new_page(storage_state=state)
            page.goto(url(ACCOUNTS[role].home))
            expect(page).to_have_url(path_is(ACCOUNTS[role].home))
        if path is not None:
            page.goto(url(path))
            base, _, query = path.partition("?")
            expect(page).to_have_url(path_is(base, query or None))
        return page

    return make


def utc_today() -> datetime.date:
    """The server's "today" (it uses the UTC date)."""
    return datetime.datetime.now(datetime.timezone.utc).date()


def chart_bar(scope: Locator, label: str) -> Locator:
    """The bar of a server-drawn SVG chart (`templates/chart.mustache`) whose label is exactly `label`: a <g> with
    the label as its first <text> and the value (e.g. "12 人") as its second."""
    exact = re.compile("^" + re.escape(label) + "$")
    return scope.locator("svg g").filter(has=scope.page.locator("text", has_text=exact))


def bar_value(bar: Locator) -> int:
    """The integer a chart bar shows (its value text, e.g. "12 " or "12 项")."""
    text = (bar.locator("text").nth(1).text_content() or "").strip()
    m = re.fullmatch(r"(\d+)(?:\s*\S+)?", text)
    assert m, f"not a count: {text!r}"
    return int(m.group(1))


# A minimal valid one-page PDF, with a correct cross-reference table (offsets computed below).
_PDF_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
]


def make_pdf(marker: str) -> bytes:
    """A small valid PDF; `marker` (ASCII) goes into a comment so each upload has its own bytes and digest."""
    out = bytearray(b"%PDF-1.4\n%" + marker.encode("ascii") + b"\n")
    offsets = []
    for i, body in enumerate(_PDF_OBJECTS, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(_PDF_OBJECTS) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(_PDF_OBJECTS) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
