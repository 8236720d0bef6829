/**
 * The paper's text-only graph (813 datasets) in the app: every dataset in the app's state, a picture
 * that is not blank, in the dark theme too. Speed is measured in bench/graph-render.ts, not asserted here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/api/contract.js';
import { rootline } from '../helpers/cli.js';
import { PAPER_DATA, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { serveApp, type ServedApp } from './app-server.js';

const ROOT = join(import.meta.dirname, '../..');
const shots = process.env.ROOTLINE_SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots') : tempDir('rootline-shots-');
mkdirSync(shots, { recursive: true });

interface Hooks { __rootline: { state(): { nodes: number; firstFrameMs: number | null; layoutRunning: boolean }; inkRatio(): number } }

describe('the paper’s text-only graph in the app', { timeout: 120_000 }, () => {
  const project = join(tempDir('rootline-e2e-paper-'), 'paper.rootline');
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    expect(rootline(['import', join(PAPER_DATA, 'text-only'), '--format', 'paper', '--project', project]).code).toBe(0);
    app = await serveApp(project);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('draws all 813 datasets, in the light and the dark theme', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    const info = await app.call<ProjectInfo>('projectInfo');
    expect(info.datasets).toBe(813);
    await page.waitForFunction(() => (window as unknown as Hooks).__rootline?.state().firstFrameMs != null, null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as Hooks).__rootline.state().nodes)).toBe(813);
    await page.waitForFunction(() => !(window as unknown as Hooks).__rootline.state().layoutRunning, null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as Hooks).__rootline.inkRatio())).toBeGreaterThan(0.01);
    await page.screenshot({ path: join(shots, 'paper-graph.png') });
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('tab', { name: 'Analyses' }).click();
    await page.getByRole('img', { name: /Average depth/ }).waitFor();
    await page.screenshot({ path: join(shots, 'paper-graph-dark-analyses.png') });
  });
});
