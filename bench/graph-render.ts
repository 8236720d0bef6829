/**
 * The graph view's speed in headless Chromium with software WebGL (SwiftShader), each figure beside a
 * bare sigma page showing the same graph in the same run:
 * - the paper's text-only graph (813 datasets) and a synthetic 10k-dataset graph: time to the first frame
 *   (both open on the summary), on first open (the layout is then computed once) and on reopening
 *   (saved positions), and frame time while panning;
 * - the layered view of a 150-source fan-in (a synthetic hub whose sources fit a grid) and of the paper
 *   multimodal graph's FineVision (155 upstream, grouped): time from asking for it to its first frame.
 * Each figure is the median of several runs (--repeats, 5; 3 for the 10k graph): on a shared two-core
 * machine one run says little. Each page is loaded once before measuring, so that both pages' scripts
 * are in the browser's code cache, as they are for anyone opening the app a second time.
 * Usage: npm run bench -- graph-render [--datasets 10000] [--repeats 5]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { createHandlers } from '../engine/api/handlers.js';
import { Project } from '../engine/project.js';
import { ensureRendererBuilt, ROOT } from '../cli/renderer-build.js';
import { startAppServer } from '../cli/server/app-server.js';
import { rootline } from '../test/helpers/cli.js';
import { launchChromium } from '../test/e2e/browser.js';
import { numberArg, round, seeded } from './lib/measure.js';
import { RELATIONS } from '../shared/domain/vocabulary.js';

const BARE_DIST = join(ROOT, 'dist/bench-bare');
const work = mkdtempSync(join(tmpdir(), 'rootline-bench-graph-'));
const TOKEN = 'bench'.repeat(8);

async function buildBarePage() {
  await build({ configFile: false, root: join(ROOT, 'bench/bare-sigma'), base: './', logLevel: 'warn', build: { outDir: BARE_DIST, emptyOutDir: true } });
}

function paperProject(folder: string): string {
  const file = join(work, `paper-${folder}.rootline`);
  const run = rootline(['import', join(ROOT, '../shared/data/paper-lineage', folder), '--format', 'paper', '--project', file]);
  if (run.code !== 0) throw new Error(run.stderr);
  return file;
}

/** A layered random graph: each dataset draws 1–4 upstream sources from earlier ones, a few hubs draw many. */
function syntheticProject(datasets: number): string {
  const file = join(work, `synthetic-${datasets}.rootline`);
  const project = Project.open(file);
  const random = seeded(7);
  const domains = ['Math', 'Code', 'General', 'Science'];
  project.transaction(() => {
    for (let i = 0; i < datasets; i++) {
      project.datasets.ensure({ id: `org/set-${i}`, name: `Set ${i}`, domains: [domains[i % 4]!], kind: i % 97 === 0 ? 'benchmark' : 'dataset' }, { exact: true });
      const sources = i < 10 ? 0 : 1 + Math.floor(random() * 4);
      for (let s = 0; s < sources; s++) {
        const upstream = Math.floor(random() ** 2 * i);
        project.edges.addFinding({ upstream: `org/set-${upstream}`, downstream: `org/set-${i}`, relation: RELATIONS[Math.floor(random() * 5)]!, confidence: 0.5 + random() / 2, quote: 'synthetic', agent: 'bench' });
      }
    }
  });
  project.close();
  return file;
}

/** A hub with 150 upstream sources (short names, so they fit a grid) and one downstream dataset. */
function fanInProject(): string {
  const file = join(work, 'fan-in.rootline');
  const project = Project.open(file);
  project.transaction(() => {
    project.datasets.ensure({ id: 'org/hub', name: 'Hub', domains: ['General'] }, { exact: true });
    project.datasets.ensure({ id: 'org/after', name: 'After', domains: ['General'] }, { exact: true });
    project.edges.addFinding({ upstream: 'org/hub', downstream: 'org/after', relation: 'Structured Fusion', confidence: 0.9, quote: 'synthetic', agent: 'bench' });
    for (let i = 0; i < 150; i++) {
      project.datasets.ensure({ id: `org/source-${i}`, name: `Source ${i}`, domains: ['General'] }, { exact: true });
      project.edges.addFinding({ upstream: `org/source-${i}`, downstream: 'org/hub', relation: 'Direct Inclusion/Subset', confidence: 0.9, quote: 'synthetic', agent: 'bench' });
    }
  });
  project.close();
  return file;
}

// Strings, not functions, in page.evaluate: tsx's name helpers do not exist in the page. waitForFunction
// takes plain arrow functions instead (a string there is eval'd, which the app's CSP refuses).
const STATE = '(() => window.__rootline.state())()';
type Hooked = { __rootline?: { state(): { firstFrameMs: number | null; layout: string; layeredFrameMs: number | null } } };

/** Mean milliseconds between frames while the mouse drags the view across. */
async function panFrameMs(page: Page): Promise<number> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => { if (window.__counting) { window.__frames.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  })()`);
  const box = { x: 400, y: 400 };
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + i * 4, box.y + Math.sin(i / 6) * 60);
  await page.mouse.up();
  const frames = await page.evaluate<number[]>('(() => { window.__counting = false; return window.__frames; })()');
  return (frames[frames.length - 1]! - frames[0]!) / Math.max(1, frames.length - 1);
}

interface Served {
  handlers: ReturnType<typeof createHandlers>;
  appUrl: string;
  bareUrl: string;
  close(): void;
}

async function serve(file: string): Promise<Served> {
  const project = Project.open(file);
  const handlers = createHandlers(project);
  const app = await startAppServer({ handlers, staticDir: join(ROOT, 'dist/renderer'), token: TOKEN });
  const bare = await startAppServer({ handlers, staticDir: BARE_DIST, token: TOKEN });
  return { handlers, appUrl: `${app.url}/#token=${TOKEN}`, bareUrl: `${bare.url}/`, close: () => (app.close(), bare.close(), project.close()) };
}

async function firstFrame(page: Page): Promise<{ firstFrameMs: number; firstFrameAt: number; visibleNodes: number; nodes: number }> {
  await page.waitForFunction(() => (globalThis as unknown as Hooked).__rootline?.state().firstFrameMs != null, null, { timeout: 120_000 });
  return page.evaluate(STATE);
}

async function bareFirstFrame(page: Page, url: string, data: unknown): Promise<number> {
  await page.goto(url);
  return page.evaluate(`window.showGraph(${JSON.stringify(data)})`);
}

/** One load of the app page and of the bare page, not measured (a throwaway copy of the project). */
async function warmUp(file: string, chromium: Awaited<ReturnType<typeof launchChromium>>) {
  const copy = file.replace(/\.rootline$/, '-warm-up.rootline');
  copyFileSync(file, copy);
  const served = await serve(copy);
  try {
    const page = await chromium.context.newPage();
    await page.goto(served.appUrl);
    await firstFrame(page);
    await page.close();
    const bare = await chromium.context.newPage();
    await bareFirstFrame(bare, served.bareUrl, served.handlers.graph({}));
    await bare.close();
  } finally {
    served.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

async function measureGraph(label: string, file: string, chromium: Awaited<ReturnType<typeof launchChromium>>, repeats: number) {
  const opened: number[] = [];
  await warmUp(file, chromium);
  // Each first open on its own copy of the project, made before any position was saved.
  for (let i = 0; i < repeats; i++) {
    const copy = file.replace(/\.rootline$/, `-open${i}.rootline`);
    copyFileSync(file, copy);
    const served = await serve(copy);
    try {
      const page = await chromium.context.newPage();
      await page.goto(served.appUrl);
      opened.push((await firstFrame(page)).firstFrameMs);
      await page.waitForFunction(() => (globalThis as unknown as Hooked).__rootline?.state().layout !== 'computing', null, { timeout: 300_000 });
      await page.close();
    } finally {
      served.close();
    }
  }
  // The last copy now has saved positions: reopen it, and draw the same graph on the bare page.
  const served = await serve(file.replace(/\.rootline$/, `-open${repeats - 1}.rootline`));
  try {
    const data = served.handlers.graph({}) as { nodes: unknown[]; edges: unknown[] };
    const reopened: number[] = [];
    const bareFirst: number[] = [];
    let shown = 0;
    let appPan = 0;
    let barePan = 0;
    for (let i = 0; i < repeats; i++) {
      const page = await chromium.context.newPage();
      await page.goto(served.appUrl);
      const state = await firstFrame(page);
      reopened.push(state.firstFrameMs);
      shown = state.visibleNodes;
      if (i === repeats - 1) {
        await page.waitForTimeout(300);
        appPan = await panFrameMs(page);
      }
      await page.close();
      const bare = await chromium.context.newPage();
      bareFirst.push(await bareFirstFrame(bare, served.bareUrl, data));
      if (i === repeats - 1) {
        await bare.waitForTimeout(300);
        barePan = await panFrameMs(bare);
      }
      await bare.close();
    }
    console.log(`\n${label}: ${data.nodes.length} datasets, ${data.edges.length} edges; opens on the summary (${shown} shown); medians of ${repeats} runs (range)`);
    console.log(`  app, first open (the layout is computed after the first frame): first frame ${median(opened)} ms after asking for the graph (${spread(opened)})`);
    console.log(`  app, reopened (saved positions): first frame ${median(reopened)} ms (${spread(reopened)}); ${round(appPan, 1)} ms per frame while panning`);
    console.log(`  bare sigma, same graph: first frame ${round(median(bareFirst), 0)} ms after receiving it (${spread(bareFirst)}); ${round(barePan, 1)} ms per frame while panning`);
    console.log(`  ratios app ÷ bare: first frame ${round(median(opened) / median(bareFirst))} (first open), ${round(median(reopened) / median(bareFirst))} (reopened); frame time while panning ${round(appPan / barePan)}`);
  } finally {
    served.close();
  }
}

/** Time from "Show all N sources" to the layered view's first frame, beside bare sigma drawing the same graph. */
async function measureLayered(label: string, file: string, dataset: string, chromium: Awaited<ReturnType<typeof launchChromium>>, repeats: number) {
  const served = await serve(file);
  try {
    const app: number[] = [];
    const bareFirst: number[] = [];
    let drawnNodes = 0;
    for (let i = 0; i < repeats; i++) {
      const page = await chromium.context.newPage();
      await page.goto(served.appUrl);
      await firstFrame(page);
      await page.waitForFunction(() => (globalThis as unknown as Hooked).__rootline?.state().layout !== 'computing', null, { timeout: 300_000 });
      await page.getByLabel('Search datasets').fill(dataset);
      await page.keyboard.press('Enter');
      const button = page.getByRole('button', { name: /^Show all \d+ sources$/ });
      await button.waitFor();
      await page.waitForTimeout(600);
      await button.click();
      await page.waitForFunction(() => (globalThis as unknown as Hooked).__rootline?.state().layeredFrameMs != null, null, { timeout: 60_000 });
      app.push((await page.evaluate<{ layeredFrameMs: number }>(STATE)).layeredFrameMs);
      const drawn = await page.evaluate<{ nodes: unknown[]; edges: unknown[] }>('(() => window.__rootline.drawnGraph())()');
      drawnNodes = drawn.nodes.length;
      await page.close();
      const bare = await chromium.context.newPage();
      bareFirst.push(await bareFirstFrame(bare, served.bareUrl, drawn));
      await bare.close();
    }
    console.log(`\n${label}: layered view of ${dataset}, ${drawnNodes} nodes drawn; medians of ${repeats} runs (range)`);
    console.log(`  app: ${median(app)} ms from asking for it to its first frame (${spread(app)}; layout for the canvas, groups, camera, labels)`);
    console.log(`  bare sigma, same nodes and edges: first frame ${round(median(bareFirst), 0)} ms (${spread(bareFirst)})`);
    console.log(`  ratio app ÷ bare: ${round(median(app) / median(bareFirst))}`);
  } finally {
    served.close();
  }
}

try {
  await ensureRendererBuilt({ log: console.log });
  await buildBarePage();
  const chromium = await launchChromium();
  try {
    const repeats = numberArg('--repeats', 5);
    await measureGraph('paper text-only graph', paperProject('text-only'), chromium, repeats);
    await measureLayered('150-source fan-in', fanInProject(), 'org/hub', chromium, repeats);
    await measureLayered('paper multimodal graph', paperProject('multimodal'), 'HuggingFaceM4/FineVision', chromium, repeats);
    await measureGraph('synthetic graph', syntheticProject(numberArg('--datasets', 10_000)), chromium, Math.min(3, repeats));
  } finally {
    await chromium.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
