/**
 * Long work the app starts (a trace, a sample draw, a scan of sample files) runs as a job: the start call
 * returns at once with the job's id; the app polls `job` for progress, new events and, at the end, the
 * result; `cancelJob` stops it between steps.
 */

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  /** What the job is doing now, in words: "extracting", "counting samples". */
  stage: string;
  /** The item it is on: a dataset, a file. */
  item: string | null;
  done: number;
  total: number;
  etaSeconds: number | null;
}

export interface JobEvent {
  /** Increasing per job: poll with `after` set to the last one seen. */
  seq: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface JobView<Result = unknown> {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  /** Events after the `after` the poll gave (at most the last 500 are kept). */
  events: JobEvent[];
  result: Result | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
