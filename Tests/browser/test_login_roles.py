"""Each role logs in through the form, lands on its home page, and its Chinese text renders as real glyphs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import ACCOUNTS, SHOT_DIR, login, url

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


def assert_chinese_renders(page: Page, selector: str = "h1") -> None:
    el = page.locator(selector).first
    box = el.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, f"{selector} has no box: {box}"
    text = el.inner_text().strip()
    width = el.evaluate(TEXT_WIDTH_JS)
    size = float(el.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    # CJK glyphs are about one em wide each; a zero-width or collapsed fallback would be far narrower.
    cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    assert cjk > 0, f"{selector} has no Chinese text: {text!r}"
    assert width >= 0.8 * size * cjk, f"text {text!r} is only {width}px wide at {size}px"
    glyphs = el.evaluate(GLYPHS_JS, ["技", "术", "需", "专"])
    for ch, g in zip("技术需专", glyphs):
        assert g["ink"] > 20, f"{ch} drew no visible glyph: {g}"
    hashes = {g["hash"] for g in glyphs}
    assert len(hashes) == len(glyphs), f"different characters draw identical pixels (tofu boxes?): {glyphs}"


@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_login_lands_on_role_home(page: Page, role: str) -> None:
    account = login(page, role)
    expect(page.locator("h1")).to_have_text(account.h1)
    expect(page).to_have_title(f"{account.h1} · 科创专员选派服务平台")
    # The header names the user and their role, and offers logout.
    expect(page.locator("header .who")).to_contain_text(f"（{account.role_label}）")
    expect(page.locator("header").get_by_role("button", name="退出")).to_be_visible()
    # The role's own navigation link to its home page is marked active.
    expect(page.locator(f'header nav a[href="{account.home}"]')).to_have_class("active")
    assert_chinese_renders(page, "h1")
    assert_chinese_renders(page, "footer")
    SHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOT_DIR / f"home-{role}.png"), full_page=False)


def test_login_page_renders_chinese(page: Page) -> None:
    response = page.goto(url("/login"))
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_text("登录")
    expect(page.get_by_label("用户名")).to_be_visible()
    expect(page.get_by_label("密码")).to_be_visible()
    assert_chinese_renders(page, "h1")
    assert_chinese_renders(page, "p.notice")
