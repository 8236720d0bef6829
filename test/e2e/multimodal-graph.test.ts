/**
 * The paper's multimodal graph (1,313 datasets, 2,306 imported edges) in the app: the layered lineage of
 * the largest fan-ins (LLaVA-OneVision-Data, 120 upstream; FineVision, 155) readable in the free canvas
 * with groups that open in place; a selection framed with its neighbours; the legend and filters; search
 * that counts; a dropped card placed near its neighbours without moving the map; and review at the scale
 * of the import.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/api/contract.js';
import { PAPER_DATA } from '../helpers/temp.js';
import { importedGraphApp, type ServedApp } from './app-server.js';
import { appState, boxes, expectReadable, openApp, outsideFreeCanvas, positions, settled } from './readability.js';
import { screenshotDir } from './shots.js';

const shots = screenshotDir();

async function choose(page: Page, id: string): Promise<void> {
  await page.getByLabel('Search datasets').fill(id);
  await page.getByRole('option', { name: new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }).click();
  await settled(page);
}

describe('the paper’s multimodal graph in the app', { timeout: 240_000 }, () => {
  const session = importedGraphApp(join(PAPER_DATA, 'multimodal'), 'paper', openApp);
  let page: Page;
  let app: ServedApp;
  beforeAll(() => void ({ page, app } = session));

  it('opens on a readable summary', async () => {
    expect((await appState(page)).mode).toBe('summary');
    expectReadable(await boxes(page));
    await page.screenshot({ path: join(shots, 'multimodal-summary.png') });
  });

  it('frames a selected dataset with its neighbours', async () => {
    await choose(page, 'lmms-lab/LLaVA-OneVision-Data');
    const b = await boxes(page);
    const shown = new Set(b.nodes.map((n) => n.id));
    const neighbours = await app.call<{ upstream: Array<{ upstream: string }>; downstream: Array<{ downstream: string }> }>('dataset', { id: 'lmms-lab/LLaVA-OneVision-Data' });
    const around = ['lmms-lab/LLaVA-OneVision-Data', ...neighbours.upstream.map((e) => e.upstream), ...neighbours.downstream.map((e) => e.downstream)];
    for (const id of around) expect(shown, id).toContain(id);
    const inside = new Set(b.nodes.map((n) => n.id).filter((id) => !outsideFreeCanvas({ ...b, nodes: b.nodes.filter((n) => n.id === id) }).length));
    expect(around.filter((id) => !inside.has(id))).toEqual([]);
  });

  it('lays out LLaVA-OneVision-Data’s 120 upstream datasets without two labels overlapping', async () => {
    await page.getByRole('button', { name: 'Show all 120 sources' }).click();
    await settled(page);
    expect((await appState(page)).layered).toBe(true);
    expectReadable(await boxes(page), { everyLabel: true });
    // Each group opens in place, and the view stays readable with it open.
    const groups = page.getByTestId('layered-groups').getByRole('button');
    expect(await groups.count()).toBeGreaterThan(1);
    await groups.filter({ hasText: /^General/ }).click();
    await settled(page);
    const opened = await boxes(page);
    expect(opened.nodes.length).toBeGreaterThan(40);
    expectReadable(opened, { everyLabel: true });
    await page.screenshot({ path: join(shots, 'multimodal-llava-layered.png') });
  });

  it('keeps the last layer in sight after "Zoom to fit", with the legend open', async () => {
    await page.getByRole('button', { name: 'Legend' }).click();
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await settled(page);
    const b = await boxes(page);
    expect(b.free.x1 > 8 || b.free.y2 < b.height - 8).toBe(true);
    expectReadable(b, { everyLabel: true });
    await page.getByRole('button', { name: 'Hide legend' }).click();
  });

  it('lays out FineVision’s 155 upstream datasets readably, opening a group by clicking it on the graph', async () => {
    await choose(page, 'HuggingFaceM4/FineVision');
    await page.getByRole('button', { name: 'Show all 155 sources' }).click();
    await settled(page);
    const closed = await boxes(page);
    expectReadable(closed, { everyLabel: true });
    const group = closed.nodes.find((n) => n.id.startsWith('group:') && /Infographic/.test(n.id))!;
    await page.mouse.click((group.node.x1 + group.node.x2) / 2 + (await page.getByTestId('graph').boundingBox())!.x, (group.node.y1 + group.node.y2) / 2 + (await page.getByTestId('graph').boundingBox())!.y);
    await settled(page);
    const opened = await boxes(page);
    expect(opened.nodes.length).toBeGreaterThan(closed.nodes.length + 20);
    expectReadable(opened, { everyLabel: true });
    await page.getByRole('button', { name: 'Leave focus' }).first().click();
    await settled(page);
  });

  it('counts what the filters leave, and search says how many match and reaches all of them', async () => {
    await page.getByLabel('Show').selectOption('all');
    await settled(page);
    // Every dataset but the single-use sources folded behind their hubs (+N).
    const all = (await appState(page)).visibleNodes;
    expect(all).toBeGreaterThan(1000);
    expect(await page.getByTestId('counts').textContent()).toMatch(new RegExp(`^${all} of 1313 datasets · \\d+ of 2306 edges`));
    await page.locator('.filters summary').click();
    await page.getByRole('checkbox', { name: 'Other' }).uncheck();
    await settled(page);
    const { visibleNodes } = await appState(page);
    expect(visibleNodes).toBeLessThan(all);
    expect(await page.getByTestId('counts').textContent()).toMatch(new RegExp(`^${visibleNodes} of 1313 datasets`));
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.locator('.filters summary').click();
    await page.getByLabel('Search datasets').fill('lmms-lab');
    const count = Number((await page.getByTestId('match-count').textContent())!.match(/^(\d+)/)![1]);
    expect(count).toBeGreaterThan(12);
    expect(await page.getByTestId('suggestions').getByRole('option').count()).toBe(12);
    await page.getByRole('button', { name: `Show all ${count}` }).click();
    expect(await page.getByTestId('suggestions').getByRole('option').count()).toBe(count);
    await page.keyboard.press('Escape');
  });

  it('places a dropped card near its neighbours and moves no other dataset', async () => {
    const before = await positions(page);
    const card = '---\npretty_name: Tiny Vision Mix\n---\n# Tiny Vision Mix\n\nWe built this set by sampling 5,000 items from [LLaVA-OneVision-Data](https://huggingface.co/datasets/lmms-lab/LLaVA-OneVision-Data).\n';
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'tiny-vision-mix.md', { type: 'text/markdown' }));
      document.querySelector('.graph-pane')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, card);
    await expect.poll(async () => (await appState(page)).nodes, { timeout: 30_000 }).toBe(1314);
    await settled(page);
    const after = await positions(page);
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
    const added = Object.keys(after).find((id) => !(id in before))!;
    const [x, y] = after[added]!;
    const [lx, ly] = after['lmms-lab/LLaVA-OneVision-Data']!;
    const spread = Math.max(...Object.values(before).map(([px]) => px)) - Math.min(...Object.values(before).map(([px]) => px));
    expect(Math.hypot(x - lx, y - ly)).toBeLessThan(spread / 10);
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('reviews the import at scale: filters, then one decision for the filtered set', async () => {
    await page.getByRole('tab', { name: 'Review' }).click();
    const proposed = (await app.call<ProjectInfo>('projectInfo')).proposed;
    // The import's 2,306 edges, and the one the dropped card added.
    expect(proposed).toBe(2307);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toMatch(new RegExp(`^${proposed} proposed edges`));
    expect(await page.locator('.queue li').first().textContent()).toMatch(/paper import · Paper \(graph\.jsonl:\d+\)/);
    await page.getByLabel('Origin').selectOption('paper');
    await page.getByLabel('Relation filter').selectOption('Direct Inclusion/Subset');
    await page.getByLabel('Confidence band').selectOption({ label: '0.9 and above' });
    const expected = await app.call<{ matching: number }>('reviewQueue', { origins: ['paper'], relations: ['Direct Inclusion/Subset'], minConfidence: 0.9, limit: 0 });
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe(`${expected.matching} of ${proposed} proposed edges match`);
    const matching = expected.matching;
    expect(matching).toBeGreaterThan(200);
    expect(matching).toBeLessThan(proposed);
    await page.screenshot({ path: join(shots, 'review-at-scale.png') });
    await page.getByRole('button', { name: `Accept all ${matching}` }).click();
    await page.getByRole('button', { name: `Yes, accept ${matching}` }).click();
    await expect.poll(() => page.getByTestId('review-message').textContent()).toContain(`${matching} edges accepted`);
    expect((await app.call<ProjectInfo>('projectInfo')).proposed).toBe(proposed - matching);
    expect(await page.getByTestId('review-count').textContent()).toBe(`0 of ${proposed - matching} proposed edges match`);
  });
});
