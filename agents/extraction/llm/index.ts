/**
 * The extraction agent with a model: one structured call per chunk of the document (the paper's tracing
 * step), every claim checked by the guard, claims of one dataset merged into one source.
 */
import { nameKey } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import { knownDatasets, type Registry } from '../../../shared/registry/resolve.js';
import { isModelCallError, ModelCallError } from '../../providers/errors.js';
import { callStructured, type CallOptions } from '../../providers/structured.js';
import type { ChatModel } from '../../providers/types.js';
import { extractBuiltin, type ExtractInput } from '../builtin/index.js';
import type { Corpus } from '../corpus.js';
import type { EvidenceSpan, ExtractedSource, ExtractionResult } from '../types.js';
import { splitDocument } from './chunks.js';
import { checkClaim, documentGuard } from './guard.js';
import { extractionPrompt, type DocumentContext } from './prompt.js';
import { EXTRACTION_SCHEMA, type SourceClaim } from './schema.js';

export const LLM_AGENT = 'llm-extractor';

export interface ModelExtractOptions {
  model: ChatModel;
  /** Timeout, retries, cancellation, concurrency limit, cache and accounting of each call. */
  call: Omit<CallOptions, 'purpose'>;
  chunkChars?: number;
  overlapChars?: number;
  registry?: Registry;
  /** The names of the datasets around the document, for the built-in extractor's candidates (hybrid mode). */
  corpus?: Corpus;
  /** Where the document came from and what it is, for the prompt. */
  location?: string;
  kind?: string;
}

/** A claim the guard (or the model, in hybrid mode) turned down, kept for the run's log. */
export interface RejectedClaim {
  name: string;
  evidence: string;
  reason: string;
}

export interface ModelExtraction extends ExtractionResult {
  rejected: RejectedClaim[];
  /** Parts of the document the model could not answer validly (after a repair request). */
  failures: Array<{ part: number; error: string }>;
  /** Model calls made (replies reused from an earlier, interrupted run are not counted). */
  calls: number;
  /** Replies reused from the cache instead of asking the model again. */
  reused: number;
}

export async function extractWithModel(input: ExtractInput, options: ModelExtractOptions): Promise<ModelExtraction> {
  const registry = options.registry ?? knownDatasets();
  const dataset = identify(input);
  const guard = documentGuard(input.text, input.bodyStart ?? 0, dataset, registry);
  const context: DocumentContext = { dataset, location: options.location ?? input.path ?? 'document', kind: options.kind ?? 'card' };
  const chunks = splitDocument(input.text, { maxChars: options.chunkChars, overlapChars: options.overlapChars });

  const settled = await Promise.allSettled(
    chunks.map((chunk) =>
      callStructured(options.model, extractionPrompt(context, { ...chunk, count: chunks.length }), EXTRACTION_SCHEMA, { ...options.call, purpose: 'extract' }),
    ),
  );
  // A server that is down or a cancelled run stops the document: its findings must not be written half-read.
  const stopping = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(isModelCallError(s.reason) && s.reason.kind === 'invalid-reply'));
  if (stopping) throw isModelCallError(stopping.reason) ? stopping.reason : new ModelCallError('server', String(stopping.reason));

  const accepted: AcceptedClaim[] = [];
  const rejected: RejectedClaim[] = [];
  const failures: ModelExtraction['failures'] = [];
  let calls = 0;
  let reused = 0;
  settled.forEach((outcome, part) => {
    if (outcome.status === 'rejected') {
      failures.push({ part, error: (outcome.reason as Error).message });
      calls++;
      return;
    }
    if (outcome.value.record) calls++;
    else reused++;
    const chunk = chunks[part]!;
    for (const claim of outcome.value.value.sources) {
      const check = checkClaim(guard, claim, chunk);
      if (check.ok) accepted.push({ claim, id: check.id, name: check.name, span: check.span });
      else rejected.push({ name: claim.name, evidence: claim.evidence, reason: check.reason });
    }
  });
  return { dataset, sources: mergeClaims(accepted, 'model'), dropped: [], rejected, failures, calls, reused, agent: LLM_AGENT, model: options.model.label };
}

export interface AcceptedClaim {
  claim: Pick<SourceClaim, 'relation' | 'confidence'>;
  id: string;
  name: string;
  span: EvidenceSpan;
}

/** One source per dataset: the strongest claim's confidence, the relation its claims vote for, every distinct quote. */
export function mergeClaims(accepted: AcceptedClaim[], signal: string): ExtractedSource[] {
  const groups = new Map<string, AcceptedClaim[]>();
  for (const item of accepted) {
    const key = nameKey(item.id);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()]
    .map((group) => {
      const votes = new Map<Relation, number>();
      for (const item of group) votes.set(item.claim.relation, (votes.get(item.claim.relation) ?? 0) + item.claim.confidence);
      const relation = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const seen = new Set<string>();
      const evidence = group
        .sort((a, b) => b.claim.confidence - a.claim.confidence)
        .map((item) => item.span)
        .filter((span) => {
          const key = `${span.start}:${span.end}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .slice(0, 5);
      return {
        name: group[0]!.name,
        id: group[0]!.id,
        relation,
        confidence: Math.max(...group.map((item) => item.claim.confidence)),
        evidence,
        signals: [signal],
      };
    })
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

/** The dataset a document describes: the caller's word, else what the built-in extractor reads from it. */
export function identify(input: ExtractInput): { name: string; id: string } {
  if (input.self?.id) return { name: input.self.name, id: input.self.id };
  return extractBuiltin(input).dataset;
}
