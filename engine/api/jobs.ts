/**
 * Long work started from the app, as jobs: each runs in the background of the serving process, reports
 * progress and events as it goes, keeps its result for the app to read, and stops between steps when
 * cancelled. The app polls; nothing here knows about transports.
 */
import type { JobEvent, JobProgress, JobView } from '../../shared/api/jobs.js';
import { UserError } from '../../shared/errors.js';

/** Events kept per job; a poll that fell behind further sees the latest ones. */
const MAX_EVENTS = 500;
/** Finished jobs kept for their results (a sample list is read after the draw). */
const MAX_FINISHED = 20;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface JobContext {
  signal: AbortSignal;
  progress(patch: Partial<JobProgress>): void;
  event(level: JobEvent['level'], message: string): void;
  /** Throws JobCancelled once the job was cancelled: call it between steps. */
  checkCancelled(): void;
}

/** What a job's work returns: the result the app sees, and anything the engine keeps beside it. */
export interface JobOutcome<Result, Kept = unknown> {
  result: Result;
  kept?: Kept;
  /** A job stopped by cancel that still has a result (a paused trace). */
  cancelled?: boolean;
}

interface Job {
  view: JobView;
  controller: AbortController;
  events: JobEvent[];
  seq: number;
  kept: unknown;
}

export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  constructor(private readonly now: () => string = () => new Date().toISOString()) {}

  start<Result>(kind: string, work: (context: JobContext) => Promise<JobOutcome<Result>>): JobView<Result> {
    const id = `${kind}-${this.next++}`;
    const controller = new AbortController();
    const job: Job = {
      view: { id, kind, status: 'running', progress: { stage: 'starting', item: null, done: 0, total: 0, etaSeconds: null }, events: [], result: null, error: null, startedAt: this.now(), finishedAt: null },
      controller,
      events: [],
      seq: 0,
      kept: undefined,
    };
    this.jobs.set(id, job);
    const context: JobContext = {
      signal: controller.signal,
      progress: (patch) => void (job.view.progress = { ...job.view.progress, ...patch }),
      event: (level, message) => {
        job.events.push({ seq: ++job.seq, level, message });
        if (job.events.length > MAX_EVENTS) job.events.shift();
      },
      checkCancelled: () => {
        if (controller.signal.aborted) throw new JobCancelled();
      },
    };
    // Started on the next tick, so the start call returns before any work.
    void Promise.resolve()
      .then(() => work(context))
      .then(
        (outcome) => this.finish(job, outcome.cancelled ? 'cancelled' : 'done', { result: outcome.result, kept: outcome.kept }),
        (error: unknown) => this.finish(job, error instanceof JobCancelled ? 'cancelled' : 'failed', { error: (error as Error).message ?? String(error) }),
      );
    return this.view(id) as JobView<Result>;
  }

  view(id: string, after = 0): JobView {
    const job = this.require(id);
    return { ...job.view, events: job.events.filter((e) => e.seq > after) };
  }

  cancel(id: string): JobView {
    this.require(id).controller.abort();
    return this.view(id);
  }

  /** Jobs of a kind that are still running. */
  running(kind: string): JobView[] {
    return [...this.jobs.values()].filter((j) => j.view.kind === kind && j.view.status === 'running').map((j) => j.view);
  }

  /** What a finished job of this kind kept beside its result. */
  kept<Kept>(id: string, kind: string): Kept {
    const job = this.require(id);
    if (job.view.kind !== kind) throw new UserError(`job ${id} is not a ${kind} job`);
    if (job.view.status !== 'done') throw new UserError(`job ${id} has not finished (${job.view.status})`);
    return job.kept as Kept;
  }

  /** Stops every running job (the project is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.view.status === 'running') job.controller.abort();
  }

  private finish(job: Job, status: JobView['status'], outcome: { result?: unknown; kept?: unknown; error?: string }): void {
    job.view = { ...job.view, status, result: outcome.result ?? null, error: outcome.error ?? null, finishedAt: this.now() };
    job.kept = outcome.kept;
    const finished = [...this.jobs.values()].filter((j) => j.view.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.jobs.delete(old.view.id);
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new UserError(`no job "${id}" (finished jobs are kept for a while, then forgotten)`);
    return job;
  }
}
