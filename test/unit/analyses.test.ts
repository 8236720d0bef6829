import { describe, expect, it } from 'vitest';
import { blastRadius, contaminationMap } from '../../shared/analyses/contamination/index.js';
import { splitUse } from '../../shared/analyses/contamination/split.js';
import { lineageDepths } from '../../shared/analyses/depth.js';
import { createMinHasher, estimatedJaccard } from '../../shared/analyses/near-duplicates/minhash.js';
import { similarPairs } from '../../shared/analyses/near-duplicates/lsh.js';
import { structuralPatterns } from '../../shared/analyses/patterns/index.js';
import { structuralRedundancy } from '../../shared/analyses/redundancy/structural.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { ngramHashes } from '../../shared/analyses/text/ngrams.js';
import { words } from '../../shared/analyses/text/normalize.js';
import type { Dataset } from '../../shared/domain/model.js';
import type { Relation } from '../../shared/domain/vocabulary.js';
import { buildLineageGraph, type SplitUse } from '../../shared/graph/lineage-graph.js';

function dataset(id: string, domains: string[] = [], kind: 'dataset' | 'benchmark' = 'dataset'): Dataset {
  return { id, name: id, aliases: [], domains, kind, releaseDate: null, license: null, size: null, summary: null, dataType: null, visibility: 'public', languages: [], creators: [], url: null };
}

function graphOf(nodes: Dataset[], edges: Array<[string, string, Relation?, SplitUse?]>) {
  return buildLineageGraph({
    nodes,
    edges: edges.map(([upstream, downstream, relation, split]) => ({ upstream, downstream, relation: relation ?? 'Direct Inclusion/Subset', confidence: 0.9, status: 'proposed' as const, split })),
  });
}

describe('lineage depth', () => {
  it('is 0 without upstream and 1 + the deepest upstream otherwise, and finite on cycles', () => {
    const graph = graphOf(['a', 'b', 'c', 'd', 'x', 'y'].map((id) => dataset(id)), [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['x', 'y'], ['y', 'x'], ['d', 'd']]);
    const depth = lineageDepths(graph);
    expect(Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, depth.get(id)]))).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(depth.get('x')! + depth.get('y')!).toBe(1);
  });
});

describe('structural patterns', () => {
  // Math: a chain r → m1 → m2 → m3 (deep, one leaf). General: g1..g3 → g4 (shallow, many leaves).
  const graph = graphOf(
    [dataset('r', ['Math']), dataset('m1', ['Math']), dataset('m2', ['Math']), dataset('m3', ['Math']), ...['g1', 'g2', 'g3', 'g4'].map((id) => dataset(id, ['General']))],
    [['r', 'm1', 'Semantic Evolution'], ['m1', 'm2', 'CoT Distillation'], ['m2', 'm3', 'Semantic Evolution'], ['g1', 'g4', 'Structured Fusion'], ['g2', 'g4', 'Structured Fusion'], ['g3', 'g4', 'Structured Fusion']],
  );

  it('computes depth, degrees, leaf share and relations per domain', () => {
    const report = structuralPatterns(graph);
    const math = report.domains.find((d) => d.domain === 'Math')!;
    const general = report.domains.find((d) => d.domain === 'General')!;
    expect(math).toMatchObject({ datasets: 4, avgDepth: 1.5, maxDepth: 3, leafShare: 0.25, avgInDegree: 0.75, avgOutDegree: 0.75 });
    expect(math.relations['Semantic Evolution']).toBe(2);
    expect(general).toMatchObject({ datasets: 4, avgDepth: 0.25, maxDepth: 1, leafShare: 0.75, avgInDegree: 0.75, avgOutDegree: 0.75 });
    expect(general.relations['Structured Fusion']).toBe(3);
  });

  it('says which domains refine vertically and which aggregate horizontally', () => {
    const shapes = Object.fromEntries(structuralPatterns(graph).domains.map((d) => [d.domain, d.shape]));
    expect(shapes).toEqual({ Math: 'vertical', General: 'horizontal' });
  });
});

describe('structural redundancy', () => {
  // root → a → b; root → c; b and c are in the mix, and so is a (also inside b).
  const graph = graphOf(['root', 'a', 'b', 'c', 'lone'].map((id) => dataset(id)), [['root', 'a', 'Semantic Evolution'], ['a', 'b', 'Structured Fusion'], ['root', 'c', 'CoT Distillation']]);

  it('finds the shared ancestor of two members with the path to each', () => {
    const report = structuralRedundancy(graph, ['b', 'c']);
    expect(report.sharedAncestry).toHaveLength(1);
    const [shared] = report.sharedAncestry[0]!.ancestors;
    expect(shared!.ancestor).toBe('root');
    expect(shared!.paths[0].map((s) => [s.id, s.relation])).toEqual([['a', 'Semantic Evolution'], ['b', 'Structured Fusion']]);
    expect(shared!.paths[1].map((s) => [s.id, s.relation])).toEqual([['c', 'CoT Distillation']]);
    expect(report.score).toBe(0.5);
  });

  it('finds a member included both directly and through another member', () => {
    const report = structuralRedundancy(graph, ['a', 'b', 'lone', 'nope']);
    expect(report.nested.map((n) => [n.included, n.via, n.path.map((s) => s.id)])).toEqual([['a', 'b', ['b']]]);
    expect(report.missing).toEqual(['nope']);
  });

  it('scores a mix with no shared roots as 0', () => {
    expect(structuralRedundancy(graph, ['c', 'lone']).score).toBe(0);
  });
});

describe('benchmark contamination on the graph', () => {
  const graph = graphOf(
    [dataset('bench', [], 'benchmark'), dataset('train-user'), dataset('test-user'), dataset('downstream'), dataset('other')],
    [['bench', 'train-user', 'Direct Inclusion/Subset', 'train'], ['bench', 'test-user', 'Synthetic Generation', 'test'], ['test-user', 'downstream', 'Structured Fusion']],
  );

  it('flags every dataset downstream of a benchmark with the path that carries it', () => {
    const radius = blastRadius(graph, 'bench');
    expect(radius.datasets.map((d) => [d.id, d.split, d.path.map((s) => s.id)])).toEqual([
      ['train-user', 'train', ['train-user']],
      ['test-user', 'test', ['test-user']],
      ['downstream', 'test', ['test-user', 'downstream']],
    ]);
    expect(blastRadius(graph, 'bench', { excludeTrainOnly: true }).datasets.map((d) => d.id)).toEqual(['test-user', 'downstream']);
    expect(contaminationMap(graph).map((r) => r.benchmark)).toEqual(['bench']);
  });

  it('reads the split from evidence quotes', () => {
    expect(splitUse(['We sample questions from the GSM8K training set.'])).toBe('train');
    expect(splitUse(['Problems come from the MATH test split.'])).toBe('test');
    expect(splitUse(['None of the data is taken from the test sets; we use the train split.'])).toBe('train');
    expect(splitUse(['We include TruthfulQA.'])).toBe('unknown');
  });
});

describe('text, n-grams and near-duplicates', () => {
  it('finds the text of common record shapes', () => {
    expect(sampleText({ instruction: 'Add', input: '2 and 3', output: '5' }).text).toBe('Add\n2 and 3\n5');
    expect(sampleText({ conversations: [{ from: 'human', value: 'hi' }, { from: 'gpt', value: 'hello' }] }, { side: 'prompt' }).text).toBe('hi');
    expect(sampleText({ meta: { q: 'deep' }, other: 'x' }, { fields: ['meta.q'] }).text).toBe('deep');
  });

  it('hashes equal n-grams equally, whatever the spacing and case', () => {
    const a = ngramHashes(words('The quick brown fox jumps over the lazy dog'), 4);
    const b = ngramHashes(words('the QUICK brown  fox, jumps over the lazy dog!'), 4);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(6);
    expect(ngramHashes(words('too short'), 13)).toHaveLength(1);
  });

  it('estimates Jaccard similarity and pairs near-duplicates through LSH', () => {
    const minhash = createMinHasher();
    const base = words('Move it away from the microwave, update the firmware from the app, and switch to the faster band today');
    const near = [...base.slice(0, -1), 'tonight'];
    const far = words('An entirely different sentence about the history of mathematics and its many famous problems');
    const [s1, s2, s3] = [minhash(base), minhash(near), minhash(far)];
    expect(estimatedJaccard(s1, s1)).toBe(1);
    expect(estimatedJaccard(s1, s2)).toBeGreaterThan(0.8);
    expect(estimatedJaccard(s1, s3)).toBeLessThan(0.2);
    expect(similarPairs([s1, s2, s3]).map((p) => [p.a, p.b])).toEqual([[0, 1]]);
  });
});
