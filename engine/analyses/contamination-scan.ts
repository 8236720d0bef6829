/**
 * Sample-level contamination: which benchmark items appear in which training samples. Benchmark items
 * (their prompt side) are indexed by word n-gram hashes (13-grams by default; an item shorter than n
 * is one gram of all its words) and by the hash of their whole normalized text; every training sample
 * is then streamed once and looked up. An item counts as found when at least `minOverlap` of its
 * n-grams, or its whole text, appear in one sample.
 */
import { DEFAULT_NGRAM, gramsOfLengths, ngramHashes } from '../../shared/analyses/text/ngrams.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { hash53 } from '../../shared/analyses/text/hash.js';
import { words } from '../../shared/analyses/text/normalize.js';
import { readSamples, type RowProblem } from '../samples/read.js';

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

  for (const [benchmark, files] of benchmarks) {
    for (const file of files) {
      for await (const sample of readSamples(file, options.onProblem)) {
        const tokens = words(sampleText(sample.record, { fields: options.benchmarkFields, side: 'prompt' }).text);
        if (tokens.length < minWords) {
          skipped.set(benchmark, (skipped.get(benchmark) ?? 0) + 1);
          continue;
        }
        const index = items.length;
        const grams = new Set(ngramHashes(tokens, n));
        items.push({ benchmark, id: sample.id, text: tokens.slice(0, 24).join(' '), grams: grams.size, length: tokens.length });
        for (const gram of grams) add(byGram, gram, index);
        add(byText, hash53(tokens.join(' ')), index);
        if (tokens.length < n) shortLengths.add(tokens.length);
      }
    }
  }

  const minOverlap = options.minOverlap ?? 0;
  // benchmark → dataset → item index → hit
  const hits = new Map<string, Map<string, Map<number, ItemHit>>>();
  const sampleCounts = new Map<string, number>();
  for (const [dataset, files] of datasets) {
    let count = 0;
    for (const file of files) {
      for await (const sample of readSamples(file, options.onProblem)) {
        count++;
        const tokens = words(sampleText(sample.record, { fields: options.datasetFields }).text);
        if (tokens.length === 0) continue;
        const seen = new Map<number, number>();
        for (const gram of new Set([...ngramHashes(tokens, n), ...gramsOfLengths(tokens, shortLengths)])) {
          for (const index of byGram.get(gram) ?? []) seen.set(index, (seen.get(index) ?? 0) + 1);
        }
        const exact = new Set(byText.get(hash53(tokens.join(' '))) ?? []);
        for (const index of new Set([...seen.keys(), ...exact])) {
          const item = items[index]!;
          const overlap = Math.min(1, (seen.get(index) ?? 0) / Math.max(1, item.grams));
          if (!exact.has(index) && (overlap < minOverlap || (seen.get(index) ?? 0) === 0)) continue;
          const perDataset = getOrAdd(getOrAdd(hits, item.benchmark, () => new Map<string, Map<number, ItemHit>>()), dataset, () => new Map<number, ItemHit>());
          const hit = getOrAdd<number, ItemHit>(perDataset, index, () => ({ item: item.id, text: item.text, samples: [], overlap: 0, exact: false }));
          if (hit.samples.length < 20) hit.samples.push(sample.id);
          hit.overlap = Math.max(hit.overlap, Math.round(overlap * 1000) / 1000);
          hit.exact ||= exact.has(index);
        }
      }
    }
    sampleCounts.set(dataset, count);
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

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
