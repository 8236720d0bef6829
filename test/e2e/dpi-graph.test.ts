/**
 * The Data Provenance Initiative import (2,713 datasets) in the app: it opens on a readable summary, and
 * the largest fan-in (the xP3x collection, 467 upstream datasets) opens in layers where every label can
 * be read.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DPI_DATA } from '../helpers/temp.js';
import { importedGraphApp } from './app-server.js';
import { appState, boxes, expectReadable, openApp, settled } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();

describe('the DPI collection in the app', { timeout: 240_000 }, () => {
  const session = importedGraphApp(DPI_DATA, 'dpi', openApp);
  let page: Page;
  beforeAll(() => void ({ page } = session));

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
