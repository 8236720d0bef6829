/**
 * The app's data-lineage view end to end: `rootline serve --samples` on the ingested sample cards,
 * Chromium runs the overlap analysis from the view, and the edge found in the data is listed, lit on the
 * graph and shows its evidence from the data in the inspector.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData, ProjectInfo } from '../../shared/api/contract.js';
import { rootline } from '../helpers/cli.js';
import { SAMPLES, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { serveApp, type ServedApp } from './app-server.js';
import { appState } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();

describe('lineage from the data in the app', { timeout: 120_000 }, () => {
  const dir = tempDir('rootline-e2e-overlap-');
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const project = join(dir, 'audit.rootline');
    expect(rootline(['ingest', SAMPLES, '--project', project]).code).toBe(0);
    app = await serveApp(project, { args: ['--samples', join(SAMPLES, '..')] });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs the analysis on the shipped samples, lists the discovered and the contradicted edge, and lights them', async () => {
    await page.goto(app.url);
    await page.waitForFunction(() => (window as unknown as { __rootline?: unknown }).__rootline !== undefined);
    const before = await app.call<ProjectInfo>('projectInfo');
    await expect.poll(async () => (await appState(page)).edges, { timeout: 20_000 }).toBe(before.edges);

    await page.getByRole('tab', { name: 'Data lineage' }).click();
    await page.getByRole('button', { name: 'Find lineage in the data' }).click();
    const discovered = page.getByTestId('overlap-discovered').locator('li[data-edge="acme-support-logs->acme-helpdesk-qa"]');
    await discovered.waitFor({ timeout: 60_000 });
    expect(await discovered.textContent()).toMatch(/Acme Support Logs → Acme Helpdesk QA.*CoT Distillation.*proposed.*of Acme Helpdesk QA's samples take their prompt from Acme Support Logs/);
    expect(await page.getByTestId('overlap-contradicted').locator('li[data-edge="databricks/databricks-dolly-15k->acme-helpdesk-qa"]').textContent()).toMatch(/none of 15 sampled records of Dolly 15k/);

    // The proposal is an edge of the graph now, and it is lit with the contradicted one.
    const graph = await app.call<GraphData>('graph');
    const proposal = graph.edges.find((e) => e.upstream === 'acme-support-logs' && e.downstream === 'acme-helpdesk-qa')!;
    expect(proposal.status).toBe('proposed');
    await expect.poll(async () => (await appState(page)).edges, { timeout: 20_000 }).toBe(before.edges + 1);
    expect((await appState(page)).litEdges.sort()).toEqual(['acme-support-logs->acme-helpdesk-qa', 'databricks/databricks-dolly-15k->acme-helpdesk-qa']);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'data-lineage.png') });

    // Its evidence is the figures from the data, not a quote.
    await discovered.getByRole('button').first().click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    expect(await page.getByTestId('data-evidence').first().textContent()).toMatch(/^from data: \d+% of Acme Support Logs' samples found in Acme Helpdesk QA/);
    expect(pageErrors).toEqual([]);
  });
});
