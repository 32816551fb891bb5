// Headless Chromium test of the conference pages: an office clerk creates a
// conference, is refused a session without villages, issues the plan and the
// invitations, and downloads them as DOCX and PDF; the public page and the
// phone check-in list render without console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startDemo } from './harness.js';

let demo;
let baseUrl;
let browser;
let dir;

before(async () => {
  demo = await startDemo('doithoai-browser-conf-');
  ({ baseUrl, browser, dir } = demo);
});

after(async () => {
  if (demo) await demo.stop();
});

// yyyy-mm-dd, `days` from today (the server runs on the real clock).
function isoDaysFromNow(days) {
  const d = new Date(Date.now() + days * 86400000 + 7 * 3600000);  // Vietnam time
  return d.toISOString().slice(0, 10);
}

// The row of one document in the documents table.
function docRow(page, label) {
  return page.locator('section[aria-labelledby=van-ban]').getByRole('row')
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) });
}

async function download(page, locator, dirName) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const target = path.join(dir, dirName + '-' + file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), bytes: readFileSync(target) };
}

test('an office clerk plans a conference, issues the plan and invitations, downloads them',
  async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 },
      acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));

    await page.goto(baseUrl + '/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('vanphong');
    await page.getByLabel('Mật khẩu').fill('doithoai-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/quan-tri\/hoang-truong/);
    await page.getByRole('link', { name: /Hội nghị đối thoại/ }).click();
    await page.waitForURL(/\/hoi-nghi$/);
    // The seed's 2023 conference is listed.
    assert.ok(await page.getByRole('link', { name: /năm 2023/ }).isVisible());
    // DLG-01: no conference yet this year is flagged.
    assert.match(await page.locator('p.alert').textContent(), /chưa có hội nghị đối thoại/);

    // A session without villages is refused with a clear message.
    const sessionDate = isoDaysFromNow(30);
    await page.getByLabel('Ngày họp (phiên 1)').fill(sessionDate);
    for (const box of await page.locator('input[name=villages]').all()) await box.uncheck();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    assert.match(await page.locator('main').textContent(), /ít nhất một thôn/);
    // The refusal is a 400 response, which Chromium logs; it is expected here.
    assert.deepEqual(errors, ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    errors.length = 0;
    await page.goBack();

    await page.getByLabel('Ngày họp (phiên 1)').fill(sessionDate);
    for (const box of await page.locator('input[name=villages]').all()) await box.check();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.waitForURL(/\/hoi-nghi\/\d+$/);
    assert.equal(await page.locator('#trang-thai').textContent(), 'Dự thảo kế hoạch');
    assert.ok(await page.getByRole('cell', { name: /Gửi giấy mời và thông báo/ }).isVisible());

    // Issue the plan (Kế hoạch), then the invitations (Giấy mời).
    const planRow = docRow(page, 'Kế hoạch');
    await planRow.getByRole('button', { name: 'Ban hành' }).click();
    await page.waitForURL(/#van-ban$/);
    assert.equal(await page.locator('#trang-thai').textContent(), 'Đã ban hành kế hoạch');
    assert.match(await docRow(page, 'Kế hoạch').textContent(),
      /Số 01\/KH-UBND/);
    const gmRow = docRow(page, 'Giấy mời');
    await gmRow.getByRole('button', { name: 'Ban hành' }).click();
    await page.waitForURL(/#van-ban$/);
    assert.match(await docRow(page, 'Giấy mời').textContent(),
      /Số 01\/GM-UBND/);

    // The issued plan cannot be edited any more.
    await docRow(page, 'Kế hoạch').getByRole('link', { name: 'Xem' })
      .click();
    assert.equal(await page.locator('textarea#markup').getAttribute('readonly'), '');
    assert.equal(await page.getByRole('button', { name: 'Lưu bản thảo' }).count(), 0);
    await page.goBack();

    const docx = await download(page, docRow(page, 'Kế hoạch')
      .getByRole('link', { name: 'DOCX' }), 'kh');
    assert.match(docx.name, /ke-hoach\.docx$/);
    assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK');
    const pdf = await download(page, docRow(page, 'Kế hoạch')
      .getByRole('link', { name: 'PDF' }), 'kh');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const gm = await download(page, docRow(page, 'Giấy mời')
      .getByRole('link', { name: 'PDF' }), 'gm');
    assert.equal(gm.bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(gm.bytes.length > pdf.bytes.length / 2);

    // The phone check-in list and the public page.
    await page.getByRole('link', { name: 'Điểm danh' }).click();
    assert.match(await page.locator('h1').textContent(), /Điểm danh/);
    assert.ok(await page.getByRole('button', { name: 'Có mặt' }).first().isVisible());
    await page.goBack();
    await page.getByRole('link', { name: 'Trang công khai' }).click();
    assert.ok(await page.getByRole('heading', { name: 'Cách tham dự, gửi ý kiến' }).isVisible());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);

    assert.deepEqual(errors, []);
    await context.close();
  });
