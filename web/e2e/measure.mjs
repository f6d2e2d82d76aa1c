// How heavy and how quick a first screen is, in a real browser:
//   GATEWAY_URL=... KEYCLOAK_URL=... node e2e/measure.mjs [user]          the console's triage list
//   GATEWAY_URL=... KEYCLOAK_URL=... node e2e/measure.mjs --phone [user]  the phone's report page (我要反映)
// Prints the JavaScript the screen loads (files, bytes, bytes gzipped) and the time from opening it
// (already signed in at Keycloak) to a usable screen, three times.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GATEWAY_URL, launch, newPage, signIn } from './lib/harness.mjs';

const phone = process.argv[2] === '--phone';
const user = process.argv[phone ? 3 : 2] ?? (phone ? 'resident1' : 'dispatcher1');
const screen = phone
  ? { name: "the phone's report page", path: '/m/report', ready: '#m-description', viewport: { width: 390, height: 844, mobile: true } }
  : { name: 'the console to a usable triage list', path: '/', ready: '[data-testid=triage-table] .ant-table-row, [data-testid=triage-table] .ant-empty', viewport: { width: 1280, height: 800 } };

const dist = new URL('../dist/', import.meta.url);
const browser = await launch();
try {
  const page = await newPage(browser, screen.viewport);
  await signIn(page, user, { path: screen.path, ready: screen.ready });
  const scripts = new Set();
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && request.url().startsWith(GATEWAY_URL)) scripts.add(new URL(request.url()).pathname);
  });
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await page.goto(`${GATEWAY_URL}${screen.path}`);
    if (page.url().includes('/realms/')) await signIn(page, user, { path: screen.path, ready: 'body' });
    await page.waitForSelector(screen.ready);
    times.push(Date.now() - started);
  }
  let raw = 0;
  let gzipped = 0;
  for (const path of scripts) {
    const bytes = readFileSync(new URL(`.${path}`, dist));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`first screen JavaScript: ${scripts.size} files, ${(raw / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
  console.log(`open ${screen.name} (signed in): ${times.join(' ms, ')} ms`);
} finally {
  await browser.close();
}
