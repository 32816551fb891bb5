// Headless Chromium test of the secretary desk's offline queue (issue #7,
// "What it must show"): the secretary records one opinion online, the
// browser goes offline, three more opinions are recorded and shown as
// waiting, the connection comes back and exactly those four opinions are
// stored once each. Then one opinion is queued offline, the page is reloaded
// (which fails while offline), and after reconnecting the desk sends the
// queued opinion from localStorage: five opinions, none lost, none doubled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './harness.js';

let demo;
let baseUrl;
let browser;

before(async () => {
  demo = await startDemo('doithoai-browser-desk-');
  ({ baseUrl, browser } = demo);
});

after(async () => {
  if (demo) await demo.stop();
});

const SLUG = 'hoang-truong';

// yyyy-mm-dd in Vietnam time (the server's calendar).
function vietnamToday() {
  return new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
}

async function logIn(page, username) {
  await page.goto(baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('doithoai-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(new RegExp(`/quan-tri/${SLUG}`));
}

// A conference held today, planned through the staff form; returns its id.
async function createTodaysConference(page, subject) {
  await page.goto(`${baseUrl}/quan-tri/${SLUG}/hoi-nghi`);
  await page.getByLabel('Trích yếu (để trống: dùng mẫu)').fill(subject);
  await page.getByLabel('Ngày họp (phiên 1)').fill(vietnamToday());
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.waitForURL(/\/hoi-nghi\/\d+$/);
  return Number(page.url().match(/\/hoi-nghi\/(\d+)$/)[1]);
}

async function syncText(page) {
  return (await page.locator('#dong-bo').textContent()).trim();
}

// Waits until the desk's queue is empty and the connection is up.
async function waitSynced(page, timeout = 45000) {
  await page.waitForFunction(
    () => document.getElementById('dong-bo').textContent.trim() === 'Đã đồng bộ', null,
    { timeout });
}

async function waitForStatus(page, pattern, timeout = 15000) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('dong-bo').textContent), pattern.source,
    { timeout });
}

async function recordOpinion(page, text, outcome) {
  await page.locator('#op-text').fill(text);
  await page.locator('#op-class').selectOption('proposal');
  await page.locator(`#y-kien-form input[name=outcome][value=${outcome.kind}]`).check();
  if (outcome.kind === 'answered') {
    await page.locator('#op-answered-by').fill(outcome.by);
    await page.locator('#op-answer').fill(outcome.answer);
  } else if (outcome.kind === 'assigned') {
    await page.locator('#op-unit').selectOption({ label: outcome.unit });
    await page.locator('#op-deadline').fill(outcome.deadline);
  } else if (outcome.kind === 'forwarded') {
    await page.locator('#op-forwarded-to').fill(outcome.to);
  }
  await page.locator('#op-text').press('Control+Enter');
  // The form is cleared at once, whether or not the network is up.
  await page.waitForFunction(() => document.getElementById('op-text').value === '');
}

async function deskJson(page, api) {
  const res = await page.request.get(baseUrl + api + '/desk',
    { headers: { Accept: 'application/json' } });
  assert.equal(res.status(), 200, await res.text());
  return res.json();
}

function countTexts(desk, texts) {
  return texts.map((t) => desk.opinions.filter((o) => o.text === t).length);
}

test('opinions typed while the connection is down are stored exactly once', { timeout: 240000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    await logIn(page, 'thuky');
    const id = await createTodaysConference(page, 'Hội nghị thử mất kết nối');
    const deskUrl = `${baseUrl}/quan-tri/${SLUG}/hoi-nghi/${id}/thu-ky`;
    await page.goto(deskUrl);
    await waitSynced(page);
    const api = await page.locator('#desk').getAttribute('data-api');
    assert.equal(api, `/api/v1/communes/${SLUG}/conferences/${id}`);
    assert.equal(await page.locator('#desk').getAttribute('data-storage-key'), `desk-${SLUG}-${id}`);

    // Start the session, add a speaker (village by its number) and call them.
    await page.getByRole('button', { name: 'Bắt đầu phiên' }).click();
    await waitSynced(page);
    await page.locator('#sp-name').fill('Lương Văn Thành');
    await page.locator('#sp-village').fill('2');
    await page.locator('#sp-village').press('Enter');
    const speakerRow = page.locator('#ds-nguoi li').filter({ hasText: 'Lương Văn Thành' });
    await speakerRow.waitFor();
    assert.match(await speakerRow.textContent(), /Thôn 2/);
    await speakerRow.getByRole('button', { name: 'Gọi' }).click();
    await waitSynced(page);
    // The called speaker is preselected for the opinion form.
    assert.match(await page.locator('#op-speaker option:checked').textContent(), /Lương Văn Thành/);

    const stamp = Date.now().toString(36);
    const texts = [
      `Đề nghị lắp đèn chiếu sáng đường liên thôn 2 (${stamp}-1).`,
      `Đề nghị nạo vét kênh tiêu thôn 2 trước mùa mưa (${stamp}-2).`,
      `Phản ánh rác thải đổ trộm ven đê thôn 2 (${stamp}-3).`,
      `Đề nghị sửa cầu tràn qua suối thôn 2 (${stamp}-4).`,
    ];
    const deadline = new Date(Date.now() + 7 * 3600000 + 30 * 86400000).toISOString().slice(0, 10);

    // One opinion online.
    await recordOpinion(page, texts[0], { kind: 'pending' });
    await waitSynced(page);
    const firstRow = page.locator('#ds-y-kien tbody tr').filter({ hasText: texts[0] });
    await firstRow.waitFor();
    await page.waitForFunction((t) => {
      const row = Array.from(document.querySelectorAll('#ds-y-kien tbody tr'))
        .find((r) => r.textContent.includes(t));
      return row && row.querySelector('.desk-code') !== null;
    }, texts[0]);

    // The connection drops; three more opinions are typed.
    await context.setOffline(true);
    await recordOpinion(page, texts[1], { kind: 'answered', by: 'Lê Thanh Cảnh, Chủ tịch UBND xã',
      answer: 'Xã sẽ nạo vét kênh trong tháng tới bằng nguồn thủy lợi phí.' });
    await recordOpinion(page, texts[2], { kind: 'assigned', unit: 'Địa chính – Xây dựng', deadline });
    await recordOpinion(page, texts[3], { kind: 'forwarded', to: 'UBND tỉnh Thanh Hóa' });
    await waitForStatus(page, /^Mất kết nối – 3 mục chờ gửi$/);
    for (const t of texts.slice(1)) {
      const row = page.locator('#ds-y-kien tbody tr').filter({ hasText: t });
      assert.match(await row.textContent(), /chờ gửi/, `${t} is shown as waiting`);
    }
    // The queue is in localStorage, in order.
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)),
      `desk-${SLUG}-${id}`);
    assert.equal(stored.length, 3);
    assert.deepEqual(stored.map((op) => op.body.text), texts.slice(1));
    assert.ok(stored.every((op) => /^[0-9a-f-]{36}$/.test(op.client_key)));

    // Back online: the queue drains, in order, once.
    await context.setOffline(false);
    await waitSynced(page);
    let desk = await deskJson(page, api);
    assert.deepEqual(countTexts(desk, texts), [1, 1, 1, 1]);
    assert.equal(desk.opinions.length, 4);
    assert.equal(desk.speakers.length, 1);
    assert.deepEqual(desk.opinions.map((o) => o.text), texts, 'stored in the order typed');
    assert.equal(new Set(desk.opinions.map((o) => o.code)).size, 4);
    const byText = Object.fromEntries(desk.opinions.map((o) => [o.text, o]));
    assert.equal(byText[texts[1]].outcome, 'answered');
    assert.equal(byText[texts[2]].outcome, 'assigned');
    assert.equal(byText[texts[2]].deadline, deadline);
    assert.equal(byText[texts[3]].outcome, 'forwarded');
    // The list shows the server's codes after the reload.
    await page.waitForFunction(() => !document.querySelector('#ds-y-kien .desk-pending'));
    assert.equal(await page.locator('#ds-y-kien .desk-code').count(), 4);

    // Offline again: one opinion queued, then the page is reloaded (which
    // fails without a network) and opened again once the network is back.
    const fifth = `Đề nghị hỗ trợ giống lúa cho hộ bị ngập thôn 2 (${stamp}-5).`;
    await context.setOffline(true);
    await recordOpinion(page, fifth, { kind: 'pending' });
    await waitForStatus(page, /^Mất kết nối – 1 mục chờ gửi$/);
    await page.reload({ timeout: 10000 }).catch(() => {});
    await context.setOffline(false);
    await page.goto(deskUrl);
    await waitSynced(page);
    desk = await deskJson(page, api);
    assert.deepEqual(countTexts(desk, [...texts, fifth]), [1, 1, 1, 1, 1]);
    assert.equal(desk.opinions.length, 5);
    const queueLeft = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '[]'),
      `desk-${SLUG}-${id}`);
    assert.deepEqual(queueLeft, []);
    assert.equal(await syncText(page), 'Đã đồng bộ');

    assert.deepEqual(pageErrors, []);
    await context.close();
  });
