/** A concurrency limit: at most `limit` model calls in flight; waiters leave the line when cancelled. */

export interface Limiter {
  readonly limit: number;
  /** Calls in flight now. */
  readonly active: number;
  /** The most calls that were ever in flight at once (for tests and reports). */
  readonly peak: number;
  /** Waits for a slot; the returned function gives it back (once). */
  acquire(signal?: AbortSignal): Promise<() => void>;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a concurrency limit must be a whole number ≥ 1, got ${limit}`);
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];

  const grant = (): (() => void) => {
    active++;
    peak = Math.max(peak, active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      waiting.shift()?.();
    };
  };

  return {
    limit,
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('cancelled'));
      if (active < limit) return Promise.resolve(grant());
      return new Promise((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(grant());
        };
        const onAbort = () => {
          const index = waiting.indexOf(wake);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal?.reason ?? new Error('cancelled'));
        };
        waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
