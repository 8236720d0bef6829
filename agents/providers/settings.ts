/**
 * Model settings from the environment and an optional settings file, with defaults in one place. The
 * API key is read here and nowhere else; `describeSettings` is the only form that may be logged or stored.
 */
import { UserError } from '../../shared/errors.js';
import { trimEndOf } from '../../shared/text/trim.js';

export interface ProviderSettings {
  /** Ollama's address (ROOTLINE_OLLAMA_HOST, OLLAMA_HOST). */
  ollamaHost: string;
  /** An OpenAI-compatible server's base URL, e.g. http://127.0.0.1:8000/v1 (ROOTLINE_OPENAI_BASE_URL, OPENAI_BASE_URL). */
  openaiBaseURL: string | null;
  /** Its key (ROOTLINE_OPENAI_API_KEY, OPENAI_API_KEY): never logged, never written to a project. */
  openaiApiKey: string | null;
  /** Seconds one attempt of a model call may take. */
  timeoutSeconds: number;
  /** Attempts per call on transient errors (connection, 429, 5xx, timeout). */
  attempts: number;
  /** First backoff delay; it doubles each attempt, with jitter. */
  retryBaseMs: number;
  /** Model calls in flight at once. */
  concurrency: number;
  /** Stream replies (NDJSON from Ollama, server-sent events from OpenAI-compatible servers). */
  stream: boolean;
  /** Ollama's context window in tokens (its own default is often too small for a document chunk). */
  contextTokens: number;
  /** Characters of document per model call; longer documents are split by section. */
  chunkChars: number;
}

export const DEFAULT_SETTINGS: ProviderSettings = {
  ollamaHost: 'http://127.0.0.1:11434',
  openaiBaseURL: null,
  openaiApiKey: null,
  timeoutSeconds: 300,
  attempts: 4,
  retryBaseMs: 1000,
  concurrency: 2,
  stream: true,
  contextTokens: 8192,
  chunkChars: 6000,
};

type Env = Record<string, string | undefined>;

/** Settings from (lowest first) the defaults, a settings file's values, the environment, and explicit overrides. */
export function resolveSettings(env: Env, file: Record<string, unknown> = {}, overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  const fromFile = validFileSettings(file);
  const fromEnv: Partial<ProviderSettings> = dropUndefined({
    ollamaHost: env.ROOTLINE_OLLAMA_HOST || env.OLLAMA_HOST || undefined,
    openaiBaseURL: env.ROOTLINE_OPENAI_BASE_URL || env.OPENAI_BASE_URL || undefined,
    openaiApiKey: env.ROOTLINE_OPENAI_API_KEY || env.OPENAI_API_KEY || undefined,
    timeoutSeconds: number(env.ROOTLINE_MODEL_TIMEOUT, 'ROOTLINE_MODEL_TIMEOUT'),
    attempts: number(env.ROOTLINE_MODEL_ATTEMPTS, 'ROOTLINE_MODEL_ATTEMPTS'),
    retryBaseMs: number(env.ROOTLINE_RETRY_BASE_MS, 'ROOTLINE_RETRY_BASE_MS'),
    concurrency: number(env.ROOTLINE_MODEL_CONCURRENCY, 'ROOTLINE_MODEL_CONCURRENCY'),
    stream: env.ROOTLINE_MODEL_STREAM === undefined ? undefined : !/^(?:0|false|no|off)$/i.test(env.ROOTLINE_MODEL_STREAM),
  });
  const settings = { ...DEFAULT_SETTINGS, ...fromFile, ...fromEnv, ...dropUndefined(overrides) };
  settings.ollamaHost = withScheme(settings.ollamaHost);
  if (settings.concurrency < 1 || settings.attempts < 1 || settings.timeoutSeconds <= 0 || settings.chunkChars < 500) {
    throw new UserError('model settings out of range: concurrency and attempts must be at least 1, the timeout above 0, chunks at least 500 characters');
  }
  return settings;
}

/** The settings as they may be shown or stored: the key is reduced to whether one is set. */
export function describeSettings(settings: ProviderSettings): Omit<ProviderSettings, 'openaiApiKey'> & { openaiApiKey: 'set' | 'not set' } {
  return { ...settings, openaiApiKey: settings.openaiApiKey ? 'set' : 'not set' };
}

/** A URL as it may be shown or stored: no user name or password in it. */
export function safeUrl(url: string | null): string | null {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Ollama accepts "host:port" and ":port"; a URL needs a scheme. */
function withScheme(host: string): string {
  const trimmed = trimEndOf(host.trim(), '/');
  if (trimmed.startsWith(':')) return `http://127.0.0.1${trimmed}`;
  return /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}

const FILE_KEYS: Record<string, keyof ProviderSettings> = {
  ollamaHost: 'ollamaHost',
  openaiBaseURL: 'openaiBaseURL',
  openaiApiKey: 'openaiApiKey',
  timeoutSeconds: 'timeoutSeconds',
  attempts: 'attempts',
  retryBaseMs: 'retryBaseMs',
  concurrency: 'concurrency',
  stream: 'stream',
  contextTokens: 'contextTokens',
  chunkChars: 'chunkChars',
};

function validFileSettings(file: Record<string, unknown>): Partial<ProviderSettings> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file)) {
    const target = FILE_KEYS[key];
    if (!target) throw new UserError(`unknown model setting "${key}" (known: ${Object.keys(FILE_KEYS).join(', ')})`);
    const expected = typeof DEFAULT_SETTINGS[target] === 'number' ? 'number' : typeof DEFAULT_SETTINGS[target] === 'boolean' ? 'boolean' : 'string';
    if (value !== null && typeof value !== expected) throw new UserError(`model setting "${key}" must be a ${expected}`);
    out[target] = value;
  }
  return out as Partial<ProviderSettings>;
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UserError(`${name} must be a number, got "${value}"`);
  return n;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
