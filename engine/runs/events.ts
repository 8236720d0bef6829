/**
 * The events a trace run streams — stage, dataset, done/total, ETA — to the CLI's progress bar and to the
 * app: listeners (`on`) or an async iterator (`for await`), which ends when the run ends.
 */

export type TraceStage = 'sourcing' | 'extracting' | 'aggregating' | 'expanding';

export type TraceEvent =
  | { type: 'run'; runId: number; resumed: boolean; seeds: string[]; extractor: string }
  | { type: 'stage'; stage: TraceStage; dataset: string; depth: number; done: number; total: number; etaSeconds: number | null }
  | { type: 'dataset'; dataset: string; depth: number; outcome: string; documents: number; sources: number; newEdges: number; done: number; total: number; etaSeconds: number | null }
  | { type: 'call'; dataset: string; purpose: string; model: string; status: string; attempts: number; promptTokens: number | null; completionTokens: number | null; seconds: number }
  | { type: 'warning'; dataset: string | null; message: string }
  | { type: 'end'; runId: number; status: string; reason: string | null };

export type TraceListener = (event: TraceEvent) => void;

export class EventStream<T> implements AsyncIterable<T> {
  private readonly listeners = new Set<(event: T) => void>();
  private readonly buffered: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private closed = false;
  private iterated = false;

  on(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: T): void {
    if (this.closed) return;
    for (const listener of this.listeners) listener(event);
    // Events are kept for an iterator only once someone iterates (or before anyone could: the first ones).
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value: event, done: false });
    else if (this.iterated || this.buffered.length < 1000) this.buffered.push(event);
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.iterated = true;
    return {
      next: () => {
        const event = this.buffered.shift();
        if (event !== undefined) return Promise.resolve({ value: event, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.waiting.push(resolve));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
