/**
 * Lineage-aware sampling (the paper's payoff): anchor a training mix at upstream root sources instead
 * of homogenized downstream datasets. Roots reachable from the candidates get quotas; each root's
 * samples come from its own files when it has them, else from the datasets closest below it that do;
 * exact and near duplicates are dropped, and by default so is every dataset whose lineage carries a
 * benchmark (test split or unstated). Seeded: the same inputs give the same sample.
 */
import { blastRadius, benchmarksOf } from '../../shared/analyses/contamination/index.js';
import { reachable, type PathStep } from '../../shared/analyses/paths.js';
import { createMinHasher } from '../../shared/analyses/near-duplicates/minhash.js';
import { DEFAULT_LSH, similarPairs } from '../../shared/analyses/near-duplicates/lsh.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { hash53 } from '../../shared/analyses/text/hash.js';
import { words } from '../../shared/analyses/text/normalize.js';
import type { LineageGraph } from '../../shared/graph/lineage-graph.js';
import { UserError } from '../../shared/errors.js';
import { allocateQuotas, type QuotaStrategy } from '../../shared/sampling/quotas.js';
import { randomFor, Reservoir } from '../../shared/sampling/random.js';
import { readSampleBatches, type RowProblem, type Sample } from '../samples/read.js';

export interface SamplingOptions {
  budget: number;
  strategy?: QuotaStrategy;
  cap?: number;
  seed?: number;
  /** Candidate datasets (ids); default: every dataset with sample files. */
  candidates?: string[];
  keepBenchmarkLineage?: boolean;
  nearDuplicateThreshold?: number;
  fields?: string[];
  onProblem?: (problem: RowProblem) => void;
}

export interface LineageStep {
  id: string;
  /** The relation of the edge into this dataset (none for the root). */
  relation?: string;
}

export interface ChosenSample {
  dataset: string;
  file: string;
  row: number;
  id: string;
  root: string;
  /** Root first, the sample's dataset last. */
  lineage: LineageStep[];
  record: Record<string, unknown>;
}

export interface RootPlan {
  root: string;
  /** The datasets this root's samples are drawn from, with the path from the root. */
  pools: Array<{ dataset: string; path: PathStep[]; available: number }>;
  available: number;
  quota: number;
  chosen: number;
}

export interface SamplingResult {
  samples: ChosenSample[];
  roots: RootPlan[];
  excluded: Array<{ dataset: string; reason: string }>;
  dropped: { exactDuplicates: number; nearDuplicates: number };
}

/** What a draw will do before it reads a sample: the roots, where each draws from, and its quota of the budget. */
export interface SamplingPlan {
  candidates: string[];
  roots: RootPlan[];
  excluded: Array<{ dataset: string; reason: string }>;
}

export async function lineageAwareSample(graph: LineageGraph, files: Map<string, string[]>, options: SamplingOptions): Promise<SamplingResult> {
  return drawSample(await planSample(graph, files, options), files, options);
}

/** The first pass: roots reachable from the candidates, their pools, how many samples each offers, and the quotas. */
export async function planSample(graph: LineageGraph, files: Map<string, string[]>, options: SamplingOptions & { onPool?: (dataset: string) => void }): Promise<SamplingPlan> {
  const candidates = (options.candidates ?? [...files.keys()]).filter((id) => graph.hasNode(id));
  if (candidates.length === 0) throw new UserError('no candidate dataset has sample files; point --samples at a folder of dataset files');

  const excluded: SamplingResult['excluded'] = [];
  const carriers = options.keepBenchmarkLineage ? new Map<string, string>() : benchmarkCarriers(graph);

  // Roots reachable from the candidates (a candidate with no upstream is its own root).
  const roots = new Set<string>();
  for (const candidate of candidates) {
    const upstream = reachable(graph, candidate, 'upstream').filter((r) => isRoot(graph, r.id)).map((r) => r.id);
    for (const root of upstream.length > 0 ? upstream : [candidate]) roots.add(root);
  }

  const plans: RootPlan[] = [];
  for (const root of [...roots].sort()) {
    // A benchmark root is fine when its data reaches us through a train split below it; its own files are not.
    const pools = poolsOf(graph, root, files, carriers);
    if (pools.length > 0) plans.push({ root, pools: pools.map((p) => ({ ...p, available: 0 })), available: 0, quota: 0, chosen: 0 });
  }
  for (const [dataset, reason] of carriers) if (files.has(dataset) && !excluded.some((e) => e.dataset === dataset)) excluded.push({ dataset, reason });

  // How many samples each pool offers.
  const sizes = new Map<string, number>();
  for (const plan of plans) {
    for (const pool of plan.pools) {
      if (!sizes.has(pool.dataset)) {
        options.onPool?.(pool.dataset);
        sizes.set(pool.dataset, await countSamples(files.get(pool.dataset)!, options.onProblem));
      }
      pool.available = sizes.get(pool.dataset)!;
      plan.available += pool.available;
    }
  }
  const quotas = allocateQuotas(new Map(plans.map((p) => [p.root, p.available])), options.budget, options.strategy ?? 'uniform', options.cap);
  for (const plan of plans) plan.quota = quotas.get(plan.root) ?? 0;
  return { candidates, roots: plans, excluded };
}

/** The second pass: a seeded reservoir per (root, pool), then duplicates dropped. */
export async function drawSample(plan: SamplingPlan, files: Map<string, string[]>, options: SamplingOptions & { onPool?: (dataset: string) => void }): Promise<SamplingResult> {
  const seed = options.seed ?? 1;
  const plans = plan.roots.map((root) => ({ ...root, pools: root.pools.map((p) => ({ ...p })), chosen: 0 }));
  // Reservoirs are oversized so duplicates can be replaced.
  const drawn = new Map<string, ChosenSample[]>();
  for (const plan of plans) {
    const picks: ChosenSample[] = [];
    for (const pool of plan.pools) {
      const share = Math.ceil((plan.quota * pool.available) / Math.max(1, plan.available));
      if (share === 0) continue;
      options.onPool?.(pool.dataset);
      const reservoir = new Reservoir<Sample>(share * 2 + 5, randomFor(seed, `${plan.root}\u0000${pool.dataset}`));
      for (const file of files.get(pool.dataset)!) for await (const batch of readSampleBatches(file, options.onProblem)) for (const s of batch) reservoir.offer(s);
      const lineage: LineageStep[] = [{ id: plan.root }, ...pool.path.map((step) => ({ id: step.id, relation: step.relation }))];
      const shuffle = randomFor(seed, `order\u0000${plan.root}\u0000${pool.dataset}`);
      const ordered = reservoir.items.map((s) => ({ s, key: shuffle() })).sort((a, b) => a.key - b.key).map(({ s }) => s);
      picks.push(...ordered.map((s) => ({ dataset: pool.dataset, file: s.file, row: s.row, id: s.id, root: plan.root, lineage, record: s.record })));
    }
    drawn.set(plan.root, picks);
  }

  // Take each root's quota in order, skipping exact duplicates of anything taken, then drop near duplicates.
  const taken = new Set<number>();
  let exactDuplicates = 0;
  const chosen: ChosenSample[] = [];
  const reserves = new Map<string, ChosenSample[]>();
  for (const plan of plans) {
    const picks = drawn.get(plan.root)!;
    const mine: ChosenSample[] = [];
    const reserve: ChosenSample[] = [];
    for (const pick of picks) {
      const key = hash53(words(sampleText(pick.record, { fields: options.fields }).text).join(' '));
      if (taken.has(key)) {
        exactDuplicates++;
        continue;
      }
      if (mine.length < plan.quota) {
        taken.add(key);
        mine.push(pick);
      } else reserve.push(pick);
    }
    chosen.push(...mine);
    reserves.set(plan.root, reserve);
  }
  const { kept, nearDuplicates } = dropNearDuplicates(chosen, reserves, options);
  for (const plan of plans) plan.chosen = kept.filter((s) => s.root === plan.root).length;
  kept.sort((a, b) => a.root.localeCompare(b.root) || a.dataset.localeCompare(b.dataset) || a.file.localeCompare(b.file) || a.row - b.row);
  return { samples: kept, roots: plans, excluded: plan.excluded, dropped: { exactDuplicates, nearDuplicates } };
}

function isRoot(graph: LineageGraph, id: string): boolean {
  return graph.inNeighbors(id).every((n) => n === id);
}

/** Datasets whose lineage carries a benchmark (itself one, or downstream of one by a test or unstated split). */
function benchmarkCarriers(graph: LineageGraph): Map<string, string> {
  const carriers = new Map<string, string>();
  for (const benchmark of benchmarksOf(graph)) {
    if (!carriers.has(benchmark)) carriers.set(benchmark, `is the benchmark ${benchmark}`);
    for (const reached of blastRadius(graph, benchmark, { excludeTrainOnly: true }).datasets) {
      if (!carriers.has(reached.id)) carriers.set(reached.id, `its lineage carries the benchmark ${benchmark}`);
    }
  }
  return carriers;
}

/** The datasets a root's samples come from: the root itself if it has files, else its nearest descendants that do. */
function poolsOf(graph: LineageGraph, root: string, files: Map<string, string[]>, carriers: Map<string, string>): Array<{ dataset: string; path: PathStep[] }> {
  if (files.has(root)) return carriers.has(root) ? [] : [{ dataset: root, path: [] }];
  const below = reachable(graph, root, 'downstream').filter((r) => files.has(r.id) && !carriers.has(r.id));
  if (below.length === 0) return [];
  const nearest = Math.min(...below.map((r) => r.depth));
  return below.filter((r) => r.depth === nearest).map((r) => ({ dataset: r.id, path: r.path }));
}

async function countSamples(files: string[], onProblem?: (problem: RowProblem) => void): Promise<number> {
  let count = 0;
  for (const file of files) for await (const batch of readSampleBatches(file, onProblem)) count += batch.length;
  return count;
}

/** Near-duplicate pairs among the chosen lose their later member, replaced from that root's reserve when it has one. */
function dropNearDuplicates(chosen: ChosenSample[], reserves: Map<string, ChosenSample[]>, options: SamplingOptions): { kept: ChosenSample[]; nearDuplicates: number } {
  const minhash = createMinHasher();
  let kept = chosen;
  let nearDuplicates = 0;
  for (let round = 0; round < 3; round++) {
    const signatures = kept.map((s) => minhash(words(sampleText(s.record, { fields: options.fields }).text)));
    const pairs = similarPairs(signatures, { ...DEFAULT_LSH, threshold: options.nearDuplicateThreshold ?? DEFAULT_LSH.threshold });
    const drop = new Set(pairs.map((p) => p.b));
    if (drop.size === 0) break;
    nearDuplicates += drop.size;
    const next: ChosenSample[] = [];
    kept.forEach((sample, i) => {
      if (!drop.has(i)) next.push(sample);
      else {
        const replacement = reserves.get(sample.root)?.shift();
        if (replacement) next.push(replacement);
      }
    });
    kept = next;
  }
  return { kept, nearDuplicates };
}

/** The baseline the paper compares with: the same budget drawn uniformly from the candidate datasets themselves. */
export async function uniformSample(files: Map<string, string[]>, candidates: string[], budget: number, seed = 1, onProblem?: (problem: RowProblem) => void): Promise<ChosenSample[]> {
  const reservoir = new Reservoir<{ dataset: string; sample: Sample }>(budget, randomFor(seed, 'uniform'));
  for (const dataset of [...candidates].sort()) {
    for (const file of files.get(dataset) ?? []) for await (const batch of readSampleBatches(file, onProblem)) for (const sample of batch) reservoir.offer({ dataset, sample });
  }
  return reservoir.items.map(({ dataset, sample }) => ({ dataset, file: sample.file, row: sample.row, id: sample.id, root: dataset, lineage: [{ id: dataset }], record: sample.record }));
}
