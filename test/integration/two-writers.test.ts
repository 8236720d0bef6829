/**
 * Two processes writing one project at once — two ingests, an ingest beside an import, two imports, the
 * app taking uploads while the CLI imports — each on a new project file both create together. Both must
 * finish (exit 0, every upload answered 200), no "database is locked" may reach anyone, and the project
 * must hold what the two runs one after the other would have written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../engine/project.js';
import { serveApp } from '../e2e/app-server.js';
import { rootline, startRootline } from '../helpers/cli.js';
import { DPI_DATA, PAPER_DATA, SAMPLES, tempDir, writeTree } from '../helpers/temp.js';

const PAPER = join(PAPER_DATA, 'text-only');
const INGEST_ACME = ['ingest', join(SAMPLES, 'acme-general-chat'), join(SAMPLES, 'acme-math-tutor'), join(SAMPLES, 'acme-code-instruct')];
const INGEST_PUBLIC = ['ingest', join(SAMPLES, 'databricks-dolly-15k.md'), join(SAMPLES, 'metamathqa.md'), join(SAMPLES, 'openhermes-2.5.md'), join(SAMPLES, 'ultrafeedback.md')];
const IMPORT_PAPER = ['import', PAPER, '--format', 'paper'];
const IMPORT_DPI = ['import', DPI_DATA, '--format', 'dpi'];

const dir = tempDir('rootline-two-writers-');
let count = 0;
const newProject = () => join(dir, `p${++count}.rootline`);

/** What a project holds, in a form two projects can be compared by. */
function contents(file: string) {
  const project = Project.open(file, { mustExist: true });
  try {
    return {
      datasets: project.datasets.all().map((d) => d.id).sort(),
      edges: project.edges.all({ withEvidence: true }).map((e) => `${e.upstream} -> ${e.downstream} (${e.evidence.length})`).sort(),
      documents: project.documents.count(),
    };
  } finally {
    project.close();
  }
}

/** The same two runs one after the other, on a project of their own. */
function sequentially(first: string[], second: string[]) {
  const file = newProject();
  for (const args of [first, second]) expect(rootline([...args, '--project', file]).code).toBe(0);
  return contents(file);
}

describe('two writers on one project', { timeout: 240_000 }, () => {
  const pairs: Array<[string, string[], string[]]> = [
    ['two ingests', INGEST_ACME, INGEST_PUBLIC],
    ['an ingest and an import', INGEST_ACME, IMPORT_PAPER],
    ['two imports', IMPORT_PAPER, IMPORT_DPI],
  ];
  it.each(pairs)('%s at once: both finish and the project holds both', async (_name, first, second) => {
    const file = newProject();
    const runs = await Promise.all([first, second].map((args) => startRootline([...args, '--project', file]).done));
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/database is locked|SQLITE_BUSY/i);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(contents(file)).toEqual(sequentially(first, second));
  });

  it('an import killed at any moment leaves all of itself or nothing', async () => {
    const multimodal = ['import', join(PAPER_DATA, 'multimodal'), '--format', 'paper'];
    const whole = newProject();
    expect(rootline([...multimodal, '--project', whole]).code).toBe(0);
    const all = contents(whole);
    const seen = new Set<string>();
    for (const delay of [300, 400, 500, 600, 700, 800, 900, 1000, 2000]) {
      const file = newProject();
      const { child, done } = startRootline([...multimodal, '--project', file]);
      setTimeout(() => child.kill('SIGKILL'), delay);
      const run = await done;
      const held = existsSync(file) ? contents(file) : { datasets: [], edges: [], documents: 0 };
      expect(held.datasets.length === 0 ? 'nothing' : held, `killed after ${delay} ms (${run.signal ?? `exit ${run.code}`})`).toEqual(held.datasets.length === 0 ? 'nothing' : all);
      seen.add(`${delay} ms: ${run.signal ? 'killed' : 'finished'}, ${held.datasets.length ? 'all' : 'nothing'} written`);
    }
    console.log(`imports killed after 0.3–2 s: ${[...seen].join('; ')}`);
  });

  it('the app takes uploads while the CLI ingests card after card: every upload lands', async () => {
    const card = (name: string) => `---\npretty_name: ${name}\n---\n# ${name}\n\nBuilt from GSM8K problems, rewritten, and from the Alpaca data.\n`;
    const cards = writeTree(join(dir, 'cards'), Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`cli-${i}.md`, card(`Cli ${i}`)])));
    const file = newProject();
    const app = await serveApp(file);
    try {
      const ingesting = startRootline(['ingest', cards, '--project', file]).done;
      // Upload while the CLI writes, not before it has started.
      while ((await app.call<{ datasets: number }>('projectInfo')).datasets === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const waits: number[] = [];
      const uploads = [];
      for (let i = 0; i < 40; i++) {
        const started = Date.now();
        const files = Array.from({ length: 4 }, (_, j) => ({ name: `upload-${i}-${j}.md`, content: card(`Upload ${i}-${j}`) }));
        uploads.push(app.upload(files).finally(() => waits.push(Date.now() - started)));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const results = await Promise.allSettled(uploads);
      const ingested = await ingesting;
      expect(ingested.stderr).not.toMatch(/database is locked|SQLITE_BUSY/i);
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.files.map((f) => f.message ?? f.status).join() : String(r.reason)))).toEqual(Array(40).fill('ingested,ingested,ingested,ingested'));
      console.log(`40 uploads beside an ingest of 150 cards: the slowest took ${Math.max(...waits)} ms`);
      const held = contents(file).datasets;
      for (let i = 0; i < 150; i++) expect(held).toContain(`cli-${i}`);
      for (let i = 0; i < 40; i++) for (let j = 0; j < 4; j++) expect(held).toContain(`upload-${i}-${j}`);
    } finally {
      await app.stop();
    }
  });
});
