/** The shapes of sample-overlap lineage: a dataset's sketch, containment between two, and what it says. */
import type { Relation } from '../../domain/vocabulary.js';
import type { KeySet } from './key-set.js';

export interface SketchParams {
  /** Records kept with every key they have, to measure containment with (bottom-k by prompt key). */
  queries: number;
  /** Records kept per LSH band to show near matches with (bottom-k by band key). */
  examplesPerBand: number;
  /** One-permutation MinHash of the prompt's word shingles, cut into bands × rows. */
  bands: number;
  rows: number;
  /** Words per shingle. */
  shingle: number;
  /** Prompts with fewer words get no band keys: too short to call anything near them. */
  minNearWords: number;
  /** Distinct keys a set keeps before it becomes a bottom-k sample of its keys. */
  cap: number;
  /** A prompt repeated in at least this share of a dataset's records (and at least `repeatMin` times) is boilerplate. */
  repeatShare: number;
  repeatMin: number;
  /**
   * A band key repeated this often in one dataset is boilerplate: near-identical records within a set are
   * rare, while a shared template line makes the same band keys in record after record.
   */
  bandRepeatMin: number;
  /** Shingles in this share of a file's first `templateWarmup` records are template, left out of band keys. */
  templateShare: number;
  templateWarmup: number;
}

export const DEFAULT_SKETCH: SketchParams = {
  queries: 2048,
  examplesPerBand: 16,
  bands: 10,
  rows: 3,
  shingle: 2,
  minNearWords: 4,
  cap: 1 << 21,
  repeatShare: 0.01,
  repeatMin: 8,
  bandRepeatMin: 3,
  templateShare: 0.05,
  templateWarmup: 1000,
};

/** A record of the sketch's sample: its keys and where it is. Key 0 means none. */
export interface SampleQuery {
  /** The prompt's key (the sample is chosen by it). */
  key: number;
  response: number;
  /** Prompt and response together. */
  pair: number;
  /** One key per band; 0 where the band is boilerplate or the prompt too short. */
  bands: number[];
  /** Index of the file in the dataset's file list, and the 1-based row in it. */
  file: number;
  row: number;
}

export interface BandExample {
  key: number;
  file: number;
  row: number;
}

/** What Rootline keeps of a dataset's samples: enough to estimate containment both ways, in bounded size. */
export interface DatasetSketch {
  /** Records read. */
  samples: number;
  /** Records with any text. */
  withText: number;
  /** Mean words per response. */
  responseWords: number;
  prompts: KeySet;
  responses: KeySet;
  pairs: KeySet;
  /** Band keys of every prompt (band index mixed in). */
  bands: KeySet;
  /** Keys left out as boilerplate: repeated across the dataset's records. */
  boilerplate: number;
  queries: SampleQuery[];
  examples: BandExample[];
}

/** A sketch's key sets: the bulk of it, needed once per analysis (a sketch without them keeps their limits). */
export type KeySets = Pick<DatasetSketch, 'prompts' | 'responses' | 'pairs' | 'bands'>;

/** How much of one dataset's samples another holds, estimated from the first one's sample. */
export interface Containment {
  /** Share of the samples found in the other dataset, exactly or near. */
  share: number;
  /** Share whose prompt is found exactly. */
  exact: number;
  /** Share whose prompt is found near but not exactly. */
  near: number;
  /** Share found with the same prompt and the same response. */
  identical: number;
  /** Samples of the sketch compared, and how many were found. */
  checked: number;
  matched: number;
  /** Half-width of a 95% interval around `share`. */
  error: number;
}

export type Sides = 'identical' | 'same prompts' | 'near prompts';

export interface SampleRef {
  file: number;
  row: number;
}

export interface MatchExample {
  upstream: SampleRef;
  downstream: SampleRef;
  match: 'exact' | 'near';
}

export type DirectionReason = 'fusion' | 'benchmark' | 'release dates' | 'containment' | 'unclear';

/** A lineage edge the samples show. */
export interface DataEdge {
  upstream: string;
  downstream: string;
  relation: Relation;
  /** What matched: whole samples, prompts only, or near prompts. */
  sides: Sides;
  direction: DirectionReason;
  /** Share of the upstream's samples in the downstream, and of the downstream's in the upstream. */
  upstreamInDownstream: Containment;
  downstreamInUpstream: Containment;
  confidence: number;
  examples: MatchExample[];
}

/** Two datasets that share samples only because both hold a third one's. */
export interface ExplainedOverlap {
  datasets: [string, string];
  via: string;
}
