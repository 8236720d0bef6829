import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootline } from '../helpers/cli.js';
import { PAPER_DATA, SAMPLES, tempDir } from '../helpers/temp.js';

const dir = tempDir();

describe('rootline CLI', () => {
  it('--help lists every verb', () => {
    const help = rootline(['--help']);
    expect(help.code).toBe(0);
    for (const verb of ['demo', 'ingest', 'extract', 'import', 'graph', 'show', 'datasets']) expect(help.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, 'm'));
  });

  it('extract --json prints one object per file with sources, relation, confidence and evidence', () => {
    const run = rootline(['extract', join(SAMPLES, 'ultrafeedback.md'), join(SAMPLES, 'metamathqa.md'), '--json']);
    expect(run.code).toBe(0);
    const [ultra, meta] = run.lines<{ file: string; dataset: { name: string }; sources: Array<{ name: string; id: string; relation: string; confidence: number; evidence: Array<{ quote: string }> }> }>();
    expect(ultra!.file).toMatch(/ultrafeedback\.md$/);
    expect(ultra!.dataset.name).toBe('UltraFeedback');
    expect(ultra!.sources.map((s) => s.id)).toContain('truthfulqa/truthful_qa');
    expect(meta!.sources.map((s) => [s.id, s.relation])).toEqual([
      ['openai/gsm8k', 'Semantic Evolution'],
      ['EleutherAI/hendrycks_math', 'Semantic Evolution'],
    ]);
    for (const s of ultra!.sources) {
      expect(s.confidence).toBeGreaterThanOrEqual(0.5);
      expect(s.evidence[0]!.quote.length).toBeGreaterThan(0);
    }
  });

  it('ingest, graph --json and show work on a project file', () => {
    const project = join(dir, 'cli.rootline');
    const ingest = rootline(['ingest', SAMPLES, '--project', project]);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/8 ingested, 0 unchanged, 0 failed/);
    const graph = rootline(['graph', '--project', project, '--json']).json<{ nodes: Array<{ id: string; name: string; domains: string[]; kind: string }>; edges: Array<{ upstream: string; downstream: string; relation: string; confidence: number; status: string }> }>();
    expect(graph.nodes.find((n) => n.id === 'openai/gsm8k')).toMatchObject({ name: 'GSM8K', kind: 'benchmark', domains: ['Math'] });
    expect(graph.edges.find((e) => e.upstream === 'openai/gsm8k' && e.downstream === 'acme-math-tutor')).toMatchObject({ status: 'proposed', relation: 'CoT Distillation' });
    const show = rootline(['show', 'acme general chat', '--project', project]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/upstream \(\d+ datasets\):/);
    expect(show.stdout).toMatch(/├─ openbmb\/UltraFeedback\s+\(Structured Fusion, 0\.92\)/);
    expect(show.stdout).toMatch(/│ {2}[├└]─ truthfulqa\/truthful_qa/);
  });

  it('import --format paper prints what it imported', () => {
    const run = rootline(['import', join(PAPER_DATA, 'text-only'), '--format', 'paper', '--project', join(dir, 'paper.rootline'), '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ datasets: 813, edges: 1088 });
  });

  it('exits 1 with a message naming the file on user errors, and leaves no project behind', () => {
    const missing = join(dir, 'nope.rootline');
    const graph = rootline(['graph', '--project', missing]);
    expect(graph.code).toBe(1);
    expect(graph.stderr).toMatch(/nope\.rootline: no such project file/);
    expect(existsSync(missing)).toBe(false);

    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\nlicense: [oops\n---\n# x\n');
    const ingest = rootline(['ingest', bad, '--project', join(dir, 'bad.rootline')]);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(/bad\.md: line 2: malformed YAML front matter: /);
    expect(existsSync(join(dir, 'bad.rootline'))).toBe(false);

    expect(rootline(['import', bad, '--format', 'csv', '--project', join(dir, 'x.rootline')]).stderr).toMatch(/unknown import format "csv"/);
    expect(rootline(['show', 'No Such Set', '--project', join(dir, 'cli.rootline')]).stderr).toMatch(/no dataset named "No Such Set"/);
    expect(rootline(['frobnicate']).code).toBe(1);
    expect(rootline(['extract', '--min-confidence', '7', bad]).stderr).toMatch(/--min-confidence must be between 0 and 1/);
  });

  it('refuses to treat another program’s file as a project', () => {
    const notProject = join(dir, 'notes.txt');
    writeFileSync(notProject, 'just text, not SQLite');
    const run = rootline(['graph', '--project', notProject]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt: not a Rootline project file/);
  });

  it('demo runs on the bundled samples with no model and no network', () => {
    const run = rootline(['demo', '--project', join(dir, 'demo.rootline')], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Acme General Chat — upstream lineage:/);
    expect(run.stdout).toMatch(/truthfulqa\/truthful_qa/);
    // The upstream no card names, found in the sample files, and the card the data contradicts.
    expect(run.stdout).toMatch(/Lineage from the data[^\n]*\n {2}Acme Support Logs → Acme Helpdesk QA \(CoT Distillation, proposed for review as #\d+\): 67% of Acme Helpdesk QA's samples take their prompt from Acme Support Logs/);
    expect(run.stdout).toMatch(/contradicted: a card says Dolly 15k → Acme Helpdesk QA, but none of 15 sampled records/);
  });
});
