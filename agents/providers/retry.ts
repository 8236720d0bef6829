/** Exponential backoff with jitter, and a sleep that a cancellation cuts short. */

export interface BackoffOptions {
  baseMs: number;
  /** No single wait is longer than this. */
  maxMs?: number;
  random?: () => number;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1): base·2^(attempt−1), half of it jittered, or the server's Retry-After if longer. */
export function backoffDelay(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  const maxMs = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(maxMs, options.baseMs * 2 ** (attempt - 1));
  const jittered = exponential * (0.5 + random() * 0.5);
  return Math.round(Math.min(maxMs * 2, Math.max(jittered, retryAfterMs ?? 0)));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('cancelled'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
