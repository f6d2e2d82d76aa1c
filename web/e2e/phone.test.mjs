// The phone pages walked in Debian's Chromium with a phone's screen, against the platform started
// by `./grassroots up`, signing in on Keycloak's real pages:
//   a grid's code address → sign in as resident1 → report with a photo → the case in 我的诉求;
//   dispatcher1 sees the photo (through the API and on the console's case page); the case is handled and closed; resident1 rates it 不满意, the case
//   is reworked (发回重办) and closed again, and resident1 rates the rework;
//   a new resident registers on Keycloak's page and reports.
// Settings (GATEWAY_URL, KEYCLOAK_URL, SCREENSHOT_DIR, CHROMIUM) as for every walk: lib/harness.mjs.
// system-tests' BrowserWalksE2EIT runs it against the shared ./grassroots up; by hand:
//   GATEWAY_URL=http://localhost:8080 KEYCLOAK_URL=http://localhost:8180 node --test e2e/phone.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GATEWAY_URL as GATEWAY, KEYCLOAK_URL as KEYCLOAK, launch, newPage, screenshot, signIn as consoleSignIn, token } from './lib/harness.mjs';

const PHONE = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
// Inside 城南社区's first grid, as the demo data draws it.
const CHENGNAN = { longitude: 119.0213, latitude: 33.6012 };

async function systemToken(client) {
  const response = await fetch(`${KEYCLOAK}/realms/grassroots/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${client}:dev-${client}-secret`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  assert.equal(response.status, 200, `token for ${client}`);
  return (await response.json()).access_token;
}

async function call(bearer, path, body) {
  const response = await fetch(`${GATEWAY}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Keycloak's own sign-in page (zh-CN), as a person fills it in. */
async function signIn(page, username, password = 'demo') {
  await page.waitForURL((url) => url.href.startsWith(KEYCLOAK), { timeout: 30_000 });
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

/** A photo as a phone would take it: drawn by the browser itself, 2400 × 1800, as a JPEG. */
async function cameraPhoto(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#6b8e23');
    gradient.addColorStop(1, '#8b5a2b');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    context.fillStyle = '#ddd';
    for (let i = 0; i < 40; i++) {
      context.fillRect(900 + ((i * 97) % 600), 900 + ((i * 53) % 500), 80, 60);
    }
    return canvas.toDataURL('image/jpeg', 0.95).split(',')[1];
  });
  return { name: 'IMG_2034.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

/** Polls until the check holds (as Awaitility does): for what travels over Kafka between services. */
async function eventually(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      assert.fail(`not within ${timeoutMs} ms: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Kept as <SCREENSHOT_DIR>/phone/<name>.png, like the console walk's. */
async function shot(page, name) {
  await screenshot(page, 'phone', name, { fullPage: true });
}

/** A phone for one walk; when the walk fails, the screen it failed on is kept beside the others. */
async function onPhone(browser, name, walk, options = {}) {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  try {
    await walk(page);
  } catch (failure) {
    await shot(page, `failed-${name}`).catch(() => {});
    throw failure;
  } finally {
    await context.close();
  }
}

describe('the phone pages', { timeout: 300_000 }, () => {
  let browser;
  let gridCode;
  let caseId;
  let caseNumber;

  before(async () => {
    browser = await launch();
    const located = await call(await token('resident1'), `/api/grids/locate?lon=${CHENGNAN.longitude}&lat=${CHENGNAN.latitude}`);
    // The code on a grid board names the grid a resident stands in (the grid, not its micro-grid).
    gridCode = [...located.ancestors].reverse().find((grid) => grid.level !== 'MICRO')?.code ?? located.code;
  });

  after(async () => {
    await browser?.close();
  });

  it('resident1 scans a grid code, signs in, reports with a photo and finds it in 我的诉求', async () => {
    await onPhone(browser, 'scan-and-report', async (page) => {
    await page.goto(`${GATEWAY}/m/report?grid=${gridCode}&building=3`);
    await shot(page, '01-keycloak-sign-in');
    await signIn(page, 'resident1');

    // Back on the report page with the code's query: the grid is filled in.
    await page.waitForURL(`${GATEWAY}/m/report?grid=${gridCode}&building=3`);
    await page.getByText('已按二维码填入位置').waitFor();
    assert.match(await page.locator('#m-address').inputValue(), / 3号楼$/);
    await page.getByRole('radio', { name: '暴露垃圾' }).click();
    await page.getByRole('radio', { name: '中等(一车以内)' }).click();
    await page.locator('#m-description').fill('3号楼北侧垃圾桶旁生活垃圾堆积三天无人清运');
    await page.getByTestId('gallery').setInputFiles(await cameraPhoto(page));
    await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
    await shot(page, '02-report-filled');

    await page.getByRole('button', { name: '提交' }).click();
    caseNumber = (await page.getByTestId('case-number').textContent()).trim();
    assert.match(caseNumber, /^GR-\d{8}-\d+$/);
    await page.getByText('现场照片：已上传 1 / 1').waitFor({ timeout: 30_000 });
    await shot(page, '03-report-taken');

    await page.getByRole('link', { name: '我的诉求', exact: true }).click();
    const card = page.getByRole('link').filter({ hasText: caseNumber });
    await card.waitFor();
    await shot(page, '04-my-cases');
    await card.click();
    caseId = page.url().split('/').pop();
    await page.getByRole('button', { name: '查看反映时第 1 张照片' }).locator('img').waitFor();
    await page.getByTestId('status').filter({ hasText: '已提交，待受理' }).waitFor();
    await shot(page, '05-case-detail');
    await page.getByRole('button', { name: '查看反映时第 1 张照片' }).click();
    await page.getByRole('dialog', { name: '查看照片' }).locator('img').waitFor();
    await shot(page, '06-photo-full');
    });
  });

  it('dispatcher1 sees the photo of the report', async () => {
    const dispatcher = await token('dispatcher1');
    const photos = await call(dispatcher, `/api/cases/${caseId}/attachments`);
    assert.equal(photos.length, 1);
    assert.equal(photos[0].stage, 'REPORT');
    assert.equal(photos[0].contentType, 'image/jpeg');
    // Shrunk on the phone: the 2400 px picture arrives at 1600 px.
    assert.equal(Math.max(photos[0].width, photos[0].height), 1600);
    const thumbnail = await fetch(`${GATEWAY}/api/cases/${caseId}/attachments/${photos[0].id}/thumbnail`, {
      headers: { Authorization: `Bearer ${dispatcher}` },
    });
    assert.equal(thumbnail.status, 200);
    assert.equal(thumbnail.headers.get('content-type'), 'image/jpeg');

    // …and in the console, on the case's page: the thumbnail, then the whole photo.
    const page = await newPage(browser);
    try {
      await consoleSignIn(page, 'dispatcher1', { path: `/cases/${caseId}` });
      const thumbnailImage = page.getByTestId('case-photos').locator('img');
      await thumbnailImage.first().waitFor();
      assert.equal(await thumbnailImage.count(), 1);
      await screenshot(page, 'phone', '06b-console-case-photo', { fullPage: true });
      await page.getByTestId('case-photos').getByRole('button').first().click();
      await page.getByRole('dialog', { name: '照片' }).locator('img').waitFor();
    } catch (failure) {
      await screenshot(page, 'phone', 'failed-console-photo').catch(() => {});
      throw failure;
    } finally {
      await page.context().close();
    }
  });

  /** What staff and the department's system do, through the API, from dispatch to the on-site check. */
  async function handleAndClose(dispatcher, note) {
    await call(dispatcher, `/api/cases/${caseId}/dispatch`, {
      assignee: { kind: 'DEPARTMENT', id: 'dept-urban', displayName: '城管局' },
      note: '请城管局清运',
    });
    const urban = await systemToken('dept-urban-system');
    await call(urban, `/api/cases/${caseId}/claim`, {});
    await call(urban, `/api/cases/${caseId}/resolve`, { note });
    await call(dispatcher, `/api/cases/${caseId}/verify`, { passed: true, note: '现场核查已清理' });
  }

  /** On 我的诉求's case page: the rating form, filled in and sent (again if the close is still on its way). */
  async function rate(page, choice, comment) {
    const form = page.getByTestId('rating-form');
    await form.waitFor();
    await form.getByRole('radio', { name: choice, exact: true }).click();
    await form.getByRole('textbox', { name: '评价意见' }).fill(comment);
    await form.getByRole('button', { name: '提交评价' }).click();
    const rated = page.getByTestId('rated');
    try {
      await rated.waitFor({ timeout: 5_000 });
    } catch {
      // "the close has not reached us yet" (case-events to evaluation-service): the page says so
      // in Chinese; a person sends it again.
      await form.getByRole('button', { name: '提交评价' }).click();
      await rated.waitFor({ timeout: 15_000 });
    }
    return rated.textContent();
  }

  it('resident1 rates the case once it is closed, and again after the rework', async () => {
    const dispatcher = await token('dispatcher1');
    await call(dispatcher, `/api/cases/${caseId}/accept`, {});
    await handleAndClose(dispatcher, '已清运');

    await onPhone(browser, 'rate', async (page) => {
      await page.goto(`${GATEWAY}/m/cases/${caseId}`);
      await signIn(page, 'resident1');
      await page.getByTestId('status').filter({ hasText: '已办结' }).waitFor();
      await page.getByTestId('rating-form').waitFor();
      await shot(page, '07-rating');
      assert.match(await rate(page, '不满意', '垃圾桶旁又堆起来了'), /不满意.*已发回重新办理/);
      await shot(page, '08-rated-dissatisfied');

      // 发回重办: evaluation-service tells case-service, which reopens the case.
      await eventually(async () => (await call(dispatcher, `/api/cases/${caseId}`)).status === 'REOPENED', 'the case reopened');
      await handleAndClose(dispatcher, '已全部清运并加设一个垃圾桶');

      await page.reload();
      await page.getByTestId('status').filter({ hasText: '已办结' }).waitFor();
      await page.getByText('重新办理已办结，请再次评价。').waitFor();
      assert.match(await rate(page, '满意', '这次清理得很干净'), /满意（这次清理得很干净）/);
      await page.getByText('第 1 次评价：不满意（垃圾桶旁又堆起来了），已发回重办').waitFor();
      await shot(page, '09-rated-after-rework');
    });
  });

  it('a new resident registers on Keycloak’s page, then reports from where they stand', async () => {
    await onPhone(browser, 'register-and-report', async (page) => {
    await page.goto(`${GATEWAY}/m/report`);
    await page.waitForURL((url) => url.href.startsWith(KEYCLOAK));
    await page.getByRole('link', { name: '注册' }).click();
    const username = `resident-${Date.now()}`;
    await page.locator('#username').fill(username);
    await page.locator('#email').fill(`${username}@example.com`);
    await page.locator('#firstName').fill('小明');
    await page.locator('#lastName').fill('张');
    await page.locator('#password').fill('Register-2026!');
    await page.locator('#password-confirm').fill('Register-2026!');
    await shot(page, '10-register');
    await page.locator('input[type=submit], button[type=submit]').click();

    await page.waitForURL(`${GATEWAY}/m/report`, { timeout: 30_000 });
    await page.getByRole('radio', { name: '路灯损坏' }).click();
    await page.locator('#m-description').fill('小区东门路灯晚上不亮');
    await page.getByTestId('camera').setInputFiles(await cameraPhoto(page));
    await page.getByRole('button', { name: '◎ 使用当前位置' }).click();
    await page.getByTestId('place').filter({ hasText: '手机定位' }).waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    const number = (await page.getByTestId('case-number').textContent()).trim();
    assert.match(number, /^GR-\d{8}-\d+$/);
    // A resident without an area (org_path) yet may still add photos to their own report.
    await page.getByText('现场照片：已上传 1 / 1').waitFor({ timeout: 30_000 });
    await shot(page, '11-new-resident-report');

    // The account is a resident and nothing more: no patrol page.
    await page.goto(`${GATEWAY}/m/`);
    await page.getByRole('link', { name: /我要反映/ }).first().waitFor();
    assert.equal(await page.getByRole('link', { name: /巡查上报/ }).count(), 0);
    await page.getByRole('link', { name: '我的诉求', exact: true }).click();
    await page.getByRole('link').filter({ hasText: number }).waitFor();
    }, { geolocation: CHENGNAN, permissions: ['geolocation'] });
  });
});
