/**
 * Sample-level redundancy: exact duplicates of normalized records and near-duplicates found by MinHash
 * LSH, within each dataset and across datasets, with the matching sample ids on both sides. Exact
 * copies are grouped first; only one sample per exact group goes through LSH.
 */
import { createMinHasher, DEFAULT_MINHASH } from '../../shared/analyses/near-duplicates/minhash.js';
import { DEFAULT_LSH, similarPairs, type LshOptions } from '../../shared/analyses/near-duplicates/lsh.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { hash53 } from '../../shared/analyses/text/hash.js';
import { words } from '../../shared/analyses/text/normalize.js';
import { readSamples, type RowProblem } from '../samples/read.js';

export interface SampleRef {
  dataset: string;
  id: string;
}

export interface DuplicateScanOptions {
  fields?: string[];
  /** Jaccard similarity at which two samples are near-duplicates (default 0.8). */
  threshold?: number;
  /** Samples with fewer words are left out of near-duplicate search (default 5). */
  minWords?: number;
  onProblem?: (problem: RowProblem) => void;
  /** Told before each dataset is read: its place among them, for progress. */
  onDataset?: (dataset: string, index: number, total: number) => void;
}

export interface DatasetDuplication {
  dataset: string;
  samples: number;
  /** Samples that are an exact copy of an earlier sample of the same dataset. */
  exactDuplicates: number;
  exactDuplicateRate: number;
  /** Samples with a near-duplicate elsewhere in the same dataset. */
  nearDuplicates: number;
  nearDuplicateRate: number;
}

export interface CrossDatasetOverlap {
  datasets: [string, string];
  exactShared: number;
  nearShared: number;
  examples: Array<{ a: string; b: string; similarity: number }>;
}

export interface DuplicateReport {
  perDataset: DatasetDuplication[];
  crossDataset: CrossDatasetOverlap[];
  exactGroups: SampleRef[][];
  nearPairs: Array<{ a: SampleRef; b: SampleRef; similarity: number }>;
}

export async function scanDuplicates(datasets: Map<string, string[]>, options: DuplicateScanOptions = {}): Promise<DuplicateReport> {
  const lsh: LshOptions = { ...DEFAULT_LSH, threshold: options.threshold ?? DEFAULT_LSH.threshold };
  const minhash = createMinHasher(DEFAULT_MINHASH);
  const minWords = options.minWords ?? 5;
  const groups = new Map<number, SampleRef[]>();
  const representatives: Array<{ ref: SampleRef; signature: Uint32Array; group: number }> = [];
  const counts = new Map<string, number>();

  let read = 0;
  for (const [dataset, files] of datasets) {
    options.onDataset?.(dataset, read++, datasets.size);
    for (const file of files) {
      for await (const sample of readSamples(file, options.onProblem)) {
        counts.set(dataset, (counts.get(dataset) ?? 0) + 1);
        const tokens = words(sampleText(sample.record, { fields: options.fields }).text);
        if (tokens.length === 0) continue;
        const key = hash53(tokens.join(' '));
        const ref = { dataset, id: sample.id };
        const group = groups.get(key);
        if (group) {
          group.push(ref);
          continue;
        }
        groups.set(key, [ref]);
        if (tokens.length >= minWords) representatives.push({ ref, signature: minhash(tokens), group: key });
      }
    }
  }

  const exactGroups = [...groups.values()].filter((g) => g.length > 1);
  const nearPairs = similarPairs(representatives.map((r) => r.signature), lsh).map((p) => ({
    a: representatives[p.a]!.ref,
    b: representatives[p.b]!.ref,
    similarity: Math.round(p.similarity * 1000) / 1000,
  }));

  const perDataset = [...datasets.keys()].map((dataset) => {
    const samples = counts.get(dataset) ?? 0;
    let exact = 0;
    for (const group of exactGroups) exact += Math.max(0, group.filter((r) => r.dataset === dataset).length - 1);
    const near = new Set<string>();
    for (const p of nearPairs) {
      if (p.a.dataset === dataset && p.b.dataset === dataset) {
        near.add(p.a.id);
        near.add(p.b.id);
      }
    }
    return {
      dataset,
      samples,
      exactDuplicates: exact,
      exactDuplicateRate: rate(exact, samples),
      nearDuplicates: near.size,
      nearDuplicateRate: rate(near.size, samples),
    };
  });

  const cross = new Map<string, CrossDatasetOverlap>();
  const pairOf = (a: string, b: string) => {
    const [x, y] = [a, b].sort() as [string, string];
    const key = `${x}\u0000${y}`;
    let entry = cross.get(key);
    if (!entry) cross.set(key, (entry = { datasets: [x, y], exactShared: 0, nearShared: 0, examples: [] }));
    return entry;
  };
  for (const group of exactGroups) {
    const names = [...new Set(group.map((r) => r.dataset))].sort();
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const entry = pairOf(names[i]!, names[j]!);
        entry.exactShared++;
        const a = group.find((r) => r.dataset === entry.datasets[0])!;
        const b = group.find((r) => r.dataset === entry.datasets[1])!;
        if (entry.examples.length < 10) entry.examples.push({ a: a.id, b: b.id, similarity: 1 });
      }
    }
  }
  for (const p of nearPairs) {
    if (p.a.dataset === p.b.dataset) continue;
    const entry = pairOf(p.a.dataset, p.b.dataset);
    entry.nearShared++;
    const [a, b] = entry.datasets[0] === p.a.dataset ? [p.a, p.b] : [p.b, p.a];
    if (entry.examples.length < 10) entry.examples.push({ a: a.id, b: b.id, similarity: p.similarity });
  }
  return { perDataset, crossDataset: [...cross.values()].sort((x, y) => y.exactShared + y.nearShared - x.exactShared - x.nearShared), exactGroups, nearPairs };
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}
