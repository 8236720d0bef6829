/**
 * The app end to end, in browser mode: `rootline serve` on an empty project, Debian Chromium driving the
 * renderer as a user would — upload the sample cards, see the graph, search, focus, read evidence,
 * review an edge, export the graph. Screenshots go to a temporary folder, or to docs/screenshots when
 * ROOTLINE_SCREENSHOTS=docs (how the committed ones were made).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData, ProjectInfo } from '../../shared/api/contract.js';
import { RELATIONS } from '../../shared/domain/vocabulary.js';
import { SAMPLES, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { appState } from './readability.js';
import { screenshotDir } from './shots.js';
import { serveApp, type ServedApp } from './app-server.js';

const shots = screenshotDir();

const inkRatio = (page: Page) => page.evaluate(() => (window as unknown as { __rootline: { inkRatio(): number } }).__rootline.inkRatio());

describe('the app in browser mode', { timeout: 120_000 }, () => {
  const dir = tempDir('rootline-e2e-');
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await serveApp(join(dir, 'audit.rootline'));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens on an empty project', async () => {
    await page.goto(app.url);
    await page.waitForFunction(() => (window as unknown as { __rootline?: unknown }).__rootline !== undefined);
    await expect.poll(() => page.getByText('This project is empty').isVisible()).toBe(true);
    expect((await appState(page)).nodes).toBe(0);
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token');
  });

  it('ingests the sample cards uploaded through the folder picker with the built-in extractor', async () => {
    await page.getByRole('tab', { name: 'Runs' }).click();
    await expect.poll(() => page.getByLabel('Extractor').locator('option').first().textContent()).toContain('Built-in extractor');
    await page.getByTestId('folder-input').setInputFiles(SAMPLES);
    await page.waitForSelector('[data-testid=run-status][data-phase=done]', { timeout: 60_000 });
    const info = await app.call<ProjectInfo>('projectInfo');
    expect(info.datasets).toBeGreaterThan(20);
    await expect.poll(async () => (await appState(page)).nodes, { timeout: 20_000 }).toBe(info.datasets);
    expect((await appState(page)).edges).toBe(info.edges);
    // The folder picker keeps the folders, so each Acme folder is one dataset, as on the command line.
    expect(await page.locator('.files tr.ingested', { hasText: 'acme-general-chat/README.md' }).count()).toBe(1);
  });

  it('takes files dropped anywhere on the window through the same ingest: same bytes unchanged, a bad file listed', async () => {
    const text = readFileSync(join(SAMPLES, 'ultrafeedback.md'), 'utf8');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'ultrafeedback.md', { type: 'text/markdown' }));
      transfer.items.add(new File(['---\nlicense: [unclosed\n---\n# Broken card\n'], 'broken.md', { type: 'text/markdown' }));
      document.querySelector('.graph-pane')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(() => page.locator('.files tr', { hasText: 'ultrafeedback.md' }).textContent(), { timeout: 20_000 }).toContain('unchanged');
    expect(await page.locator('.files tr.failed', { hasText: 'broken.md' }).textContent()).toMatch(/YAML|front matter|line/i);
    // Messages name files as they were dropped, never the temporary folder they passed through.
    expect(await page.locator('.files').textContent()).not.toContain('rootline-upload-');
    await page.screenshot({ path: join(shots, 'runs.png') });
  });

  it('draws the graph: a first frame, a picture that is not blank', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await expect.poll(async () => (await appState(page)).firstFrameMs, { timeout: 20_000 }).not.toBeNull();
    await expect.poll(async () => (await appState(page)).layoutRunning, { timeout: 20_000 }).toBe(false);
    expect(await inkRatio(page)).toBeGreaterThan(0.002);
    await page.screenshot({ path: join(shots, 'graph.png') });
    expect(pageErrors).toEqual([]);
  });

  it('searches with autocomplete and selects the dataset', async () => {
    await page.getByLabel('Search datasets').fill('metamath');
    await page.getByRole('option', { name: /MetaMathQA/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).selected).toBe('meta-math/MetaMathQA');
    await expect.poll(() => page.getByTestId('inspector').locator('h2').textContent()).toContain('MetaMathQA');
  });

  it('focuses on a dataset’s lineage and lays it out in layers', async () => {
    await page.getByLabel('Search datasets').fill('Acme General Chat');
    await page.getByRole('option', { name: /Acme General Chat/ }).first().click();
    await page.getByRole('button', { name: 'Focus on lineage' }).click();
    await expect.poll(async () => (await appState(page)).focus).not.toBeNull();
    const all = (await appState(page)).nodes;
    await page.getByLabel('layered').check();
    await expect.poll(async () => (await appState(page)).visibleNodes).toBeLessThan(all);
    expect((await appState(page)).visibleNodes).toBeGreaterThan(3);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'focus-layered.png') });
  });

  it('shows an edge’s evidence with the source document opened and the quote highlighted', async () => {
    await page.getByTestId('inspector').getByRole('button', { name: 'evidence' }).first().click();
    await page.getByTestId('evidence').getByRole('button', { name: 'open document' }).first().click();
    const mark = page.locator('.document mark');
    await mark.waitFor();
    const quote = await page.getByTestId('evidence').locator('blockquote').first().textContent();
    expect(quote!.length).toBeGreaterThan(10);
    expect(quote).toContain((await mark.textContent())!.trim().slice(0, 20));
    // An uploaded document keeps the name it was dropped under, not the temporary folder it passed through.
    expect(await page.locator('.document .meta').textContent()).toMatch(/^dropped:cards\//);
    await page.screenshot({ path: join(shots, 'inspector-evidence.png') });
    await page.getByRole('button', { name: 'Leave focus' }).first().click();
  });

  it('reviews the least confident proposed edge with the keyboard', async () => {
    await page.getByRole('tab', { name: 'Review' }).click();
    const before = await app.call<GraphData>('graph');
    const proposed = before.edges.filter((e) => e.status === 'proposed').sort((a, b) => a.confidence - b.confidence);
    expect(proposed.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.queue li').count()).toBe(proposed.length);
    await page.screenshot({ path: join(shots, 'review.png') });
    await page.locator('body').press('a');
    await expect.poll(() => page.locator('.queue li').count()).toBe(proposed.length - 1);
    const after = await app.call<GraphData>('graph');
    const decided = after.edges.filter((e) => e.status === 'accepted');
    expect(decided).toHaveLength(1);
    expect(decided[0]!.confidence).toBe(proposed[0]!.confidence);

    // `3` sets the current edge's relation to the third of the paper's relations; the edge stays proposed.
    const current = (await app.call<{ items: GraphData['edges'] }>('reviewQueue')).items[0]!;
    const third = RELATIONS[2]!;
    expect(current.relation).not.toBe(third);
    await page.locator('body').press('3');
    await expect.poll(async () => (await app.call<GraphData>('graph')).edges.find((e) => e.id === current.id)!.relation).toBe(third);
  });

  it('exports the graph as GEXF and JSON, and the view as PNG', async () => {
    const info = await app.call<ProjectInfo>('projectInfo');
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    };
    const gexf = readFileSync(await save('GEXF'), 'utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf.match(/<node /g)).toHaveLength(info.datasets);
    expect(gexf.match(/<edge /g)).toHaveLength(info.edges);
    const json = JSON.parse(readFileSync(await save('JSON'), 'utf8')) as GraphData;
    expect(json.nodes).toHaveLength(info.datasets);
    const png = readFileSync(await save('PNG'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(await save('SVG'))).toBe(true);
  });

  it('renders untrusted card markdown sanitized: no script, no handlers, no remote image while offline', async () => {
    const hostile = '# Card\n\n<script>window.__pwned = 1</script>\n\n<img src="https://tracker.example/p.png" alt="pixel" onerror="window.__pwned = 2">\n\n[link](javascript:alert(1)) and [hub](https://huggingface.co/datasets/x)';
    const sanitize = (offline: boolean) => page.evaluate(([md, off]) => (window as unknown as { __rootline: { sanitize(m: string, o: boolean): string } }).__rootline.sanitize(md as string, off as boolean), [hostile, offline] as const);
    const offline = await sanitize(true);
    expect(offline).not.toMatch(/<script|onerror|javascript:|tracker\.example/);
    expect(offline).toContain('[image: pixel]');
    expect(offline).toContain('href="https://huggingface.co/datasets/x"');
    expect(await sanitize(false)).toContain('<img src="https://tracker.example/p.png"');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('shows the analyses: patterns chart, contamination overlay', async () => {
    await page.getByRole('tab', { name: 'Analyses' }).click();
    await page.getByRole('img', { name: /Average depth/ }).waitFor();
    await page.getByTestId('analyses').getByRole('button', { name: /TruthfulQA/i }).first().click();
    await page.getByText(/Blast radius of/).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'analyses-contamination.png') });
    expect(pageErrors).toEqual([]);
  });
});
