/** The lineage model: datasets, the edges between them, the evidence behind each edge, the documents it came from. */
import { z } from 'zod';
import { DATA_TYPES, DATASET_KINDS, DOCUMENT_KINDS, EDGE_STATUSES, EVIDENCE_KINDS, RELATIONS, VISIBILITIES } from './vocabulary.js';

export const DatasetSchema = z.object({
  /** Canonical id: a Hugging Face `org/name` where known, else a slug of the name. */
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  domains: z.array(z.string().min(1)),
  kind: z.enum(DATASET_KINDS),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  releaseDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  license: z.string().nullable(),
  size: z.string().nullable(),
  summary: z.string().nullable(),
  dataType: z.enum(DATA_TYPES).nullable(),
  visibility: z.enum(VISIBILITIES),
  languages: z.array(z.string()),
  creators: z.array(z.string()),
  /** Where the dataset lives (hub page, repository), when known. */
  url: z.string().nullable(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** Figures of one direction of a sample overlap (shared/analyses/overlap/types.ts `Containment`). */
export const ContainmentSchema = z.object({
  share: z.number(),
  exact: z.number(),
  near: z.number(),
  identical: z.number(),
  checked: z.number().int(),
  matched: z.number().int(),
  error: z.number(),
});

const SampleRefSchema = z.object({ file: z.string(), row: z.number().int() });

/** What evidence from the data holds instead of a quote: containment both ways and a few matched samples. */
export const SampleOverlapSchema = z.object({
  upstreamInDownstream: ContainmentSchema,
  downstreamInUpstream: ContainmentSchema,
  sides: z.enum(['identical', 'same prompts', 'near prompts']),
  direction: z.enum(['fusion', 'benchmark', 'release dates', 'containment', 'unclear', 'stated']),
  samples: z.object({ upstream: z.number().int(), downstream: z.number().int() }),
  examples: z.array(z.object({ upstream: SampleRefSchema, downstream: SampleRefSchema, match: z.enum(['exact', 'near']) })),
});
export type SampleOverlap = z.infer<typeof SampleOverlapSchema>;

export const EvidenceSchema = z.object({
  /** The document the quote was read in (its id in the store), or null for imported evidence with no document. */
  documentId: z.number().int().nullable(),
  /** Where the quote was read, when there is no document in the project (e.g. "Paper", "HuggingFace README"). */
  origin: z.string().nullable(),
  quote: z.string(),
  /** Character offsets of the quote in the document text (UTF-16 code units, as JavaScript strings count). */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  agent: z.string(),
  model: z.string().nullable(),
  relation: z.enum(RELATIONS),
  confidence: z.number().min(0).max(1),
  createdAt: z.string(),
  /** A quote read in a document, or figures from the sample files (then `quote` states them and `overlap` holds them). */
  kind: z.enum(EVIDENCE_KINDS),
  overlap: SampleOverlapSchema.nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EdgeSchema = z.object({
  upstream: z.string(),
  downstream: z.string(),
  relation: z.enum(RELATIONS),
  confidence: z.number().min(0).max(1),
  status: z.enum(EDGE_STATUSES),
  evidence: z.array(EvidenceSchema),
});
export type Edge = z.infer<typeof EdgeSchema>;

export const DocumentSchema = z.object({
  id: z.number().int(),
  /** A file path or a URL. */
  location: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(DOCUMENT_KINDS),
  text: z.string(),
  /** The dataset the document describes, when known. */
  datasetId: z.string().nullable(),
  ingestedAt: z.string(),
});
export type Document = z.infer<typeof DocumentSchema>;
