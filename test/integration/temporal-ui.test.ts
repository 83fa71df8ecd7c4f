// A real browser (Debian's headless Chromium) opens the local Temporal UI, finds a case
// by CaseStatus, and reads its input decrypted through our codec server; someone
// without the codec sees only ciphertext (checked in test/workflow/encryption.test.ts).
// The screenshot is kept in test-artifacts/ for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../api/app';
import { appDeps } from '../helpers/api';
import { startCase, useHarness } from '../helpers/case-harness';
import { ROOT } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { devServerEnv } from '../helpers/temporal';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'test-artifacts/temporal-ui-case.png');


let uiPort = 0;
let apiPort = 0;
let api: Server | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  uiPort = await freePort();
  apiPort = await freePort();
});
const h = useHarness(() => devServerEnv({ port: uiPort, codecEndpoint: `http://127.0.0.1:${apiPort}/codec` }));
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (api ? api.close(r) : r(undefined)));
});

describe('the Temporal UI with the codec server', () => {
  it('when an engineer finds an open case by CaseStatus in the UI, then its input shows decrypted', async () => {
    const ui = `http://127.0.0.1:${uiPort}`;
    // Like npm start: loopback only, and the local UI (which has no login) may decode.
    const app = createApp({ ...appDeps(h), codec: { ...appDeps(h).codec, uiOrigins: [ui], trustLocalUi: true } });
    api = app.listen(apiPort, '127.0.0.1');
    await new Promise((r) => api!.once('listening', r));
    const open = await startCase(h, { subject: 'Router reboots nightly', contact: { name: 'Zhang Min', email: 'zhang.min@acme.example' } });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const query = encodeURIComponent(`CaseStatus="OPEN" AND WorkflowId="case-${open.caseId}"`);
    await page.goto(`${ui}/namespaces/default/workflows?query=${query}`);
    // The list found it by its search attributes; open the run from its row.
    const row = page.locator(`a[href*="/workflows/case-${open.caseId}/"]`).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByText('Zhang Min').first().waitFor({ timeout: 60_000 });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await page.content()).toContain('zhang.min@acme.example');
  });
});
