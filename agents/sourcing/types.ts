/** What the sourcing agent finds for a dataset: documents to read, and facts about the dataset on the way. */
import type { DocumentKind } from '../../shared/domain/vocabulary.js';

export interface DatasetRef {
  id: string;
  name: string;
  aliases: string[];
}

export interface SourcedDocument {
  /** A file path or a URL-like location (`hf://datasets/org/name/README.md`, `https://arxiv.org/abs/…`). */
  location: string;
  kind: DocumentKind;
  text: string;
  sha256: string;
  from: 'library' | 'hub' | 'arxiv';
}

export interface DatasetFacts {
  releaseDate?: string;
  license?: string;
  url?: string;
}

export interface SourcingResult {
  documents: SourcedDocument[];
  facts: DatasetFacts;
  /** What could not be fetched or read, for the run's log. */
  notes: string[];
}
