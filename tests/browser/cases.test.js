// Headless Chromium test of issue #6 in the staff pages: three citizens from
// three villages report the same road; the clerk opens one petition, sees the
// suggested field with the words that triggered it and applies it with one
// click, sees the two similar petitions, groups the three into a case, finds
// it at the top of the prominent issues with 3 citizens and 3 villages,
// answers the case once, and sees on the outbox page that each citizen was
// sent the answer under their own code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './harness.js';

let demo;
let baseUrl;
let browser;

before(async () => {
  demo = await startDemo('doithoai-browser-cases-');
  ({ baseUrl, browser } = demo);
});

after(async () => {
  if (demo) await demo.stop();
});

const reports = [
  { name: 'Đỗ Văn Khải', phone: '0913 100 201', village: 'Thôn 6',
    text: 'Đường trục xã đoạn qua cầu Bến Đá bị sụt lún, nhiều ổ gà lớn, xe máy ngã liên tục.' },
  { name: 'Mai Thị Lụa', phone: '0913 100 202', village: 'Thôn 7',
    text: 'Đề nghị sửa đường trục xã đoạn cầu Bến Đá, mặt đường sụt lún, ổ gà sâu, rất nguy hiểm.' },
  { name: 'Vương Văn Tâm', phone: '0913 100 203', village: 'Thôn 8',
    text: 'Đoạn đường trục gần cầu Bến Đá sụt lún nặng, ổ gà to, đề nghị xã sớm sửa chữa.' },
];
const fieldLabel = 'xây dựng – giao thông – thủy lợi (hạ tầng)';

async function submit(r) {
  const res = await fetch(baseUrl + '/api/v1/communes/hoang-truong/petitions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: r.name, phone: r.phone, village: r.village, text: r.text,
      class: 'Kiến nghị' }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).code;
}

test('similar petitions become one case, answered once for every citizen', async () => {
  const codes = [];
  for (const r of reports) codes.push(await submit(r));

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(baseUrl + '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('doithoai-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri\/hoang-truong$/);

  // The first petition, found by its code.
  await page.goto(baseUrl + '/quan-tri/hoang-truong/kien-nghi?q=' + codes[0]);
  await page.getByRole('link', { name: codes[0], exact: true }).click();
  await page.waitForURL(/\/kien-nghi\/\d+$/);

  // Suggested field, with the words that triggered it; one click applies it.
  const suggestions = page.locator('#goi-y-1');
  const apply = suggestions.getByRole('button', { name: `Chọn ${fieldLabel}` });
  await apply.waitFor();
  assert.match(await suggestions.textContent(), /vì có: \S/);
  await apply.click();
  await page.waitForURL(/\/kien-nghi\/\d+#noi-dung-1$/);
  assert.ok((await page.locator('#noi-dung-1').textContent()).includes(`Lĩnh vực: ${fieldLabel}`));

  // The two similar petitions are listed; group all three.
  const grouping = page.locator('section[aria-labelledby=tuong-tu]');
  for (const code of codes.slice(1)) {
    await grouping.getByRole('link', { name: code, exact: true }).waitFor();
    await grouping.getByLabel(`Gộp đơn ${code}`).check();
  }
  await grouping.getByLabel('Tên vụ việc (vấn đề chung)').fill('Đường trục xã sụt lún đoạn cầu Bến Đá');
  await grouping.getByRole('button', { name: 'Gộp thành một vụ việc' }).click();
  await page.waitForURL(/\/vu-viec\/\d+$/);
  assert.equal(await page.locator('h1').textContent(), 'Vụ việc: Đường trục xã sụt lún đoạn cầu Bến Đá');
  assert.equal(await page.locator('#so-nguoi').textContent(), '3');
  assert.match(await page.locator('main').textContent(), /3 thôn \(Thôn 6, Thôn 7, Thôn 8\)/);
  const caseUrl = page.url();

  // The prominent issues: this case first, 3 citizens, 3 villages.
  await page.goto(baseUrl + '/quan-tri/hoang-truong/vu-viec');
  const first = page.locator('#van-de-noi-com tbody tr').first();
  assert.match(await first.textContent(), /Đường trục xã sụt lún đoạn cầu Bến Đá/);
  assert.match(await first.textContent(), /Thôn 6, Thôn 7, Thôn 8/);

  // Answer once for all three.
  await page.goto(caseUrl);
  await page.getByLabel('Nội dung trả lời').fill(
    'UBND xã đã kiểm tra; đoạn đường trục qua cầu Bến Đá được vá ổ gà trong tháng này.');
  await page.getByLabel('Bộ phận trả lời (cho đơn chưa giao)').selectOption({ label: 'Địa chính – Xây dựng' });
  await page.getByRole('button', { name: /^Trả lời 3 đơn$/ }).click();
  await page.locator('#ket-qua').waitFor();
  assert.match(await page.locator('#ket-qua').textContent(), /Đã trả lời 3 đơn/);
  assert.match(await page.locator('#thanh-vien').textContent(), /Đã trả lời/);

  // Every citizen was sent the answer under their own code.
  await page.goto(baseUrl + '/quan-tri/hoang-truong/thong-bao');
  const sent = await page.locator('#tin-da-gui').textContent();
  for (const code of codes) {
    assert.ok(sent.includes(`Đơn ${code} đã có trả lời`), `answer message for ${code}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
