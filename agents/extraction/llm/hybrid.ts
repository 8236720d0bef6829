/**
 * Hybrid extraction: the built-in extractor proposes candidates (with a lower bar than usual), the model
 * confirms or rejects each and classifies its relation and confidence. Cheaper than reading the whole
 * document with the model, and the model cannot add a name the text-bound extractor did not find.
 */
import { knownDatasets } from '../../../shared/registry/resolve.js';
import { isModelCallError, ModelCallError } from '../../providers/errors.js';
import { callStructured } from '../../providers/structured.js';
import { extractBuiltin, type ExtractInput } from '../builtin/index.js';
import type { ExtractedSource } from '../types.js';
import { checkClaim, documentGuard } from './guard.js';
import { mergeClaims, type AcceptedClaim, type ModelExtractOptions, type ModelExtraction, type RejectedClaim } from './index.js';
import { confirmationPrompt, type CandidateForModel, type DocumentContext } from './prompt.js';
import { CONFIRMATION_SCHEMA } from './schema.js';

export const HYBRID_AGENT = 'hybrid-extractor';

/** Candidates per call: enough to share the document's context, few enough for a 7B model to answer each. */
const BATCH = 12;
/** A candidate the model did not answer keeps the built-in verdict, capped so that it goes to review. */
const UNCONFIRMED_CAP = 0.65;

export async function extractHybrid(input: ExtractInput, options: ModelExtractOptions): Promise<ModelExtraction> {
  const registry = options.registry ?? knownDatasets();
  const builtin = extractBuiltin(input, { registry, corpus: options.corpus, minConfidence: 0.3 });
  const dataset = builtin.dataset;
  const base = { dataset, dropped: builtin.dropped, agent: HYBRID_AGENT, model: options.model.label };
  if (builtin.sources.length === 0) return { ...base, sources: [], rejected: [], failures: [], calls: 0, reused: 0 };

  const guard = documentGuard(input.text, input.bodyStart ?? 0, dataset, registry);
  const context: DocumentContext = { dataset, location: options.location ?? input.path ?? 'document', kind: options.kind ?? 'card' };
  const batches: ExtractedSource[][] = [];
  for (let i = 0; i < builtin.sources.length; i += BATCH) batches.push(builtin.sources.slice(i, i + BATCH));

  const settled = await Promise.allSettled(
    batches.map((batch) => callStructured(options.model, confirmationPrompt(context, batch.map(toCandidate)), CONFIRMATION_SCHEMA, { ...options.call, purpose: 'confirm' })),
  );
  const stopping = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(isModelCallError(s.reason) && s.reason.kind === 'invalid-reply'));
  if (stopping) throw isModelCallError(stopping.reason) ? stopping.reason : new ModelCallError('server', String(stopping.reason));

  const accepted: AcceptedClaim[] = [];
  const rejected: RejectedClaim[] = [];
  const failures: ModelExtraction['failures'] = [];
  const unconfirmed: ExtractedSource[] = [];
  let calls = 0;
  let reused = 0;
  settled.forEach((outcome, part) => {
    const batch = batches[part]!;
    if (outcome.status === 'rejected') {
      calls++;
      failures.push({ part, error: (outcome.reason as Error).message });
      unconfirmed.push(...batch);
      return;
    }
    if (outcome.value.record) calls++;
    else reused++;
    const decisions = new Map(outcome.value.value.decisions.map((d) => [d.candidate, d]));
    batch.forEach((candidate, index) => {
      const decision = decisions.get(index + 1);
      if (!decision) return unconfirmed.push(candidate);
      const firstQuote = candidate.evidence[0]?.quote ?? '';
      if (!decision.is_source) return rejected.push({ name: candidate.name, evidence: firstQuote, reason: 'the model judged it not a source' });
      // The model's own quote if the guard finds it; else the passage the built-in extractor read (real text by construction).
      const claims = [decision.evidence, ...candidate.evidence.map((e) => e.quote)].filter((q) => q.trim());
      let lastReason = 'no evidence';
      for (const quote of claims) {
        const prefer = candidate.evidence[0];
        const check = checkClaim(guard, { name: candidate.name, confidence: decision.confidence, evidence: quote }, prefer);
        if (check.ok) {
          accepted.push({ claim: decision, id: candidate.id, name: candidate.name, span: check.span });
          return;
        }
        lastReason = check.reason;
        if (!/not found|does not name/.test(check.reason)) break;
      }
      rejected.push({ name: candidate.name, evidence: decision.evidence || firstQuote, reason: lastReason });
    });
  });

  const confirmed = mergeClaims(accepted, 'model-confirmed');
  const kept = unconfirmed
    .filter((s) => s.confidence >= 0.5)
    .map((s) => ({ ...s, confidence: Math.min(s.confidence, UNCONFIRMED_CAP), signals: [...s.signals, 'unconfirmed'] }));
  const sources = [...confirmed, ...kept].sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
  return { ...base, sources, rejected, failures, calls, reused };
}

function toCandidate(source: ExtractedSource): CandidateForModel {
  return { name: source.name, id: source.id, passages: source.evidence.slice(0, 3).map((e) => e.quote.slice(0, 700)), section: '' };
}
