import { describe, expect, it } from 'vitest';
import { decodeSketch, encodeSketch } from '../../shared/analyses/overlap/codec.js';
import { lineageFromOverlap } from '../../shared/analyses/overlap/index.js';
import { decodeKeys, encodeKeys, KeyCollector, NO_LIMIT, sortWithPayload } from '../../shared/analyses/overlap/key-set.js';
import { agreesWith, matchingSides } from '../../shared/analyses/overlap/relation.js';
import { SketchBuilder } from '../../shared/analyses/overlap/sketch.js';
import { overlapStatement } from '../../shared/analyses/overlap/statement.js';
import { DEFAULT_SKETCH, type DatasetSketch, type SketchParams } from '../../shared/analyses/overlap/types.js';
import { BandHasher } from '../../shared/analyses/near-duplicates/one-permutation.js';
import { createSideReader } from '../../shared/analyses/text/fields.js';
import { GramBuffer } from '../../shared/analyses/text/ngrams.js';
import { seededRandom } from '../../shared/sampling/random.js';

interface Rec {
  prompt: string;
  response: string;
}

const random = seededRandom(42);
const VOCAB = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}${'abcdefghij'[i % 10]}`);
const say = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(VOCAB.length * random() ** 2)]!).join(' ');
const records = (n: number): Rec[] => Array.from({ length: n }, () => ({ prompt: say(12 + Math.floor(random() * 20)), response: say(20 + Math.floor(random() * 30)) }));
const take = <T>(list: T[], share: number) => list.filter(() => random() < share);
/** Two words of every prompt replaced: a light rewrite. */
const rewrite = (r: Rec): Rec => {
  const words = r.prompt.split(' ');
  for (let k = 0; k < 2; k++) words[Math.floor(random() * words.length)] = say(1);
  return { prompt: words.join(' '), response: say(25) };
};

function sketch(list: Rec[], params: SketchParams = DEFAULT_SKETCH): DatasetSketch {
  const builder = new SketchBuilder(params);
  list.forEach((r, i) => builder.add(r, 0, i + 1));
  return builder.finish();
}

function lineage(sets: Record<string, Rec[]>, options = {}) {
  return lineageFromOverlap(Object.entries(sets).map(([id, list]) => ({ id, sketch: sketch(list) })), options);
}

const edgeList = (result: ReturnType<typeof lineage>) => result.edges.map((e) => `${e.upstream} -> ${e.downstream}: ${e.relation}`).sort();

describe('key sets', () => {
  it('keep every distinct key while under the cap, and the smallest ones with a limit above it', () => {
    const small = new KeyCollector(100);
    for (const k of [5, 3, 5, 9, 3, 3, 1]) small.push(k);
    const { set, repeated } = small.finish(3);
    expect([...set.keys]).toEqual([1, 3, 5, 9]);
    expect(set.limit).toBe(NO_LIMIT);
    expect([...repeated]).toEqual([3]);

    const capped = new KeyCollector(1000);
    const all: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const key = Math.floor(random() * 2 ** 32);
      all.push(key);
      capped.push(key);
    }
    const { set: bottom } = capped.finish(3);
    const expected = [...new Set(all)].sort((a, b) => a - b);
    expect(bottom.keys.length).toBe(1000);
    expect([...bottom.keys]).toEqual(expected.slice(0, 1000));
    expect(bottom.limit).toBe(expected[1000]);
  });

  it('encode as gaps and decode to the same keys; sort with a payload that follows its key', () => {
    const keys = Uint32Array.from(new Set(Array.from({ length: 5000 }, () => Math.floor(random() * 2 ** 32)))).sort();
    const bytes = encodeKeys(keys);
    expect(bytes.length).toBeLessThan(keys.length * 4);
    expect([...decodeKeys(bytes)]).toEqual([...keys]);
    const unsorted = Uint32Array.from({ length: 10_000 }, () => Math.floor(random() * 2 ** 32));
    const payload = Int32Array.from(unsorted, (k) => k % 1000);
    sortWithPayload(unsorted, payload);
    for (let i = 1; i < unsorted.length; i++) expect(unsorted[i - 1]! <= unsorted[i]!).toBe(true);
    for (let i = 0; i < unsorted.length; i++) expect(payload[i]).toBe(unsorted[i]! % 1000);
  });
});

describe('band keys (one-permutation MinHash)', () => {
  const bandsOf = (text: string) => {
    const buffer = new GramBuffer();
    const count = buffer.fill(text, [2]);
    const out = new Uint32Array(10);
    new BandHasher({ bands: 10, rows: 3 }).bandKeys(buffer.lows, count, out);
    return [...out];
  };
  const shared = (a: number[], b: number[]) => a.filter((k, i) => b[i] === k).length;

  it('are equal for equal texts, shared by light rewrites, and not by unrelated texts', () => {
    let nearHits = 0;
    let unrelatedHits = 0;
    for (let i = 0; i < 200; i++) {
      const text = say(30);
      expect(bandsOf(text)).toEqual(bandsOf(`${text.toUpperCase()}!`));
      if (shared(bandsOf(text), bandsOf(rewrite({ prompt: text, response: '' }).prompt)) > 0) nearHits++;
      if (shared(bandsOf(text), bandsOf(say(30))) > 0) unrelatedHits++;
    }
    expect(nearHits).toBeGreaterThan(180);
    expect(unrelatedHits).toBeLessThan(4);
  });
});

describe('whole-text hashes', () => {
  it('hashWhole and fillPairs give the word count, hash and word-pair hashes fill gives, in one pass', () => {
    const full = new GramBuffer();
    const whole = new GramBuffer();
    for (const text of ['', 'One two, THREE!', `  ${say(40)}  `, 'Ünïcode words too', say(3), say(1500)]) {
      full.fill(text, []);
      whole.hashWhole(text);
      expect([whole.words, whole.whole]).toEqual([full.words, full.whole]);
      const grams = full.fill(text, [2]);
      const pairs = new GramBuffer();
      expect(pairs.fillPairs(text)).toBe(grams);
      expect([pairs.words, pairs.whole, [...pairs.lows.subarray(0, grams)]]).toEqual([full.words, full.whole, [...full.lows.subarray(0, grams)]]);
    }
  });
});

describe('prompt and response sides', () => {
  const sides = createSideReader();
  it('reads instruction/output, messages and ShareGPT turns; a record without known fields is all prompt', () => {
    expect(sides({ instruction: 'Add 2 and 3.', input: 'numbers', output: '5' })).toEqual({ prompt: 'Add 2 and 3.\nnumbers', response: '5' });
    expect(sides({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi?' }, { role: 'assistant', content: 'Hello.' }] })).toEqual({ prompt: 'Be brief.\nHi?', response: 'Hello.' });
    expect(sides({ conversations: [{ from: 'human', value: 'Q' }, { from: 'gpt', value: 'A' }] })).toEqual({ prompt: 'Q', response: 'A' });
    expect(sides({ body: 'free text', id: 'x1' })).toEqual({ prompt: 'free text', response: '' });
  });
});

describe('lineage from sample overlap, on sets built with a known answer', () => {
  it('a subset: whole samples of A inside B, A is upstream, Direct Inclusion/Subset, with its containment both ways', () => {
    const a = records(3000);
    const b = [...take(a, 0.3), ...records(200)];
    const result = lineage({ a, b });
    expect(edgeList(result)).toEqual(['a -> b: Direct Inclusion/Subset']);
    const edge = result.edges[0]!;
    const taken = b.length - 200;
    expect(Math.abs(edge.upstreamInDownstream.share - taken / a.length)).toBeLessThan(0.04);
    expect(Math.abs(edge.downstreamInUpstream.share - taken / b.length)).toBeLessThan(0.04);
    expect(edge.upstreamInDownstream.identical).toBeCloseTo(edge.upstreamInDownstream.share, 1);
    expect(edge.direction).toBe('containment');
    // Examples point at records that really are the same on both sides.
    for (const e of edge.examples) expect(b[e.downstream.row - 1]).toEqual(a[e.upstream.row - 1]);
    expect(edge.examples.length).toBeGreaterThan(0);
  });

  it('regenerated answers: the same prompts with different responses are CoT Distillation', () => {
    const a = records(3000);
    const b = take(a, 0.4).map((r) => ({ prompt: r.prompt, response: `Let us think step by step. ${say(60)}` }));
    const result = lineage({ a, b });
    expect(edgeList(result)).toEqual(['a -> b: CoT Distillation']);
    expect(result.edges[0]!.sides).toBe('same prompts');
    expect(result.edges[0]!.upstreamInDownstream.identical).toBe(0);
  });

  it('rewritten prompts: prompts near but not equal are Semantic Evolution', () => {
    const a = records(3000);
    const b = take(a, 0.4).map(rewrite);
    const result = lineage({ a, b });
    expect(edgeList(result)).toEqual(['a -> b: Semantic Evolution']);
    const edge = result.edges[0]!;
    expect(edge.sides).toBe('near prompts');
    expect(edge.downstreamInUpstream.near).toBeGreaterThan(0.85);
    expect(edge.downstreamInUpstream.exact).toBe(0);
  });

  it('a fusion: B made of parts of A and C (and its own samples) is Structured Fusion from both', () => {
    const a = records(3000);
    const c = records(2500);
    const b = [...take(a, 0.3), ...take(c, 0.25), ...records(300)];
    const result = lineage({ a, b, c });
    expect(edgeList(result)).toEqual(['a -> b: Structured Fusion', 'c -> b: Structured Fusion']);
    expect(result.edges.every((e) => e.direction === 'fusion')).toBe(true);
  });

  it('a dataset cut into two pieces is their source, not their fusion', () => {
    const a = records(3000);
    const [x, y] = [a.slice(0, 900), a.slice(1500, 2400)];
    expect(edgeList(lineage({ a, x, y }))).toEqual(['a -> x: Direct Inclusion/Subset', 'a -> y: Direct Inclusion/Subset']);
  });

  it('siblings of one source and the shortcut of a chain are explained by it, not edges of their own', () => {
    const root = records(4000);
    const s1 = take(root, 0.5);
    const s2 = take(root, 0.5);
    const chain = take(s1, 0.5);
    const result = lineage({ root, s1, s2, chain });
    expect(edgeList(result)).toEqual(['root -> s1: Direct Inclusion/Subset', 'root -> s2: Direct Inclusion/Subset', 's1 -> chain: Direct Inclusion/Subset']);
    expect(result.explained.map((e) => [...e.datasets].sort().join(' ~ ')).sort()).toEqual(['chain ~ root', 'chain ~ s2', 's1 ~ s2']);
  });

  it('boilerplate is no lineage: unrelated sets sharing a system prompt, canned answers and greetings get no edge', () => {
    const system = 'You are a helpful assistant for Acme customers. Answer politely and in full sentences.';
    const canned = ['I am sorry, but I cannot help with that request.', 'Sure, here is the answer you asked for.'];
    const make = () =>
      records(2500).map((r, i) => ({
        prompt: i % 50 === 0 ? 'Hello' : `${system}\n${r.prompt}`,
        response: i % 5 === 0 ? canned[i % 2]! : r.response,
      }));
    const result = lineage({ x: make(), y: make(), z: make() });
    expect(result.edges).toEqual([]);
    for (const pair of result.pairs) expect(Math.max(pair.aInB.share, pair.bInA.share)).toBeLessThan(0.02);
  });

  it('release dates decide the direction where the overlap is even, and a benchmark is always upstream', () => {
    const a = records(2000);
    const b = [...a.slice(0, 1000), ...records(1000)];
    const c = [...a.slice(0, 1000), ...records(1000)];
    const dates = lineageFromOverlap([{ id: 'b', sketch: sketch(b) }, { id: 'c', sketch: sketch(c) }], { releaseDates: new Map([['b', '2024'], ['c', '2022']]), releasedAfter: (x, y) => x > y });
    expect(dates.edges.map((e) => [e.upstream, e.downstream, e.direction])).toEqual([['c', 'b', 'release dates']]);
    const bench = records(300);
    const train = [...records(3000), ...bench.slice(0, 90)];
    const contamination = lineageFromOverlap([{ id: 'bench', sketch: sketch(bench) }, { id: 'train', sketch: sketch(train) }], { benchmarks: new Set(['bench']) });
    expect(contamination.edges.map((e) => [e.upstream, e.downstream, e.direction])).toEqual([['bench', 'train', 'benchmark']]);
  });

  it('estimates containment from a bounded sketch, also when a large set keeps only the smallest of its keys', () => {
    const small: SketchParams = { ...DEFAULT_SKETCH, queries: 512, cap: 2000 };
    const a = records(6000);
    const b = take(a, 0.5);
    const sa = sketch(a, small);
    const sb = sketch(b, small);
    expect(sa.prompts.keys.length).toBe(2000);
    expect(sa.prompts.limit).toBeLessThan(NO_LIMIT);
    expect(sa.queries.length).toBe(512);
    const [edge] = lineageFromOverlap([{ id: 'a', sketch: sa }, { id: 'b', sketch: sb }]).edges;
    expect(edge).toMatchObject({ upstream: 'a', downstream: 'b' });
    expect(Math.abs(edge!.upstreamInDownstream.share - b.length / a.length)).toBeLessThan(3 * edge!.upstreamInDownstream.error + 0.01);
    expect(edge!.downstreamInUpstream.share).toBeGreaterThan(0.97);
  });
});

describe('sketches and what the evidence says', () => {
  it('survive encoding for the project file', () => {
    const s = sketch(records(500));
    const back = decodeSketch(encodeSketch(s));
    expect(back).toEqual(s);
  });

  it('states the figures both ways and matched samples, never a text the samples do not hold', () => {
    const statement = overlapStatement('Acme Support Logs', 'Helpdesk', {
      upstreamInDownstream: { share: 0.34, exact: 0.3, near: 0.04, identical: 0.1, checked: 100, matched: 34, error: 0.09 },
      downstreamInUpstream: { share: 0.8, exact: 0.7, near: 0.1, identical: 0.2, checked: 40, matched: 32, error: 0.1 },
      sides: 'same prompts', direction: 'containment', samples: { upstream: 100, downstream: 40 },
      examples: [{ upstream: { file: '/data/logs/train.jsonl', row: 12 }, downstream: { file: '/data/help/data.jsonl', row: 88 }, match: 'exact' }],
    });
    expect(statement).toBe("from data: 34% of Acme Support Logs' samples found in Helpdesk (exact 30%, near 4%), 80% of Helpdesk's found in Acme Support Logs (exact 70%, near 10%); 33% of exact prompts with the same response; e.g. Acme Support Logs train.jsonl:12 ↔ Helpdesk data.jsonl:88");
  });

  it('agree with the relations a card may state for what they show', () => {
    expect(matchingSides({ share: 0.5, exact: 0.5, near: 0, identical: 0.5, checked: 10, matched: 5, error: 0 })).toBe('identical');
    expect(agreesWith('Structured Fusion', 'identical', false)).toBe(true);
    expect(agreesWith('CoT Distillation', 'same prompts', false)).toBe(true);
    expect(agreesWith('Direct Inclusion/Subset', 'same prompts', false)).toBe(false);
  });
});
