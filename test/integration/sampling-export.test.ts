import { parse as parseGexf } from 'graphology-gexf';
import { DirectedGraph } from 'graphology';
import { DOMParser } from '@xmldom/xmldom';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { EXPORT_FORMATS, exportFormat } from '../../engine/export/formats/index.js';
import { auditReportHtml } from '../../engine/export/report.js';
import { importPaper } from '../../engine/import/paper.js';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import { lineageAwareSample } from '../../engine/sampling/lineage-aware.js';
import { writeSampleList } from '../../engine/sampling/write.js';
import { readSamples } from '../../engine/samples/read.js';
import { rootline } from '../helpers/cli.js';
import { freshProjects, SAMPLES, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();
const SAMPLE_ROOT = join(SAMPLES, '..');

/** r1 → a, r2 → a, r2 → b, bench → b (test split), r3 (files of its own) → c. */
function buildProject() {
  const project = fresh();
  for (const id of ['r1', 'r2', 'r3', 'a', 'b', 'c']) project.datasets.ensure({ id, name: id });
  project.datasets.ensure({ id: 'bench', name: 'bench', kind: 'benchmark' });
  const edge = (upstream: string, downstream: string, quote = 'x') => project.edges.addFinding({ upstream, downstream, relation: 'Direct Inclusion/Subset', confidence: 0.9, quote, agent: 'test' });
  edge('r1', 'a');
  edge('r2', 'a');
  edge('r2', 'b');
  edge('bench', 'b', 'we include the bench test split');
  edge('r3', 'c');
  const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}${i}`, text: `${prefix} sample number ${i} about topic ${prefix}-${i * 7} with some words ${i % 3}` })).join('\n');
  const files = writeTree(tempDir(), { 'a/a.jsonl': rows('a', 40), 'b/b.jsonl': rows('b', 40), 'r3/r3.jsonl': rows('r', 30) + '\n' + JSON.stringify({ id: 'dup', text: 'r sample number 0 about topic r-0 with some words 0' }) });
  const byDataset = new Map([['a', [join(files, 'a/a.jsonl')]], ['b', [join(files, 'b/b.jsonl')]], ['r3', [join(files, 'r3/r3.jsonl')]]]);
  return { project, byDataset };
}

describe('lineage-aware sampling', () => {
  it('anchors quotas at root sources, records each sample’s lineage path, and leaves out benchmark lineage', async () => {
    const { project, byDataset } = buildProject();
    const result = await lineageAwareSample(lineageGraphOf(project), byDataset, { budget: 30, seed: 7 });
    expect(result.roots.map((r) => [r.root, r.pools.map((p) => p.dataset), r.quota])).toEqual([
      ['r1', ['a'], 10],
      ['r2', ['a'], 10],
      ['r3', ['r3'], 10],
    ]);
    expect(result.excluded).toEqual([{ dataset: 'b', reason: 'its lineage carries the benchmark bench' }]);
    expect(result.samples).toHaveLength(30);
    const fromR1 = result.samples.find((s) => s.root === 'r1')!;
    expect(fromR1.lineage).toEqual([{ id: 'r1' }, { id: 'a', relation: 'Direct Inclusion/Subset' }]);
    expect(result.samples.filter((s) => s.root === 'r3').every((s) => s.dataset === 'r3' && s.lineage.length === 1)).toBe(true);
    expect(result.samples.some((s) => s.dataset === 'b')).toBe(false);
    // r1 and r2 both draw from a: no sample is taken twice.
    expect(new Set(result.samples.map((s) => `${s.dataset}:${s.id}`)).size).toBe(30);
    project.close();
  });

  it('is reproducible with a seed, and differs with another', async () => {
    const { project, byDataset } = buildProject();
    const graph = lineageGraphOf(project);
    const ids = async (seed: number) => (await lineageAwareSample(graph, byDataset, { budget: 20, seed })).samples.map((s) => s.id);
    expect(await ids(5)).toEqual(await ids(5));
    expect(await ids(5)).not.toEqual(await ids(6));
    project.close();
  });

  it('keeps benchmark lineage when asked, and writes a sample list read back line by line', async () => {
    const { project, byDataset } = buildProject();
    const result = await lineageAwareSample(lineageGraphOf(project), byDataset, { budget: 12, seed: 1, keepBenchmarkLineage: true, strategy: 'proportional' });
    expect(result.samples.some((s) => s.dataset === 'b')).toBe(true);
    const out = join(tempDir(), 'mix.jsonl');
    writeSampleList(out, result.samples, 'jsonl');
    const back = [];
    for await (const sample of readSamples(out)) back.push(sample.record);
    expect(back).toHaveLength(result.samples.length);
    expect(back[0]).toMatchObject({ text: expect.any(String), _rootline: { dataset: expect.any(String), root: expect.any(String), lineage: expect.any(Array), row: expect.any(Number) } });
    expect(() => writeSampleList(out, result.samples, 'jsonl')).toThrow(/already exists; pass --force/);
    writeSampleList(join(tempDir(), 'ids.csv'), result.samples, 'csv');
    project.close();
  });
});

describe('exports, read back by real parsers', () => {
  const project = fresh();
  ingestPaths(project, [SAMPLES]);
  const dir = tempDir();

  it('GEXF parses with graphology-gexf into the same graph', () => {
    const out = join(dir, 'graph.gexf');
    exportFormat('gexf').write(project, { out });
    const graph = parseGexf(DirectedGraph, readFileSync(out, 'utf8'));
    expect(graph.order).toBe(project.datasets.count());
    expect(graph.size).toBe(project.edges.count());
    expect(graph.getNodeAttribute('openai/gsm8k', 'label')).toBe('GSM8K');
    // A row of UltraFeedback's table of prompt sources: a part of its fusion, as the paper's text-only graph
    // records UltraFeedback's parts (openbmb/UltraChat → openbmb/UltraFeedback is Structured Fusion there).
    expect(graph.getEdgeAttribute(graph.edge('truthfulqa/truthful_qa', 'openbmb/UltraFeedback')!, 'relation')).toBe('Structured Fusion');
  });

  it('GraphML is well-formed XML with every node and edge', () => {
    const out = join(dir, 'graph.graphml');
    exportFormat('graphml').write(project, { out });
    const doc = new DOMParser().parseFromString(readFileSync(out, 'utf8'), 'application/xml');
    expect(doc.getElementsByTagName('node').length).toBe(project.datasets.count());
    expect(doc.getElementsByTagName('edge').length).toBe(project.edges.count());
  });

  it('JSON and CSV carry the graph; the paper format imports back into the same graph', async () => {
    exportFormat('json').write(project, { out: join(dir, 'graph.json') });
    const json = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'));
    expect(json.nodes).toHaveLength(project.datasets.count());
    expect(json.edges[0].evidence[0].quote).toEqual(expect.any(String));
    exportFormat('csv').write(project, { out: join(dir, 'graph.csv') });
    const edges = [];
    for await (const row of readSamples(join(dir, 'graph.edges.csv'))) edges.push(row.record);
    expect(edges).toHaveLength(project.edges.count());
    exportFormat('paper').write(project, { out: join(dir, 'paper') });
    const again = fresh();
    const report = importPaper(again, join(dir, 'paper'));
    expect(report.problems).toEqual([]);
    expect(again.edges.count()).toBe(project.edges.count());
    again.close();
  });

  it('a Croissant record lists prov:wasDerivedFrom for a dataset', () => {
    const out = join(dir, 'chat.croissant.json');
    exportFormat('croissant').write(project, { out, dataset: 'Acme General Chat' });
    const record = JSON.parse(readFileSync(out, 'utf8'));
    expect(record['@type']).toBe('sc:Dataset');
    expect(record['prov:wasDerivedFrom'].map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['UltraFeedback', 'MetaMathQA']));
    expect(() => exportFormat('croissant').write(project, { out: join(dir, 'x.json') })).toThrow(/pass --dataset/);
  });

  it('never overwrites without being told to, and leaves no temporary files', () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, 'precious');
    expect(() => exportFormat('json').write(project, { out })).toThrow(/kept\.json: already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    exportFormat('json').write(project, { out, force: true });
    expect(readFileSync(out, 'utf8')).not.toBe('precious');
    expect(readdirSync(dir).filter((f) => f.includes('rootline-tmp'))).toEqual([]);
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['gexf', 'graphml', 'json', 'csv', 'paper', 'croissant']);
  });

  it('the audit report is one self-contained HTML file with every section and no script', () => {
    const html = auditReportHtml(project);
    for (const heading of ['Summary', 'Review status', 'Structural patterns per domain', 'Benchmark contamination', 'Structural redundancy of mixes', 'Licenses']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('truthfulqa/truthful_qa');
    expect(html).toContain('drops a share-alike obligation');
    expect(html).not.toMatch(/<script|src=["']?https?:/i);
    expect(html).toContain('<svg');
  });
});

describe('rootline sample --compare on the shipped samples', () => {
  it('the lineage-aware sample is more diverse than a uniform one of the same budget', () => {
    const dir = tempDir();
    const project = join(dir, 'demo.rootline');
    expect(rootline(['ingest', SAMPLES, '--project', project]).code).toBe(0);
    const out = join(dir, 'mix.jsonl');
    const run = rootline(['sample', '--project', project, '--samples', SAMPLE_ROOT, '--budget', '24', '--out', out, '--compare', '--datasets', 'Acme General Chat,Acme Math Tutor', '--json']);
    expect(run.code).toBe(0);
    const result = run.json<{ samples: number; comparison: { lineageAware: { vendi: number; centroidDistance: number }; uniform: { vendi: number; centroidDistance: number } }; excluded: Array<{ dataset: string }> }>();
    expect(result.samples).toBe(24);
    expect(result.comparison.lineageAware.vendi).toBeGreaterThan(result.comparison.uniform.vendi);
    expect(result.comparison.lineageAware.centroidDistance).toBeGreaterThan(result.comparison.uniform.centroidDistance);
    expect(result.excluded.map((e) => e.dataset)).toContain('acme-general-chat');
    expect(existsSync(out)).toBe(true);
    const diversity = rootline(['diversity', out, '--json']).json<{ results: Array<{ items: number; vendi: number }> }>();
    expect(diversity.results[0]!.items).toBe(24);
  });
});
