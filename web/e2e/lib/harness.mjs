// The browser walks' shared harness: Debian's Chromium driven by playwright-core (no browser is
// ever downloaded), signing in through Keycloak's real login page, against a running platform.
// Settings come from the environment, so the same walks run against ./grassroots up on any ports:
//   GATEWAY_URL   the gateway (pages and API), default http://localhost:8080
//   KEYCLOAK_URL  Keycloak, default http://localhost:8180
//   SCREENSHOT_DIR where each walk's screenshots go, default ../system-tests/target/e2e-screenshots
//   CHROMIUM      the browser, default /usr/bin/chromium
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const GATEWAY_URL = (process.env.GATEWAY_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const KEYCLOAK_URL = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/$/, '');
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? new URL('../../../system-tests/target/e2e-screenshots', import.meta.url).pathname);

/** Flags for a closed network: no background calls home, no component updates, no sync. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--lang=zh-CN',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** A fresh browser context (no cookies: every user signs in anew) and its page. */
export async function newPage(browser, { width = 1280, height = 800, mobile = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(Number(process.env.E2E_STEP_TIMEOUT_MS ?? 30_000));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

/**
 * Opens `path` on the gateway and signs in on Keycloak's own login page when it asks (the
 * authorization code flow with PKCE that keycloak-js starts), then waits until `ready` is visible.
 */
export async function signIn(page, username, { path = '/', ready = '[data-testid=user-name]', password = 'demo' } = {}) {
  await page.goto(`${GATEWAY_URL}${path}`);
  await page.waitForSelector('#kc-login, #username');
  if (!page.url().startsWith(KEYCLOAK_URL)) {
    throw new Error(`expected Keycloak's login page, got ${page.url()}`);
  }
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(GATEWAY_URL));
  await page.waitForSelector(ready);
}

/** Saves a screenshot as <SCREENSHOT_DIR>/<walk>/<name>.png and returns its path. */
export async function screenshot(page, walk, name, { fullPage = false } = {}) {
  const folder = join(SCREENSHOT_DIR, walk);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** A demo user's token through the dev client's password grant: for steps made through the API. */
export async function token(username, password = 'demo') {
  const response = await fetch(`${KEYCLOAK_URL}/realms/grassroots/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'grassroots-dev', username, password }),
  });
  if (!response.ok) {
    throw new Error(`Keycloak refused a token for ${username}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

/** Calls the API through the gateway as a user; returns the parsed body, throws on non-2xx. */
export async function apiAs(username, method, path, body) {
  const response = await fetch(`${GATEWAY_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await token(username)}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}
