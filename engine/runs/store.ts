/**
 * Runs in the project file: the run itself, its breadth-first queue, the model calls it paid for, and
 * its events. Every step is written as it happens, so a run killed at any moment resumes from here.
 */
import type Database from 'better-sqlite3';
import type { CallRecord } from '../../agents/providers/structured.js';

export type RunStatus = 'running' | 'paused' | 'finished' | 'failed';
export type QueueStatus = 'pending' | 'working' | 'done' | 'skipped' | 'failed';

export interface RunRow {
  id: number;
  seeds: string[];
  extractor: string;
  settings: Record<string, unknown>;
  status: RunStatus;
  stopReason: string | null;
  pid: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  activeSeconds: number;
}

export interface QueueItem {
  runId: number;
  seq: number;
  datasetId: string;
  depth: number;
  via: string | null;
  status: QueueStatus;
  outcome: string | null;
  documents: number | null;
  sources: number | null;
  newEdges: number | null;
  seconds: number | null;
  error: string | null;
}

export interface RunEvent {
  id: number;
  at: string;
  level: 'info' | 'warning' | 'error';
  kind: string;
  datasetId: string | null;
  message: string;
  data: unknown;
}

export interface CallTotals {
  calls: number;
  failed: number;
  promptTokens: number;
  completionTokens: number;
  seconds: number;
}

interface RawRun {
  id: number;
  seeds: string;
  extractor: string;
  settings: string;
  status: RunStatus;
  stop_reason: string | null;
  pid: number | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  active_seconds: number;
}

interface RawItem {
  run_id: number;
  seq: number;
  dataset_id: string;
  depth: number;
  via: string | null;
  status: QueueStatus;
  outcome: string | null;
  documents: number | null;
  sources: number | null;
  new_edges: number | null;
  seconds: number | null;
  error: string | null;
}

export class RunStore {
  constructor(private readonly db: Database.Database, private readonly now: () => string) {}

  create(input: { seeds: string[]; extractor: string; settings: Record<string, unknown>; pid: number }): number {
    const now = this.now();
    const result = this.db
      .prepare("INSERT INTO runs (seeds, extractor, settings, status, pid, started_at, updated_at) VALUES (?, ?, ?, 'running', ?, ?, ?)")
      .run(JSON.stringify(input.seeds), input.extractor, JSON.stringify(input.settings), input.pid, now, now);
    return Number(result.lastInsertRowid);
  }

  get(id: number): RunRow | undefined {
    const row = this.db.prepare<[number], RawRun>('SELECT * FROM runs WHERE id = ?').get(id);
    return row ? toRun(row) : undefined;
  }

  all(): RunRow[] {
    return this.db.prepare<[], RawRun>('SELECT * FROM runs ORDER BY id').all().map(toRun);
  }

  /** The latest run of these seeds with this extractor that did not finish. */
  unfinished(seeds: string[], extractor: string): RunRow | undefined {
    const row = this.db
      .prepare<[string, string], RawRun>("SELECT * FROM runs WHERE seeds = ? AND extractor = ? AND status IN ('running', 'paused') ORDER BY id DESC LIMIT 1")
      .get(JSON.stringify(seeds), extractor);
    return row ? toRun(row) : undefined;
  }

  /** Claims a run for this process (a resumed run was left by a process that is gone). */
  claim(id: number, pid: number): void {
    this.db.prepare("UPDATE runs SET status = 'running', stop_reason = NULL, pid = ?, updated_at = ? WHERE id = ?").run(pid, this.now(), id);
  }

  setStatus(id: number, status: RunStatus, stopReason: string | null = null): void {
    const now = this.now();
    this.db
      .prepare('UPDATE runs SET status = ?, stop_reason = ?, updated_at = ?, finished_at = CASE WHEN ? = \'finished\' THEN ? ELSE finished_at END WHERE id = ?')
      .run(status, stopReason, now, status, now, id);
  }

  addActiveSeconds(id: number, seconds: number): void {
    this.db.prepare('UPDATE runs SET active_seconds = active_seconds + ?, updated_at = ? WHERE id = ?').run(seconds, this.now(), id);
  }

  // The queue.

  /** Adds a dataset to the run's queue unless the run already reached it (visited). Returns whether it was added. */
  enqueue(runId: number, item: { datasetId: string; depth: number; via: string | null; status?: 'pending' | 'skipped'; outcome?: string | null }): boolean {
    const seq = (this.db.prepare<[number], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM run_queue WHERE run_id = ?').get(runId)?.n ?? 1);
    const result = this.db
      .prepare('INSERT OR IGNORE INTO run_queue (run_id, seq, dataset_id, depth, via, status, outcome, enqueued_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, seq, item.datasetId, item.depth, item.via, item.status ?? 'pending', item.outcome ?? null, this.now(), item.status === 'skipped' ? this.now() : null);
    return result.changes > 0;
  }

  /** The next dataset to trace: breadth first (lowest depth), then in the order found. */
  next(runId: number): QueueItem | undefined {
    const row = this.db
      .prepare<[number], RawItem>("SELECT * FROM run_queue WHERE run_id = ? AND status = 'pending' ORDER BY depth, seq LIMIT 1")
      .get(runId);
    return row ? toItem(row) : undefined;
  }

  setWorking(runId: number, datasetId: string): void {
    this.db.prepare("UPDATE run_queue SET status = 'working' WHERE run_id = ? AND dataset_id = ?").run(runId, datasetId);
  }

  /** Items a killed process left half-done go back to the queue; their committed documents are not read again. */
  requeueWorking(runId: number): number {
    return this.db.prepare("UPDATE run_queue SET status = 'pending' WHERE run_id = ? AND status = 'working'").run(runId).changes;
  }

  finish(
    runId: number,
    datasetId: string,
    result: { status: 'done' | 'failed' | 'pending'; outcome?: string | null; documents?: number; sources?: number; newEdges?: number; seconds?: number; error?: string | null },
  ): void {
    this.db
      .prepare(
        `UPDATE run_queue SET status = ?, outcome = ?, documents = ?, sources = ?, new_edges = ?, seconds = ?, error = ?,
           finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE ? END
         WHERE run_id = ? AND dataset_id = ?`,
      )
      .run(
        result.status,
        result.outcome ?? null,
        result.documents ?? null,
        result.sources ?? null,
        result.newEdges ?? null,
        result.seconds ?? null,
        result.error ?? null,
        result.status,
        this.now(),
        runId,
        datasetId,
      );
  }

  queue(runId: number): QueueItem[] {
    return this.db.prepare<[number], RawItem>('SELECT * FROM run_queue WHERE run_id = ? ORDER BY seq').all(runId).map(toItem);
  }

  counts(runId: number): Record<QueueStatus, number> {
    const counts: Record<QueueStatus, number> = { pending: 0, working: 0, done: 0, skipped: 0, failed: 0 };
    for (const row of this.db.prepare<[number], { status: QueueStatus; n: number }>('SELECT status, count(*) AS n FROM run_queue WHERE run_id = ? GROUP BY status').all(runId)) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  // Model calls: the accounting, and the replies a resumed run reuses instead of paying again.

  recordCall(runId: number, record: CallRecord, where: { datasetId?: string | null; documentId?: number | null }): void {
    this.db
      .prepare(
        `INSERT INTO model_calls (run_id, dataset_id, document_id, purpose, provider, model, request_key, status, attempts, prompt_tokens, completion_tokens, seconds, error, reply, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        runId,
        where.datasetId ?? null,
        where.documentId ?? null,
        record.purpose,
        record.provider,
        record.model,
        record.requestKey,
        record.status,
        record.attempts,
        record.promptTokens,
        record.completionTokens,
        record.seconds,
        record.error,
        record.reply,
        record.startedAt,
      );
  }

  cachedReply(requestKey: string): string | undefined {
    return this.db.prepare<[string], { reply: string }>("SELECT reply FROM model_calls WHERE request_key = ? AND status = 'ok' ORDER BY id DESC LIMIT 1").get(requestKey)?.reply;
  }

  calls(runId: number): Array<CallRecord & { id: number; datasetId: string | null; documentId: number | null }> {
    return this.db
      .prepare<[number], Record<string, unknown>>('SELECT * FROM model_calls WHERE run_id = ? ORDER BY id')
      .all(runId)
      .map((row) => ({
        id: row.id as number,
        datasetId: row.dataset_id as string | null,
        documentId: row.document_id as number | null,
        provider: row.provider as string,
        model: row.model as string,
        purpose: row.purpose as string,
        status: row.status as CallRecord['status'],
        attempts: row.attempts as number,
        promptTokens: row.prompt_tokens as number | null,
        completionTokens: row.completion_tokens as number | null,
        seconds: row.seconds as number,
        error: row.error as string | null,
        requestKey: row.request_key as string,
        reply: row.reply as string | null,
        startedAt: row.started_at as string,
      }));
  }

  callTotals(runId: number): CallTotals {
    const row = this.db
      .prepare<[number], { calls: number; failed: number; p: number | null; c: number | null; s: number | null }>(
        "SELECT count(*) AS calls, sum(status != 'ok') AS failed, sum(prompt_tokens) AS p, sum(completion_tokens) AS c, sum(seconds) AS s FROM model_calls WHERE run_id = ?",
      )
      .get(runId);
    return { calls: row?.calls ?? 0, failed: row?.failed ?? 0, promptTokens: row?.p ?? 0, completionTokens: row?.c ?? 0, seconds: row?.s ?? 0 };
  }

  // Events and errors.

  recordEvent(runId: number, event: { level: RunEvent['level']; kind: string; datasetId?: string | null; message: string; data?: unknown }): void {
    this.db
      .prepare('INSERT INTO run_events (run_id, at, level, kind, dataset_id, message, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(runId, this.now(), event.level, event.kind, event.datasetId ?? null, event.message, event.data === undefined ? null : JSON.stringify(event.data));
  }

  events(runId: number): RunEvent[] {
    return this.db
      .prepare<[number], { id: number; at: string; level: RunEvent['level']; kind: string; dataset_id: string | null; message: string; data: string | null }>(
        'SELECT * FROM run_events WHERE run_id = ? ORDER BY id',
      )
      .all(runId)
      .map((row) => ({ id: row.id, at: row.at, level: row.level, kind: row.kind, datasetId: row.dataset_id, message: row.message, data: row.data === null ? null : JSON.parse(row.data) }));
  }

  // Documents already read by an extractor.

  wasExtracted(documentId: number, extractor: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM document_extractions WHERE document_id = ? AND extractor = ?').get(documentId, extractor));
  }

  markExtracted(documentId: number, extractor: string, runId: number, sources: number, complete: boolean): void {
    this.db
      .prepare('INSERT OR REPLACE INTO document_extractions (document_id, extractor, run_id, sources, complete, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(documentId, extractor, runId, sources, complete ? 1 : 0, this.now());
  }
}

function toRun(row: RawRun): RunRow {
  return {
    id: row.id,
    seeds: JSON.parse(row.seeds) as string[],
    extractor: row.extractor,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    status: row.status,
    stopReason: row.stop_reason,
    pid: row.pid,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    activeSeconds: row.active_seconds,
  };
}

function toItem(row: RawItem): QueueItem {
  return {
    runId: row.run_id,
    seq: row.seq,
    datasetId: row.dataset_id,
    depth: row.depth,
    via: row.via,
    status: row.status,
    outcome: row.outcome,
    documents: row.documents,
    sources: row.sources,
    newEdges: row.new_edges,
    seconds: row.seconds,
    error: row.error,
  };
}
