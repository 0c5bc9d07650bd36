"""The report pages (issue #6): server-drawn SVG charts whose Chinese labels render as real glyphs, the same table as
an Excel CSV download (UTF-8 with a BOM) and as JSON; and who may not see what (staff-only reports, other
enterprises' dispatches)."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import re
from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from conftest import assert_text_renders, bar_value, chart_bar, is_cjk, make_pdf, path_is, unique, url, utc_today

REPORTS = {
    "headline": "主要指标（按范围）",
    "composition": "专员队伍结构（选派人数，续派只计一次）",
    "needs": "需求征集、推荐、选派与解决",
    "talent-gap": "人才缺口：未能匹配的需求（引才清单）",
}


def table_cells(page: Page) -> tuple[list[str], list[list[str]]]:
    """The report table's header and rows, as shown."""
    table = page.locator("#report-table")
    header = table.locator("thead th").all_inner_texts()
    rows = table.locator("tbody tr").evaluate_all("rs => rs.map(r => Array.from(r.cells, c => c.innerText.trim()))")
    return [h.strip() for h in header], rows


def test_reports_index_lists_every_report_for_staff(as_role: Callable[..., Page]) -> None:
    staff = as_role("staff")
    staff.locator("header nav").get_by_role("link", name="统计报表").click()
    expect(staff).to_have_url(path_is("/reports"))
    expect(staff.locator("h1")).to_have_text("统计报表")
    expect(staff.locator("header nav a[href='/reports']")).to_have_class("active")
    titles = staff.locator("main .card h3 a")
    expect(titles).to_have_text(["主要指标", "专员队伍结构", "需求征集与解决", "人才缺口"])
    staff.get_by_role("link", name="需求征集与解决").click()
    expect(staff).to_have_url(path_is("/reports/needs"))
    expect(staff.locator("h1")).to_have_text(REPORTS["needs"])


@pytest.mark.parametrize("name", list(REPORTS))
def test_report_chart_csv_and_json_agree(as_role: Callable[..., Page], name: str) -> None:
    staff = as_role("staff", f"/reports/{name}")
    expect(staff.locator("h1")).to_have_text(REPORTS[name])
    header, rows = table_cells(staff)
    assert header and rows, f"the demo data should give /reports/{name} some rows"

    # --- The chart: an SVG with bars, its caption and labels in Chinese that render as glyphs.
    chart = staff.locator("main figure.chart").first
    expect(chart.locator("svg")).to_be_visible()
    expect(chart.locator("svg g rect").first).to_be_visible()
    caption = chart.locator("figcaption")
    assert_text_renders(caption, caption.inner_text())
    # The first bar's label, checked with its own characters.
    label = chart.locator("svg g text").first
    text = (label.text_content() or "").strip()
    assert len({ch for ch in text if is_cjk(ch)}) >= 2, f"expected a Chinese bar label: {text!r}"
    assert_text_renders(label, text)
    # Every bar has a label and a value; bar lengths never exceed the drawing area.
    bars = chart.locator("svg g")
    assert bars.count() >= 1
    widths = bars.locator("rect").evaluate_all("rs => rs.map(r => r.width.baseVal.value)")
    assert all(0 <= w <= 440 for w in widths), widths

    # --- CSV: a real download, UTF-8 with a BOM, CRLF lines, the same header and rows as the page.
    with staff.expect_download() as dl:
        staff.get_by_role("link", name="下载 Excel（CSV）").click()
    download = dl.value
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:16]
    decoded = raw.decode("utf-8-sig")
    assert "\r\n" in decoded
    table = list(csv.reader(io.StringIO(decoded, newline="")))
    assert table[0] == header, (table[0], header)
    assert any(is_cjk(ch) for ch in "".join(table[0])), table[0]
    assert table[1:] == rows, "the CSV rows differ from the page's table"

    # --- JSON: parses, as many items as table rows.
    json_link = staff.get_by_role("link", name="JSON", exact=True)
    href = json_link.get_attribute("href")
    assert href and "format=json" in href, href
    response = staff.request.get(url(href))
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = json.loads(response.body().decode("utf-8"))
    assert isinstance(body["items"], list) and len(body["items"]) == len(rows), (len(body["items"]), len(rows))

    if name == "headline":
        # The one "total" row: the chart, the table and the JSON give the same figures.
        item = body["items"][0]
        assert body["group_by"] == "total"
        for bar_label, key, column in [
            ("新产品", "new_products", "新产品"),
            ("创新项目", "projects", "创新项目"),
            ("专利", "patents", "专利"),
            ("选派科创专员（人）", "commissioners", "选派科创专员（人）"),
        ]:
            assert bar_value(chart_bar(staff.locator("main"), bar_label)) == item[key], bar_label
            assert rows[0][header.index(column)] == str(item[key]), column


# Where each bar label's drawn text starts and ends (labels are right-aligned against the bars).
LABEL_BOXES_JS = """
ts => ts.map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.x + b.width]; })
"""


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard",
        "/reports/headline",
        "/reports/headline?group_by=region",
        "/reports/composition",
        "/reports/needs",
        "/reports/talent-gap",
    ],
)
def test_chart_labels_fit_in_the_chart(as_role: Callable[..., Page], path: str) -> None:
    staff = as_role("staff", path)
    for svg in staff.locator("main figure.chart svg").all():
        boxes = svg.locator("g > text:first-of-type").evaluate_all(LABEL_BOXES_JS)
        assert boxes, f"a chart without labels on {path}"
        clipped = [(label, round(left)) for label, left, _ in boxes if left < 0]
        assert not clipped, f"labels drawn past the chart's left edge on {path}: {clipped}"


def test_headline_groupings(as_role: Callable[..., Page]) -> None:
    staff = as_role("staff", "/reports/headline")
    groupings = staff.locator("main p.actions").first.get_by_role("link")
    expect(groupings).to_have_text(["合计", "按年度", "按批次", "按产业赛道", "按市州", "按派出单位"])
    expect(groupings.first).to_have_class("button")
    staff.get_by_role("link", name="按年度").click()
    expect(staff).to_have_url(path_is("/reports/headline", "group_by=year"))
    expect(staff.locator("h1")).to_have_text("主要指标（按年度）")
    expect(staff.get_by_role("link", name="按年度")).to_have_class("button")
    header, rows = table_cells(staff)
    assert header[0] == "年度"
    assert rows and all(re.fullmatch(r"\d{4}", r[0]) for r in rows), rows
    # Three charts by group, each with one bar per year.
    expect(staff.locator("main figure.chart")).to_have_count(3)
    expect(staff.locator("main figure.chart").first.locator("svg g")).to_have_count(len(rows))
    # The downloads keep the grouping.
    expect(staff.get_by_role("link", name="下载 Excel（CSV）")).to_have_attribute(
        "href", "/reports/headline?group_by=year&format=csv"
    )


# --- Who may not see what.


def test_unit_admin_cannot_open_staff_only_report(as_role: Callable[..., Page]) -> None:
    unit = as_role("unit_admin", "/reports")
    # The index offers only the reports a unit may see.
    expect(unit.locator("main .card h3 a")).to_have_text(["主要指标", "专员队伍结构"])
    for target in ("/reports/needs", "/reports/needs?format=csv", "/reports/talent-gap"):
        response = unit.goto(url(target))
        assert response is not None and response.status == 403, (target, response and response.status)
        expect(unit.locator("h1")).to_have_text("出错了")
        expect(unit.locator("main div.alert")).to_have_text("只有项目办工作人员可以查看该报表")
        expect(unit.locator("main")).to_contain_text("403")
        expect(unit.locator("main svg, #report-table")).to_have_count(0)
        expect(unit.locator("header .who")).to_contain_text("（派出单位管理员）")
    # Its own scope of the headline report is fine.
    response = unit.goto(url("/reports/headline"))
    assert response is not None and response.status == 200
    expect(unit.locator("main figure.chart svg")).to_be_visible()


def test_expert_cannot_open_reports(as_role: Callable[..., Page]) -> None:
    expert = as_role("expert")
    expect(expert.locator("header nav a[href='/reports']")).to_have_count(0)
    for target in ("/reports", "/reports/headline"):
        response = expert.goto(url(target))
        assert response is not None and response.status == 403, target
        expect(expert.locator("h1")).to_have_text("出错了")
        expect(expert.locator("main div.alert")).to_have_text("专家不能查看项目统计报表")


def test_enterprise_cannot_open_another_enterprises_dispatch(
    as_role: Callable[..., Page], tmp_path: pathlib.Path
) -> None:
    ent = as_role("enterprise", "/assignments")
    mine = {
        int(i.removeprefix("assignment-"))
        for i in ent.locator("tbody tr[id^=assignment-]").evaluate_all("rs => rs.map(r => r.id)")
    }
    assert mine, "the demo enterprise should have dispatches"
    # Another enterprise's dispatch with a verified outcome, from the staff's outcome list.
    staff = as_role("staff", "/staff/outcomes?status=verified")
    others = [
        (int(rid.removeprefix("outcome-")), int(href.rsplit("/", 1)[1]), expert_name, enterprise)
        for rid, href, expert_name, enterprise in staff.locator("tbody tr[id^=outcome-]").evaluate_all(
            "rs => rs.map(r => { const a = r.cells[2].querySelector('a'); return [r.id, a.getAttribute('href'),"
            " a.innerText.trim(), r.cells[2].innerText.split(' · ').pop().trim()]; })"
        )
        if int(href.rsplit("/", 1)[1]) not in mine
    ]
    assert others, "staff should see verified outcomes of other enterprises"
    other_outcome, other, other_expert, other_enterprise = others[0]

    response = ent.goto(url(f"/assignments/{other}"))
    assert response is not None and response.status == 404
    expect(ent.locator("h1")).to_have_text("出错了")
    expect(ent.locator("main")).to_contain_text("404")
    refused = ent.locator("main div.alert").inner_text().replace(str(other), "N")
    # Nothing of that dispatch is shown.
    expect(ent.locator("main")).not_to_contain_text(other_enterprise)
    expect(ent.locator("main")).not_to_contain_text(other_expert)
    expect(ent.locator("#outcome-form, #service-log-form")).to_have_count(0)
    # The same answer as for a dispatch that does not exist at all, so its existence is not revealed.
    missing = ent.goto(url("/assignments/999999999"))
    assert missing is not None and missing.status == 404
    assert ent.locator("main div.alert").inner_text().replace("999999999", "N") == refused
    # Its outcomes' evidence files are out of reach too (staff can download them).
    evidence = f"/outcomes/{other_outcome}/evidence"
    assert staff.request.get(url(evidence)).status == 200
    assert ent.request.get(url(evidence)).status == 404
    # Its own dispatch's outcome form, pointed at the other dispatch, is refused the same way and stores nothing.
    response = ent.goto(url(f"/assignments/{min(mine)}"))
    assert response is not None and response.status == 200
    form = ent.locator("#outcome-form")
    form.evaluate("(f, action) => f.setAttribute('action', action)", f"/assignments/{other}/outcomes")
    title = unique("越权填报的成效")
    form.locator("#in-kind").select_option(label="创新项目")
    form.locator("#in-title").fill(title)
    form.locator("#in-achieved_on").fill(utc_today().isoformat())
    pdf = tmp_path / "evidence.pdf"
    pdf.write_bytes(make_pdf("forged"))
    form.locator("#in-evidence").set_input_files(str(pdf))
    with ent.expect_response(lambda r: r.request.method == "POST") as posted:
        form.get_by_role("button", name="提交成效").click()
    assert posted.value.status == 404
    expect(ent.locator("h1")).to_have_text("出错了")
    assert ent.locator("main div.alert").inner_text().replace(str(other), "N") == refused
    staff.goto(url(f"/assignments/{other}"))
    expect(staff.locator("h1")).to_have_text(re.compile(r"^选派服务："))
    expect(staff.locator("tbody tr[id^=outcome-]", has_text=title)).to_have_count(0)


def test_enterprise_cannot_open_staff_outcome_queue(as_role: Callable[..., Page]) -> None:
    ent = as_role("enterprise")
    expect(ent.locator("header nav a[href='/staff/outcomes']")).to_have_count(0)
    response = ent.goto(url("/staff/outcomes"))
    assert response is not None and response.status == 403
    expect(ent.locator("h1")).to_have_text("出错了")
    expect(ent.locator("main div.alert")).to_have_text("只有项目办工作人员可以核实成效")
    expect(ent.get_by_role("button", name="核实", exact=True)).to_have_count(0)
