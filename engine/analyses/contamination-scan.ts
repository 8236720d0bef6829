/**
 * Sample-level contamination: which benchmark items appear in which training samples. Benchmark items
 * (their prompt side) are indexed by word n-gram hashes (13-grams by default; an item shorter than n
 * is one gram of all its words) and by the hash of their whole normalized text; every training sample
 * is then streamed once and looked up. An item counts as found when at least `minOverlap` of its
 * n-grams, or its whole text, appear in one sample.
 */
import { DEFAULT_NGRAM, GramBuffer } from '../../shared/analyses/text/ngrams.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { normalizeText } from '../../shared/analyses/text/normalize.js';
import { readSampleBatches, readSamples, type LineRange, type RowProblem } from '../samples/read.js';
import { scanFileOnEveryCore } from './contamination-parallel.js';

export interface ContaminationScanOptions {
  ngram?: number;
  /** Share of an item's n-grams that must appear in one sample (default: any one). */
  minOverlap?: number;
  /** Items with fewer words than this are too short to match safely and are skipped. */
  minWords?: number;
  benchmarkFields?: string[];
  datasetFields?: string[];
  onProblem?: (problem: RowProblem) => void;
  /** Worker threads for large JSONL files (default: every core). */
  threads?: number;
  /** Files smaller than this are scanned on one thread (default 96 MB: below it, starting workers costs more than it saves). */
  parallelBytes?: number;
  /** Told before each training dataset is scanned: its place among them, for progress. */
  onDataset?: (dataset: string, index: number, total: number) => void;
  /** Told when worker threads could not run and the file was scanned on this thread instead. */
  onSingleThreadFallback?: (error: Error) => void;
}

export interface ItemHit {
  item: string;
  /** The benchmark item's text, shortened. */
  text: string;
  samples: string[];
  /** Largest share of the item's n-grams seen in one sample. */
  overlap: number;
  exact: boolean;
}

export interface DatasetContamination {
  dataset: string;
  samples: number;
  itemsFound: number;
  /** Share of the benchmark's items found in this dataset. */
  ratio: number;
  hits: ItemHit[];
}

export interface BenchmarkContamination {
  benchmark: string;
  items: number;
  skippedShortItems: number;
  datasets: DatasetContamination[];
}

export interface Item {
  benchmark: string;
  id: string;
  text: string;
  grams: number;
  length: number;
}

/** The benchmark side of a scan: every item's n-grams and whole-text hash, and a bit filter over the grams. */
export async function buildBenchmarkIndex(benchmarks: Map<string, string[]>, options: ContaminationScanOptions = {}): Promise<ScanIndex> {
  const n = options.ngram ?? DEFAULT_NGRAM;
  const minWords = options.minWords ?? 8;
  const items: Item[] = [];
  const byGram = new Map<number, number[]>();
  const byText = new Map<number, number[]>();
  const shortLengths = new Set<number>();
  const skipped = new Map<string, number>();
  const add = (map: Map<number, number[]>, key: number, index: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };

  const buffer = new GramBuffer();
  for (const [benchmark, files] of benchmarks) {
    for (const file of files) {
      for await (const sample of readSamples(file, options.onProblem)) {
        const text = sampleText(sample.record, { fields: options.benchmarkFields, side: 'prompt' }).text;
        buffer.fill(text, []);
        const length = buffer.words;
        if (length < minWords) {
          skipped.set(benchmark, (skipped.get(benchmark) ?? 0) + 1);
          continue;
        }
        const index = items.length;
        const count = buffer.fill(text, [Math.min(n, length)]);
        const grams = new Set(buffer.grams.subarray(0, count));
        items.push({ benchmark, id: sample.id, text: normalizeText(text).split(' ').slice(0, 24).join(' '), grams: grams.size, length });
        for (const gram of grams) add(byGram, gram, index);
        add(byText, buffer.whole, index);
        if (length < n) shortLengths.add(length);
      }
    }
  }

  // A bit per hash bucket: most grams of a training sample hit no benchmark, and a bit test is far
  // cheaper than a Map lookup on a 53-bit key.
  const filter = new Int32Array(1 << 22);
  for (const gram of byGram.keys()) {
    const b = (gram % 0x100000000) & BUCKETS;
    filter[b >>> 5]! |= 1 << (b & 31);
  }
  const lengths = [n, ...[...shortLengths].filter((m) => m !== n)];
  return { buffer, lengths, filter, byGram, byText, items, skipped, minOverlap: options.minOverlap ?? 0 };
}

/** Scans one dataset file (or a line range of it) against the index; hits go into `found`. */
export async function scanFile(file: string, index: ScanIndex, found: Map<number, ItemHit>, options: ContaminationScanOptions = {}, range?: LineRange): Promise<number> {
  let samples = 0;
  for await (const batch of readSampleBatches(file, options.onProblem, range)) {
    samples += batch.length;
    for (const sample of batch) matchSample(sampleText(sample.record, { fields: options.datasetFields }).text, sample.id, index, found);
  }
  return samples;
}

export async function scanContamination(
  benchmarks: Map<string, string[]>,
  datasets: Map<string, string[]>,
  options: ContaminationScanOptions = {},
): Promise<BenchmarkContamination[]> {
  const index = await buildBenchmarkIndex(benchmarks, options);
  const { items, skipped } = index;
  // dataset → benchmark item (index into `items`) → where it was found
  const hits = new Map<string, Map<number, ItemHit>>();
  const sampleCounts = new Map<string, number>();
  for (const [dataset, files] of datasets) {
    options.onDataset?.(dataset, hits.size, datasets.size);
    const found = new Map<number, ItemHit>();
    let samplesRead = 0;
    for (const file of files) samplesRead += await scanFileOnEveryCore(file, benchmarks, index, found, options);
    hits.set(dataset, found);
    sampleCounts.set(dataset, samplesRead);
  }

  return [...benchmarks.keys()].map((benchmark) => {
    const total = items.filter((i) => i.benchmark === benchmark).length;
    return {
      benchmark,
      items: total,
      skippedShortItems: skipped.get(benchmark) ?? 0,
      datasets: [...datasets.keys()]
        .map((dataset) => {
          const found = [...(hits.get(dataset) ?? new Map<number, ItemHit>())].filter(([i]) => items[i]!.benchmark === benchmark).map(([, hit]) => hit);
          return { dataset, samples: sampleCounts.get(dataset) ?? 0, itemsFound: found.length, ratio: total ? Math.round((found.length / total) * 1000) / 1000 : 0, hits: found };
        })
        .sort((a, b) => b.ratio - a.ratio || a.dataset.localeCompare(b.dataset)),
    };
  });
}

const BUCKETS = 0x7ffffff;

export interface ScanIndex {
  buffer: GramBuffer;
  skipped: Map<string, number>;
  lengths: number[];
  filter: Int32Array;
  byGram: Map<number, number[]>;
  byText: Map<number, number[]>;
  items: Item[];
  minOverlap: number;
}

/** Looks one training sample up in the benchmark index and records the items it contains. */
function matchSample(text: string, sampleId: string, index: ScanIndex, found: Map<number, ItemHit>): void {
  const gramCount = index.buffer.fill(text, index.lengths);
  if (index.buffer.words === 0) return;
  const shared = matchGrams(index.buffer, gramCount, index.filter, index.byGram);
  const exact = index.byText.get(index.buffer.whole);
  if (!shared && !exact) return;
  for (const item of new Set([...(shared?.keys() ?? []), ...(exact ?? [])])) {
    const isExact = exact?.includes(item) ?? false;
    const overlap = Math.min(1, (shared?.get(item) ?? 0) / Math.max(1, index.items[item]!.grams));
    if (!isExact && (overlap === 0 || overlap < index.minOverlap)) continue;
    let hit = found.get(item);
    if (!hit) found.set(item, (hit = { item: index.items[item]!.id, text: index.items[item]!.text, samples: [], overlap: 0, exact: false }));
    if (hit.samples.length < 20) hit.samples.push(sampleId);
    hit.overlap = Math.max(hit.overlap, Math.round(overlap * 1000) / 1000);
    hit.exact ||= isExact;
  }
}

/**
 * The benchmark items whose n-grams a sample shares, with how many distinct grams each shares. Most
 * samples share nothing, so nothing is allocated until a gram passes the bit filter and the lookup.
 * (A plain function, apart from the async scan, so the engine optimizes this hot loop.)
 */
function matchGrams(buffer: GramBuffer, count: number, filter: Int32Array, byGram: Map<number, number[]>): Map<number, number> | undefined {
  const { grams, lows } = buffer;
  let seen: Map<number, number> | undefined;
  let counted: Set<number> | undefined;
  for (let g = 0; g < count; g++) {
    const b = lows[g]! & BUCKETS;
    if ((filter[b >>> 5]! & (1 << (b & 31))) === 0) continue;
    const gram = grams[g]!;
    const matches = byGram.get(gram);
    if (!matches) continue;
    counted ??= new Set();
    if (counted.has(gram)) continue;
    counted.add(gram);
    seen ??= new Map();
    for (const index of matches) seen.set(index, (seen.get(index) ?? 0) + 1);
  }
  return seen;
}

