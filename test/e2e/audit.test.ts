/**
 * The whole audit of the shipped samples in the app alone, as a new user would do it: drop the cards,
 * trace with the library (and with a model, cancelled and resumed), review, see contamination confirmed
 * by the samples, build a mix and save its sample list, read the license conflicts, save the report.
 * A fake Ollama on 127.0.0.1 stands in for a model server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/api/contract.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { readingModel } from '../fakes/lineage-model.js';
import { SAMPLES, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { serveApp, type ServedApp } from './app-server.js';
import { appState, openApp } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();
const SAMPLE_ROOT = join(SAMPLES, '..');

describe('the whole audit of the shipped samples in the app', { timeout: 240_000 }, () => {
  const dir = tempDir('rootline-e2e-audit-');
  let ollama: FakeOllama;
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  const saved = async (click: () => Promise<void>): Promise<{ name: string; text: string }> => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };
  const folder = async (label: string, path: string) => {
    const field = page.getByLabel(label);
    await field.fill(path);
    await field.press('Enter');
  };

  beforeAll(async () => {
    // Each model reply takes a moment, so a run can be cancelled half-way.
    ollama = await startFakeOllama({ script: readingModel({ delayMs: 600 }) });
    app = await serveApp(join(dir, 'audit.rootline'), { env: { ROOTLINE_OLLAMA_HOST: ollama.url, OLLAMA_HOST: '', ROOTLINE_OPENAI_BASE_URL: '', OPENAI_BASE_URL: '' } });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await ollama?.close();
  });

  it('ingests the dropped sample cards', async () => {
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByTestId('folder-input').setInputFiles(SAMPLES);
    await page.waitForSelector('[data-testid=run-status][data-phase=done]', { timeout: 60_000 });
    await expect.poll(async () => (await appState(page)).nodes).toBeGreaterThan(20);
  });

  it('traces with the library and the built-in extractor, with progress and the run listed', async () => {
    await page.getByLabel('Seed datasets').fill('Acme General Chat');
    await page.getByLabel('Seed datasets').press('Enter');
    await folder('Library of cards', SAMPLES);
    await expect.poll(() => page.getByTestId('trace').getByText(/\d+ cards/).count()).toBe(1);
    await page.getByRole('button', { name: 'Start tracing' }).click();
    await page.waitForSelector('[data-testid=trace-job][data-status=done]', { timeout: 60_000 });
    expect(await page.getByTestId('trace-summary').textContent()).toMatch(/Run #1 finished: \d+ datasets traced/);
    expect(await page.getByTestId('runs-list').locator('tr[data-status=finished]').count()).toBe(1);
    // A folder that is not there is named as such.
    await folder('Library of cards', join(SAMPLE_ROOT, 'no-such-folder'));
    await expect.poll(() => page.getByTestId('trace').getByRole('alert').textContent()).toMatch(/no-such-folder: no such folder/);
    await folder('Library of cards', SAMPLES);
  });

  it('traces with a model Ollama has, cancels the run and resumes it where it stopped', async () => {
    await expect.poll(() => page.getByLabel('Model', { exact: true }).locator('option').allTextContents()).toContain('Ollama: qwen2.5:7b-instruct');
    await page.getByLabel('Model', { exact: true }).selectOption('ollama:qwen2.5:7b-instruct');
    await page.getByRole('button', { name: 'Start tracing' }).click();
    await page.waitForSelector('[data-testid=trace-job][data-status=running]');
    await expect.poll(() => ollama.chats().length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('trace-job').textContent(), { timeout: 30_000 }).toMatch(/extracting/);
    await page.getByTestId('trace-job').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'trace.png') });
    await page.getByTestId('trace-job').getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('[data-testid=trace-job][data-status=cancelled]', { timeout: 60_000 });
    const paused = page.getByTestId('runs-list').locator('tr[data-status=paused]');
    await expect.poll(() => paused.count()).toBe(1);
    const callsBefore = ollama.chats().length;
    await paused.getByRole('button', { name: 'Resume' }).click();
    await page.waitForSelector('[data-testid=trace-job][data-status=done]', { timeout: 120_000 });
    expect(await page.getByTestId('trace-summary').textContent()).toMatch(/Run #2 finished/);
    expect(ollama.chats().length).toBeGreaterThan(callsBefore);
    expect(await page.getByTestId('runs-list').locator('tr[data-status=finished]').count()).toBe(2);
  });

  it('reviews a filtered set of proposed edges in one action', async () => {
    await page.getByRole('tab', { name: 'Review' }).click();
    const before = (await app.call<ProjectInfo>('projectInfo')).proposed;
    expect(before).toBeGreaterThan(0);
    await page.getByLabel('Origin').selectOption('builtin');
    const expected = await app.call<{ matching: number }>('reviewQueue', { origins: ['builtin'], limit: 0 });
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe(`${expected.matching} of ${before} proposed edges match`);
    await page.getByRole('button', { name: `Accept all ${expected.matching}` }).click();
    await page.getByRole('button', { name: `Yes, accept ${expected.matching}` }).click();
    await expect.poll(() => page.getByTestId('review-message').textContent()).toContain(`${expected.matching} edges accepted`);
    expect((await app.call<ProjectInfo>('projectInfo')).proposed).toBe(before - expected.matching);
  });

  it('finds benchmark items in the samples, with their ids and the lineage path that confirms them', async () => {
    await page.getByRole('tab', { name: 'Samples' }).click();
    await folder('Training samples', SAMPLES);
    await folder('Benchmark files', join(SAMPLE_ROOT, 'benchmarks'));
    await page.getByRole('button', { name: 'Scan for contamination' }).click();
    await page.waitForSelector('[data-testid=contamination-job][data-status=done]', { timeout: 60_000 });
    const chat = page.getByTestId('contaminated-dataset').filter({ hasText: 'Acme General Chat' });
    expect(await chat.textContent()).toMatch(/2 items .* confirmed by the lineage: TruthfulQA → UltraFeedback → Acme General Chat/);
    expect(await chat.locator('.hits tbody tr').count()).toBe(2);
    expect(await chat.locator('.hits tbody tr').first().textContent()).toMatch(/acme-general-chat|\d/);
    await chat.getByRole('button', { name: 'Show on graph' }).click();
    expect((await appState(page)).overlay?.nodes).toEqual(['truthfulqa/truthful_qa', 'openbmb/UltraFeedback', 'acme-general-chat']);
    await page.screenshot({ path: join(shots, 'samples-contamination.png') });
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await page.waitForSelector('[data-testid=duplicates-job][data-status=done]', { timeout: 60_000 });
    expect(await page.getByTestId('duplicates-result').textContent()).toMatch(/Acme Math Tutor/);
  });

  it('builds a lineage-aware mix: quotas per root before drawing, diversity against the baseline, the sample list saved', async () => {
    await page.getByRole('tab', { name: 'Mix' }).click();
    for (const name of ['Acme General Chat', 'Acme Math Tutor']) {
      await page.getByLabel('Candidate datasets').fill(name);
      await page.getByLabel('Candidate datasets').press('Enter');
    }
    await folder('Sample files', SAMPLE_ROOT);
    await page.getByLabel('Budget').fill('24');
    await page.getByRole('button', { name: 'Plan quotas' }).click();
    await page.waitForSelector('[data-testid=sampling-plan][data-status=done]');
    const quotas = await page.getByTestId('quotas').locator('tbody tr').allTextContents();
    expect(quotas).toHaveLength(4);
    for (const row of quotas) expect(row).toMatch(/^.+?6/);
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.waitForSelector('[data-testid=sampling-draw][data-status=done]', { timeout: 60_000 });
    expect(await page.getByTestId('drawn-summary').textContent()).toMatch(/^24 samples from 4 root sources/);
    const chart = page.getByRole('img', { name: /Diversity of the lineage-aware sample/ });
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'mix.png') });
    const jsonl = await saved(() => page.getByRole('button', { name: 'Save JSONL (with provenance)' }).click());
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as { _rootline: { root: string; dataset: string } });
    expect(lines).toHaveLength(24);
    expect(new Set(lines.map((l) => l._rootline.root)).size).toBe(4);
    const csv = await saved(() => page.getByRole('button', { name: 'Save CSV of ids' }).click());
    expect(csv.text.split('\n')[0]).toBe('dataset,id,file,row,root,lineage');
    expect(csv.text.trim().split('\n')).toHaveLength(25);
  });

  it('shows license classes and lights a conflict’s path on the graph', async () => {
    await page.getByRole('tab', { name: 'Licenses' }).click();
    const conflict = page.locator('.conflicts li', { hasText: 'drops a share-alike obligation' }).filter({ hasText: 'Acme General Chat' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Dolly 15k');
    await conflict.getByRole('button', { name: 'Show on graph' }).click();
    expect((await appState(page)).overlay).toMatchObject({ nodes: ['databricks/databricks-dolly-15k', 'acme-general-chat'] });
    expect(await page.getByTestId('license-classes').locator('tbody tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(shots, 'licenses.png') });
  });

  it('saves the HTML report made by the engine', async () => {
    const report = await saved(() => page.getByRole('button', { name: 'Report' }).click());
    expect(report.name).toBe('audit-report.html');
    expect(report.text).toContain('<h2>Licenses</h2>');
    expect(report.text).toMatch(/TruthfulQA|truthfulqa/);
    expect(report.text).not.toMatch(/<script/i);
    expect(pageErrors).toEqual([]);
  });
});
