/**
 * `analyze overlap` end to end: find each dataset's sample files under a folder, sketch them (or reuse
 * the stored sketches of unchanged files), estimate containment between every pair that shares
 * samples, and write what it shows into the graph for review.
 */
import { performance } from 'node:perf_hooks';
import { releasedAfter } from '../../../agents/aggregation/temporal.js';
import { lineageFromOverlap } from '../../../shared/analyses/overlap/index.js';
import { knownDatasets } from '../../../shared/registry/resolve.js';
import type { Project } from '../../project.js';
import { locateSampleFiles } from '../../samples/locate.js';
import { sketchDatasets, type SketchOptions } from './sketches.js';
import { writeOverlapLineage, type OverlapWriteResult } from './write.js';

export interface OverlapRunOptions extends SketchOptions {
  /** Share of one dataset's samples another must hold to make an edge (default 0.05). */
  minContainment?: number;
}

export interface OverlapDatasetReport {
  id: string;
  name: string;
  files: string[];
  samples: number;
  /** Sampled records the containment figures are estimated from. */
  sampled: number;
  /** Keys left out as boilerplate, repeated across the dataset. */
  boilerplate: number;
  /** Whether this run read the files (false: unchanged since the stored sketch). */
  read: boolean;
  seconds: number;
}

export interface OverlapReport extends OverlapWriteResult {
  folder: string;
  minContainment: number;
  datasets: OverlapDatasetReport[];
  /** Files whose dataset is not in the project, with the names tried. */
  unresolved: Array<{ file: string; tried: string[] }>;
  /** Entries of the folder that could not be read (broken links, no permission), each naming its path. */
  problems: string[];
  /** Sampled records left out as common to many datasets. */
  common: number;
  seconds: { sketches: number; analysis: number };
}

export async function analyzeOverlap(project: Project, folder: string, options: OverlapRunOptions = {}): Promise<OverlapReport> {
  const minContainment = options.minContainment ?? 0.05;
  const registry = knownDatasets();
  // Only datasets in the project can take part in edges; a well-known name is matched to its project dataset.
  const located = locateSampleFiles(folder, (name) => project.datasets.resolve(name) ?? resolveKnown(project, registry.lookup(name)?.id));
  const started = performance.now();
  const sketched = await sketchDatasets(project, located.byDataset, options);
  const sketchSeconds = (performance.now() - started) / 1000;
  const analysisStarted = performance.now();
  const releaseDates = new Map<string, string>();
  const benchmarks = new Set<string>();
  for (const s of sketched) {
    const dataset = project.datasets.get(s.datasetId);
    if (dataset?.releaseDate) releaseDates.set(s.datasetId, dataset.releaseDate);
    if (dataset?.kind === 'benchmark') benchmarks.add(s.datasetId);
  }
  const lineage = lineageFromOverlap(sketched.map((s) => ({ id: s.datasetId, sketch: s.sketch })), { minContainment, releaseDates, releasedAfter, benchmarks, keysOf: (id) => project.sketches.keySets(id) });
  const written = writeOverlapLineage(project, lineage, sketched);
  return {
    folder,
    minContainment,
    ...written,
    datasets: sketched.map((s) => ({
      id: s.datasetId,
      name: project.datasets.get(s.datasetId)?.name ?? s.datasetId,
      files: s.files,
      samples: s.sketch.samples,
      sampled: s.sketch.queries.length,
      boilerplate: s.sketch.boilerplate,
      read: s.built,
      seconds: s.seconds,
    })),
    unresolved: located.unresolved,
    problems: located.problems.map((p) => p.message),
    common: lineage.common,
    seconds: { sketches: round(sketchSeconds), analysis: round((performance.now() - analysisStarted) / 1000) },
  };
}

function resolveKnown(project: Project, id: string | undefined): string | undefined {
  return id && project.datasets.get(id) ? id : undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
