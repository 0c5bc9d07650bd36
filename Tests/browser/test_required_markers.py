"""A form marks with * every field the server insists on: a user should not learn of a required field only after
submitting. Each case submits the form emptied (the server answers 422 and stores nothing) and compares the fields
that came back with an error against the fields marked required."""

from __future__ import annotations

from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from conftest import url

CLEAR_JS = """
(form) => {
  form.querySelectorAll('input[type=text], input[type=date], textarea').forEach((e) => { e.value = ''; });
  form.querySelectorAll('select').forEach((e) => { e.selectedIndex = 0; });
  form.querySelectorAll('input[type=checkbox]').forEach((e) => { e.checked = false; });
}
"""


@pytest.mark.parametrize(
    "role,path",
    [
        ("enterprise", "/enterprise/needs/new"),
        ("unit_admin", "/unit/experts/new"),
        ("expert", "/expert/profile"),
        ("enterprise", "/enterprise/profile"),
    ],
)
def test_required_fields_are_marked(as_role: Callable[..., Page], role: str, path: str) -> None:
    page = as_role(role)
    page.goto(url(path))
    form = page.locator("main form.card")
    marked = set(form.locator(".field:has(.req)").evaluate_all("els => els.map((e) => e.id)"))
    assert marked, "no field is marked required"
    form.evaluate(CLEAR_JS)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[type=submit]").last.click()
    assert posted.value.status == 422
    expect(page.locator("main div.alert").first).to_contain_text("提交的内容有误")
    failed = set(page.locator("main .field:has(.error)").evaluate_all("els => els.map((e) => e.id)"))
    assert failed, "an empty form was refused without any field error"
    assert failed <= marked, f"required by the server but not marked with *: {sorted(failed - marked)}"


@pytest.mark.parametrize(
    "role,form_id",
    [
        ("expert", "service-log-form"),
        ("expert", "outcome-form"),
        ("enterprise", "outcome-form"),
        ("staff", "assessment-form"),
    ],
)
def test_dispatch_form_required_fields_are_marked(as_role: Callable[..., Page], role: str, form_id: str) -> None:
    """The forms of a dispatch's page (issue #6), on the role's newest dispatch."""
    page = as_role(role, "/assignments")
    page.locator("tbody tr[id^=assignment-]").first.get_by_role("link").first.click()
    form = page.locator(f"form#{form_id}")
    expect(form).to_be_visible()
    marked = set(form.locator(".field:has(.req)").evaluate_all("els => els.map((e) => e.id)"))
    assert marked, "no field is marked required"
    form.evaluate(CLEAR_JS)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[type=submit]").last.click()
    assert posted.value.status == 422
    expect(form.locator("div.alert").first).to_contain_text("提交的内容有误")
    failed = set(form.locator(".field:has(.error)").evaluate_all("els => els.map((e) => e.id)"))
    assert failed, "an empty form was refused without any field error"
    assert failed <= marked, f"required by the server but not marked with *: {sorted(failed - marked)}"
