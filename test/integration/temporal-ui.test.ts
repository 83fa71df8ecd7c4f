// A real browser (Debian's headless Chromium) opens the local Temporal UI, finds cases
// by their search attributes, and reads them as a case file: input decrypted through our
// codec server, Current Details leading with the breach, timers named by their clock.
// Someone without the codec sees only ciphertext (test/workflow/encryption.test.ts).
// Screenshots of the list (with the case columns README.md names), a breached case and its
// timeline are kept in test-artifacts/ (ignored by git) for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../api/app';
import { caseStaticDetails, caseWorkflowId, type OpenCaseInput } from '../../workflows/case/contract';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { appDeps } from '../helpers/api';
import { eventually, useHarness, view } from '../helpers/case-harness';
import { openInput, pinnedSla } from '../helpers/fixtures';
import { ROOT } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { devServerEnv } from '../helpers/temporal';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

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

const ui = (): string => `http://127.0.0.1:${uiPort}`;

async function openBrowser(): Promise<Page> {
  // Like npm start: loopback only, and the local UI (which has no login) may decode.
  const app = createApp({ ...appDeps(h), codec: { ...appDeps(h).codec, uiOrigins: [ui()], trustLocalUi: true } });
  api = app.listen(apiPort, '127.0.0.1');
  await new Promise((r) => api!.once('listening', r));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser.newPage({ viewport: { width: 1400, height: 1000 } });
}

/** Starts a case with the static summary and details the API gives it (api/services/case-service.ts). */
async function startCase(overrides: Partial<OpenCaseInput>): Promise<OpenCaseInput> {
  const open = openInput(overrides);
  await h.env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(open.caseId),
    taskQueue: h.taskQueue,
    args: [{ open }],
    staticSummary: `Case ${open.caseId} · ${open.category} · ${open.priority} · customer ${open.customerId}`,
    staticDetails: caseStaticDetails(open),
  });
  h.started.push(open.caseId);
  return open;
}

/** The columns README.md tells people to add (the gear under the list). */
const CASE_COLUMNS = ['CaseStatus', 'SlaBreached', 'NextDeadline', 'EscalationLevel', 'AssignedAgent', 'ReadModelStalled'];

async function addCaseColumns(page: Page): Promise<void> {
  await page.locator('[data-testid="workflows-summary-table-configuration-button"]').click();
  for (const column of CASE_COLUMNS) await page.locator(`[data-testid="orderable-list-item-${column}-add-button"]`).click();
  await page.locator('[data-testid="drawer-close-button"]').first().click();
}

/** The UI renders summaries and details as markdown in frames of their own. */
async function framesText(page: Page): Promise<string[]> {
  // A string runs in the page: this project's TypeScript knows no DOM.
  const texts = await Promise.all(page.frames().map((f) => f.evaluate<string>('document.body ? document.body.innerText : ""').catch(() => '')));
  return texts.map((t) => t.trim());
}

async function keep(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

describe('the Temporal UI with the codec server', () => {
  it('when an engineer finds a breached case by its search attributes, then it reads like a case file', async () => {
    const page = await openBrowser();
    const calm = await startCase({ subject: 'Router reboots nightly', contact: { name: 'Zhang Min', email: 'zhang.min@acme.example' } });
    // A first response due in 6 s: the dev server runs in real time.
    const late = await startCase({ sla: pinnedSla({ firstResponseMinutes: 0.1 }) });
    await eventually(() => view(h, late.caseId), (v) => v.slaBreached, 30_000);

    // The list, found by search attributes.
    const query = encodeURIComponent(`WorkflowType="caseWorkflow" AND CaseStatus="OPEN"`);
    await page.goto(`${ui()}/namespaces/default/workflows?query=${query}`);
    for (const id of [calm.caseId, late.caseId]) await page.locator(`a[href*="/workflows/${caseWorkflowId(id)}/"]`).first().waitFor({ timeout: 60_000 });
    await addCaseColumns(page);
    await page.locator('th', { hasText: 'CaseStatus' }).first().waitFor({ timeout: 60_000 });
    await page.setViewportSize({ width: 2400, height: 700 }); // the added columns sit right of Start
    await keep(page, 'temporal-ui-list.png');
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(await page.locator('tbody').innerText()).toContain('OPEN');

    // A calm case: its input decrypted by the codec server.
    await page.locator(`a[href*="/workflows/${caseWorkflowId(calm.caseId)}/"]`).first().click();
    await page.getByText('Zhang Min').first().waitFor({ timeout: 60_000 });
    await keep(page, 'temporal-ui-case.png');
    expect(await page.content()).toContain('zhang.min@acme.example');

    // The breached case, found by SlaBreached: its page opens on its summary and timeline,
    // where the timers are named by clock and instant.
    await page.goto(`${ui()}/namespaces/default/workflows?query=${encodeURIComponent(`SlaBreached=true`)}`);
    await page.locator(`a[href*="/workflows/${caseWorkflowId(late.caseId)}/"]`).first().click();
    await page.getByText(`Case ${late.caseId} ·`).first().waitFor({ timeout: 60_000 });
    // The timeline draws timer summaries as SVG text.
    await page.waitForFunction('/FIRST_RESPONSE (warning|due) at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC/.test(document.body.innerHTML)', undefined, { timeout: 60_000 });
    await keep(page, 'temporal-ui-timeline.png');

    // Its Current Details lead with the status and the breach.
    await page.getByRole('tab', { name: /User Metadata/ }).click();
    const details = await eventually(() => framesText(page), (texts) => texts.some((t) => t.includes('breached')), 60_000);
    await keep(page, 'temporal-ui-breached-case.png');
    expect(details.find((t) => t.includes('breached'))).toMatch(/^OPEN · level 0 · front-line · unassigned\s+⚠ breached: FIRST_RESPONSE\s+next: /);
  });
});
