"""Text typed by users is shown as text: markup in a need never becomes elements on any page."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import Page, expect

from conftest import path_is, unique, url


def test_need_markup_is_escaped_everywhere(as_role: Callable[..., Page]) -> None:
    suffix = unique("转义")
    title = f'"><b>粗体</b> & {suffix}'
    description = "<i>斜体</i> <script>document.title='pwned'</script> &amp; 描述"

    ent = as_role("enterprise")
    ent.goto(url("/enterprise/needs/new"))
    # First submit without a track: the form comes back with the title in the input exactly as typed.
    ent.locator("#in-title").fill(title)
    ent.locator("#in-description").fill(description)
    with ent.expect_response(lambda r: r.request.method == "POST") as posted:
        ent.get_by_role("button", name="提交审核").click()
    assert posted.value.status == 422
    expect(ent.locator("#field-tracks .error")).to_be_visible()
    expect(ent.locator("#in-title")).to_have_value(title)
    expect(ent.locator("#in-description")).to_have_value(description)
    expect(ent.locator("main b, main i, main script")).to_have_count(0)

    # Saved as a draft: the list shows the title as text, and the edit page fills the form with it unchanged.
    ent.locator('#field-tracks input[value="equipment"]').check()
    ent.get_by_role("button", name="保存草稿").click()
    expect(ent).to_have_url(path_is("/enterprise/needs", "msg=saved"))
    row = ent.locator("tbody tr", has_text=suffix)
    expect(row).to_have_count(1)
    expect(row.locator("span.status")).to_have_attribute("data-status", "draft")
    expect(row.locator("td").nth(1)).to_have_text(title)
    expect(row.locator("b")).to_have_count(0)
    row_id = row.get_attribute("id")
    assert row_id and row_id.startswith("need-"), row_id

    row.get_by_role("link", name="修改").click()
    expect(ent).to_have_url(path_is(f"/enterprise/needs/{row_id.removeprefix('need-')}/edit"))
    expect(ent.locator("#in-title")).to_have_value(title)
    expect(ent.locator("#in-description")).to_have_value(description)
    expect(ent.locator("main b, main i, main script")).to_have_count(0)
    ent.get_by_role("button", name="提交审核").click()
    expect(ent).to_have_url(path_is("/enterprise/needs", "msg=submitted"))
    expect(ent.locator(f"tr#{row_id} span.status")).to_have_attribute("data-status", "submitted")

    # The program office's queue shows title and description as text too.
    staff = as_role("staff", "/staff/needs")
    card = staff.locator(f"div.card#{row_id}")
    expect(card.locator("strong").first).to_have_text(title)
    expect(card).to_contain_text(description)
    expect(card.locator("b, i, script")).to_have_count(0)
    assert "pwned" not in staff.title()
