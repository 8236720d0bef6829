/**
 * The paper's text-only graph (813 datasets) in the app: it opens on a summary laid out once and kept in
 * the project file (the same map after a reload), every label it draws readable, hubs labelled; "All
 * datasets" fits the free canvas; the fineweb hub (111 sources) opens in readable layers; the dark theme.
 * Speed is measured in bench/graph-render.ts, not asserted here.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/api/contract.js';
import { rootline } from '../helpers/cli.js';
import { PAPER_DATA, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { serveApp, type ServedApp } from './app-server.js';
import { appState, boxes, expectReadable, openApp, positions, settled } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();

describe('the paper’s text-only graph in the app', { timeout: 180_000 }, () => {
  const project = join(tempDir('rootline-e2e-paper-'), 'paper.rootline');
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    expect(rootline(['import', join(PAPER_DATA, 'text-only'), '--format', 'paper', '--project', project]).code).toBe(0);
    app = await serveApp(project);
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens on a summary of roots, hubs and benchmarks, laid out once and kept in the project', async () => {
    await openApp(page, app.url);
    const info = await app.call<ProjectInfo>('projectInfo');
    expect(info.datasets).toBe(813);
    const state = await appState(page);
    expect(state.nodes).toBe(813);
    expect(state.mode).toBe('summary');
    expect(state.visibleNodes).toBeGreaterThan(30);
    expect(state.visibleNodes).toBeLessThan(100);
    expect(await page.getByTestId('counts').textContent()).toMatch(new RegExp(`^${state.visibleNodes} of 813 datasets`));
    const saved = await app.call<{ positions: Array<[string, number, number]> }>('positions');
    expect(saved.positions).toHaveLength(813);
    const b = await boxes(page);
    expectReadable(b);
    // The biggest hubs carry their labels at the default density.
    const labelled = new Set(b.nodes.filter((n) => n.label).map((n) => n.id));
    for (const hub of ['HuggingFaceFW/fineweb', 'bigscience/xP3', 'CohereLabs/aya_collection']) expect(labelled, hub).toContain(hub);
    await page.screenshot({ path: join(shots, 'paper-graph.png') });
  });

  it('shows the same map after a reload', async () => {
    const before = await positions(page);
    await openApp(page);
    expect(await positions(page)).toEqual(before);
    expect((await appState(page)).layout).toBe('saved');
  });

  it('fits all 813 datasets in the free canvas on "Zoom to fit"', async () => {
    await page.getByLabel('Show').selectOption('all');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await settled(page);
    expect((await appState(page)).visibleNodes).toBeGreaterThan(500);
    expectReadable(await boxes(page));
  });

  it('opens the fineweb hub (111 sources) in layers where every label can be read', async () => {
    await page.getByLabel('Search datasets').fill('HuggingFaceFW/fineweb');
    await page.getByRole('option', { name: /^HuggingFaceFW\/fineweb$/ }).click();
    await page.getByRole('button', { name: 'Show all 111 sources' }).click();
    await settled(page);
    expect((await appState(page)).layered).toBe(true);
    expectReadable(await boxes(page), { everyLabel: true });
    // The 84 sources without a domain, opened as a grid: still every label drawn, none overlapping.
    await page.getByTestId('layered-groups').getByRole('button', { name: /no domain/ }).click();
    await settled(page);
    const opened = await boxes(page);
    expect(opened.nodes.length).toBeGreaterThan(84);
    expectReadable(opened, { everyLabel: true });
    await page.screenshot({ path: join(shots, 'paper-fineweb-layered.png') });
    await page.getByRole('button', { name: 'Leave focus' }).first().click();
  });

  it('draws in the dark theme too', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('tab', { name: 'Analyses' }).click();
    await page.getByRole('img', { name: /Average depth/ }).waitFor();
    await page.screenshot({ path: join(shots, 'paper-graph-dark-analyses.png') });
  });
});
