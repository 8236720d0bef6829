/**
 * Benchmark contamination on the graph: every dataset downstream of a benchmark, with the lineage path
 * that carries it (the benchmark's blast radius), and whether that path starts from the benchmark's
 * test split, its train split, or a split the evidence does not name. A benchmark downstream of another
 * (a harder or cleaned version) is no contaminated training set: it is listed apart, as derived.
 */
import type { LineageGraph, SplitUse } from '../../graph/lineage-graph.js';
import { reachable, type PathStep, type Reached } from '../paths.js';

export interface ContaminatedDataset {
  id: string;
  depth: number;
  /** From the benchmark (excluded) down to this dataset. */
  readonly path: PathStep[];
  /** The split of the benchmark the first step takes. */
  split: SplitUse;
}

export interface BlastRadius {
  benchmark: string;
  name: string;
  /** Training datasets downstream of the benchmark. */
  datasets: ContaminatedDataset[];
  /** Benchmarks built from this one: evaluation data derived from evaluation data, not contamination. */
  derivedBenchmarks: ContaminatedDataset[];
}

/** A dataset reached by a benchmark; its path is built when read, and written out with it as JSON. */
class Contaminated implements ContaminatedDataset {
  constructor(private readonly reached: Reached, readonly split: SplitUse) {}

  get id(): string {
    return this.reached.id;
  }

  get depth(): number {
    return this.reached.depth;
  }

  get path(): PathStep[] {
    return this.reached.path;
  }

  toJSON() {
    return { id: this.id, depth: this.depth, split: this.split, path: this.path };
  }
}

/** Datasets the user or the registry marks as benchmarks. */
export function benchmarksOf(graph: LineageGraph): string[] {
  return graph.filterNodes((_node, attributes) => attributes.kind === 'benchmark').sort();
}

export function blastRadius(graph: LineageGraph, benchmark: string, options: { maxDepth?: number; excludeTrainOnly?: boolean } = {}): BlastRadius {
  const datasets: ContaminatedDataset[] = [];
  const derivedBenchmarks: ContaminatedDataset[] = [];
  for (const reached of reachable(graph, benchmark, 'downstream', options.maxDepth)) {
    const split = reached.firstSplit;
    if (options.excludeTrainOnly && split === 'train') continue;
    const isBenchmark = graph.getNodeAttribute(reached.id, 'kind') === 'benchmark';
    (isBenchmark ? derivedBenchmarks : datasets).push(new Contaminated(reached, split));
  }
  return { benchmark, name: graph.hasNode(benchmark) ? graph.getNodeAttribute(benchmark, 'name') : benchmark, datasets, derivedBenchmarks };
}

/**
 * Every benchmark's blast radius, the largest first; benchmarks that reach no training dataset are left
 * out unless `withDerivedBenchmarks` keeps those that other benchmarks are built from.
 */
export function contaminationMap(graph: LineageGraph, options: { maxDepth?: number; excludeTrainOnly?: boolean; withDerivedBenchmarks?: boolean } = {}): BlastRadius[] {
  return benchmarksOf(graph)
    .map((b) => blastRadius(graph, b, options))
    .filter((r) => r.datasets.length > 0 || (options.withDerivedBenchmarks && r.derivedBenchmarks.length > 0))
    .sort((a, b) => b.datasets.length - a.datasets.length || a.benchmark.localeCompare(b.benchmark));
}
