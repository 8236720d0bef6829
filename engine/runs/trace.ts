/**
 * The tracing agent's run: breadth-first from the seeds, each dataset sourced (sourcing agent), read
 * (extraction agent), its findings aggregated (aggregation agent), and its new upstream datasets queued,
 * up to a depth limit and a budget. The queue lives in the project file and every document's findings
 * are one transaction, so a run killed at any moment resumes where it stopped and repeats no finished work.
 */
import { DEFAULT_REVIEW_THRESHOLD } from '../../agents/aggregation/review.js';
import { parseCard, type ParsedCard } from '../../agents/documents/card.js';
import { extractBuiltin, BUILTIN_AGENT, type ExtractInput } from '../../agents/extraction/builtin/index.js';
import { extractHybrid } from '../../agents/extraction/llm/hybrid.js';
import { extractWithModel, type ModelExtraction, type RejectedClaim } from '../../agents/extraction/llm/index.js';
import { PROMPT_VERSION } from '../../agents/extraction/llm/prompt.js';
import type { ExtractionResult } from '../../agents/extraction/types.js';
import { isModelCallError, ModelCallError } from '../../agents/providers/errors.js';
import { createLimiter, type Limiter } from '../../agents/providers/limit.js';
import type { ProviderSettings } from '../../agents/providers/settings.js';
import type { CallRecord } from '../../agents/providers/structured.js';
import type { ChatModel } from '../../agents/providers/types.js';
import type { ArxivClient } from '../../agents/sourcing/arxiv.js';
import type { HubClient } from '../../agents/sourcing/hub.js';
import { sourceDataset } from '../../agents/sourcing/index.js';
import type { Library } from '../../agents/sourcing/library.js';
import { budgetSpent, estimateSeconds, type BudgetLimits } from '../../agents/tracing/budget.js';
import { expansionOf } from '../../agents/tracing/expand.js';
import type { Document } from '../../shared/domain/model.js';
import { isUserError, UserError } from '../../shared/errors.js';
import type { Project } from '../project.js';
import { reviewAutomatically } from '../review/automatic.js';
import { Corpus } from '../../agents/extraction/corpus.js';
import { projectCorpus } from '../ingest/corpus.js';
import { CanonicalNames } from './canonical.js';
import { EventStream, type TraceEvent, type TraceStage } from './events.js';
import { writeFindings } from './findings.js';
import type { CallTotals, QueueItem, RunStatus } from './store.js';

export type ExtractorMode = 'builtin' | 'llm' | 'hybrid';

export interface TraceExtractor {
  mode: ExtractorMode;
  /** Required unless the mode is builtin. */
  model?: ChatModel;
  settings?: ProviderSettings;
}

export interface TraceOptions {
  /** Dataset ids already in the project (see resolveSeeds). */
  seeds: string[];
  extractor: TraceExtractor;
  /** Levels of upstream edges to find: 1 reads the seeds only. */
  maxDepth?: number;
  /** Per invocation: a resumed run gets a fresh budget. */
  budget?: BudgetLimits;
  library?: Library;
  /** Online mode only. */
  hub?: HubClient;
  arxiv?: ArxivClient;
  reviewThreshold?: number;
  signal?: AbortSignal;
  /** Start a new run even if an unfinished one of the same seeds exists. */
  newRun?: boolean;
  /** What the run records about its options (never an API key). */
  record?: Record<string, unknown>;
  pid?: number;
}

export interface TraceReport {
  runId: number;
  resumed: boolean;
  status: RunStatus;
  stopReason: string | null;
  extractor: string;
  seeds: string[];
  queue: { done: number; failed: number; skipped: number; pending: number; noDocuments: number };
  /** This invocation. */
  datasetsTraced: number;
  newEdges: number;
  newEvidence: number;
  modelCalls: number;
  reusedReplies: number;
  droppedClaims: Array<RejectedClaim & { dataset: string; document: string }>;
  invalidReplies: number;
  merges: Array<{ written: string; into: string; similarity: number }>;
  /** The whole run, across invocations. */
  calls: CallTotals;
  seconds: number;
  reviewQueue: number;
  project: { datasets: number; edges: number };
}

export interface TraceHandle {
  events: EventStream<TraceEvent>;
  on(listener: (event: TraceEvent) => void): () => void;
  done: Promise<TraceReport>;
}

export const DEFAULT_MAX_DEPTH = 3;

/** Starts (or resumes) a trace; progress arrives as events, the report when `done` settles. */
export function startTrace(project: Project, options: TraceOptions): TraceHandle {
  const events = new EventStream<TraceEvent>();
  // Started on the next tick, so that listeners attached right after this call see the first events.
  const done = Promise.resolve()
    .then(() => new TraceRun(project, options, events).run())
    .finally(() => events.close());
  // The caller may only listen to events; a rejection is still theirs to handle through `done`.
  done.catch(() => undefined);
  return { events, on: (listener) => events.on(listener), done };
}

/** The key under which a document counts as read by an extractor: agent, prompt version, model. */
export function extractorKey(extractor: TraceExtractor): string {
  if (extractor.mode === 'builtin') return BUILTIN_AGENT;
  return `${extractor.mode === 'llm' ? 'llm-extractor' : 'hybrid-extractor'}@${PROMPT_VERSION} ${extractor.model!.label}`;
}

export function extractorLabel(extractor: TraceExtractor): string {
  return extractor.mode === 'builtin' ? 'builtin' : `${extractor.model!.label}${extractor.mode === 'hybrid' ? ' (hybrid)' : ''}`;
}

class TraceRun {
  private readonly started = Date.now();
  private readonly durations: number[] = [];
  private readonly limiter: Limiter;
  private readonly names: CanonicalNames;
  /** The names of the project's and the library's documented datasets, which the extractor resolves to. */
  private readonly corpus: Corpus;
  private readonly key: string;
  private runId = 0;
  private usage = { datasets: 0, modelCalls: 0, reused: 0, newEdges: 0, newEvidence: 0, invalid: 0 };
  private readonly dropped: TraceReport['droppedClaims'] = [];
  private readonly merges: TraceReport['merges'] = [];

  constructor(private readonly project: Project, private readonly options: TraceOptions, private readonly events: EventStream<TraceEvent>) {
    if (options.extractor.mode !== 'builtin' && !options.extractor.model) throw new UserError('a model extractor needs a model');
    this.limiter = createLimiter(options.extractor.settings?.concurrency ?? 1);
    this.names = new CanonicalNames(project);
    this.corpus = new Corpus([...projectCorpus(project), ...(options.library?.corpusEntries() ?? [])]);
    this.key = extractorKey(options.extractor);
  }

  async run(): Promise<TraceReport> {
    const { project, options } = this;
    const runs = project.runs;
    const pid = options.pid ?? process.pid;
    const label = extractorLabel(options.extractor);
    const existing = options.newRun ? undefined : runs.unfinished(options.seeds, label);
    if (existing?.status === 'running' && existing.pid && existing.pid !== pid && processAlive(existing.pid)) {
      throw new UserError(`run #${existing.id} of these datasets is in progress in process ${existing.pid}; wait for it, or stop it and run this again to resume`);
    }
    const resumed = Boolean(existing);
    if (existing) {
      this.runId = existing.id;
      project.transaction(() => {
        runs.claim(existing.id, pid);
        const requeued = runs.requeueWorking(existing.id);
        runs.recordEvent(existing.id, { level: 'info', kind: 'resumed', message: `resumed by process ${pid}${requeued ? `; ${requeued} interrupted datasets back in the queue` : ''}` });
      });
    } else {
      this.runId = project.transaction(() => {
        const id = runs.create({ seeds: options.seeds, extractor: label, settings: { maxDepth: this.maxDepth, budget: options.budget ?? {}, ...(options.record ?? {}) }, pid });
        for (const seed of options.seeds) runs.enqueue(id, { datasetId: seed, depth: 0, via: null });
        return id;
      });
    }
    this.events.emit({ type: 'run', runId: this.runId, resumed, seeds: options.seeds, extractor: label });

    let status: RunStatus = 'finished';
    let reason: string | null = null;
    try {
      for (;;) {
        if (options.signal?.aborted) {
          [status, reason] = ['paused', 'cancelled'];
          break;
        }
        const spent = budgetSpent(options.budget ?? {}, { datasets: this.usage.datasets, modelCalls: this.usage.modelCalls, seconds: (Date.now() - this.started) / 1000 });
        if (spent) {
          [status, reason] = ['paused', spent];
          break;
        }
        const item = runs.next(this.runId);
        if (!item) break;
        const stop = await this.traceOne(item);
        if (stop) {
          [status, reason] = ['paused', stop];
          break;
        }
      }
    } catch (error) {
      runs.setStatus(this.runId, 'failed', (error as Error).message);
      runs.recordEvent(this.runId, { level: 'error', kind: 'failed', message: (error as Error).stack ?? String(error) });
      this.events.emit({ type: 'end', runId: this.runId, status: 'failed', reason: (error as Error).message });
      throw error;
    }
    runs.setStatus(this.runId, status, reason);
    runs.recordEvent(this.runId, { level: status === 'finished' ? 'info' : 'warning', kind: status, message: reason ?? 'finished' });
    this.events.emit({ type: 'end', runId: this.runId, status, reason });
    return this.report(resumed, status, reason, label);
  }

  private get maxDepth(): number {
    return this.options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  /** Traces one dataset; returns why the run must stop (server down, cancelled), or undefined to go on. */
  private async traceOne(item: QueueItem): Promise<string | undefined> {
    const { project } = this;
    const runs = project.runs;
    const started = Date.now();
    runs.setWorking(this.runId, item.datasetId);
    try {
      const outcome = await this.process(item);
      const seconds = (Date.now() - started) / 1000;
      project.transaction(() => {
        runs.finish(this.runId, item.datasetId, { status: 'done', ...outcome, seconds });
        runs.addActiveSeconds(this.runId, seconds);
      });
      this.usage.datasets++;
      this.durations.push(seconds);
      const progress = this.progress();
      this.events.emit({ type: 'dataset', dataset: item.datasetId, depth: item.depth, outcome: outcome.outcome, documents: outcome.documents, sources: outcome.sources, newEdges: outcome.newEdges, ...progress });
      return undefined;
    } catch (error) {
      const seconds = (Date.now() - started) / 1000;
      if (isModelCallError(error) && (error.kind === 'cancelled' || error.stopsRun)) {
        // Nothing of this dataset is lost: documents already read stay read; the rest waits in the queue.
        project.transaction(() => {
          runs.finish(this.runId, item.datasetId, { status: 'pending' });
          runs.addActiveSeconds(this.runId, seconds);
          runs.recordEvent(this.runId, { level: error.kind === 'cancelled' ? 'warning' : 'error', kind: error.kind, datasetId: item.datasetId, message: error.message });
        });
        return error.kind === 'cancelled' ? 'cancelled' : error.message;
      }
      if (isUserError(error)) {
        project.transaction(() => {
          runs.finish(this.runId, item.datasetId, { status: 'failed', outcome: 'failed', error: error.message, seconds });
          runs.recordEvent(this.runId, { level: 'error', kind: 'dataset-failed', datasetId: item.datasetId, message: error.message });
        });
        this.events.emit({ type: 'warning', dataset: item.datasetId, message: error.message });
        return undefined;
      }
      runs.finish(this.runId, item.datasetId, { status: 'pending' });
      throw error;
    }
  }

  private async process(item: QueueItem): Promise<{ outcome: string; documents: number; sources: number; newEdges: number }> {
    const { project, options } = this;
    const runs = project.runs;
    const dataset = project.datasets.get(item.datasetId);
    if (!dataset) throw new UserError(`dataset ${item.datasetId} is no longer in the project`);

    this.stage('sourcing', item);
    const existing = project.documents.forDataset(dataset.id);
    const sourced = await sourceDataset({ id: dataset.id, name: dataset.name, aliases: dataset.aliases }, existing, {
      library: options.library,
      hub: options.hub,
      arxiv: options.arxiv,
      signal: options.signal,
    });
    if (options.signal?.aborted) throw new ModelCallError('cancelled', 'cancelled');
    project.transaction(() => {
      for (const doc of sourced.documents) {
        if (project.documents.findBySha(doc.sha256)) continue;
        project.documents.add({ location: doc.location, sha256: doc.sha256, kind: doc.kind, text: doc.text, datasetId: dataset.id });
      }
      const { releaseDate, license, url } = sourced.facts;
      if (releaseDate || license || url) project.datasets.ensure({ id: dataset.id, name: dataset.name, releaseDate: releaseDate ?? null, license: license ?? null, url: url ?? null });
      for (const note of sourced.notes) runs.recordEvent(this.runId, { level: 'warning', kind: 'sourcing', datasetId: dataset.id, message: note });
    });
    for (const note of sourced.notes) this.events.emit({ type: 'warning', dataset: dataset.id, message: note });

    const documents = project.documents.forDataset(dataset.id);
    if (documents.length === 0) return { outcome: 'no documents', documents: 0, sources: 0, newEdges: 0 };
    this.corpus.add({ id: dataset.id, name: dataset.name, aliases: dataset.aliases, paths: documents.map((d) => d.location) });

    this.stage('extracting', item);
    const toRead = documents.filter((doc) => !runs.wasExtracted(doc.id, this.key));
    const self = { name: dataset.name, id: dataset.id };
    const settled = await Promise.allSettled(toRead.map((doc) => this.readDocument(doc, self)));
    let sources = 0;
    let newEdges = 0;
    const stopping = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    settled.forEach((outcome) => {
      if (outcome.status === 'fulfilled') {
        sources += outcome.value.sources;
        newEdges += outcome.value.newEdges;
      }
    });
    if (stopping) throw stopping.reason;

    this.stage('aggregating', item);
    const threshold = options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD;
    // Its upstream edges have new evidence; its downstream edges may meet its release date only now.
    project.transaction(() => {
      for (const upstream of project.lineage.neighbours(dataset.id, 'up')) {
        const edge = project.edges.between(upstream.id, dataset.id);
        if (edge) reviewAutomatically(project, edge.id, threshold);
      }
      for (const downstream of project.lineage.neighbours(dataset.id, 'down')) {
        const edge = project.edges.between(dataset.id, downstream.id);
        if (edge) reviewAutomatically(project, edge.id, threshold);
      }
    });

    this.stage('expanding', item);
    project.transaction(() => {
      for (const upstream of project.lineage.neighbours(dataset.id, 'up')) {
        const facts = project.datasets.get(upstream.id);
        if (!facts) continue;
        const expansion = expansionOf(facts, item.depth + 1, this.maxDepth);
        runs.enqueue(this.runId, {
          datasetId: upstream.id,
          depth: item.depth + 1,
          via: dataset.id,
          status: expansion.expand ? 'pending' : 'skipped',
          outcome: expansion.expand ? null : expansion.reason,
        });
      }
    });
    return { outcome: 'traced', documents: documents.length, sources, newEdges };
  }

  /** Reads one document with the run's extractor and writes its findings, all in one transaction. */
  private async readDocument(doc: Document, self: { name: string; id: string }): Promise<{ sources: number; newEdges: number }> {
    const { project, options } = this;
    const runs = project.runs;
    const card = cardOf(doc.text, doc.location);
    const input: ExtractInput = { text: doc.text, path: doc.location, metadata: card.metadata, bodyStart: card.bodyStart, yamlStart: card.yamlStart, yamlEnd: card.yamlEnd, self };
    let result: ExtractionResult | ModelExtraction;
    if (options.extractor.mode === 'builtin') result = extractBuiltin(input, { corpus: this.corpus });
    else {
      const settings = options.extractor.settings!;
      const modelOptions = {
        model: options.extractor.model!,
        chunkChars: settings.chunkChars,
        corpus: this.corpus,
        location: doc.location,
        kind: doc.kind,
        call: {
          timeoutMs: settings.timeoutSeconds * 1000,
          attempts: settings.attempts,
          retryBaseMs: settings.retryBaseMs,
          signal: options.signal,
          limiter: this.limiter,
          cache: { get: (key: string) => runs.cachedReply(key) },
          onRecord: (record: CallRecord) => this.recordCall(record, self.id, doc.id),
        },
      };
      result = options.extractor.mode === 'hybrid' ? await extractHybrid(input, modelOptions) : await extractWithModel(input, modelOptions);
    }
    const model = 'rejected' in result ? result : undefined;
    return project.transaction(() => {
      const written = writeFindings(project, this.names, { documentId: doc.id, downstream: self.id, result });
      runs.markExtracted(doc.id, this.key, this.runId, result.sources.length, !model || model.failures.length === 0);
      for (const claim of model?.rejected ?? []) {
        runs.recordEvent(this.runId, { level: 'warning', kind: 'claim-dropped', datasetId: self.id, message: `dropped "${claim.name}": ${claim.reason}`, data: { ...claim, document: doc.location } });
        this.dropped.push({ ...claim, dataset: self.id, document: doc.location });
      }
      for (const failure of model?.failures ?? []) {
        runs.recordEvent(this.runId, { level: 'error', kind: 'invalid-reply', datasetId: self.id, message: `part ${failure.part + 1} of ${doc.location}: ${failure.error}` });
        this.usage.invalid++;
      }
      for (const merge of written.merges) {
        runs.recordEvent(this.runId, { level: 'info', kind: 'name-merged', datasetId: self.id, message: `"${merge.written}" merged into ${merge.into} (similarity ${merge.similarity.toFixed(2)})`, data: merge });
        this.merges.push(merge);
      }
      this.usage.reused += model?.reused ?? 0;
      this.usage.newEdges += written.newEdges;
      this.usage.newEvidence += written.newEvidence;
      return { sources: result.sources.length, newEdges: written.newEdges };
    });
  }

  private recordCall(record: CallRecord, datasetId: string, documentId: number): void {
    this.project.runs.recordCall(this.runId, record, { datasetId, documentId });
    this.usage.modelCalls++;
    this.events.emit({
      type: 'call',
      dataset: datasetId,
      purpose: record.purpose,
      model: `${record.provider}:${record.model}`,
      status: record.status,
      attempts: record.attempts,
      promptTokens: record.promptTokens,
      completionTokens: record.completionTokens,
      seconds: record.seconds,
    });
  }

  private stage(stage: TraceStage, item: QueueItem): void {
    this.events.emit({ type: 'stage', stage, dataset: item.datasetId, depth: item.depth, ...this.progress() });
  }

  private progress(): { done: number; total: number; etaSeconds: number | null } {
    const counts = this.project.runs.counts(this.runId);
    const done = counts.done + counts.failed;
    const remaining = counts.pending + counts.working;
    return { done, total: done + remaining, etaSeconds: estimateSeconds(this.durations, remaining) ?? null };
  }

  private report(resumed: boolean, status: RunStatus, reason: string | null, label: string): TraceReport {
    const runs = this.project.runs;
    const queue = runs.queue(this.runId);
    const count = (s: QueueItem['status']) => queue.filter((q) => q.status === s).length;
    const calls = runs.callTotals(this.runId);
    return {
      runId: this.runId,
      resumed,
      status,
      stopReason: reason,
      extractor: label,
      seeds: this.options.seeds,
      queue: { done: count('done'), failed: count('failed'), skipped: count('skipped'), pending: count('pending') + count('working'), noDocuments: queue.filter((q) => q.outcome === 'no documents').length },
      datasetsTraced: this.usage.datasets,
      newEdges: this.usage.newEdges,
      newEvidence: this.usage.newEvidence,
      modelCalls: this.usage.modelCalls,
      reusedReplies: this.usage.reused,
      droppedClaims: this.dropped,
      invalidReplies: this.usage.invalid,
      merges: this.merges,
      calls,
      seconds: (Date.now() - this.started) / 1000,
      reviewQueue: this.project.edges.proposed().length,
      project: { datasets: this.project.datasets.count(), edges: this.project.edges.count() },
    };
  }
}

function cardOf(text: string, location: string): ParsedCard {
  try {
    return parseCard(text, location);
  } catch {
    // Front matter a fetched README gets wrong is read as text; the lineage is in the body anyway.
    return { metadata: undefined, bodyStart: 0, yamlStart: 0, yamlEnd: 0 };
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
