/**
 * One structured model call: the reply must be JSON that a zod schema accepts. Transient failures are
 * retried with backoff, each attempt has a timeout, a cancellation stops everything at once, an invalid
 * reply gets one request to repair it, and every call leaves an accounting record.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isModelCallError, ModelCallError } from './errors.js';
import type { Limiter } from './limit.js';
import { backoffDelay, sleep } from './retry.js';
import type { ChatMessage, ChatModel } from './types.js';

export interface StructuredSchema<T> {
  name: string;
  schema: z.ZodType<T>;
  /** The schema sent to the server (`format` for Ollama, `response_format.json_schema` for OpenAI). */
  jsonSchema: Record<string, unknown>;
}

export function structuredSchema<T>(name: string, schema: z.ZodType<T>): StructuredSchema<T> {
  const { $schema: _drop, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  return { name, schema, jsonSchema };
}

export type CallStatus = 'ok' | 'invalid-reply' | 'failed' | 'cancelled';

/** What one model call cost and how it ended; stored with the run. */
export interface CallRecord {
  provider: string;
  model: string;
  purpose: string;
  status: CallStatus;
  /** Requests sent, retries and repairs included. */
  attempts: number;
  promptTokens: number | null;
  completionTokens: number | null;
  seconds: number;
  error: string | null;
  /** A hash of everything sent: the same request later can reuse this reply instead of asking again. */
  requestKey: string;
  /** The reply's text (for `ok`, the valid JSON). */
  reply: string | null;
  startedAt: string;
}

/** Replies already paid for, by request key (a resumed run reads them instead of asking again). */
export interface ReplyCache {
  get(requestKey: string): string | undefined;
}

export interface CallOptions {
  purpose: string;
  timeoutMs: number;
  attempts: number;
  retryBaseMs: number;
  retryMaxMs?: number;
  /** Requests to fix an invalid reply before giving up (default 1). */
  repairAttempts?: number;
  signal?: AbortSignal;
  limiter?: Limiter;
  cache?: ReplyCache;
  onRecord?: (record: CallRecord) => void;
  now?: () => Date;
}

export interface CallResult<T> {
  value: T;
  /** Null when the reply came from the cache and no call was made. */
  record: CallRecord | null;
}

export async function callStructured<T>(
  model: ChatModel,
  prompt: { system: string; user: string },
  schema: StructuredSchema<T>,
  options: CallOptions,
): Promise<CallResult<T>> {
  const requestKey = createHash('sha256')
    .update(JSON.stringify([model.label, schema.name, schema.jsonSchema, prompt.system, prompt.user]))
    .digest('hex');
  const cached = options.cache?.get(requestKey);
  if (cached !== undefined) {
    const parsed = parseReply(cached, schema.schema);
    if (parsed.ok) return { value: parsed.value, record: null };
  }

  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const usage = { attempts: 0, promptTokens: null as number | null, completionTokens: null as number | null };
  const record = (status: CallStatus, error: string | null, reply: string | null): CallRecord => {
    const result: CallRecord = {
      provider: model.provider,
      model: model.model,
      purpose: options.purpose,
      status,
      attempts: usage.attempts,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      seconds: (now().getTime() - startedAt.getTime()) / 1000,
      error,
      requestKey,
      reply,
      startedAt: startedAt.toISOString(),
    };
    options.onRecord?.(result);
    return result;
  };

  let release: (() => void) | undefined;
  try {
    release = await options.limiter?.acquire(options.signal);
  } catch (error) {
    throw cancelled(error);
  }
  try {
    const messages: ChatMessage[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ];
    for (let repair = 0; ; repair++) {
      const reply = await withRetries(model, messages, schema, options, usage);
      const parsed = parseReply(reply, schema.schema);
      if (parsed.ok) return { value: parsed.value, record: record('ok', null, reply) };
      if (repair >= (options.repairAttempts ?? 1)) {
        const failure = new ModelCallError('invalid-reply', `${model.label} gave an invalid reply: ${parsed.error}`);
        record('invalid-reply', failure.message, reply.slice(0, 20_000));
        throw failure;
      }
      messages.push(
        { role: 'assistant', content: reply.slice(0, 4000) },
        { role: 'user', content: `That reply is not valid (${parsed.error}). Answer again with only one JSON object that follows the schema.` },
      );
    }
  } catch (error) {
    const failure = isModelCallError(error) ? error : new ModelCallError('server', (error as Error)?.message ?? String(error), { cause: error });
    if (failure.kind !== 'invalid-reply') record(failure.kind === 'cancelled' ? 'cancelled' : 'failed', failure.message, null);
    throw failure;
  } finally {
    release?.();
  }
}

async function withRetries<T>(
  model: ChatModel,
  messages: ChatMessage[],
  schema: StructuredSchema<T>,
  options: CallOptions,
  usage: { attempts: number; promptTokens: number | null; completionTokens: number | null },
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    usage.attempts++;
    try {
      const reply = await attemptOnce(model, messages, schema, options);
      if (reply.promptTokens !== null) usage.promptTokens = (usage.promptTokens ?? 0) + reply.promptTokens;
      if (reply.completionTokens !== null) usage.completionTokens = (usage.completionTokens ?? 0) + reply.completionTokens;
      return reply.content;
    } catch (error) {
      const failure = error as ModelCallError;
      if (!failure.transient || attempt >= options.attempts) throw failure;
      const delay = backoffDelay(attempt, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs }, failure.options.retryAfterMs);
      try {
        await sleep(delay, options.signal);
      } catch (reason) {
        throw cancelled(reason);
      }
    }
  }
}

async function attemptOnce<T>(model: ChatModel, messages: ChatMessage[], schema: StructuredSchema<T>, options: CallOptions) {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await model.chat({ messages, schema: { name: schema.name, jsonSchema: schema.jsonSchema }, signal });
  } catch (error) {
    if (options.signal?.aborted) throw cancelled(error);
    if (timeout.aborted) throw new ModelCallError('timeout', `${model.label} gave no complete reply within ${options.timeoutMs / 1000} s`, { cause: error });
    if (isModelCallError(error)) throw error;
    throw new ModelCallError('server', `${model.label}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}

function cancelled(cause: unknown): ModelCallError {
  return new ModelCallError('cancelled', 'cancelled', { cause });
}

/** The body of a reply wrapped in one fenced block (```json … ```), or the reply as it is. */
function unfenced(reply: string): string {
  if (!reply.startsWith('```') || !reply.endsWith('```') || reply.length < 6) return reply;
  let body = reply.slice(3, -3);
  if (/^json/i.test(body)) body = body.slice(4);
  return body;
}

/** JSON (a fenced block is unwrapped: some servers add one) that the schema accepts, or why not. */
export function parseReply<T>(content: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  const text = unfenced(content.trim()).trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message.split('\n')[0]}): ${JSON.stringify(text.slice(0, 80))}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`);
  return { ok: false, error: `does not follow the schema (${issues.join('; ')})` };
}
