import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanContamination } from '../../engine/analyses/contamination-scan.js';
import { scanDuplicates } from '../../engine/analyses/duplicates-scan.js';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { importPaper } from '../../engine/import/paper.js';
import { locateSampleFiles } from '../../engine/samples/locate.js';
import { readSamples, type RowProblem } from '../../engine/samples/read.js';
import { structuralPatterns } from '../../shared/analyses/patterns/index.js';
import { rootline } from '../helpers/cli.js';
import { freshProjects, PAPER_DATA, SAMPLES, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();
const SAMPLE_BENCHMARKS = join(SAMPLES, '../benchmarks');

describe("the paper's finding on its own graph", () => {
  it('math is deepest; general is shallowest, has the largest leaf share and aggregates horizontally', () => {
    const project = fresh();
    importPaper(project, join(PAPER_DATA, 'text-only'));
    const { domains } = structuralPatterns(lineageGraphOf(project));
    const by = Object.fromEntries(domains.map((d) => [d.domain, d]));
    const others = ['Code', 'General', 'Science'].map((d) => by[d]!);
    expect(others.every((d) => by.Math!.avgDepth > d.avgDepth)).toBe(true);
    expect(['Math', 'Code', 'Science'].every((d) => by.General!.avgDepth < by[d]!.avgDepth && by.General!.leafShare > by[d]!.leafShare)).toBe(true);
    expect(by.Math!.shape).toBe('vertical');
    expect(by.General!.shape).toBe('horizontal');
    expect(by.Math!.datasets).toBeGreaterThan(90);
    project.close();
  });
});

describe('dataset files', () => {
  const dir = tempDir();

  it('streams JSONL, JSON, CSV and Parquet records and reports broken rows by line', async () => {
    writeTree(dir, {
      'a.jsonl': '{"id": "a1", "prompt": "p"}\n{"prompt": "broken"\n\n["not", "an", "object"]\n{"prompt": "q"}\n',
      'b.json': JSON.stringify([{ question: 'q1', answer: 'a1' }, { question: 'q2', answer: 'a2' }]),
      'c.csv': 'uid,instruction,output\nu1,"Say hi, please",hi\nu2,Count,1 2 3\n',
    });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'r' || range AS id, 'text ' || range AS text FROM range(3000)) TO '${join(dir, 'd.parquet')}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();

    const problems: RowProblem[] = [];
    const read = async (file: string) => {
      const out = [];
      for await (const sample of readSamples(join(dir, file), (p) => problems.push(p))) out.push(sample);
      return out;
    };
    expect((await read('a.jsonl')).map((s) => [s.id, s.row])).toEqual([['a1', 1], ['a.jsonl:5', 5]]);
    expect(problems.map((p) => [p.row, p.message.split(' (')[0]])).toEqual([[2, 'not valid JSON'], [4, 'not a JSON object']]);
    expect((await read('b.json')).map((s) => s.record)).toEqual([{ question: 'q1', answer: 'a1' }, { question: 'q2', answer: 'a2' }]);
    expect((await read('c.csv')).map((s) => [s.id, s.record.instruction])).toEqual([['u1', 'Say hi, please'], ['u2', 'Count']]);
    const parquet = await read('d.parquet');
    expect(parquet).toHaveLength(3000);
    expect(parquet[2999]).toMatchObject({ id: 'r2999', row: 3000 });
  });

  it('names the file when it cannot be read', async () => {
    writeTree(dir, { 'bad.parquet': 'not parquet at all', 'notes.txt': 'x' });
    // A file whose content cannot be read is reported and skipped, so the rest of a folder goes on.
    const problems: RowProblem[] = [];
    for await (const _ of readSamples(join(dir, 'bad.parquet'), (p) => problems.push(p))) void _;
    expect(problems).toMatchObject([{ row: 0, scope: 'file', message: expect.stringMatching(/^cannot read as PARQUET: /) }]);
    await expect(async () => {
      for await (const _ of readSamples(join(dir, 'notes.txt'))) void _;
    }).rejects.toThrow(/notes\.txt: not a data file Rootline reads/);
  });
});

describe('sample-level checks on data built for the purpose', () => {
  const dir = writeTree(tempDir(), {
    'bench/mini-bench.jsonl': [
      { id: 'b1', question: 'what is the boiling point of water at sea level in degrees celsius on a normal day' },
      { id: 'b2', question: 'name the largest planet in our solar system and explain why it is called a gas giant' },
      { id: 'b3', question: 'how many legs does a spider have compared with an insect such as an ant or a bee' },
      { id: 'b4', question: 'too short' },
    ].map((r) => JSON.stringify(r)).join('\n'),
    'data/mix-one/train.jsonl': [
      { id: 's1', instruction: 'What is the boiling point of water at sea level in degrees Celsius on a normal day?', output: '100' },
      { id: 's2', instruction: 'Write a poem about autumn leaves falling slowly in the quiet park', output: 'Leaves...' },
      { id: 's3', instruction: 'Write a poem about autumn leaves falling slowly in the quiet park', output: 'Leaves...' },
      { id: 's4', instruction: 'Explain recursion to a child using an example with nested dolls and stories', output: 'Imagine a doll inside a doll inside a doll' },
    ].map((r) => JSON.stringify(r)).join('\n'),
    'data/mix-two/train.jsonl': [
      { id: 't1', messages: [{ role: 'user', content: 'Quiz: name the largest planet in our solar system and explain why it is called a gas giant.' }, { role: 'assistant', content: 'Jupiter.' }] },
      { id: 't2', instruction: 'Explain recursion to a child using an example with nested dolls and stories', output: 'Imagine a doll inside a doll inside a doll too' },
      { id: 't3', instruction: 'Write a poem about autumn leaves falling slowly in the quiet park', output: 'Leaves...' },
    ].map((r) => JSON.stringify(r)).join('\n'),
  });
  const resolve = (name: string) => (['mini-bench', 'mix-one', 'mix-two'].includes(name) ? name : undefined);

  it('finds which benchmark items appear in which samples, and the contamination ratio', async () => {
    const benchmarks = locateSampleFiles(join(dir, 'bench'), resolve).byDataset;
    const datasets = locateSampleFiles(join(dir, 'data'), resolve).byDataset;
    const [report] = await scanContamination(benchmarks, datasets, { ngram: 13 });
    expect(report).toMatchObject({ benchmark: 'mini-bench', items: 3, skippedShortItems: 1 });
    const byDataset = Object.fromEntries(report!.datasets.map((d) => [d.dataset, d]));
    expect(byDataset['mix-one']!.hits.map((h) => [h.item, h.samples, h.exact])).toEqual([['b1', ['s1'], false]]);
    expect(byDataset['mix-one']!.ratio).toBeCloseTo(1 / 3, 3);
    expect(byDataset['mix-two']!.hits.map((h) => [h.item, h.samples])).toEqual([['b2', ['t1']]]);
    expect(byDataset['mix-two']!.hits[0]!.overlap).toBe(1);
  });

  it('finds the same items with the file split over worker threads', async () => {
    const benchmarks = locateSampleFiles(join(dir, 'bench'), resolve).byDataset;
    const datasets = locateSampleFiles(join(dir, 'data'), resolve).byDataset;
    const one = await scanContamination(benchmarks, datasets, { threads: 1 });
    const fallbacks: Error[] = [];
    const two = await scanContamination(benchmarks, datasets, { threads: 2, parallelBytes: 0, onSingleThreadFallback: (e) => fallbacks.push(e) });
    expect(fallbacks).toEqual([]);
    expect(two).toEqual(one);
  });

  it('finds exact and near duplicates within and across datasets, with ids on both sides', async () => {
    const datasets = locateSampleFiles(join(dir, 'data'), resolve).byDataset;
    const report = await scanDuplicates(datasets, { threshold: 0.8 });
    const one = report.perDataset.find((d) => d.dataset === 'mix-one')!;
    expect(one).toMatchObject({ samples: 4, exactDuplicates: 1, exactDuplicateRate: 0.25 });
    expect(report.exactGroups.map((g) => g.map((r) => r.id))).toEqual([['s2', 's3', 't3']]);
    const cross = report.crossDataset.find((c) => c.datasets.join() === 'mix-one,mix-two')!;
    expect(cross.exactShared).toBe(1);
    expect(cross.nearShared).toBe(1);
    expect(cross.examples).toEqual(expect.arrayContaining([expect.objectContaining({ a: 's4', b: 't2' })]));
  });
});

describe('rootline analyze', () => {
  it('patterns --json on the paper graph', () => {
    const project = join(tempDir(), 'paper.rootline');
    expect(rootline(['import', join(PAPER_DATA, 'text-only'), '--format', 'paper', '--project', project]).code).toBe(0);
    const run = rootline(['analyze', 'patterns', '--project', project, '--json']);
    expect(run.code).toBe(0);
    const math = run.json<{ domains: Array<{ domain: string; datasets: number; avgDepth: number; avgInDegree: number; avgOutDegree: number; leafShare: number; maxDepth: number }> }>().domains.find((d) => d.domain === 'Math');
    expect(math).toMatchObject({ datasets: expect.any(Number), avgDepth: expect.any(Number), avgInDegree: expect.any(Number), avgOutDegree: expect.any(Number), leafShare: expect.any(Number), maxDepth: expect.any(Number) });
  });

  it('shows the contamination path and the redundancy case of the shipped samples', () => {
    const project = join(tempDir(), 'demo.rootline');
    expect(rootline(['ingest', SAMPLES, '--project', project]).code).toBe(0);
    const contamination = rootline(['analyze', 'contamination', '--project', project, '--samples', SAMPLES, '--benchmarks', SAMPLE_BENCHMARKS, '--json']).json<{
      graph: Array<{ benchmark: string; datasets: Array<{ id: string; path: Array<{ id: string }> }> }>;
      samples: Array<{ benchmark: string; datasets: Array<{ dataset: string; itemsFound: number; hits: Array<{ item: string; samples: string[] }> }> }>;
    }>();
    const truthful = contamination.graph.find((r) => r.benchmark === 'truthfulqa/truthful_qa')!;
    expect(truthful.datasets.find((d) => d.id === 'acme-general-chat')!.path.map((s) => s.id)).toEqual(['openbmb/UltraFeedback', 'acme-general-chat']);
    const inChat = contamination.samples.find((b) => b.benchmark === 'truthfulqa/truthful_qa')!.datasets.find((d) => d.dataset === 'acme-general-chat')!;
    expect(inChat.hits.map((h) => [h.item, h.samples])).toEqual([['tqa-demo-01', ['agc-0003']], ['tqa-demo-06', ['agc-0004']]]);

    const redundancy = rootline(['analyze', 'redundancy', 'Acme General Chat', 'Acme Math Tutor', 'MetaMathQA', '--project', project, '--samples', SAMPLES]);
    expect(redundancy.code).toBe(0);
    expect(redundancy.stdout).toMatch(/meta-math\/MetaMathQA, also via acme-math-tutor/);
    expect(redundancy.stdout).toMatch(/acme-general-chat ↔ acme-math-tutor: 5 exact/);
    expect(redundancy.stdout).toMatch(/agc-0006 ~ agc-0007/);
  });

  it('asks for both folders of the sample check', () => {
    const run = rootline(['analyze', 'contamination', '--project', 'x.rootline', '--samples', SAMPLES]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--samples and --benchmarks go together/);
  });
});
