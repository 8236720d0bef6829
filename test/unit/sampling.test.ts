import { describe, expect, it } from 'vitest';
import { classifyLicense, classifyLicenses } from '../../shared/licenses/classify.js';
import { licenseReport } from '../../shared/licenses/conflicts.js';
import type { Dataset } from '../../shared/domain/model.js';
import { buildLineageGraph } from '../../shared/graph/lineage-graph.js';
import { centroidDistance, vendiScore } from '../../shared/sampling/diversity.js';
import { hashedEmbeddings } from '../../shared/sampling/hashed-embedding.js';
import { allocateQuotas } from '../../shared/sampling/quotas.js';
import { Reservoir, seededRandom } from '../../shared/sampling/random.js';

const basis = (n: number, d: number) => Array.from({ length: n }, (_, i) => Float64Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));

describe('Vendi score and centroid distance', () => {
  it('n identical items score 1; n orthogonal items score n', () => {
    const same = Array.from({ length: 10 }, () => [0.3, -1, 2, 0.5]);
    expect(vendiScore(same)).toBeCloseTo(1, 9);
    expect(vendiScore(basis(7, 16))).toBeCloseTo(7, 9);
    expect(vendiScore(basis(16, 16))).toBeCloseTo(16, 9);
  });

  it('two clusters of equal size score 2, and unequal ones less', () => {
    const clusters = [...Array(5).fill([1, 0, 0]), ...Array(5).fill([0, 1, 0])];
    expect(vendiScore(clusters)).toBeCloseTo(2, 9);
    const skewed = [...Array(9).fill([1, 0, 0]), [0, 1, 0]];
    // exp(-(0.9 ln 0.9 + 0.1 ln 0.1)) = 1.384…
    expect(vendiScore(skewed)).toBeCloseTo(Math.exp(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1))), 9);
  });

  it('measures the mean cosine distance to the centroid', () => {
    expect(centroidDistance(Array(4).fill([1, 2, 3]))).toBeCloseTo(0, 12);
    // Two orthogonal unit vectors: the centroid is at 45°, cos = 1/√2 from each.
    expect(centroidDistance(basis(2, 2))).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });

  it('the built-in embedding is deterministic, unit length, and closer for alike texts', () => {
    const texts = ['how do I reset my router', 'how can I reset the router', 'the history of the roman empire'];
    const [a, b, c] = hashedEmbeddings(texts, 256);
    const dot = (x: Float64Array, y: Float64Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, a!)).toBeCloseTo(1, 9);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    expect(hashedEmbeddings(texts, 256)[2]).toEqual(c);
  });
});

describe('quotas over root sources', () => {
  const available = new Map([['a', 100], ['b', 10], ['c', 1000]]);

  it('uniform shares the budget equally and gives what a root cannot use to the others', () => {
    expect(Object.fromEntries(allocateQuotas(available, 90, 'uniform'))).toEqual({ a: 40, b: 10, c: 40 });
    expect([...allocateQuotas(available, 2000, 'uniform').values()].reduce((s, q) => s + q, 0)).toBe(1110);
  });

  it('proportional follows what each root offers', () => {
    expect(Object.fromEntries(allocateQuotas(available, 111, 'proportional'))).toEqual({ a: 10, b: 1, c: 100 });
  });

  it('capped keeps every root under its share of the budget', () => {
    const quotas = allocateQuotas(new Map([['a', 100], ['b', 100], ['c', 100], ['d', 100], ['e', 100], ['f', 100]]), 100, 'capped', 0.2);
    expect([...quotas.values()].every((q) => q <= 20)).toBe(true);
    expect([...quotas.values()].reduce((s, q) => s + q, 0)).toBe(100);
  });
});

describe('seeded reservoir sampling', () => {
  it('draws the same items for the same seed, and k items uniformly', () => {
    const draw = (seed: number) => {
      const r = new Reservoir<number>(10, seededRandom(seed));
      for (let i = 0; i < 1000; i++) r.offer(i);
      return r.items;
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    const counts = new Array(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const item of draw(seed)) counts[Math.floor(item / 100)]++;
    for (const count of counts) expect(count).toBeGreaterThan(1700);
  });
});

describe('licenses', () => {
  it('classifies licenses by use, attribution and share-alike', () => {
    expect(classifyLicense('cc-by-nc-4.0')).toMatchObject({ use: 'non-commercial', attribution: true, shareAlike: false });
    expect(classifyLicense('CC BY-SA 3.0')).toMatchObject({ use: 'commercial', shareAlike: true });
    expect(classifyLicense('apache-2.0')).toMatchObject({ use: 'commercial', attribution: true, shareAlike: false });
    expect(classifyLicense('cc0-1.0')).toMatchObject({ use: 'commercial', attribution: false });
    expect(classifyLicense('Academic Research Purposes Only').use).toBe('academic');
    expect(classifyLicense('other').use).toBe('unspecified');
    expect(classifyLicenses('CC BY-NC 4.0, OpenAI')?.use).toBe('non-commercial');
  });

  it('flags a dataset more permissive than an upstream source, with the path', () => {
    const node = (id: string, license: string | null): Dataset => ({ id, name: id, aliases: [], domains: [], kind: 'dataset', releaseDate: null, license, size: null, summary: null, dataType: null, visibility: 'public', languages: [], creators: [], url: null });
    const graph = buildLineageGraph({
      nodes: [node('nc-source', 'cc-by-nc-4.0'), node('middle', null), node('apache-mix', 'apache-2.0'), node('sa-source', 'cc-by-sa-4.0'), node('nc-ok', 'cc-by-nc-sa-4.0')],
      edges: [
        { upstream: 'nc-source', downstream: 'middle', relation: 'Direct Inclusion/Subset', confidence: 1, status: 'accepted' },
        { upstream: 'middle', downstream: 'apache-mix', relation: 'Structured Fusion', confidence: 1, status: 'accepted' },
        { upstream: 'sa-source', downstream: 'apache-mix', relation: 'Structured Fusion', confidence: 1, status: 'accepted' },
        { upstream: 'nc-source', downstream: 'nc-ok', relation: 'Semantic Evolution', confidence: 1, status: 'accepted' },
      ],
    });
    const report = licenseReport(graph);
    expect(report.conflicts.map((c) => [c.dataset, c.upstream, c.problem, c.path.map((s) => s.id)])).toEqual([
      ['apache-mix', 'sa-source', 'drops a share-alike obligation', ['apache-mix']],
      ['apache-mix', 'nc-source', 'allows commercial use of non-commercial data', ['middle', 'apache-mix']],
    ]);
    expect(report.inherited.map((i) => [i.dataset, i.upstream])).toEqual([['middle', 'nc-source']]);
  });
});
