"""Outcomes of a dispatch (issue #6): the enterprise or the commissioner reports one with an evidence file on the
dispatch's page (a file that only claims to be a PDF is refused), it waits as 待核实, the program office verifies it
on /staff/outcomes and it counts in the headline figures of the staff dashboard; or it is rejected with a reason
and counts nowhere."""

from __future__ import annotations

import base64
import datetime
import hashlib
import pathlib
import re
from typing import Callable

from playwright.sync_api import Locator, Page, expect

from conftest import BASE_URL, bar_value, chart_bar, make_pdf, path_is, unique, url, utc_today

ASSIGNMENT_URL = re.compile("^" + re.escape(BASE_URL) + r"/assignments/(\d+)$")


def open_first_dispatch(page: Page) -> int:
    """From /assignments, opens the first dispatch listed; returns its id (its page left open)."""
    page.goto(url("/assignments"))
    expect(page.locator("h1")).to_have_text("选派服务")
    first = page.locator("tbody tr[id^=assignment-]").first
    expect(first).to_be_visible()
    first.get_by_role("link").first.click()
    expect(page).to_have_url(ASSIGNMENT_URL)
    assignment = int(ASSIGNMENT_URL.match(page.url).group(1))
    expect(page.locator("h1")).to_have_text(re.compile(r"^选派服务：.+ · .+$"))
    return assignment


def fill_outcome(page: Page, kind: str, title: str, achieved_on: datetime.date, evidence: pathlib.Path) -> None:
    form = page.locator("#outcome-form")
    form.locator("#in-kind").select_option(label=kind)
    form.locator("#in-title").fill(title)
    form.locator("#in-achieved_on").fill(achieved_on.isoformat())
    form.locator("#in-description").fill("浏览器测试填报的成效，附佐证材料。")
    form.locator("#in-evidence").set_input_files(str(evidence))


def outcome_row(page: Page, title: str) -> Locator:
    return page.locator("tbody tr[id^=outcome-]", has_text=title)


def outcome_id(row: Locator) -> int:
    rid = row.get_attribute("id")
    assert rid and rid.startswith("outcome-"), rid
    return int(rid.removeprefix("outcome-"))


def headline(staff: Page, label: str) -> int:
    """The staff dashboard's headline figure for `label` (reloads the dashboard)."""
    staff.goto(url("/dashboard"))
    bar = chart_bar(staff.locator("#headline"), label)
    expect(bar).to_have_count(1)
    return bar_value(bar)


def pending(staff: Page) -> int:
    """How many outcomes the staff dashboard says await verification (reloads the dashboard)."""
    staff.goto(url("/dashboard"))
    link = staff.locator("#pending-outcomes")
    expect(link).to_have_text(re.compile(r"^(待核实成效 \d+ 项|没有待核实的成效。)$"))
    m = re.search(r"(\d+)", link.inner_text())
    return int(m.group(1)) if m else 0


def test_enterprise_reports_outcome_staff_verifies_it_counts(
    as_role: Callable[..., Page], tmp_path: pathlib.Path
) -> None:
    staff = as_role("staff")
    products_before = headline(staff, "新产品")
    pending_before = pending(staff)

    ent = as_role("enterprise")
    assignment = open_first_dispatch(ent)
    form = ent.locator("#outcome-form")
    expect(form.locator("h3")).to_have_text("填报成效")
    expect(form.locator("#field-evidence label")).to_contain_text("佐证材料")
    expect(form.locator("#field-evidence .req")).to_be_visible()
    # Only staff verify.
    expect(ent.get_by_role("button", name="核实", exact=True)).to_have_count(0)

    # --- Files that are not acceptable evidence: a text file renamed to .pdf, and a real PDF over 1 MB. Each is
    # refused at the evidence input with everything typed kept, and nothing is stored.
    title = unique("浏览器测试新产品")
    achieved = utc_today() - datetime.timedelta(days=3)
    fake = tmp_path / "验收报告.pdf"
    fake.write_text("这不是 PDF，只是改了扩展名的文本文件。\n", encoding="utf-8")
    oversize = tmp_path / "扫描件.pdf"
    oversize.write_bytes(make_pdf("x" * 1_100_000))
    fill_outcome(ent, "新产品", title, achieved, fake)
    for bad, message in ((fake, "不符"), (oversize, "佐证材料不能超过1 MB")):
        form.locator("#in-evidence").set_input_files(str(bad))
        with ent.expect_response(lambda r: r.request.method == "POST") as posted:
            form.get_by_role("button", name="提交成效").click()
        assert posted.value.status == 422, bad.name
        expect(ent).to_have_url(path_is(f"/assignments/{assignment}/outcomes"))
        expect(form.locator("div.alert")).to_contain_text("提交的内容有误")
        expect(form.locator("#field-evidence")).to_have_class("field has-error")
        expect(form.locator("#field-evidence .error")).to_contain_text(message)
        expect(form.locator(".field .error")).to_have_count(1)
        expect(form.locator("#in-title")).to_have_value(title)
        expect(form.locator("#in-kind")).to_have_value("new_product")
        expect(form.locator("#in-achieved_on")).to_have_value(achieved.isoformat())
        expect(outcome_row(ent, title)).to_have_count(0)
        # The other forms of the page are untouched by this error.
        expect(ent.locator("main .field.has-error")).to_have_count(1)

    # --- A real PDF: accepted, listed as 待核实 with its file.
    pdf_bytes = make_pdf(unique("kczy-browser-test"))
    pdf = tmp_path / "新产品验收报告.pdf"
    pdf.write_bytes(pdf_bytes)
    form.locator("#in-evidence").set_input_files(str(pdf))
    form.get_by_role("button", name="提交成效").click()
    expect(ent).to_have_url(
        re.compile("^" + re.escape(url(f"/assignments/{assignment}?msg=reported")) + "(#outcomes)?$")
    )
    expect(ent.locator("div.flash")).to_have_text("成效已提交，等待项目办核实。")
    row = outcome_row(ent, title)
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_have_text("新产品")
    expect(row.locator("td").nth(3)).to_have_text(achieved.isoformat())
    status = row.locator("span.status")
    expect(status).to_have_text("待核实")
    expect(status).to_have_attribute("data-status", "reported")
    oid = outcome_id(row)
    link = row.get_by_role("link", name=pdf.name)
    expect(link).to_have_attribute("href", f"/outcomes/{oid}/evidence")
    # The stored file is exactly what was uploaded (its digest in the Digest header too).
    download = ent.request.get(url(f"/outcomes/{oid}/evidence"))
    assert download.status == 200, download.status
    assert download.headers["content-type"] == "application/pdf", download.headers
    assert download.body() == pdf_bytes
    digest = base64.b64encode(hashlib.sha256(pdf_bytes).digest()).decode()
    assert download.headers.get("digest") == f"sha-256={digest}", download.headers

    # Reported but not verified: not counted yet, one more awaiting verification.
    assert pending(staff) == pending_before + 1
    assert headline(staff, "新产品") == products_before

    # --- Staff verify it from the queue the dashboard links to.
    staff.locator("#pending-outcomes").click()
    expect(staff).to_have_url(path_is("/staff/outcomes", "status=reported"))
    expect(staff.locator("h1")).to_have_text("成效核实")
    queued = staff.locator(f"tr#outcome-{oid}")
    expect(queued).to_contain_text(title)
    expect(queued.locator("span.status")).to_have_text("待核实")
    expect(queued.get_by_role("link", name=pdf.name)).to_be_visible()
    queued.get_by_role("button", name="核实", exact=True).click()
    expect(staff).to_have_url(path_is("/staff/outcomes", "status=reported&msg=verified"))
    expect(staff.locator("div.flash")).to_have_text("已核实，该成效计入统计。")
    expect(staff.locator(f"tr#outcome-{oid}")).to_have_count(0)
    staff.goto(url("/staff/outcomes?status=verified"))
    verified = staff.locator(f"tr#outcome-{oid}")
    expect(verified.locator("span.status")).to_have_text("已核实")
    expect(verified.locator("span.status")).to_have_attribute("data-status", "verified")
    expect(verified.locator("button")).to_have_count(0)

    # --- The headline figure went up by exactly one; the queue is back where it was.
    assert headline(staff, "新产品") == products_before + 1
    expect(chart_bar(staff.locator("#headline"), "新产品").locator("title")).to_have_text(
        f"新产品：{products_before + 1}"
    )
    assert pending(staff) == pending_before

    # The enterprise sees it verified.
    ent.goto(url(f"/assignments/{assignment}"))
    expect(outcome_row(ent, title).locator("span.status")).to_have_text("已核实")


def test_commissioner_reports_outcome_staff_rejects_with_reason(
    as_role: Callable[..., Page], tmp_path: pathlib.Path
) -> None:
    staff = as_role("staff")
    patents_before = headline(staff, "专利")

    expert = as_role("expert")
    assignment = open_first_dispatch(expert)
    title = unique("浏览器测试专利")
    pdf = tmp_path / "patent.pdf"
    pdf.write_bytes(make_pdf("patent"))
    fill_outcome(expert, "专利", title, utc_today() - datetime.timedelta(days=10), pdf)
    expert.locator("#outcome-form #in-patent_number").fill("ZL202610000000.1")
    expert.locator("#outcome-form").get_by_role("button", name="提交成效").click()
    expect(expert.locator("div.flash")).to_have_text("成效已提交，等待项目办核实。")
    row = outcome_row(expert, title)
    expect(row.locator("span.status")).to_have_attribute("data-status", "reported")
    oid = outcome_id(row)
    expect(expert).to_have_url(re.compile("^" + re.escape(url(f"/assignments/{assignment}?msg=reported"))))

    # Rejecting without a reason is refused; the outcome stays in the queue.
    staff.goto(url("/staff/outcomes?status=reported"))
    queued = staff.locator(f"tr#outcome-{oid}")
    with staff.expect_response(lambda r: r.request.method == "POST") as posted:
        queued.get_by_role("button", name="不予认定").click()
    assert posted.value.status == 422
    expect(staff.locator("main")).to_contain_text("请填写不予认定的原因")
    staff.goto(url("/staff/outcomes?status=reported"))
    expect(queued.locator("span.status")).to_have_text("待核实")

    # With a reason: rejected, the reason shown to staff and to the commissioner, not counted.
    reason = unique("专利号与证书不符")
    queued.get_by_role("textbox", name="不予认定原因").fill(reason)
    queued.get_by_role("button", name="不予认定").click()
    expect(staff).to_have_url(path_is("/staff/outcomes", "status=reported&msg=rejected"))
    expect(staff.locator("div.flash")).to_have_text("已驳回。")
    expect(staff.locator(f"tr#outcome-{oid}")).to_have_count(0)
    staff.goto(url("/staff/outcomes?status=rejected"))
    rejected = staff.locator(f"tr#outcome-{oid}")
    expect(rejected.locator("span.status")).to_have_text("不予认定")
    expect(rejected).to_contain_text(f"原因：{reason}")
    expect(rejected.locator("button")).to_have_count(0)

    expert.goto(url(f"/assignments/{assignment}"))
    mine = outcome_row(expert, title)
    expect(mine.locator("span.status")).to_have_attribute("data-status", "rejected")
    expect(mine).to_contain_text(f"原因：{reason}")
    assert headline(staff, "专利") == patents_before
