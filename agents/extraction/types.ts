/** What every extractor (built-in or model-backed) returns for one document. */
import type { Relation } from '../../shared/domain/vocabulary.js';

export interface EvidenceSpan {
  /** Verbatim text of the document between start and end. */
  quote: string;
  start: number;
  end: number;
}

export interface ExtractedSource {
  /** The name as the document writes it (or the registry's name for it). */
  name: string;
  /** Canonical id: a registry id, a hub id, or a slug of the name. */
  id: string;
  relation: Relation;
  confidence: number;
  evidence: EvidenceSpan[];
  /** How it was found: yaml, hub-link, registry, list-head, cue... (for explanations and tests). */
  signals: string[];
  /**
   * Named by the document's structure — YAML `source_datasets`, a components table, a list under a
   * source lead — and not only in prose: the built-in extractor's prose alone is never accepted unseen.
   */
  structured?: boolean;
}

export interface DroppedMention {
  name: string;
  reason: string;
  start: number;
  end: number;
}

export interface ExtractionResult {
  /** The dataset the document describes, and the other names the document gives it. */
  dataset: { name: string; id: string; aliases?: string[] };
  sources: ExtractedSource[];
  /** Mentions that looked like datasets but are not sources, and why; instruction-like text ignored. */
  dropped: DroppedMention[];
  agent: string;
  model: string | null;
}
