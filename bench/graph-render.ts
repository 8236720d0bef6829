/**
 * The graph view's speed in headless Chromium with software WebGL (SwiftShader), each figure beside a
 * bare sigma page showing the same graph in the same run:
 * - the paper's text-only graph (813 datasets) and a synthetic 10k-dataset graph: time to the first frame
 *   (both open on the summary), on first open (the layout is then computed once) and on reopening
 *   (saved positions), and frame time while panning;
 * - the layered view of a 150-source fan-in (a synthetic hub whose sources fit a grid) and of the paper
 *   multimodal graph's FineVision (155 upstream, grouped): time from asking for it to its first frame.
 * Usage: npm run bench -- graph-render [--datasets 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
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

async function measureGraph(label: string, file: string, chromium: Awaited<ReturnType<typeof launchChromium>>) {
  const served = await serve(file);
  try {
    const data = served.handlers.graph({}) as { nodes: unknown[]; edges: unknown[] };
    const first = await chromium.context.newPage();
    await first.goto(served.appUrl);
    const opened = await firstFrame(first);
    await first.waitForFunction(() => (globalThis as unknown as Hooked).__rootline?.state().layout !== 'computing', null, { timeout: 300_000 });
    await first.close();
    const again = await chromium.context.newPage();
    await again.goto(served.appUrl);
    const reopened = await firstFrame(again);
    await again.waitForTimeout(300);
    const appPan = await panFrameMs(again);
    const bare = await chromium.context.newPage();
    const bareFirst = await bareFirstFrame(bare, served.bareUrl, data);
    await bare.waitForTimeout(300);
    const barePan = await panFrameMs(bare);
    console.log(`\n${label}: ${data.nodes.length} datasets, ${data.edges.length} edges; opens on the summary (${reopened.visibleNodes} shown)`);
    console.log(`  app, first open (layout computed after the first frame): first frame ${opened.firstFrameMs} ms after asking for the graph (${opened.firstFrameAt} ms after the page started loading)`);
    console.log(`  app, reopened (saved positions): first frame ${reopened.firstFrameMs} ms (${reopened.firstFrameAt} ms after page start); ${round(appPan, 1)} ms per frame while panning`);
    console.log(`  bare sigma, same graph: first frame ${round(bareFirst, 0)} ms after receiving it; ${round(barePan, 1)} ms per frame while panning`);
    console.log(`  ratios app ÷ bare: first frame ${round(opened.firstFrameMs / bareFirst)} (first open), ${round(reopened.firstFrameMs / bareFirst)} (reopened); frame time while panning ${round(appPan / barePan)}`);
    await again.close();
    await bare.close();
  } finally {
    served.close();
  }
}

/** Time from "Show all N sources" to the layered view's first frame, beside bare sigma drawing the same graph. */
async function measureLayered(label: string, file: string, dataset: string, chromium: Awaited<ReturnType<typeof launchChromium>>) {
  const served = await serve(file);
  try {
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
    const state = await page.evaluate<{ layeredFrameMs: number }>(STATE);
    const drawn = await page.evaluate<{ nodes: unknown[]; edges: unknown[] }>('(() => window.__rootline.drawnGraph())()');
    const bare = await chromium.context.newPage();
    const bareFirst = await bareFirstFrame(bare, served.bareUrl, drawn);
    console.log(`\n${label}: layered view of ${dataset}, ${drawn.nodes.length} nodes drawn`);
    console.log(`  app: ${state.layeredFrameMs} ms from asking for it to its first frame (layout for the canvas, groups, camera, labels)`);
    console.log(`  bare sigma, same nodes and edges: first frame ${round(bareFirst, 0)} ms`);
    console.log(`  ratio app ÷ bare: ${round(state.layeredFrameMs / bareFirst)}`);
    await page.close();
    await bare.close();
  } finally {
    served.close();
  }
}

try {
  await ensureRendererBuilt({ log: console.log });
  await buildBarePage();
  const chromium = await launchChromium();
  try {
    await measureGraph('paper text-only graph', paperProject('text-only'), chromium);
    await measureLayered('150-source fan-in', fanInProject(), 'org/hub', chromium);
    await measureLayered('paper multimodal graph', paperProject('multimodal'), 'HuggingFaceM4/FineVision', chromium);
    await measureGraph('synthetic graph', syntheticProject(numberArg('--datasets', 10_000)), chromium);
  } finally {
    await chromium.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
