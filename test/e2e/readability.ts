/**
 * Readability read from the app's state (window.__rootline), not from pixels: node discs and drawn
 * labels in viewport pixels, the free canvas no panel covers, positions, the camera.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppState } from '../../renderer/src/test-hooks-types.js';

export interface Box { x1: number; y1: number; x2: number; y2: number }
export interface Boxes { free: Box; width: number; height: number; nodes: Array<{ id: string; node: Box; label: Box | null }> }

type Hooks = { __rootline: { state(): AppState; boxes(): Boxes; positions(): Record<string, [number, number]> } };

export const appState = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rootline.state());
export const boxes = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rootline.boxes());
export const positions = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rootline.positions());

/** Opens the app at its address, or reloads it (the session token stays in the tab) when no address is given. */
export async function openApp(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  else await page.reload();
  await page.waitForFunction(() => (window as unknown as Partial<Hooks>).__rootline?.state().firstFrameMs != null, null, { timeout: 60_000 });
  await settled(page);
}

/** The first layout is done, the camera has stopped and the labels were placed for where it stopped. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as Hooks).__rootline.state();
    return s.layout !== 'computing' && !s.layoutRunning && !s.cameraMoving;
  }, null, { timeout: 60_000 });
  await page.waitForTimeout(400);
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Pairs of drawn labels whose boxes overlap. */
export function overlappingLabels(b: Boxes): Array<[string, string]> {
  const labelled = b.nodes.filter((n) => n.label);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < labelled.length; i++) for (let j = i + 1; j < labelled.length; j++) if (overlap(labelled[i]!.label!, labelled[j]!.label!)) pairs.push([labelled[i]!.id, labelled[j]!.id]);
  return pairs;
}

/** Shown nodes whose disc, or drawn label, leaves the free canvas. */
export function outsideFreeCanvas(b: Boxes): string[] {
  const f = b.free;
  return b.nodes
    .filter(({ node, label }) => [node, label].some((r) => r && (r.x1 < f.x1 - 0.5 || r.y1 < f.y1 - 0.5 || r.x2 > f.x2 + 0.5 || r.y2 > f.y2 + 0.5)))
    .map((n) => n.id);
}

/** Every shown node labelled, no two labels overlapping, everything inside the free canvas. */
export function expectReadable(b: Boxes, options: { everyLabel?: boolean } = {}): void {
  expect(b.nodes.length).toBeGreaterThan(0);
  expect(overlappingLabels(b)).toEqual([]);
  expect(outsideFreeCanvas(b)).toEqual([]);
  if (options.everyLabel) expect(b.nodes.filter((n) => !n.label).map((n) => n.id)).toEqual([]);
}
