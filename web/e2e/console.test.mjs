// The command-centre console walk (issue #16), in a real browser against a running platform:
// a resident's report (through the API) reaches 城南's triage; dispatcher1 accepts it and
// dispatches it to 住建 chosen from the list; dept-housing1 claims and resolves it in the
// department inbox; dispatcher1 verifies it; the case shows CLOSED with its whole timeline and
// the statistics count it. Then: another community's case stays invisible to dispatcher1, and a
// refused action shows its reason. Issue #22: dispatcher1 records a phone complaint on a caller's
// behalf (代为登记: a refusal beside its field, the contact in no list) and takes up a parked case
// from the 挂账 list; admin enters a holiday notice with three mistakes (Enter saves nothing, one save
// names all three); on a phone the screens open from a menu. Screenshots go to SCREENSHOT_DIR/console/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, GATEWAY_URL, launch, newPage, screenshot, signIn } from './lib/harness.mjs';

const WALK = 'console';
const stamp = new Date().toISOString().slice(11, 19);
let browser;
let dispatcher;
let report;
let closedBefore;

const button = (scope, text) => scope.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const dialog = (page) => page.locator('.ant-modal-content');

async function closedCount() {
  const rows = await apiAs('dispatcher1', 'GET', '/api/stats?groupBy=all');
  return rows[0]?.closed ?? 0;
}

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a resident reports through the API and the case appears in 城南 triage', async () => {
  closedBefore = await closedCount();
  report = await apiAs('resident1', 'POST', '/api/cases', {
    categoryCode: 'EXPOSED_RUBBISH',
    description: `浏览器走查 ${stamp}：健康东路垃圾桶旁生活垃圾堆积`,
    point: { lon: 119.0214, lat: 33.6013 },
    locationDescription: '健康东路与淮海南路路口',
  });
  assert.equal(report.status, 'REPORTED');

  dispatcher = await newPage(browser, { width: 1280, height: 800 });
  const started = Date.now();
  await signIn(dispatcher, 'dispatcher1');
  const row = dispatcher.locator('[data-testid=triage-table] .ant-table-row', { hasText: report.number });
  await row.waitFor();
  console.log(`# sign-in to a usable triage screen: ${Date.now() - started} ms`);
  await screenshot(dispatcher, WALK, '01-triage');
});

test('dispatcher1 accepts it in triage and dispatches it to 住建 chosen from the list', async () => {
  const row = dispatcher.locator('[data-testid=triage-table] .ant-table-row', { hasText: report.number });
  await button(row, '立案').click();
  await button(dialog(dispatcher), '确定立案').click();
  await row.waitFor({ state: 'detached' });

  await dispatcher.goto(`${GATEWAY_URL}/cases/${report.id}`);
  await dispatcher.locator('[data-testid=case-status]', { hasText: '已立案' }).waitFor();
  await button(dispatcher.locator('[data-testid=case-actions]'), '派遣').click();
  const form = dialog(dispatcher);
  await form.getByRole('combobox', { name: '派遣对象' }).click();
  await dispatcher.locator('.ant-select-item-option', { hasText: '住房和城乡建设' }).click();
  await form.getByLabel('备注（可选）').fill('请住建局现场处置');
  await screenshot(dispatcher, WALK, '02-dispatch-form');
  await button(form, '确定派遣').click();
  await dispatcher.locator('[data-testid=case-status]', { hasText: '已派遣' }).waitFor();
  await screenshot(dispatcher, WALK, '03-dispatched', { fullPage: true });
});

test('dept-housing1 claims and resolves it in the department inbox', async () => {
  const clerk = await newPage(browser, { width: 1280, height: 800 });
  await signIn(clerk, 'dept-housing1', { ready: '[data-testid=inbox-table]' });
  assert.match(clerk.url(), /\/inbox$/);
  const row = clerk.locator('[data-testid=inbox-table] .ant-table-row', { hasText: report.number });
  await row.waitFor();
  await screenshot(clerk, WALK, '04-inbox');
  await button(row, '接单').click();
  await button(dialog(clerk), '确定接单').click();
  await row.locator('.ant-tag', { hasText: '处置中' }).waitFor();
  await button(row, '办结').click();
  await dialog(clerk).getByLabel('办结说明').fill('已清运，垃圾桶旁已清理干净');
  await screenshot(clerk, WALK, '05-resolve-form');
  await button(dialog(clerk), '确定办结').click();
  // Resolved, the case leaves the inbox (it lists what the department still holds: dispatched or
  // claimed). Waiting for a 待核查 tag in the row first cost the step its whole 30 s timeout.
  await row.waitFor({ state: 'detached' });
  assert.equal((await apiAs('dept-housing1', 'GET', `/api/cases/${report.id}`)).status, 'RESOLVED');
  await clerk.context().close();
});

test('dispatcher1 verifies it and the case shows CLOSED with its whole timeline', async () => {
  await dispatcher.goto(`${GATEWAY_URL}/cases/${report.id}`);
  await dispatcher.locator('[data-testid=case-status]', { hasText: '待核查' }).waitFor();
  await button(dispatcher.locator('[data-testid=case-actions]'), '核查').click();
  await dialog(dispatcher).getByLabel('备注（可选）').fill('现场核查已清理');
  await button(dialog(dispatcher), '确定核查').click();
  await dispatcher.locator('[data-testid=case-status]', { hasText: '已结案' }).waitFor();
  const timeline = dispatcher.locator('[data-testid=case-timeline]');
  for (const step of ['上报', '立案', '派遣', '接单', '办结', '核查通过']) {
    await timeline.getByText(step, { exact: true }).first().waitFor();
  }
  await screenshot(dispatcher, WALK, '06-closed', { fullPage: true });
});

test('the statistics screen counts the closed case', async () => {
  // evaluation-service learns of the closure from case-events: reload until it has.
  const deadline = Date.now() + 60_000;
  let shown = closedBefore;
  while (shown <= closedBefore && Date.now() < deadline) {
    await dispatcher.goto(`${GATEWAY_URL}/stats`);
    const value = dispatcher.locator('[data-testid=stats-totals] .ant-statistic', { hasText: '结案' }).first().locator('.ant-statistic-content-value');
    await dispatcher.waitForFunction((element) => /^\d+$/.test(element?.textContent ?? ''), await value.elementHandle());
    shown = Number(await value.innerText());
  }
  assert.ok(shown > closedBefore, `结案 should count the closed case: was ${closedBefore}, shows ${shown}`);
  await dispatcher.locator('[data-testid=stats-chart] canvas').waitFor();
  await screenshot(dispatcher, WALK, '07-stats');
});

test('a dispatcher of 城南 never sees a case of 河滨', async () => {
  const grids = await apiAs('street1', 'GET', '/api/grids/export');
  const hebin = grids.features.find((f) => f.properties.communityId === 'qjp-pulou-hebin' && f.properties.level !== 'MICRO');
  const ring = hebin.geometry.coordinates[0].slice(0, -1);
  const centre = ring.reduce(([x, y], [lon, lat]) => [x + lon / ring.length, y + lat / ring.length], [0, 0]);
  const other = await apiAs('resident2', 'POST', '/api/cases', {
    categoryCode: 'EXPOSED_RUBBISH',
    description: `浏览器走查 ${stamp}：河滨社区垃圾堆积`,
    point: { lon: Number(centre[0].toFixed(6)), lat: Number(centre[1].toFixed(6)) },
  });
  assert.equal(other.communityId, 'qjp-pulou-hebin');

  await dispatcher.goto(`${GATEWAY_URL}/cases/${other.id}`);
  await dispatcher.getByText('案件不存在或不在您的管辖范围内').waitFor();
  await screenshot(dispatcher, WALK, '08-other-community-hidden');
  // Searched by its number, it is not in the list: the API finds nothing, the table shows nothing.
  assert.equal((await apiAs('dispatcher1', 'GET', `/api/cases?number=${other.number}`)).totalItems, 0);
  await dispatcher.goto(`${GATEWAY_URL}/cases?number=${other.number}`);
  const table = dispatcher.locator('[data-testid=case-table]');
  await table.locator('.ant-empty').waitFor();
  await dispatcher.waitForFunction(() => !document.querySelector('[data-testid=case-table] .ant-spin-spinning'));
  assert.equal(await table.locator('.ant-table-row', { hasText: other.number }).count(), 0);
  await dispatcher.goto(`${GATEWAY_URL}/`);
  await dispatcher.locator('[data-testid=triage-table]').waitFor();
  assert.equal(await dispatcher.getByText(other.number).count(), 0);
});

test('a refused action shows its reason', async () => {
  const second = await apiAs('resident1', 'POST', '/api/cases', {
    categoryCode: 'EXPOSED_RUBBISH',
    description: `浏览器走查 ${stamp}：第二处垃圾`,
    point: { lon: 119.0211, lat: 33.6009 },
  });
  await dispatcher.goto(`${GATEWAY_URL}/cases/${second.id}`);
  await dispatcher.locator('[data-testid=case-status]', { hasText: '待受理' }).waitFor();
  // The dispatcher opens the form; someone else accepts the case meanwhile (the page may hear of it
  // through the change stream, but the form is already open and is sent as it stands).
  await button(dispatcher.locator('[data-testid=case-actions]'), '立案').click();
  await dialog(dispatcher).waitFor();
  await apiAs('street1', 'POST', `/api/cases/${second.id}/accept`, {});
  await button(dialog(dispatcher), '确定立案').click();
  const refusal = dispatcher.locator('[data-testid=action-refusal]');
  await refusal.waitFor();
  const text = await refusal.innerText();
  assert.match(text, /他人刚刚修改|当前状态下不能/);
  await screenshot(dispatcher, WALK, '09-refused');
});

test('dispatcher1 records a phone complaint on a caller\'s behalf: a bad number is refused beside its field, the contact never shows in lists', async () => {
  const phone = '13912345678';
  await dispatcher.goto(`${GATEWAY_URL}/on-behalf`);
  const form = dispatcher.locator('form#on-behalf');
  await form.waitFor();
  await form.getByLabel('称呼（可选）').fill('王女士');
  // A number written as words passes the form; case-service refuses it naming caller.phone.
  await form.getByLabel('联系电话').fill('王女士家电话');
  await form.getByRole('combobox', { name: '类别' }).click();
  await dispatcher.locator('.ant-select-item-option', { hasText: '暴露垃圾' }).click();
  await form.getByText('垃圾类型').waitFor();
  await form.getByLabel('生活垃圾').check();
  await form.getByLabel('诉求描述').fill(`浏览器走查 ${stamp}：来电反映楼道口生活垃圾堆积三天`);
  // The caller gives an address only: the grid it lies in places the case, the address goes with it.
  // Picked by name: the category list may still be closing, and a bare "first visible option" once hit it.
  await form.getByRole('combobox', { name: '所在网格' }).click();
  await dispatcher.locator('.ant-select-item-option', { hasText: '城南社区第一网格' }).click();
  await form.locator('[data-testid=place-point]', { hasText: '坐标' }).waitFor();
  await form.getByLabel('地址 / 位置说明').fill('健康东路12号3栋楼下');
  await button(form, '登记').click();
  const beside = dispatcher.locator('#on-behalf_callerPhone_help');
  await beside.getByText('须为电话号码').waitFor();
  await screenshot(dispatcher, WALK, '10-on-behalf-refused', { fullPage: true });

  await form.getByLabel('联系电话').fill(phone);
  await button(form, '登记').click();
  const filed = dispatcher.locator('[data-testid=filed-case]');
  await filed.waitFor();
  await screenshot(dispatcher, WALK, '11-on-behalf-filed');
  await filed.click();
  await dispatcher.locator('[data-testid=case-status]', { hasText: '待受理' }).waitFor();
  await dispatcher.getByText('来电代登记').waitFor();
  const id = dispatcher.url().split('/').pop();
  // The case and the case list never carry the caller's contact; staff of the area read it on request.
  const aCase = await apiAs('dispatcher1', 'GET', `/api/cases/${id}`);
  assert.equal(aCase.channel, 'PHONE_CALL');
  const list = await apiAs('dispatcher1', 'GET', `/api/cases?number=${aCase.number}`);
  assert.equal(list.totalItems, 1);
  assert.ok(!JSON.stringify([aCase, list]).includes(phone), 'the caller\'s phone is in no case or list answer');
  await button(dispatcher.locator('.ant-descriptions'), '查看联系方式').click();
  await dispatcher.locator('[data-testid=caller-contact]', { hasText: phone }).waitFor();
  await screenshot(dispatcher, WALK, '12-on-behalf-case', { fullPage: true });
});

test('dispatcher1 takes up a parked case from the 挂账 review list', async () => {
  const parked = await apiAs('resident1', 'POST', '/api/cases', {
    categoryCode: 'ROAD_DAMAGE',
    description: `浏览器走查 ${stamp}：人行道板松动，待管网改造后一并修复`,
    point: { lon: 119.0216, lat: 33.6011 },
    answers: { damageType: '人行道板松动' },
  });
  await apiAs('dispatcher1', 'POST', `/api/cases/${parked.id}/accept`, {});
  await apiAs('dispatcher1', 'POST', `/api/cases/${parked.id}/park`, { reason: '等待燃气管网改造完成后一并修复' });
  // The review list is a page, longest parked first: this case, parked last, is on its last page.
  const review = await apiAs('dispatcher1', 'GET', '/api/cases/parked?size=500');
  assert.equal(review.items.at(-1).aCase.id, parked.id);
  assert.equal(review.totalItems, review.items.length);

  await dispatcher.goto(`${GATEWAY_URL}/parked`);
  if (review.totalItems > 20) {
    // More than one page: this case is on the last; the table's pager is the page's only one.
    await dispatcher.locator('[data-testid=parked-total]').waitFor();
    await dispatcher.locator('.ant-pagination-item').last().click();
  }
  const row = dispatcher.locator('[data-testid=parked-table] .ant-table-row', { hasText: parked.number });
  await row.waitFor();
  await row.getByText('等待燃气管网改造完成后一并修复').waitFor();
  await screenshot(dispatcher, WALK, '13-parked-list');
  await button(row, '销账恢复').click();
  await dialog(dispatcher).getByLabel(/恢复办理的原因/).fill('管网改造已完工，可以修复');
  await button(dialog(dispatcher), '确定销账恢复').click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await apiAs('dispatcher1', 'GET', `/api/cases/${parked.id}`)).status, 'ACCEPTED');
  await dispatcher.goto(`${GATEWAY_URL}/cases/${parked.id}`);
  await dispatcher.locator('[data-testid=case-timeline]').getByText('销账恢复', { exact: true }).waitFor();
  await screenshot(dispatcher, WALK, '14-taken-up', { fullPage: true });
});

test('admin enters next year\'s holidays with three mistakes: Enter in a date field saves nothing, one save names all three', async () => {
  const year = new Date().getFullYear() + 1;
  const admin = await newPage(browser, { width: 1280, height: 800 });
  await signIn(admin, 'admin', { path: '/calendars' });
  await admin.getByLabel('年份').first().click(); // the Select itself: its shown value covers the inner input
  await admin.locator('.ant-select-item-option', { hasText: `${year} 年` }).click();
  await button(admin, `录入 ${year} 年节假日`).click();
  let saves = 0;
  admin.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/api/calendars/')) saves++;
  });
  const date = async (label, value) => {
    const field = admin.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  };
  await admin.getByLabel('假期1名称').fill('国庆节');
  await date('假期1首日', `${year}-10-01`);
  await date('假期1末日', `${year}-10-07`);
  await button(admin, '添加假期').click();
  await admin.getByLabel('假期2名称').fill('中秋节');
  await date('假期2首日', `${year}-10-06`);
  await date('假期2末日', `${year}-10-08`);
  await button(admin, '添加调休上班日').click();
  await date('调休上班日1', weekdayOf(year, 9));
  await button(admin, '添加调休上班日').click();
  await date('调休上班日2', `${year}-10-03`);
  assert.equal(saves, 0, 'Enter in a date field must not save the calendar');

  await button(admin, `保存 ${year} 年节假日`).click();
  await admin.locator('[data-testid=calendar-refusal]').waitFor();
  // The alert and the field errors come from one answer, but Ant Design shows field errors through a
  // motion that may start a frame after the alert: wait for the third before reading them all.
  const fieldErrors = admin.locator('.ant-form-item-explain-error');
  await fieldErrors.nth(2).waitFor({ timeout: 5_000 }).catch(() => {});
  const refusals = await fieldErrors.allInnerTexts();
  assert.equal(saves, 1);
  assert.equal(refusals.length, 3, `three refusals beside their fields, got ${JSON.stringify(refusals)}`);
  assert.match(refusals.join('\n'), /与「国庆节」.*重叠/);
  assert.match(refusals.join('\n'), /本来就上班/);
  assert.match(refusals.join('\n'), /在「国庆节」假期之内/);
  await screenshot(admin, WALK, '15-calendar-refusals', { fullPage: true });
});

/** A Monday to Friday of September in that year, as an ISO date: no make-up working day can fall on it. */
function weekdayOf(year, month) {
  const day = new Date(Date.UTC(year, month - 1, 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test('on a phone (390 px) the console\'s screens open from the menu button', async () => {
  const phone = await newPage(browser, { width: 390, height: 844, mobile: true });
  await signIn(phone, 'dispatcher1');
  assert.equal(await phone.locator('.ant-layout-sider').count(), 0, 'no icon rail on a phone');
  await phone.getByRole('button', { name: '菜单' }).click();
  const menu = phone.locator('.ant-drawer-open .ant-menu');
  await menu.waitFor();
  await menu.locator('.ant-menu-item', { hasText: '挂账' }).click();
  await phone.locator('[data-testid=parked-list]').waitFor();
  await phone.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await screenshot(phone, WALK, '16-phone-parked');
});
