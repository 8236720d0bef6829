/** The replies the extraction agent accepts from a model, as zod schemas (their JSON Schema is what the server enforces). */
import { z } from 'zod';
import { RELATIONS } from '../../../shared/domain/vocabulary.js';
import { structuredSchema } from '../../providers/structured.js';

/** One upstream dataset as the paper's tracing step returns it: {name, relationship, confidence, evidence}. */
export const SourceClaim = z.strictObject({
  name: z.string().min(1).max(300),
  relation: z.enum(RELATIONS),
  confidence: z.number().min(0).max(1),
  evidence: z.string().max(3000),
});
export type SourceClaim = z.infer<typeof SourceClaim>;

export const ExtractionReply = z.strictObject({ sources: z.array(SourceClaim).max(200) });
export type ExtractionReply = z.infer<typeof ExtractionReply>;

/** Hybrid mode: the model's verdict on each numbered candidate the built-in extractor found. */
export const CandidateDecision = z.strictObject({
  candidate: z.number().int().min(1),
  is_source: z.boolean(),
  relation: z.enum(RELATIONS),
  confidence: z.number().min(0).max(1),
  evidence: z.string().max(3000),
});
export const ConfirmationReply = z.strictObject({ decisions: z.array(CandidateDecision).max(200) });
export type ConfirmationReply = z.infer<typeof ConfirmationReply>;

export const EXTRACTION_SCHEMA = structuredSchema('lineage_sources', ExtractionReply);
export const CONFIRMATION_SCHEMA = structuredSchema('lineage_decisions', ConfirmationReply);
