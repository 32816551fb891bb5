// Headless Chromium test of the public home page: the real doithoai binary on
// a loopback port, Debian's chromium driven by playwright-core. Checks what a
// citizen on a cheap phone gets: Vietnamese page, landmarks, a working skip
// link, no horizontal scrolling at 360 px, and no console errors (a CSP
// violation from inline script or style would show up there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './harness.js';

let demo;
let baseUrl;
let browser;

before(async () => {
  demo = await startDemo('doithoai-browser-');
  ({ baseUrl, browser } = demo);
});

after(async () => {
  if (demo) await demo.stop();
});

test('home page on a phone: Vietnamese, accessible landmarks, no console errors', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));

  const response = await page.goto(baseUrl + '/');
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.locator('h1').textContent(), 'UBND xã Hoằng Trường');
  assert.match(await page.title(), /Hoằng Trường/);
  for (const role of ['banner', 'navigation', 'main', 'contentinfo']) {
    assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
  }
  assert.equal(await page.getByRole('listitem').filter({ hasText: /^Thôn \d$/ }).count(), 9);
  assert.ok(await page.getByRole('cell', { name: 'Lê Thanh Cảnh' }).isVisible());

  // The stylesheet loaded (served from /static, allowed by the CSP).
  const headerBg = await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(headerBg, 'rgb(165, 14, 14)');
  // No horizontal scrolling on a 360 px wide phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  // Keyboard users: the first Tab reaches the skip link, which moves focus to main.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Chuyển đến nội dung chính');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'noi-dung');

  assert.deepEqual(errors, []);
  await context.close();
});

test('an office clerk signs in, adds a village and signs out', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });

  await page.goto(baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  assert.match(await page.getByRole('alert').textContent(), /không đúng/);

  await page.getByLabel('Mật khẩu').fill('doithoai-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri\/hoang-truong/);
  assert.match(await page.locator('h1').textContent(), /Quản trị – UBND xã Hoằng Trường/);

  await page.getByLabel('Tên thôn, tổ dân phố mới').fill('Thôn Đông Hoà');
  await page.getByRole('button', { name: 'Thêm thôn' }).click();
  await page.waitForURL(/\/quan-tri\/hoang-truong/);
  assert.ok(await page.getByRole('cell', { name: 'Thôn Đông Hoà' }).isVisible());
  // Import a village list exported from Excel as CSV: one bad row blocks all.
  await page.getByLabel(/Tệp danh sách thôn/).setInputFiles({
    name: 'thon.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Tên thôn,Thứ tự\nThôn Bắc Sơn,20\nThôn Nam Sơn,abc\n'),
  });
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  assert.match(await page.locator('main').textContent(), /Tệp có 1 dòng lỗi/);
  assert.ok(await page.getByRole('cell', { name: /Thứ tự “abc”/ }).isVisible());
  await page.goto(baseUrl + '/quan-tri/hoang-truong');
  assert.equal(await page.getByRole('cell', { name: 'Thôn Bắc Sơn' }).count(), 0);
  await page.getByLabel(/Tệp danh sách thôn/).setInputFiles({
    name: 'thon.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Tên thôn,Thứ tự\nThôn Bắc Sơn,20\nThôn Nam Sơn,21\n'),
  });
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  await page.waitForURL(/\/quan-tri\/hoang-truong$/);
  assert.ok(await page.getByRole('cell', { name: 'Thôn Nam Sơn' }).isVisible());
  // The office clerk manages villages but not accounts.
  assert.equal(await page.getByRole('heading', { name: 'Tài khoản' }).count(), 0);

  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.waitForURL(baseUrl + '/');
  const after = await page.goto(baseUrl + '/quan-tri/hoang-truong');
  assert.match(after.url(), /\/dang-nhap$/);
  assert.deepEqual(errors.filter((e) => !/40[01]/.test(e)), []);
  await context.close();
});

test('unknown page shows the Vietnamese 404 page', async () => {
  const page = await browser.newPage();
  const response = await page.goto(baseUrl + '/x/khong-co-xa-nay');
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Không tìm thấy trang');
  assert.ok(await page.getByRole('link', { name: 'Về trang chủ' }).isVisible());
  await page.close();
});
