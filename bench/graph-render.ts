/**
 * The graph view's speed in headless Chromium with software WebGL (SwiftShader): time to first frame and
 * frame time while panning with the mouse, for the paper's text-only graph (813 datasets) and a synthetic
 * 10k-dataset graph — each beside a bare sigma page showing the same graph in the same run.
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

async function buildBarePage() {
  await build({ configFile: false, root: join(ROOT, 'bench/bare-sigma'), base: './', logLevel: 'warn', build: { outDir: BARE_DIST, emptyOutDir: true } });
}

function paperProject(): string {
  const file = join(work, 'paper.rootline');
  const run = rootline(['import', join(ROOT, '../shared/data/paper-lineage/text-only'), '--format', 'paper', '--project', file]);
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

/** Mean milliseconds between frames while the mouse drags the view across. */
async function panFrameMs(page: Page): Promise<number> {
  // A string, not a function: tsx's name helpers do not exist in the page.
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
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  return (frames[frames.length - 1]! - frames[0]!) / Math.max(1, frames.length - 1);
}

async function measure(label: string, file: string) {
  const project = Project.open(file);
  const handlers = createHandlers(project);
  const token = 'bench'.repeat(8);
  const app = await startAppServer({ handlers, staticDir: join(ROOT, 'dist/renderer'), token });
  const bare = await startAppServer({ handlers, staticDir: BARE_DIST, token });
  const data = handlers.graph({}) as Awaited<ReturnType<typeof handlers.graph>>;
  const chromium = await launchChromium();
  try {
    const appPage = await chromium.context.newPage();
    await appPage.goto(`${app.url}/#token=${token}`);
    await appPage.waitForFunction(() => (window as unknown as { __rootline?: { state(): { firstFrameMs: number | null } } }).__rootline?.state().firstFrameMs != null, null, { timeout: 60_000 });
    const appState = await appPage.evaluate(() => (window as unknown as { __rootline: { state(): { firstFrameMs: number; firstFrameAt: number } } }).__rootline.state());
    await appPage.getByRole('button', { name: 'Stop layout' }).click().catch(() => undefined);
    await appPage.waitForTimeout(300);
    const appPan = await panFrameMs(appPage);

    const barePage = await chromium.context.newPage();
    await barePage.goto(`${bare.url}/`);
    const bareFirst = await barePage.evaluate((graph) => (window as unknown as { showGraph(d: unknown): Promise<number> }).showGraph(graph), data);
    await barePage.waitForTimeout(300);
    const barePan = await panFrameMs(barePage);

    console.log(`\n${label}: ${data.nodes.length} datasets, ${data.edges.length} edges`);
    console.log(`  app: first frame ${appState.firstFrameMs} ms after asking for the graph (${appState.firstFrameAt} ms after the page started loading); ${round(appPan, 1)} ms per frame while panning`);
    console.log(`  bare sigma, same graph: first frame ${round(bareFirst, 0)} ms after receiving it; ${round(barePan, 1)} ms per frame while panning`);
    console.log(`  ratios app ÷ bare: first frame ${round(appState.firstFrameMs / bareFirst)}, frame time while panning ${round(appPan / barePan)}`);
  } finally {
    await chromium.close();
    app.close();
    bare.close();
    project.close();
  }
}

try {
  await ensureRendererBuilt({ log: console.log });
  await buildBarePage();
  await measure('paper text-only graph', paperProject());
  await measure('synthetic graph', syntheticProject(numberArg('--datasets', 10_000)));
} finally {
  rmSync(work, { recursive: true, force: true });
}
