// Screenshots of every console screen for one user at one width, for looking at the pages:
//   GATEWAY_URL=... KEYCLOAK_URL=... node e2e/tour.mjs dispatcher1 1280
import { launch, newPage, screenshot, signIn, GATEWAY_URL } from './lib/harness.mjs';

const [user = 'dispatcher1', width = '1280'] = process.argv.slice(2);
const height = Number(width) >= 1920 ? 1080 : 800;
const browser = await launch();
try {
  const page = await newPage(browser, { width: Number(width), height });
  const started = Date.now();
  await signIn(page, user);
  console.log(`signed in and first screen ready in ${Date.now() - started} ms`);
  const walk = `tour-${user}-${width}`;
  for (const [path, name, wait] of [
    ['/', 'workbench', 'table'],
    ['/cases', 'cases', 'table'],
    ['/inbox', 'inbox', 'table'],
    ['/sla', 'sla', 'table'],
    ['/map', 'map', '.leaflet-container'],
    ['/stats', 'stats', 'canvas'],
  ]) {
    await page.goto(`${GATEWAY_URL}${path}`);
    await page.waitForSelector(wait).catch(() => {});
    await page.waitForTimeout(1500);
    console.log(await screenshot(page, walk, name));
  }
  const link = await page.goto(`${GATEWAY_URL}/cases`).then(() => page.waitForSelector('[data-testid=case-link]').catch(() => null));
  if (link) {
    await link.click();
    await page.waitForSelector('[data-testid=case-timeline]');
    await page.waitForTimeout(1500);
    console.log(await screenshot(page, walk, 'case-detail', { fullPage: true }));
  }
} finally {
  await browser.close();
}
