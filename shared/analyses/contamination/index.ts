/**
 * Benchmark contamination on the graph: every dataset downstream of a benchmark, with the lineage path
 * that carries it (the benchmark's blast radius), and whether that path starts from the benchmark's
 * test split, its train split, or a split the evidence does not name.
 */
import type { LineageGraph, SplitUse } from '../../graph/lineage-graph.js';
import { reachable, type PathStep } from '../paths.js';

export interface ContaminatedDataset {
  id: string;
  depth: number;
  /** From the benchmark (excluded) down to this dataset. */
  path: PathStep[];
  /** The split of the benchmark the first step takes. */
  split: SplitUse;
}

export interface BlastRadius {
  benchmark: string;
  name: string;
  datasets: ContaminatedDataset[];
}

/** Datasets the user or the registry marks as benchmarks. */
export function benchmarksOf(graph: LineageGraph): string[] {
  return graph.filterNodes((_node, attributes) => attributes.kind === 'benchmark').sort();
}

export function blastRadius(graph: LineageGraph, benchmark: string, options: { maxDepth?: number; excludeTrainOnly?: boolean } = {}): BlastRadius {
  const datasets = reachable(graph, benchmark, 'downstream', options.maxDepth)
    .map((reached) => ({ ...reached, split: reached.path[0]?.split ?? 'unknown' }))
    .filter((d) => !(options.excludeTrainOnly && d.split === 'train'));
  return { benchmark, name: graph.hasNode(benchmark) ? graph.getNodeAttribute(benchmark, 'name') : benchmark, datasets };
}

/** Every benchmark's blast radius, the largest first; benchmarks that reach nothing are left out. */
export function contaminationMap(graph: LineageGraph, options: { maxDepth?: number; excludeTrainOnly?: boolean } = {}): BlastRadius[] {
  return benchmarksOf(graph)
    .map((b) => blastRadius(graph, b, options))
    .filter((r) => r.datasets.length > 0)
    .sort((a, b) => b.datasets.length - a.datasets.length || a.benchmark.localeCompare(b.benchmark));
}
