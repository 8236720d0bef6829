/**
 * The Data Provenance Initiative import (2,713 datasets) in the app: it opens on a readable summary, and
 * the largest fan-in (the xP3x collection, 467 upstream datasets) opens in layers where every label can
 * be read.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootline } from '../helpers/cli.js';
import { DPI_DATA, tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';
import { serveApp, type ServedApp } from './app-server.js';
import { appState, boxes, expectReadable, openApp, settled } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();

describe('the DPI collection in the app', { timeout: 240_000 }, () => {
  const project = join(tempDir('rootline-e2e-dpi-'), 'dpi.rootline');
  let app: ServedApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    expect(rootline(['import', DPI_DATA, '--format', 'dpi', '--project', project]).code).toBe(0);
    app = await serveApp(project);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await openApp(page, app.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens 2,713 datasets on a readable summary', async () => {
    const state = await appState(page);
    expect(state.nodes).toBe(2713);
    expect(state.mode).toBe('summary');
    expectReadable(await boxes(page));
    await page.screenshot({ path: join(shots, 'dpi-summary.png') });
  });

  it('lays out the 467 upstream datasets of xP3x in readable layers', async () => {
    await page.getByLabel('Search datasets').fill('dpi-collection/xp3x');
    await page.getByRole('option', { name: /dpi-collection\/xp3x$/ }).first().click();
    await page.getByRole('button', { name: /^Show all 467 sources$/ }).click();
    await settled(page);
    expectReadable(await boxes(page), { everyLabel: true });
    // The largest group is too large to show at once: it opens onto alphabetical blocks, and one block onto its datasets.
    await page.getByTestId('layered-groups').getByRole('button', { name: /^General · 457 datasets$/ }).click();
    await settled(page);
    expectReadable(await boxes(page), { everyLabel: true });
    const blocks = page.getByTestId('layered-groups').getByRole('button', { name: / – .* · \d+$/ });
    expect(await blocks.count()).toBeGreaterThan(5);
    await blocks.nth(2).click();
    await settled(page);
    const opened = await boxes(page);
    expect(opened.nodes.length).toBeGreaterThan(30);
    expectReadable(opened, { everyLabel: true });
    await page.screenshot({ path: join(shots, 'dpi-xp3x-layered.png') });
  });
});
