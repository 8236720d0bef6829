/** A name the extractor found in a unit, before it is judged: what it is, where, and what it resolves to. */
import type { KnownDataset } from '../../../../shared/registry/types.js';
import type { CorpusDataset } from '../../corpus.js';

export type MentionSignal =
  | 'yaml'
  | 'hub-link'
  | 'hub-id'
  | 'card-link'
  | 'github'
  | 'corpus'
  | 'registry'
  | 'code'
  | 'identifier'
  | 'list-head'
  | 'table-cell'
  | 'phrase';

export interface Mention {
  /** The name as written (a link's text, or its target's name when the text names nothing). */
  name: string;
  /** Absolute offsets into the document text. */
  start: number;
  end: number;
  signal: MentionSignal;
  hubId?: string;
  /** A well-known dataset it names. */
  known?: KnownDataset;
  /** A dataset of the corpus (another card of the batch, the project, the library) it names. */
  corpus?: CorpusDataset;
  /** Named as a component by the document's structure (a `datasets = [...]` list, a size after it). */
  listed?: boolean;
  /** A lower-case compound ("multi-turn", "claims-dialogs") that names data only with more support. */
  compound?: boolean;
}

/** Whether the mention names one particular dataset (a link, an id, a known or corpus name). */
export function isSpecific(mention: Mention): boolean {
  return Boolean(mention.hubId || mention.known || mention.corpus || mention.signal === 'card-link');
}

/** A bucket or file-system URI: a place data is kept, a name only where data is said to come from it. */
export const STORAGE_URI = /^(?:s3a?|gs|hdfs|abfss?|az|wasbs?|dbfs|oss|r2|file):\/\//i;
