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
import { readSampleBatches, readSamples, type RowProblem } from '../samples/read.js';

export interface ContaminationScanOptions {
  ngram?: number;
  /** Share of an item's n-grams that must appear in one sample (default: any one). */
  minOverlap?: number;
  /** Items with fewer words than this are too short to match safely and are skipped. */
  minWords?: number;
  benchmarkFields?: string[];
  datasetFields?: string[];
  onProblem?: (problem: RowProblem) => void;
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

interface Item {
  benchmark: string;
  id: string;
  text: string;
  grams: number;
  length: number;
}

export async function scanContamination(
  benchmarks: Map<string, string[]>,
  datasets: Map<string, string[]>,
  options: ContaminationScanOptions = {},
): Promise<BenchmarkContamination[]> {
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

  const minOverlap = options.minOverlap ?? 0;
  // benchmark → dataset → item index → hit
  const hits = new Map<string, Map<string, Map<number, ItemHit>>>();
  const sampleCounts = new Map<string, number>();
  for (const [dataset, files] of datasets) {
    let samplesRead = 0;
    for (const file of files) {
      for await (const batch of readSampleBatches(file, options.onProblem)) {
        for (const sample of batch) {
        samplesRead++;
        const text = sampleText(sample.record, { fields: options.datasetFields }).text;
        const gramCount = buffer.fill(text, lengths);
        if (buffer.words === 0) continue;
        let seen = matchGrams(buffer, gramCount, filter, byGram);
        const exactMatches = byText.get(buffer.whole);
        if (!seen && !exactMatches) continue;
        seen ??= new Map();
        const exact = new Set(exactMatches ?? []);
        for (const index of new Set([...seen.keys(), ...exact])) {
          const item = items[index]!;
          const shared = seen.get(index) ?? 0;
          const overlap = Math.min(1, shared / Math.max(1, item.grams));
          if (!exact.has(index) && (overlap < minOverlap || shared === 0)) continue;
          const perDataset = getOrAdd(getOrAdd(hits, item.benchmark, () => new Map<string, Map<number, ItemHit>>()), dataset, () => new Map<number, ItemHit>());
          const hit = getOrAdd<number, ItemHit>(perDataset, index, () => ({ item: item.id, text: item.text, samples: [], overlap: 0, exact: false }));
          if (hit.samples.length < 20) hit.samples.push(sample.id);
          hit.overlap = Math.max(hit.overlap, Math.round(overlap * 1000) / 1000);
          hit.exact ||= exact.has(index);
        }
        }
      }
    }
    sampleCounts.set(dataset, samplesRead);
  }

  return [...benchmarks.keys()].map((benchmark) => {
    const total = items.filter((i) => i.benchmark === benchmark).length;
    const perDataset = hits.get(benchmark) ?? new Map<string, Map<number, ItemHit>>();
    return {
      benchmark,
      items: total,
      skippedShortItems: skipped.get(benchmark) ?? 0,
      datasets: [...datasets.keys()]
        .map((dataset) => {
          const found = [...(perDataset.get(dataset)?.values() ?? [])];
          return { dataset, samples: sampleCounts.get(dataset) ?? 0, itemsFound: found.length, ratio: total ? Math.round((found.length / total) * 1000) / 1000 : 0, hits: found };
        })
        .sort((a, b) => b.ratio - a.ratio || a.dataset.localeCompare(b.dataset)),
    };
  });
}

const BUCKETS = 0x7ffffff;

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

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
