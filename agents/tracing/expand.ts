/**
 * Where breadth-first tracing stops: at the depth limit, at known roots (benchmarks, and corpora
 * released before 2020, which the paper treats as terminal), and — decided by the caller — at datasets
 * already visited or with no documents.
 */
import type { DatasetKind } from '../../shared/domain/vocabulary.js';

/** Datasets released before this year are roots: their own sources are out of scope (the paper's cut-off). */
export const ROOT_BEFORE_YEAR = 2020;

export interface UpstreamFacts {
  id: string;
  kind: DatasetKind;
  /** Release date (YYYY, YYYY-MM, YYYY-MM-DD) or a known year. */
  releaseDate: string | null;
}

export type Expansion = { expand: true } | { expand: false; reason: string };

/** Whether to trace an upstream found at `depth` (the seed is depth 0), under `maxDepth` levels. */
export function expansionOf(upstream: UpstreamFacts, depth: number, maxDepth: number): Expansion {
  if (upstream.kind === 'benchmark') return { expand: false, reason: 'known root: a benchmark' };
  const year = upstream.releaseDate ? Number(upstream.releaseDate.slice(0, 4)) : NaN;
  if (Number.isFinite(year) && year < ROOT_BEFORE_YEAR) return { expand: false, reason: `known root: released in ${year}, before ${ROOT_BEFORE_YEAR}` };
  if (depth >= maxDepth) return { expand: false, reason: `depth limit (${maxDepth})` };
  return { expand: true };
}
