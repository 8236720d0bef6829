import { describe, expect, it } from 'vitest';
import { fuzzyCanonical, mayMerge, similarity } from '../../agents/aggregation/canonical.js';
import { settleReversedClaims, type BatchResult } from '../../agents/aggregation/reversed-claims.js';
import { reviewReasons } from '../../agents/aggregation/review.js';
import { earlierDate, releasedAfter } from '../../agents/aggregation/temporal.js';
import { aggregateEvidence } from '../../agents/aggregation/vote.js';
import { budgetSpent, estimateSeconds } from '../../agents/tracing/budget.js';
import { expansionOf } from '../../agents/tracing/expand.js';

const candidates = [
  { id: 'openbmb/UltraFeedback', names: ['UltraFeedback', 'openbmb/UltraFeedback'] },
  { id: 'nvidia/OpenMathInstruct-1', names: ['OpenMathInstruct-1'] },
  { id: 'aime', names: ['AIME 2024'] },
  { id: 'databricks/databricks-dolly-15k', names: ['Dolly 15k'] },
  { id: 'acme/instruct-set', names: ['acme/instruct-set'] },
  { id: 'mmlu', names: ['MMLU'] },
];

describe('canonical names', () => {
  it('merges a near spelling into the dataset it means', () => {
    expect(fuzzyCanonical('UltraFeedbak', candidates)).toMatchObject({ id: 'openbmb/UltraFeedback', matched: 'UltraFeedback' });
    expect(fuzzyCanonical('Ultra-Feedback (Cui et al., 2023)', candidates)?.id).toBe('openbmb/UltraFeedback');
    expect(similarity('UltraFeedbak', 'UltraFeedback')).toBeGreaterThan(0.9);
  });

  it('never merges differing versions, sizes, years or organizations, nor short names', () => {
    expect(fuzzyCanonical('OpenMathInstruct-2', candidates)).toBeUndefined();
    expect(fuzzyCanonical('AIME 2025', candidates)).toBeUndefined();
    expect(fuzzyCanonical('Dolly 5k', candidates)).toBeUndefined();
    expect(fuzzyCanonical('other/instruct-set', candidates)).toBeUndefined();
    expect(fuzzyCanonical('MMMU', candidates)).toBeUndefined();
    expect(mayMerge('acme/instruct-set', 'acme/instruct-sets')).toBe(true);
    expect(mayMerge('tulu-v2-mix', 'tulu-v1-mix')).toBe(false);
  });
});

describe('one edge, many findings', () => {
  it('votes the relation per document and combines the confidence of independent documents', () => {
    const one = aggregateEvidence([
      { relation: 'Structured Fusion', confidence: 0.6, documentId: 1 },
      { relation: 'Structured Fusion', confidence: 0.6, documentId: 1 },
    ])!;
    expect(one).toMatchObject({ relation: 'Structured Fusion', confidence: 0.6, conflict: false, documents: 1 });
    const two = aggregateEvidence([
      { relation: 'Structured Fusion', confidence: 0.6, documentId: 1 },
      { relation: 'Structured Fusion', confidence: 0.6, documentId: 2 },
    ])!;
    expect(two.confidence).toBeCloseTo(0.72, 5);
    // Imported findings (no document) count as one source of confidence, the paper's "keep the highest";
    // each of their origins still votes on the relation.
    const imported = aggregateEvidence([
      { relation: 'CoT Distillation', confidence: 0.9, documentId: null, origin: 'graph.jsonl:1' },
      { relation: 'Semantic Evolution', confidence: 0.6, documentId: null, origin: 'graph.jsonl:2' },
      { relation: 'Semantic Evolution', confidence: 0.6, documentId: null, origin: 'graph.jsonl:3' },
    ])!;
    expect(imported).toMatchObject({ relation: 'Semantic Evolution', confidence: 0.9, documents: 0 });
  });

  it('calls it a conflict when a second relation has half the winner’s weight', () => {
    const split = aggregateEvidence([
      { relation: 'CoT Distillation', confidence: 0.9, documentId: 1 },
      { relation: 'Semantic Evolution', confidence: 0.8, documentId: 2 },
    ])!;
    expect(split).toMatchObject({ relation: 'CoT Distillation', conflict: true });
    expect(aggregateEvidence([
      { relation: 'CoT Distillation', confidence: 0.9, documentId: 1 },
      { relation: 'CoT Distillation', confidence: 0.9, documentId: 2 },
      { relation: 'Semantic Evolution', confidence: 0.5, documentId: 3 },
    ])!.conflict).toBe(false);
  });

  it('sends to review what is weak, contested or out of time order', () => {
    expect(reviewReasons({ confidence: 0.9, conflict: false }, [])).toEqual([]);
    expect(reviewReasons({ confidence: 0.65, conflict: false }, [])).toEqual(['confidence 0.65 is below 0.70']);
    expect(reviewReasons({ confidence: 0.95, conflict: true }, ['upstream-newer'])).toEqual([
      'the evidence disagrees on the relation',
      'the upstream was released after the downstream',
    ]);
  });

  it('compares release dates at the precision both have', () => {
    expect(releasedAfter('2024', '2023-05-01')).toBe(true);
    expect(releasedAfter('2023-06', '2023')).toBe(false);
    expect(releasedAfter('2023-06-02', '2023-06-01')).toBe(true);
    expect(releasedAfter(null, '2023')).toBe(false);
    expect(earlierDate('2023-06-01', '2023-02')).toBe('2023-02');
  });
});

describe('where tracing stops', () => {
  it('stops at benchmarks, pre-2020 corpora and the depth limit', () => {
    expect(expansionOf({ id: 'openai/gsm8k', kind: 'benchmark', releaseDate: '2021' }, 1, 3)).toEqual({ expand: false, reason: 'known root: a benchmark' });
    expect(expansionOf({ id: 'squad', kind: 'dataset', releaseDate: '2016' }, 1, 3)).toMatchObject({ expand: false, reason: expect.stringMatching(/before 2020/) });
    expect(expansionOf({ id: 'x', kind: 'dataset', releaseDate: null }, 3, 3)).toEqual({ expand: false, reason: 'depth limit (3)' });
    expect(expansionOf({ id: 'x', kind: 'dataset', releaseDate: '2024-01' }, 2, 3)).toEqual({ expand: true });
  });

  it('spends a budget of datasets, model calls and seconds, and estimates what is left', () => {
    expect(budgetSpent({ datasets: 2 }, { datasets: 2, modelCalls: 0, seconds: 0 })).toMatch(/dataset budget spent/);
    expect(budgetSpent({ modelCalls: 10 }, { datasets: 0, modelCalls: 9, seconds: 0 })).toBeUndefined();
    expect(budgetSpent({ seconds: 5 }, { datasets: 0, modelCalls: 0, seconds: 6 })).toMatch(/time budget spent/);
    expect(estimateSeconds([], 4)).toBeUndefined();
    expect(estimateSeconds([2, 4], 5)).toBe(15);
  });
});

describe('reversed claims in one batch', () => {
  const source = (id: string, confidence: number, signals: string[]) => ({ name: id, id, relation: 'Direct Inclusion/Subset' as const, confidence, evidence: [{ quote: id, start: 0, end: id.length }], signals });
  const doc = (id: string, sources: ReturnType<typeof source>[]): BatchResult => ({ datasetId: id, result: { dataset: { name: id, id }, sources, dropped: [], agent: 'test', model: null } });

  it('drops the weaker of two cards naming each other: lower confidence first, then a bare mention against a link to the card', () => {
    const weaker = [doc('a-v1', [source('a-eval', 0.55, ['corpus'])]), doc('a-eval', [source('a-v1', 0.92, ['card-link'])])];
    settleReversedClaims(weaker);
    expect(weaker.map((d) => d.result.sources.map((s) => s.id))).toEqual([[], ['a-v1']]);
    expect(weaker[0]!.result.dropped[0]?.reason).toMatch(/a-eval says it is built from this one/);
    const tied = [doc('b', [source('c', 0.92, ['corpus'])]), doc('c', [source('b', 0.92, ['corpus', 'card-link'])])];
    settleReversedClaims(tied);
    expect(tied.map((d) => d.result.sources.map((s) => s.id))).toEqual([[], ['b']]);
  });

  it('keeps both claims when nothing tells them apart, and leaves one-way lineage alone', () => {
    const even = [doc('b', [source('c', 0.92, ['code'])]), doc('c', [source('b', 0.92, ['list-head'])])];
    settleReversedClaims(even);
    expect(even.map((d) => d.result.sources.length)).toEqual([1, 1]);
    const chain = [doc('x', [source('y', 0.6, ['corpus'])]), doc('y', [source('z', 0.9, ['card-link'])])];
    settleReversedClaims(chain);
    expect(chain.map((d) => d.result.sources.length)).toEqual([1, 1]);
  });
});
