/**
 * What the review queue can be narrowed to — where an edge's evidence came from, its relation, a
 * confidence band, a dataset at either end — shared by the `review` verb, the engine and the app.
 */
import type { Relation } from '../domain/vocabulary.js';

export interface ReviewFilter {
  /** Origins of the evidence (`paper`, `dpi`, `builtin`, `model`, `hybrid`, `data`, or another agent's name); any one matches. */
  origins?: string[];
  relations?: Relation[];
  /** Inclusive lower bound of the edge's confidence. */
  minConfidence?: number;
  /** Exclusive upper bound, so bands such as 0.5–0.7 and 0.7–0.9 do not share an edge. */
  maxConfidence?: number;
  /** A dataset id at either end of the edge. */
  dataset?: string;
}

/** The agents that write evidence, by the origin a person filters on. */
const ORIGIN_OF_AGENT: Record<string, string> = {
  'import:paper': 'paper',
  'import:dpi': 'dpi',
  'builtin-extractor': 'builtin',
  'builtin-extractor:structure': 'builtin',
  'llm-extractor': 'model',
  'hybrid-extractor': 'hybrid',
  'rootline (sample overlap)': 'data',
};

export const ORIGIN_LABELS: Record<string, string> = {
  paper: 'paper import',
  dpi: 'DPI import',
  builtin: 'built-in extractor',
  model: 'model',
  hybrid: 'model (hybrid)',
  data: 'sample overlap',
};

export function originOfAgent(agent: string): string {
  return ORIGIN_OF_AGENT[agent] ?? agent;
}

export const originLabel = (origin: string) => ORIGIN_LABELS[origin] ?? origin;

/** Confidence bands the app offers; each is [min, max). */
export const CONFIDENCE_BANDS: ReadonlyArray<{ label: string; min: number; max?: number }> = [
  { label: 'below 0.5', min: 0, max: 0.5 },
  { label: '0.5–0.7', min: 0.5, max: 0.7 },
  { label: '0.7–0.9', min: 0.7, max: 0.9 },
  { label: '0.9 and above', min: 0.9 },
];

export interface FilterableEdge {
  upstream: string;
  downstream: string;
  relation: Relation;
  confidence: number;
  origins: string[];
}

export function matchesReviewFilter(edge: FilterableEdge, filter: ReviewFilter): boolean {
  if (filter.origins?.length && !edge.origins.some((o) => filter.origins!.includes(o))) return false;
  if (filter.relations?.length && !filter.relations.includes(edge.relation)) return false;
  if (filter.minConfidence !== undefined && edge.confidence < filter.minConfidence) return false;
  if (filter.maxConfidence !== undefined && edge.confidence >= filter.maxConfidence) return false;
  if (filter.dataset && edge.upstream !== filter.dataset && edge.downstream !== filter.dataset) return false;
  return true;
}
