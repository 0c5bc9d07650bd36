"""Match batches through the staff pages: create (with a bad field first), run in the background, review the
proposals (accept, lock, reject with a reason, alternates and swap, the expert's confirmation), publish, object on
the public list, resolve the objection, and the refused early dispatch; and cancelling a fresh batch.

Dispatch itself needs the 5-working-day publication window to have passed, so in a browser test against today's
date only its refusal can be checked."""

from __future__ import annotations

import datetime
import re
import time
from typing import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from conftest import BASE_URL, path_is, unique, url

# The run of a batch on the demo data (~480 needs, ~700 experts) takes a few seconds plus the worker's 2 s poll.
RUN_TIMEOUT_S = 60
CREATED_URL = re.compile("^" + re.escape(BASE_URL) + r"/staff/batches/(\d+)\?msg=created$")
# Contact details as the demo data has them (mainland mobile, Hong Kong/Macao mobile, landline, e-mail): none may
# appear on the public list.
CONTACT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|\+85[23]|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|[\w.]+@[\w.]+")


def post_response(page: Page):
    """Waits for the response to the next form POST (its status, before any redirect is followed)."""
    return page.expect_response(lambda r: r.request.method == "POST")


def create_batch(staff: Page, name: str) -> int:
    """Creates a batch with the form's defaults and this name; returns its id (on its page)."""
    staff.goto(url("/staff/batches"))
    staff.locator("#in-name").fill(name)
    staff.get_by_role("button", name="创建批次").click()
    expect(staff).to_have_url(CREATED_URL)
    m = CREATED_URL.match(staff.url)
    assert m, staff.url
    expect(staff.locator("div.flash")).to_have_text("已创建。")
    expect(staff.locator("h1")).to_have_text(f"匹配批次：{name}")
    return int(m.group(1))


def batch_status(staff: Page) -> str:
    return staff.locator("#batch-summary span.status").get_attribute("data-status") or ""


def wait_for_run(staff: Page, batch_id: int) -> None:
    """Reloads the batch page until the background run has finished (推荐名单已生成)."""
    page_url = url(f"/staff/batches/{batch_id}")
    deadline = time.monotonic() + RUN_TIMEOUT_S
    seen: list[str] = []
    while True:
        try:
            staff.goto(page_url)
            status = batch_status(staff)
        except PlaywrightError:  # the page's own 5 s refresh may interrupt a navigation
            status = "?"
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == "proposals_ready":
            return
        assert status in ("queued", "running", "?"), (
            f"batch {batch_id} ended as {status}: " + staff.locator("#batch-summary").inner_text()
        )
        assert time.monotonic() < deadline, f"batch {batch_id} still not ready after {RUN_TIMEOUT_S} s: {seen}"
        time.sleep(1)


def row_id(row: Locator) -> int:
    rid = row.get_attribute("id")
    assert rid and rid.startswith("p-"), rid
    return int(rid.removeprefix("p-"))


def test_batch_review_publish_object_and_early_dispatch(
    as_role: Callable[..., Page], new_page: Callable[..., Page]
) -> None:
    staff = as_role("staff")
    staff.goto(url("/staff/batches"))
    expect(staff.locator("h1")).to_have_text("匹配批次")
    today = datetime.datetime.now(datetime.timezone.utc).date()  # the server's "today" is the UTC date
    # The form comes with today's dates and the documented defaults.
    expect(staff.locator("#in-as_of")).to_have_value(today.isoformat())
    expect(staff.locator("#in-term_start")).to_have_value((today + datetime.timedelta(days=30)).isoformat())
    expect(staff.locator("#field-require_phd_or_senior_title input[type=checkbox]")).to_be_checked()

    # --- A bad term length: 422, the error next to that field only, everything typed kept.
    name = unique("浏览器测试批次")
    staff.locator("#in-name").fill(name)
    staff.locator("#in-term_months").fill("2")
    track = staff.locator("#field-need_tracks input[type=checkbox]").first
    track.check()
    with post_response(staff) as posted:
        staff.get_by_role("button", name="创建批次").click()
    assert posted.value.status == 422
    expect(staff).to_have_url(path_is("/staff/batches"))
    expect(staff.locator("main div.alert").first).to_contain_text("提交的内容有误")
    expect(staff.locator("#field-term_months")).to_have_class("field has-error")
    expect(staff.locator("#field-term_months .error")).to_have_text("服务期应为6–60个月")
    expect(staff.locator("main .field .error")).to_have_count(1)
    expect(staff.locator("#in-name")).to_have_value(name)
    expect(staff.locator("#in-term_months")).to_have_value("2")
    expect(staff.locator("#in-as_of")).to_have_value(today.isoformat())
    expect(staff.locator("#field-require_phd_or_senior_title input[type=checkbox]")).to_be_checked()
    expect(track).to_be_checked()
    # Nothing was created.
    expect(staff.locator("tbody tr", has_text=name)).to_have_count(0)

    # --- Valid: the batch's page, status 已创建, with the run button.
    staff.locator("#in-term_months").fill("24")
    track.uncheck()  # all tracks
    staff.get_by_role("button", name="创建批次").click()
    expect(staff).to_have_url(CREATED_URL)
    batch_id = int(CREATED_URL.match(staff.url).group(1))
    expect(staff.locator("h1")).to_have_text(f"匹配批次：{name}")
    status = staff.locator("#batch-summary span.status")
    expect(status).to_have_attribute("data-status", "created")
    expect(status).to_have_text("已创建")
    expect(staff.locator("main")).to_contain_text("暂无推荐。")
    expect(staff.get_by_role("button", name="公示已采纳名单（5个工作日）")).to_have_count(0)

    # --- Run: queued for the background worker; the page refreshes itself while it waits.
    staff.get_by_role("button", name="运行匹配（保留已锁定的推荐，仅补足其余）").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}", "msg=saved"))
    if batch_status(staff) in ("queued", "running"):
        expect(staff.locator('meta[http-equiv="refresh"]')).to_have_attribute("content", "5")
        expect(status).to_have_text(re.compile("^(排队中|匹配中)$"))
        with staff.expect_navigation(timeout=8_000):
            pass  # the page reloads itself
    wait_for_run(staff, batch_id)
    expect(status).to_have_text("推荐名单已生成")
    expect(staff.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    expect(staff.locator("#batch-summary")).to_contain_text("运行次数 1")
    expect(staff.locator("#batch-summary")).not_to_contain_text("总分 —")

    # --- Proposals: a score and its Chinese breakdown on each row.
    rows = staff.locator("tbody tr[id^=p-]")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert count >= 10, count
    first = rows.first
    expect(first.locator("td").nth(3).locator("strong")).to_have_text(re.compile(r"^[01]\.\d{3}$"))
    expect(first.locator("td").nth(3)).to_contain_text(re.compile(r"文本相关度 \d\.\d\d · 学科 \d\.\d\d"))
    expect(first.locator("td").nth(4)).to_have_text("待评审")
    expect(staff.locator("tbody tr[id^=p-] td", has_text="匹配词：").first).to_be_visible()
    # By expert: the same rows in another order.
    staff.get_by_role("link", name="按专家查看").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}", "by=expert"))
    expect(staff.locator("tbody tr[id^=p-]")).to_have_count(count)
    staff.get_by_role("link", name="按需求查看").click()
    expect(staff.locator("tbody tr[id^=p-]")).to_have_count(count)

    # Every row as (proposal, need, enterprise, expert); four proposals of different needs are reviewed below.
    table = [
        (int(pid.removeprefix("p-")), int(need), ent, exp)
        for pid, need, ent, exp in rows.evaluate_all(
            "rs => rs.map(r => [r.id, r.dataset.need, r.cells[1].innerText.trim(),"
            " r.cells[2].firstChild.textContent.trim()])"
        )
    ]
    by_need: dict[int, tuple[int, int, str, str]] = {}
    for t in table:
        by_need.setdefault(t[1], t)
    assert len(by_need) >= 8, by_need
    picked = list(by_need.values())[:4]
    (acc1, need1, ent1, exp1), (acc2, _, ent2, exp2), (lock_id, _, _, _), (rej_id, rej_need, _, _) = picked

    def row(pid: int):
        return staff.locator(f"tr#p-{pid}")

    # Accept two: the first decision opens the review (评审中).
    for pid in (acc1, acc2):
        row(pid).get_by_role("button", name="采纳", exact=True).click()
        expect(staff).to_have_url(re.compile(re.escape(url(f"/staff/batches/{batch_id}?msg=saved")) + r"#p-\d+$"))
        expect(staff.locator("div.flash")).to_have_text("已保存。")
        expect(row(pid).locator("span.status")).to_have_text("已采纳")
        expect(row(pid).get_by_role("button", name="采纳", exact=True)).to_have_count(0)
    expect(status).to_have_attribute("data-status", "under_review")
    expect(status).to_have_text("评审中")

    # Lock one: marked, and the button turns into 解锁.
    row(lock_id).get_by_role("button", name="锁定", exact=True).click()
    expect(row(lock_id)).to_contain_text("🔒已锁定")
    expect(row(lock_id).get_by_role("button", name="解锁")).to_be_visible()
    expect(row(lock_id).get_by_role("button", name="锁定", exact=True)).to_have_count(0)
    expect(row(lock_id).locator("span.status")).to_have_text("待评审")

    # Reject without a reason: refused, nothing changes.
    with post_response(staff) as posted:
        row(rej_id).get_by_role("button", name="不采纳").click()
    assert posted.value.status == 422
    expect(staff.locator("main div.alert")).to_contain_text("提交的内容有误")
    expect(staff.locator("main")).to_contain_text("请填写不予采纳的原因")
    staff.goto(url(f"/staff/batches/{batch_id}"))
    expect(row(rej_id).locator("span.status")).to_have_text("待评审")
    # With a reason: 未采纳, the reason shown, no more actions on that row.
    reason = unique("专业方向不符")
    row(rej_id).locator("input[name=reason]").fill(reason)
    row(rej_id).get_by_role("button", name="不采纳").click()
    expect(staff.locator("div.flash")).to_have_text("已保存。")
    expect(row(rej_id).locator("span.status")).to_have_text("未采纳")
    expect(row(rej_id)).to_contain_text(reason)
    expect(row(rej_id).locator("button")).to_have_count(0)

    # --- A need's alternates: rank, score, the change in total score against the current pick, and why each was
    # not chosen.
    row(acc1).locator("td").first.get_by_role("link").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}/needs/{need1}"))
    expect(staff.locator("h1")).to_have_text(f"需求 {need1} 的备选专家")
    current = staff.locator("main div.card").first
    expect(current).to_contain_text(re.compile(rf"当前推荐：{re.escape(exp1)}（[01]\.\d{{3}}）"))
    current_score = float(re.search(r"（([01]\.\d{3})）", current.inner_text()).group(1))
    alts = staff.locator("tbody tr[id^=alt-]")
    expect(alts.first).to_be_visible()
    for i in range(alts.count()):
        tds = alts.nth(i).locator("td")
        expect(tds.nth(0)).to_have_text(str(i + 1))
        expect(tds.nth(1)).not_to_have_text(exp1)
        expect(tds.nth(2)).to_have_text(re.compile(r"^[01]\.\d{3}$"))
        expect(tds.nth(3)).to_have_text(re.compile(r"^[+-]\d\.\d{3}$"))
        expect(tds.nth(4)).to_have_text(re.compile(r"^(该专家已推荐给需求 \d+|本需求名额已满|受专家服务容量)"))
        expect(alts.nth(i).get_by_role("button", name="替换为该专家")).to_be_visible()
        delta, score = float(tds.nth(3).inner_text()), float(tds.nth(2).inner_text())
        assert abs(delta - (score - current_score)) <= 0.0015, (delta, score, current_score)
    staff.get_by_role("link", name="返回批次").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}"))

    def alternates_of(need: int) -> list[tuple[int, str, str]]:
        """(expert id, name, reason) of each alternate of the need, from its page (left open)."""
        staff.goto(url(f"/staff/batches/{batch_id}/needs/{need}"))
        return [
            (int(aid.removeprefix("alt-")), name, why)
            for aid, name, why in staff.locator("tbody tr[id^=alt-]").evaluate_all(
                "rs => rs.map(r => [r.id, r.cells[1].innerText.trim(), r.cells[4].innerText.trim()])"
            )
        ]

    # --- Swap: an alternate still proposed for another need B of the batch is refused (409); once B's proposal is
    # rejected, the swap goes through: the old proposal is rejected, the alternate accepted in its place.
    busy = re.compile(r"^该专家已推荐给需求 (\d+)，")
    reviewed = {p[1] for p in picked}
    found = None
    for need in [n for n in by_need if n not in reviewed][:30]:
        for expert_id, expert_name, why in alternates_of(need):
            m = busy.match(why)
            other = int(m.group(1)) if m else -1
            if other in by_need and other not in reviewed and other != need:
                found = (need, expert_id, expert_name, other)
                break
        if found:
            break
    assert found, "no alternate proposed for another (unreviewed) need among the first needs"
    swap_need, swap_expert_id, swap_expert, other_need = found  # the page of swap_need is open
    old_id = next(t[0] for t in table if t[1] == swap_need)
    other_id = next(t[0] for t in table if t[1] == other_need and t[3] == swap_expert)
    with post_response(staff) as posted:
        staff.locator(f"tr#alt-{swap_expert_id}").get_by_role("button", name="替换为该专家").click()
    assert posted.value.status == 409
    expect(staff.locator("main div.alert")).to_have_text("该备选专家已在本批次的其他推荐中，请先处理那条推荐")
    staff.goto(url(f"/staff/batches/{batch_id}"))
    expect(row(old_id).locator("span.status")).to_have_text("待评审")
    row(other_id).locator("input[name=reason]").fill(f"改派至需求 {swap_need}")
    row(other_id).get_by_role("button", name="不采纳").click()
    expect(row(other_id).locator("span.status")).to_have_text("未采纳")
    staff.goto(url(f"/staff/batches/{batch_id}/needs/{swap_need}"))
    staff.locator(f"tr#alt-{swap_expert_id}").get_by_role("button", name="替换为该专家").click()
    expect(staff).to_have_url(re.compile(re.escape(url(f"/staff/batches/{batch_id}?msg=saved")) + r"#p-\d+$"))
    expect(staff.locator("div.flash")).to_have_text("已保存。")
    expect(row(old_id).locator("span.status")).to_have_text("未采纳")
    expect(row(old_id)).to_contain_text(f"替换为备选专家 {swap_expert_id}")
    swapped = staff.locator(f'tbody tr[id^=p-][data-need="{swap_need}"]', has_text="已采纳")
    expect(swapped).to_have_count(1)
    expect(swapped.locator("td").nth(2)).to_contain_text(swap_expert)
    expect(swapped).to_contain_text(f"替换提案 {old_id}")
    swap_id = row_id(swapped)
    swap_ent = swapped.locator("td").nth(1).inner_text().strip()

    # --- Two-way choice: the demo expert sees their proposals; declining needs a reason; confirming shows on the
    # staff page. (Whether the matcher proposes the demo expert depends on the data, so this part may have nothing
    # of this batch to act on.)
    expert = as_role("expert")
    expert.goto(url("/proposals"))
    expect(expert.locator("h1")).to_have_text("推荐结果")
    in_batch = {t[0] for t in table} - {old_id}
    mine = [
        int(cid.removeprefix("proposal-"))
        for cid in expert.locator("div.card[id^=proposal-]").evaluate_all("cs => cs.map(c => c.id)")
    ]
    mine = [pid for pid in mine if pid in in_batch and pid != rej_id]
    if mine:
        card = expert.locator(f"div.card#proposal-{mine[0]}")
        with post_response(expert) as posted:
            card.get_by_role("button", name="谢绝").click()
        assert posted.value.status == 422
        expect(expert.locator("main")).to_contain_text("谢绝时请说明原因")
        expert.goto(url("/proposals"))
        card.get_by_role("button", name="确认").click()
        expect(expert).to_have_url(path_is("/proposals", "msg=saved"))
        expect(card).to_contain_text("专家确认")
        staff.goto(url(f"/staff/batches/{batch_id}"))
        expect(row(mine[0])).to_contain_text("专家确认")
    staff.goto(url(f"/staff/batches/{batch_id}"))

    # --- Publish the accepted pair list for 5 working days.
    staff.get_by_role("button", name="公示已采纳名单（5个工作日）").click()
    expect(staff.locator("div.flash")).to_have_text("已保存。")
    expect(status).to_have_attribute("data-status", "published")
    expect(status).to_have_text("公示中")
    window = staff.locator("#batch-summary", has_text="公示期：")
    expect(window).to_contain_text(re.compile(rf"公示期：{today.isoformat()} 至 \d{{4}}-\d\d-\d\d"))
    until = re.search(r"至 (\d{4}-\d\d-\d\d)", window.inner_text()).group(1)
    assert datetime.date.fromisoformat(until) >= today + datetime.timedelta(days=5), until
    # Review is over: no more decisions or runs.
    expect(staff.locator("tbody").get_by_role("button")).to_have_count(0)
    expect(staff.get_by_role("button", name="运行匹配（保留已锁定的推荐，仅补足其余）")).to_have_count(0)
    staff.get_by_role("link", name="公示页面").click()
    expect(staff).to_have_url(path_is(f"/publications/{batch_id}"))

    # --- The public list, anonymously: exactly the accepted pairs (two accepted, one swapped in), no contact details,
    # and a login link instead of the objection form.
    anon = new_page()
    anon.goto(url(f"/publications/{batch_id}"))
    expect(anon).to_have_url(path_is(f"/publications/{batch_id}"))
    expect(anon.locator("h1")).to_have_text(f"公示：{name}")
    expect(anon.locator("main")).to_contain_text(f"公示期：{today.isoformat()} 至 {until}")
    entries = anon.locator("tbody tr[id^=entry-]")
    expect(entries).to_have_count(3)
    for pid, ent, exp in ((acc1, ent1, exp1), (acc2, ent2, exp2), (swap_id, swap_ent, swap_expert)):
        entry = anon.locator(f"tr#entry-{pid}")
        expect(entry.locator("td").nth(0)).to_have_text(ent)
        expect(entry.locator("td").nth(2)).to_have_text(exp)
    for pid in (lock_id, rej_id, old_id):
        expect(anon.locator(f"tr#entry-{pid}")).to_have_count(0)
    text = anon.locator("body").inner_text()
    assert not CONTACT.search(text), CONTACT.search(text)
    expect(anon.locator(f'main a[href="/login?next=/publications/{batch_id}"]')).to_have_text("登录")
    expect(anon.locator("main form")).to_have_count(0)
    expect(anon.locator("#in-body")).to_have_count(0)

    # --- A logged-in user (the enterprise) files an objection: too short first, then valid.
    ent_page = as_role("enterprise")
    ent_page.goto(url(f"/publications/{batch_id}"))
    expect(ent_page.locator("main h2")).to_have_text("提出异议")
    ent_page.locator("#in-proposal_id").select_option(str(acc2))
    ent_page.locator("#in-real_name").fill("王晓明")
    ent_page.locator("#in-body").fill("太短了")
    with post_response(ent_page) as posted:
        ent_page.get_by_role("button", name="提交异议").click()
    assert posted.value.status == 422
    expect(ent_page.locator("main div.alert")).to_contain_text("提交的内容有误")
    expect(ent_page.locator("#field-body")).to_have_class("field has-error")
    expect(ent_page.locator("#field-body .error")).to_have_text("异议内容应为10–5000字")
    expect(ent_page.locator("#field-real_name .error")).to_have_count(0)
    expect(ent_page.locator("#in-real_name")).to_have_value("王晓明")
    expect(ent_page.locator("#in-body")).to_have_value("太短了")
    expect(ent_page.locator("#in-proposal_id")).to_have_value(str(acc2))
    expect(ent_page.locator("tbody tr[id^=entry-]")).to_have_count(3)
    objection = "该专家近三年研究方向与本需求不一致，" + unique("请核实")
    ent_page.locator("#in-body").fill(objection)
    ent_page.get_by_role("button", name="提交异议").click()
    expect(ent_page).to_have_url(path_is(f"/publications/{batch_id}", "msg=objected"))
    expect(ent_page.locator("div.flash")).to_have_text("异议已提交，项目办将逐条核实处理。")

    # --- Staff see the objection and dismiss it (a resolution is required).
    staff.goto(url(f"/staff/batches/{batch_id}"))
    expect(staff.get_by_role("heading", name="公示异议")).to_be_visible()
    card = staff.locator("div.card[id^=objection-]", has_text=objection)
    expect(card).to_have_count(1)
    expect(card).to_contain_text(f"王晓明（推荐 {acc2}）· 待处理")
    with post_response(staff) as posted:
        card.get_by_role("button", name="不予支持").click()
    assert posted.value.status == 422
    expect(staff.locator("main")).to_contain_text("请填写处理意见")
    staff.goto(url(f"/staff/batches/{batch_id}"))
    resolution = unique("经核实研究方向相符")
    card.locator("form[action$='/dismiss'] input[name=resolution]").fill(resolution)
    card.get_by_role("button", name="不予支持").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}", "msg=saved"))
    expect(card).to_contain_text("· 不予支持")
    expect(card).to_contain_text(f"处理意见：{resolution}")
    expect(card.locator("form")).to_have_count(0)
    # Dismissed: the pair stays on the public list.
    anon.reload()
    expect(anon.locator(f"tr#entry-{acc2}")).to_have_count(1)

    # --- Dispatch is refused until the 5-working-day window has passed.
    with post_response(staff) as posted:
        staff.get_by_role("button", name="确认选派").click()
    assert posted.value.status == 409
    expect(staff.locator("main div.alert")).to_have_text(f"公示期至 {until} 结束，期满后才能确认选派")
    staff.goto(url(f"/staff/batches/{batch_id}"))
    expect(status).to_have_attribute("data-status", "published")
    expect(row(acc1).locator("span.status")).to_have_text("已采纳")


def test_cancel_fresh_batch(as_role: Callable[..., Page]) -> None:
    staff = as_role("staff")
    name = unique("取消测试批次")
    batch_id = create_batch(staff, name)
    status = staff.locator("#batch-summary span.status")
    expect(status).to_have_attribute("data-status", "created")
    staff.locator("#batch-summary input[name=reason]").fill("参数设置有误，重新建批次")
    staff.get_by_role("button", name="取消批次").click()
    expect(staff).to_have_url(path_is(f"/staff/batches/{batch_id}", "msg=saved"))
    expect(status).to_have_attribute("data-status", "cancelled")
    expect(status).to_have_text("已取消")
    # Nothing more to do with it.
    expect(staff.locator("#batch-summary button")).to_have_count(0)
    # The list shows it cancelled too.
    staff.goto(url("/staff/batches"))
    listed = staff.locator(f"tr#batch-{batch_id}")
    expect(listed.get_by_role("link")).to_have_text(name)
    expect(listed.locator("span.status")).to_have_attribute("data-status", "cancelled")
    expect(listed.locator("span.status")).to_have_text("已取消")
