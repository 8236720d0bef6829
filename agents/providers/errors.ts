/** Why a model call failed, in words a user can act on, and whether trying again may help. */
import { OfflineError } from '../network/policy.js';

export type ModelErrorKind = 'unreachable' | 'timeout' | 'cancelled' | 'rate-limited' | 'server' | 'rejected' | 'invalid-reply' | 'offline';

export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';

  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  /** Worth another attempt: the server may be back, less busy, or faster next time. */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'rate-limited' || this.kind === 'server';
  }

  /** The model server cannot be used now: the run should stop (and can resume later) rather than go on failing. */
  get stopsRun(): boolean {
    return this.kind === 'unreachable' || this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'rejected' || this.kind === 'offline' || this.kind === 'timeout';
  }
}

export function isModelCallError(error: unknown): error is ModelCallError {
  return error instanceof ModelCallError;
}

/** HTTP status → kind: 429 rate limited; 500, 502, 503, 504 a server in trouble; other 4xx a refused request. */
export function errorForStatus(status: number, message: string, retryAfterMs?: number): ModelCallError {
  if (status === 429) return new ModelCallError('rate-limited', `rate limited (429): ${message}`, { status, retryAfterMs });
  if (status >= 500) return new ModelCallError('server', `server error (${status}): ${message}`, { status, retryAfterMs });
  return new ModelCallError('rejected', `request refused (${status}): ${message}`, { status });
}

/** Connection-level failures (refused, reset, DNS) as an `unreachable` error naming the endpoint. */
export function connectionError(endpoint: string, error: unknown): ModelCallError {
  if (error instanceof OfflineError) return new ModelCallError('offline', error.message, { cause: error });
  const code = causeCode(error);
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code ? code : (error as Error)?.message ?? String(error);
  return new ModelCallError('unreachable', `cannot reach ${endpoint} (${why})`, { cause: error });
}

export function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    const errors = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
