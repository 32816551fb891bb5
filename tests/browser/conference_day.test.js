// Headless Chromium test of the conference day end to end (issue #7, "What
// it must show"): the secretary checks in invitees, counts the citizens,
// starts the session and takes 10 speakers from several villages with 15
// opinions (7 answered in the room, 5 assigned to units with deadlines, one
// tố cáo, one forwarded to the province, one not answered yet) while the
// room screen shows the live speaker in large type; ends the session; the
// secretary and the chair sign the minutes; the chair issues the results
// notice and afterwards answers two assigned items on the petition pages.
// The report figures (GET …/reports/summary?conference=ID) match what was
// recorded, the documents download, and the denouncer's name is nowhere in
// the desk's data (CONF-02/03).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './harness.js';

let demo;
let baseUrl;
let browser;

before(async () => {
  demo = await startDemo('doithoai-browser-day-');
  ({ baseUrl, browser } = demo);
});

after(async () => {
  if (demo) await demo.stop();
});

const SLUG = 'hoang-truong';
const CHAIR_ANSWERS = 'Lê Thanh Cảnh, Chủ tịch UBND xã';

function vietnamDay(offsetDays = 0) {
  return new Date(Date.now() + 7 * 3600000 + offsetDays * 86400000).toISOString().slice(0, 10);
}

const DEADLINE = vietnamDay(30);
const DENOUNCER = 'Bùi Văn Hải';

const answered = (answer) => ({ kind: 'answered', by: CHAIR_ANSWERS, answer });
const assigned = (unit) => ({ kind: 'assigned', unit, deadline: DEADLINE });

// The day's speakers (village typed as a number or a name) and opinions.
const SPEAKERS = [
  { name: 'Nguyễn Văn An', village: '1', villageName: 'Thôn 1', opinions: [
    { text: 'Đề nghị bê tông hóa đường nội đồng xứ Đồng Mới thôn 1.', cls: 'proposal', field: 1,
      outcome: answered('Đường nội đồng xứ Đồng Mới đã có trong kế hoạch năm tới, vốn xã và Nhân dân cùng làm.') },
    { text: 'Đề nghị cấp lại giấy chứng nhận quyền sử dụng đất bị sai tên chủ hộ.', cls: 'proposal', field: 2,
      outcome: assigned('Địa chính – Xây dựng'), answerLater: true },
  ] },
  { name: 'Trần Thị Bình', village: 'Thôn 2', villageName: 'Thôn 2', opinions: [
    { text: 'Phản ánh đèn đường trục thôn 2 hỏng nhiều tháng chưa thay.', cls: 'report', field: 1,
      outcome: answered('Xã đã giao Đài truyền thanh thay bóng trong tuần này.') },
    { text: 'Đề nghị tăng số buổi thu gom rác ở thôn 2 lên ba buổi một tuần.', cls: 'proposal', field: 3,
      outcome: answered('Xã sẽ làm việc với đơn vị thu gom để tăng lên ba buổi từ tháng sau.') },
  ] },
  { name: 'Lê Văn Cường', village: '3', villageName: 'Thôn 3', opinions: [
    { text: 'Đề nghị xem xét hỗ trợ hộ nghèo sửa nhà bị dột nát ở thôn 3.', cls: 'proposal', field: 3,
      outcome: assigned('Văn hóa – Xã hội'), answerLater: true },
    { text: 'Hỏi về thời gian chi trả tiền bồi thường làm đường tỉnh qua thôn 3.', cls: 'proposal', field: 2,
      outcome: answered('Tiền bồi thường được chi trả trước ngày 31 tháng này tại nhà văn hóa thôn.') },
  ] },
  { name: 'Phạm Thị Dung', village: '4', villageName: 'Thôn 4', opinions: [
    { text: 'Đề nghị sửa chữa nhà văn hóa thôn 4 bị thấm dột.', cls: 'proposal', field: 1,
      outcome: answered('Xã bố trí kinh phí sửa mái nhà văn hóa thôn 4 trong quý tới.') },
    { text: 'Đề nghị nâng cấp quốc lộ đoạn qua thôn 4 thường xuyên ngập.', cls: 'proposal', field: 1,
      outcome: { kind: 'forwarded', to: 'Sở Xây dựng tỉnh Thanh Hóa' } },
  ] },
  { name: 'Hoàng Văn Em', village: '5', villageName: 'Thôn 5', opinions: [
    { text: 'Khiếu nại việc tính sai diện tích đất nông nghiệp khi dồn điền đổi thửa.', cls: 'complaint', field: 2,
      outcome: assigned('Địa chính – Xây dựng') },
    { text: 'Đề nghị xã tổ chức lớp tập huấn chăn nuôi cho bà con thôn 5.', cls: 'proposal', field: 3,
      outcome: { kind: 'pending' } },
  ] },
  { name: 'Vũ Thị Phượng', village: '6', villageName: 'Thôn 6', opinions: [
    { text: 'Đề nghị làm rõ tiêu chí xét hộ cận nghèo năm nay.', cls: 'proposal', field: 3,
      outcome: answered('Tiêu chí theo chuẩn nghèo đa chiều; danh sách được niêm yết công khai tại thôn.') },
  ] },
  { name: 'Đặng Văn Giang', village: '7', villageName: 'Thôn 7', opinions: [
    { text: 'Phản ánh xe chở vật liệu chạy quá tải làm hỏng đường thôn 7.', cls: 'report', field: 1,
      outcome: assigned('Công an xã') },
  ] },
  { name: DENOUNCER, village: '8', villageName: 'Thôn 8', opinions: [
    { text: 'Tố cáo cán bộ thôn thu tiền đóng góp xây dựng sai quy định.', cls: 'denunciation', field: 0,
      outcome: { kind: 'pending' }, denunciation: true },
  ] },
  { name: 'Đỗ Thị Yến', village: '9', villageName: 'Thôn 9', opinions: [
    { text: 'Đề nghị mở thêm lớp mầm non tại điểm trường thôn 9.', cls: 'proposal', field: 3,
      outcome: answered('Xã đã đề nghị huyện bố trí thêm một giáo viên mầm non cho điểm trường thôn 9.') },
  ] },
  { name: 'Ngô Văn Khánh', village: '2', villageName: 'Thôn 2', opinions: [
    { text: 'Đề nghị công khai các khoản thu chi quỹ phòng chống thiên tai.', cls: 'proposal', field: 0,
      outcome: assigned('Tài chính – Ngân sách') },
  ] },
];
const ALL = SPEAKERS.flatMap((s) => s.opinions.map((o) => ({ ...o, speaker: s.name })));
const IN_ROOM = ALL.filter((o) => o.outcome.kind === 'answered').length;
const ANSWER_LATER = ALL.filter((o) => o.answerLater);

async function logIn(page, username) {
  await page.goto(baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('doithoai-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(new RegExp(`/quan-tri/${SLUG}`));
}

async function waitSynced(page, timeout = 60000) {
  await page.waitForFunction(
    () => document.getElementById('dong-bo').textContent.trim() === 'Đã đồng bộ', null,
    { timeout });
}

// A JSON call from the page (its session cookie and CSRF token).
async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = document.getElementById('desk').dataset.csrf;
    const res = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json',
        'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let json = null;
    try { json = await res.json(); } catch (e) { /* no body */ }
    return { status: res.status, json };
  }, { method, path, body });
}

async function getJson(page, path) {
  const res = await page.request.get(baseUrl + path, { headers: { Accept: 'application/json' } });
  assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
  return res.json();
}

async function recordOpinion(page, o) {
  await page.locator('#op-text').fill(o.text);
  await page.locator('#op-class').selectOption(o.cls);
  await page.locator('#op-field').selectOption({ index: o.field });
  await page.locator(`#y-kien-form input[name=outcome][value=${o.outcome.kind}]`).check();
  if (o.outcome.kind === 'answered') {
    await page.locator('#op-answered-by').fill(o.outcome.by);
    await page.locator('#op-answer').fill(o.outcome.answer);
  } else if (o.outcome.kind === 'assigned') {
    await page.locator('#op-unit').selectOption({ label: o.outcome.unit });
    await page.locator('#op-deadline').fill(o.outcome.deadline);
  } else if (o.outcome.kind === 'forwarded') {
    await page.locator('#op-forwarded-to').fill(o.outcome.to);
  }
  await page.locator('#op-text').press('Control+Enter');
  await page.waitForFunction(() => document.getElementById('op-text').value === '');
}

async function download(page, path) {
  const res = await page.request.get(baseUrl + path);
  return { status: res.status(), type: res.headers()['content-type'] || '', bytes: await res.body() };
}

test('the conference day: desk, room screen, minutes, results notice, report', { timeout: 600000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    // The secretary plans today's conference (every village, default programme and invitees).
    await logIn(page, 'thuky');
    await page.goto(`${baseUrl}/quan-tri/${SLUG}/hoi-nghi`);
    await page.getByLabel('Trích yếu (để trống: dùng mẫu)')
      .fill('Hội nghị tiếp xúc, đối thoại với Nhân dân (kiểm thử ngày hội nghị)');
    await page.getByLabel('Ngày họp (phiên 1)').fill(vietnamDay());
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.waitForURL(/\/hoi-nghi\/\d+$/);
    const id = Number(page.url().match(/\/hoi-nghi\/(\d+)$/)[1]);
    const A = `/api/v1/communes/${SLUG}/conferences/${id}`;

    // The office issues the plan (a session can be held only under an issued plan).
    const office = await browser.newContext();
    const officePage = await office.newPage();
    await logIn(officePage, 'vanphong');
    await officePage.goto(`${baseUrl}/quan-tri/${SLUG}/hoi-nghi/${id}`);
    await officePage.locator('form[action$="/van-ban/ke-hoach/ban-hanh"] button').click();
    await officePage.waitForURL(/\/hoi-nghi\/\d+/);
    await office.close();

    const deskUrl = `${baseUrl}/quan-tri/${SLUG}/hoi-nghi/${id}/thu-ky`;
    await page.goto(deskUrl);
    await waitSynced(page);
    assert.match(await page.locator('h1').textContent(), /kiểm thử ngày hội nghị/);

    // Check in three invitees.
    const invited = (await getJson(page, A + '/desk')).invitees.length;
    assert.ok(invited >= 3, 'the default invitation list has people');
    for (let i = 0; i < 3; ++i) {
      await page.locator('#ds-khach button', { hasText: 'Có mặt' }).first().click();
    }
    await waitSynced(page);
    assert.equal(await page.locator('#co-mat').textContent(), `Có mặt: 3 / ${invited} người được mời.`);

    // Head count of the citizens, then start the session.
    await page.locator('#att-citizen_representative').fill('120');
    await page.getByRole('button', { name: 'Lưu số người dự' }).click();
    await page.getByRole('button', { name: 'Bắt đầu phiên' }).click();
    await waitSynced(page);
    let desk = await getJson(page, A + '/desk');
    assert.equal(desk.invitees.filter((i) => i.checked_in).length, 3);
    assert.equal(desk.attendance.find((a) => a.session === 1 &&
      a.group === 'citizen_representative').count, 120);
    assert.ok(desk.sessions[0].started_at, 'the session has a start time');

    // The room screen in a second window: nothing live yet.
    const screenHref = await page.locator('#desk').getAttribute('data-screen-href');
    assert.equal(screenHref, `/quan-tri/${SLUG}/hoi-nghi/${id}/man-hinh`);
    const screen = await context.newPage();
    screen.on('pageerror', (err) => pageErrors.push('screen: ' + String(err)));
    await screen.goto(baseUrl + screenHref);
    await screen.locator('#scr-waiting').filter({ hasText: 'Đang chờ…' }).waitFor();

    // Alt+5: the programme item where the people speak becomes current.
    await page.keyboard.press('Alt+5');
    await waitSynced(page);
    const current = page.locator('#chuong-trinh [aria-pressed=true]');
    assert.match(await current.textContent(), /Nhân dân phát biểu/);

    // Ten speakers, added from the keyboard (name, Tab, village, Enter).
    for (const s of SPEAKERS) {
      await page.locator('#sp-name').fill(s.name);
      await page.locator('#sp-name').press('Tab');
      await page.keyboard.type(s.village);
      await page.keyboard.press('Enter');
    }
    await waitSynced(page);
    assert.equal(await page.locator('#ds-nguoi li.desk-speaker').count(), 10);

    // Each speaker is called, their opinions recorded, then done.
    let first = true;
    for (const s of SPEAKERS) {
      // By the desk's key: a denouncer's name is replaced once the tố cáo is stored.
      const key = await page.locator('#ds-nguoi li').filter({ hasText: s.name })
        .getAttribute('data-key');
      const row = page.locator(`#ds-nguoi li[data-key="${key}"]`);
      await row.getByRole('button', { name: 'Gọi' }).click();
      if (first) {
        // The room screen shows the live speaker in large type.
        await screen.locator('#scr-speaker').filter({ hasText: s.name }).waitFor({ timeout: 15000 });
        assert.equal(await screen.locator('#scr-village').textContent(), s.villageName);
        const px = await screen.locator('#scr-speaker')
          .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        assert.ok(px >= 60, `speaker name is ${px}px`);
        assert.equal(await screen.locator('#scr-waiting').isVisible(), false);
        first = false;
      }
      assert.match(await page.locator('#op-speaker option:checked').textContent(),
        new RegExp(s.name));
      for (const o of s.opinions) await recordOpinion(page, o);
      await row.getByRole('button', { name: 'Xong' }).click();
    }
    await waitSynced(page);

    // The screen follows the last opinion.
    const last = ALL[ALL.length - 1];
    await screen.locator('#scr-question').filter({ hasText: last.text }).waitFor({ timeout: 15000 });

    await page.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await waitSynced(page);

    desk = await getJson(page, A + '/desk');
    assert.equal(desk.speakers.length, 10);
    assert.equal(desk.opinions.length, 15);
    const codes = desk.opinions.map((o) => o.code);
    assert.ok(codes.every((c) => typeof c === 'string' && c.length > 0));
    assert.equal(new Set(codes).size, 15);
    assert.ok(desk.sessions[0].ended_at, 'the session has an end time');
    assert.equal(desk.sessions[0].held, true);
    // Every non-denunciation opinion was stored with its outcome.
    for (const o of ALL.filter((x) => !x.denunciation)) {
      const stored = desk.opinions.filter((x) => x.text === o.text);
      assert.equal(stored.length, 1, o.text);
      assert.equal(stored[0].outcome, o.outcome.kind, o.text);
      if (o.outcome.kind === 'assigned') assert.equal(stored[0].deadline, DEADLINE);
    }
    // CONF-02/03: the denouncer's name is not in the desk's data, nor on the screen feed.
    assert.equal(desk.opinions.filter((o) => o.class === 'denunciation').length, 1);
    assert.ok(!JSON.stringify(desk).includes(DENOUNCER), 'denouncer named in GET A/desk');
    const live = await getJson(page, A + '/live');
    assert.ok(!JSON.stringify(live).includes(DENOUNCER), 'denouncer named in GET A/live');
    await page.reload();
    await waitSynced(page);
    assert.ok(!(await page.locator('#desk').textContent()).includes(DENOUNCER));

    // The secretary signs the minutes.
    await page.getByRole('button', { name: 'Thư ký ký biên bản' }).click();
    await waitSynced(page);
    assert.match(await page.locator('#bien-ban-tinh-trang').textContent(), /Thư ký: (?!chưa ký)/);

    // The chair signs on their own desk; the minutes are locked.
    const chairContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const chair = await chairContext.newPage();
    chair.on('pageerror', (err) => pageErrors.push('chair: ' + String(err)));
    await logIn(chair, 'chutich');
    await chair.goto(deskUrl);
    await waitSynced(chair);
    await chair.getByRole('button', { name: 'Chủ tọa ký biên bản' }).click();
    await waitSynced(chair);
    desk = await getJson(chair, A + '/desk');
    assert.ok(desk.minutes.secretary && desk.minutes.chair, 'both signatures');
    assert.equal(desk.minutes.locked, true);
    assert.match(await chair.locator('#bien-ban-tinh-trang').textContent(), /đã ban hành và khóa/);
    // Signing twice is refused in Vietnamese, nothing changes.
    const again = await api(chair, 'POST', A + '/minutes/sign', { as: 'chair' });
    assert.equal(again.status, 409);
    assert.match(again.json.error.message, /\p{L}/u);

    // The chair issues the results notice (within the 10 days of DLG-08).
    const notice = await api(chair, 'POST', A + '/results-notice/issue', { late_reason: '' });
    assert.equal(notice.status, 200, JSON.stringify(notice.json));
    assert.ok(notice.json.document && notice.json.document.number, 'the notice has a number');

    // Two assigned items are answered afterwards on the petition pages.
    for (const o of ANSWER_LATER) {
      const stored = desk.opinions.find((x) => x.text === o.text);
      await chair.goto(`${baseUrl}/quan-tri/${SLUG}/kien-nghi?q=${encodeURIComponent(stored.code)}`);
      await chair.getByRole('link', { name: stored.code, exact: true }).click();
      await chair.waitForURL(/\/kien-nghi\/\d+$/);
      if (stored.petition_id) assert.ok(chair.url().endsWith(`/kien-nghi/${stored.petition_id}`));
      const item = chair.locator('#noi-dung-1');
      assert.match(await item.locator('.item-status').textContent(), /^(Đã giao xử lý|Đang giải quyết)$/);
      await item.locator('summary', { hasText: /^Trả lời$/ }).click();
      await item.getByLabel('Nội dung trả lời').fill(
        `UBND xã đã giải quyết xong: ${o.text.toLowerCase()} Kết quả đã gửi tới công dân.`);
      await item.getByRole('button', { name: 'Lưu trả lời' }).click();
      await chair.locator('#noi-dung-1 .item-status', { hasText: 'Đã trả lời' }).waitFor();
    }

    // The report figures match what was recorded.
    const today = vietnamDay();
    const r = await getJson(chair,
      `/api/v1/communes/${SLUG}/reports/summary?from=${today}&to=${today}&conference=${id}`);
    assert.equal(r.total, 15);
    assert.equal(r.petitions, 15);
    assert.equal(r.answered_in_room, IN_ROOM);
    assert.equal(r.forwarded, 1);
    assert.equal(r.beyond_authority, 1);
    assert.equal(r.within_authority, 14);
    assert.equal(r.assigned_after, 15 - IN_ROOM - 1);
    assert.equal(r.resolved, IN_ROOM + ANSWER_LATER.length);
    assert.equal(r.in_progress + r.overdue, 15 - IN_ROOM - ANSWER_LATER.length - 1);
    assert.equal(r.overdue, 0);
    assert.equal(r.answered_with_deadline, ANSWER_LATER.length);
    assert.equal(r.answered_on_time, ANSWER_LATER.length);
    assert.equal(r.by_class.denunciation, 1);
    assert.equal(r.by_class.complaint, 1);
    assert.equal(r.by_class.report, 2);
    assert.equal(r.by_class.proposal, 11);
    assert.equal(r.by_field.reduce((n, f) => n + f.total, 0), 15);
    const unclassified = r.by_field.find((f) => f.field === '');
    assert.equal(unclassified ? unclassified.total : 0, ALL.filter((o) => o.field === 0).length);

    // The documents of the day.
    const docx = await download(chair, A + '/documents/bien-ban.docx');
    assert.equal(docx.status, 200);
    assert.match(docx.type, /application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK');
    for (const kind of ['bien-ban', 'thong-bao-ket-qua', 'bao-cao']) {
      const pdf = await download(chair, `${A}/documents/${kind}.pdf`);
      assert.equal(pdf.status, 200, kind);
      assert.match(pdf.type, /application\/pdf/, kind);
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-', kind);
    }

    assert.deepEqual(pageErrors, []);
    await chairContext.close();
    await context.close();
  });
