// How heavy and how quick the console's first screen is, in a real browser:
//   GATEWAY_URL=... KEYCLOAK_URL=... node e2e/measure.mjs
// Prints the JavaScript the first screen loads (files, bytes, bytes gzipped) and the time from
// opening the console (already signed in at Keycloak) to a usable triage list.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GATEWAY_URL, launch, newPage, signIn } from './lib/harness.mjs';

const dist = new URL('../dist/', import.meta.url);
const browser = await launch();
try {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await signIn(page, process.argv[2] ?? 'dispatcher1', { ready: '[data-testid=triage-table] .ant-table-row, [data-testid=triage-table] .ant-empty' });
  const scripts = new Set();
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && request.url().startsWith(GATEWAY_URL)) scripts.add(new URL(request.url()).pathname);
  });
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await page.goto(`${GATEWAY_URL}/`);
    if (page.url().includes('/realms/')) await signIn(page, 'dispatcher1', { ready: 'body' });
    await page.waitForSelector('[data-testid=triage-table] .ant-table-row, [data-testid=triage-table] .ant-empty');
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
  console.log(`open the console to a usable triage list (signed in): ${times.join(' ms, ')} ms`);
} finally {
  await browser.close();
}
