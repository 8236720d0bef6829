import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EXTRACTION_SCHEMA } from '../../agents/extraction/llm/schema.js';
import { OFFLINE } from '../../agents/network/policy.js';
import { ModelCallError } from '../../agents/providers/errors.js';
import { createLimiter } from '../../agents/providers/limit.js';
import { ollamaProvider } from '../../agents/providers/ollama.js';
import { openaiProvider } from '../../agents/providers/openai.js';
import { parseModelSpec } from '../../agents/providers/registry.js';
import { describeSettings, resolveSettings, type ProviderSettings } from '../../agents/providers/settings.js';
import { callStructured, structuredSchema, type CallOptions, type CallRecord } from '../../agents/providers/structured.js';
import type { ChatModel } from '../../agents/providers/types.js';
import { startFakeOllama } from '../fakes/fake-ollama.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import { closedPort, delay, type FakeServer } from '../fakes/http.js';
import type { Reply, Script } from '../fakes/script.js';

const Answer = z.strictObject({ sources: z.array(z.strictObject({ name: z.string(), confidence: z.number().min(0).max(1) })) });
const ANSWER = structuredSchema('answer', Answer);
const GOOD = JSON.stringify({ sources: [{ name: 'GSM8K', confidence: 0.9 }] });
const prompt = { system: 'You list sources.', user: 'Document: derived from GSM8K.' };

const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A script that plays the given replies in order, then repeats the last. */
function sequence(...replies: Reply[]): Script {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)]!;
}

function settings(overrides: Partial<ProviderSettings>): ProviderSettings {
  return resolveSettings({}, {}, { attempts: 3, retryBaseMs: 5, timeoutSeconds: 5, ...overrides });
}

function options(extra: Partial<CallOptions> = {}): CallOptions & { records: CallRecord[] } {
  const records: CallRecord[] = [];
  return { purpose: 'test', timeoutMs: 5000, attempts: 3, retryBaseMs: 5, onRecord: (r) => records.push(r), records, ...extra };
}

async function ollama(script: Script, overrides: Partial<ProviderSettings> = {}) {
  const fake = await startFakeOllama({ script });
  servers.push(fake);
  const model = ollamaProvider.connect('qwen2.5:7b-instruct', settings({ ollamaHost: fake.url, ...overrides }), OFFLINE)!;
  return { fake, model };
}

async function openai(script: Script, overrides: Partial<ProviderSettings> = {}, apiKey = 'sk-test-secret-0123456789') {
  const fake = await startFakeOpenAI({ script, apiKey });
  servers.push(fake);
  const model = openaiProvider.connect('qwen2.5-7b-instruct', settings({ openaiBaseURL: `${fake.url}/v1`, openaiApiKey: apiKey, ...overrides }), OFFLINE)!;
  return { fake, model };
}

const clients: Array<[string, (script: Script, overrides?: Partial<ProviderSettings>) => Promise<{ fake: FakeServer & { chats(): FakeServer['requests'] }; model: ChatModel }>]> = [
  ['ollama', ollama],
  ['openai', openai],
];

describe.each(clients)('%s client against its fake server', (_name, connect) => {
  it.each([true, false])('returns a schema-valid reply with token accounting (stream: %s)', async (stream) => {
    const { fake, model } = await connect(() => ({ content: GOOD, promptTokens: 120, completionTokens: 14 }), { stream });
    const o = options();
    const { value, record } = await callStructured(model, prompt, ANSWER, o);
    expect(value).toEqual({ sources: [{ name: 'GSM8K', confidence: 0.9 }] });
    expect(record).toMatchObject({ status: 'ok', attempts: 1, promptTokens: 120, completionTokens: 14, provider: model.provider, model: model.model });
    expect(record!.seconds).toBeGreaterThanOrEqual(0);
    expect(o.records).toHaveLength(1);
    const body = fake.chats()[0]!.body as Record<string, unknown>;
    expect(body.stream === true).toBe(stream);
    // The JSON schema made from zod travels as Ollama's `format` or OpenAI's `response_format`.
    const sent = (body.format ?? (body.response_format as { json_schema: { schema: unknown } }).json_schema.schema) as Record<string, unknown>;
    expect(sent).toEqual(ANSWER.jsonSchema);
    expect(sent).toMatchObject({ type: 'object', required: ['sources'], additionalProperties: false });
    expect(fake.chats()[0]!.completed).toBe(true);
  });

  it('asks once to repair an invalid reply, then gives up with a recorded invalid-reply', async () => {
    const { fake, model } = await connect(() => ({ content: 'Sure! The sources are GSM8K and MATH.' }));
    const o = options();
    const error = await callStructured(model, prompt, ANSWER, o).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).kind).toBe('invalid-reply');
    expect((error as ModelCallError).message).toMatch(/not JSON/);
    expect(fake.chats()).toHaveLength(2);
    // The repair request shows the model its reply and why it was refused.
    const repair = (fake.chats()[1]!.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[3]!.content).toMatch(/not valid/);
    expect(o.records).toEqual([expect.objectContaining({ status: 'invalid-reply', attempts: 2 })]);
  });

  it('accepts a repaired reply; JSON that breaks the schema counts as invalid', async () => {
    const { model } = await connect(sequence({ content: JSON.stringify({ sources: [{ name: 'GSM8K', confidence: 7 }] }) }, { content: GOOD }));
    const o = options();
    const { value } = await callStructured(model, prompt, ANSWER, o);
    expect(value.sources[0]!.name).toBe('GSM8K');
    expect(o.records[0]).toMatchObject({ status: 'ok', attempts: 2 });
  });

  it('retries 429 and 503 with backoff, honouring Retry-After', async () => {
    const { fake, model } = await connect(sequence({ status: 429, error: 'Too many requests', retryAfterSeconds: 0 }, { status: 503, error: 'loading model' }, { content: GOOD }));
    const o = options({ attempts: 4 });
    const { record } = await callStructured(model, prompt, ANSWER, o);
    expect(record).toMatchObject({ status: 'ok', attempts: 3 });
    expect(fake.chats()).toHaveLength(3);
  });

  it('retries a stream the server cut off mid-reply instead of reading the fragment', async () => {
    const { fake, model } = await connect(sequence({ content: GOOD, cutAfterPieces: 1 }, { content: GOOD }));
    const o = options();
    const { value } = await callStructured(model, prompt, ANSWER, o);
    expect(value.sources).toHaveLength(1);
    expect(o.records[0]).toMatchObject({ status: 'ok', attempts: 2 });
    expect(fake.chats()).toHaveLength(2);
  });

  it('gives up after the attempts with the server’s own message (500)', async () => {
    const { fake, model } = await connect(() => ({ status: 500, error: 'CUDA out of memory' }));
    const o = options({ attempts: 2 });
    const error = (await callStructured(model, prompt, ANSWER, o).catch((e: unknown) => e)) as ModelCallError;
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/CUDA out of memory/);
    expect(fake.chats()).toHaveLength(2);
    expect(o.records).toEqual([expect.objectContaining({ status: 'failed', attempts: 2 })]);
  });

  it('does not retry a refused request (unknown model)', async () => {
    const { fake } = await connect(() => ({ content: GOOD }));
    const base = fake.url;
    const wrong = _name === 'ollama'
      ? ollamaProvider.connect('no-such-model', settings({ ollamaHost: base }), OFFLINE)!
      : openaiProvider.connect('no-such-model', settings({ openaiBaseURL: `${base}/v1`, openaiApiKey: 'sk-test-secret-0123456789' }), OFFLINE)!;
    const error = (await callStructured(wrong, prompt, ANSWER, options()).catch((e: unknown) => e)) as ModelCallError;
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/no-such-model/);
    expect(fake.chats()).toHaveLength(1);
  });

  it('times out a slow reply on every attempt (slow to start, then stalled mid-stream), and abandons each request', async () => {
    const { fake, model } = await connect(sequence({ content: GOOD, delayMs: 3000 }, { content: GOOD, pieceDelayMs: 3000 }));
    const started = Date.now();
    const error = (await callStructured(model, prompt, ANSWER, options({ timeoutMs: 300, attempts: 2 })).catch((e: unknown) => e)) as ModelCallError;
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/within 0\.3 s/);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(5000);
    expect(fake.chats()).toHaveLength(2);
    await delay(50);
    expect(fake.chats().every((r) => r.aborted)).toBe(true);
  });

  it('cancels at once: the request is abandoned and the slot is given back', async () => {
    const { fake, model } = await connect(() => ({ hang: true }));
    const controller = new AbortController();
    const limiter = createLimiter(1);
    const o = options({ signal: controller.signal, limiter, timeoutMs: 30_000 });
    const call = callStructured(model, prompt, ANSWER, o).catch((e: unknown) => e);
    await fake.waitForRequests(1, /chat/);
    const started = Date.now();
    controller.abort();
    const error = (await call) as ModelCallError;
    expect(error.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
    await delay(50);
    expect(fake.chats()[0]!.aborted).toBe(true);
    expect(limiter.active).toBe(0);
    expect(o.records).toEqual([expect.objectContaining({ status: 'cancelled' })]);
  });

  it('keeps to the concurrency limit', async () => {
    let inFlight = 0;
    let most = 0;
    const { model } = await connect(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await delay(60);
      inFlight--;
      return { content: GOOD };
    });
    const limiter = createLimiter(2);
    await Promise.all(Array.from({ length: 6 }, (_, i) => callStructured(model, { ...prompt, user: `${prompt.user} ${i}` }, ANSWER, options({ limiter }))));
    expect(most).toBe(2);
    expect(limiter.peak).toBe(2);
  });
});

describe('server down and offline mode', () => {
  it('reports a server that is down as unreachable (connection refused), after retrying', async () => {
    const port = await closedPort();
    for (const model of [
      ollamaProvider.connect('m', settings({ ollamaHost: `http://127.0.0.1:${port}` }), OFFLINE)!,
      openaiProvider.connect('m', settings({ openaiBaseURL: `http://127.0.0.1:${port}/v1` }), OFFLINE)!,
    ]) {
      const o = options({ attempts: 2 });
      const error = (await callStructured(model, prompt, ANSWER, o).catch((e: unknown) => e)) as ModelCallError;
      expect(error.kind).toBe('unreachable');
      expect(error.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*connection refused`));
      expect(o.records[0]).toMatchObject({ status: 'failed', attempts: 2 });
      expect(error.stopsRun).toBe(true);
    }
    expect((await ollamaProvider.status(settings({ ollamaHost: `http://127.0.0.1:${port}` }), OFFLINE)).state).toBe('unreachable');
  });

  it('refuses a model server on another machine while offline, before connecting', async () => {
    const remote = settings({ ollamaHost: 'http://192.0.2.10:11434', openaiBaseURL: 'http://192.0.2.10:8000/v1' });
    for (const model of [ollamaProvider.connect('m', remote, OFFLINE)!, openaiProvider.connect('m', remote, OFFLINE)!]) {
      const error = (await callStructured(model, prompt, ANSWER, options()).catch((e: unknown) => e)) as ModelCallError;
      expect(error.kind).toBe('offline');
      expect(error.message).toMatch(/offline mode: refusing to contact 192\.0\.2\.10/);
    }
    expect(await ollamaProvider.status(remote, OFFLINE)).toMatchObject({ state: 'not checked' });
    expect(await openaiProvider.status(remote, OFFLINE)).toMatchObject({ state: 'not checked' });
  });
});

describe('listing models', () => {
  it('lists Ollama’s installed models from /api/tags and an OpenAI-compatible server’s from /v1/models', async () => {
    const o = await startFakeOllama({ script: () => ({ content: GOOD }), models: ['llama3.1:8b', 'qwen2.5:7b-instruct'] });
    const a = await startFakeOpenAI({ script: () => ({ content: GOOD }), apiKey: 'sk-x', models: ['Qwen/Qwen2.5-7B-Instruct'] });
    servers.push(o, a);
    expect(await ollamaProvider.status(settings({ ollamaHost: o.url }), OFFLINE)).toMatchObject({ state: 'reachable', models: ['llama3.1:8b', 'qwen2.5:7b-instruct'] });
    expect(await openaiProvider.status(settings({ openaiBaseURL: `${a.url}/v1`, openaiApiKey: 'sk-x' }), OFFLINE)).toMatchObject({ state: 'reachable', models: ['Qwen/Qwen2.5-7B-Instruct'] });
    // A wrong key is the server's 401, reported without the key.
    const denied = await openaiProvider.status(settings({ openaiBaseURL: `${a.url}/v1`, openaiApiKey: 'sk-wrong-key-42' }), OFFLINE);
    expect(denied.state).toBe('unreachable');
    expect(denied.message).toMatch(/401/);
    expect(JSON.stringify(denied)).not.toContain('sk-wrong-key-42');
    expect(await openaiProvider.status(settings({}), OFFLINE)).toMatchObject({ state: 'not configured' });
  });

  it('wraps a plain-text Ollama error instead of letting the client print it to stdout', async () => {
    const log = vi.spyOn(console, 'log');
    const { model } = await ollama(() => ({ status: 502, error: 'bad gateway from proxy', plainText: true }));
    const error = (await callStructured(model, prompt, ANSWER, options({ attempts: 1 })).catch((e: unknown) => e)) as ModelCallError;
    expect(error.message).toMatch(/bad gateway from proxy/);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('model specs and settings', () => {
  it('parses builtin, ollama:NAME (names may hold colons) and openai:NAME', () => {
    expect(parseModelSpec('builtin').label).toBe('builtin');
    expect(parseModelSpec('ollama:qwen2.5:7b-instruct')).toMatchObject({ model: 'qwen2.5:7b-instruct', label: 'ollama:qwen2.5:7b-instruct' });
    expect(parseModelSpec('openai:Qwen/Qwen2.5-7B-Instruct').provider.id).toBe('openai');
    expect(() => parseModelSpec('gpt4')).toThrow(/unknown model "gpt4"/);
    expect(() => parseModelSpec('ollama:')).toThrow(/needs a model name/);
  });

  it('reads the environment (ROOTLINE_ first) and never shows the key', () => {
    const s = resolveSettings({ OPENAI_BASE_URL: 'http://a/v1', ROOTLINE_OPENAI_BASE_URL: 'http://b/v1', OPENAI_API_KEY: 'sk-secret', OLLAMA_HOST: '127.0.0.1:9999' });
    expect(s).toMatchObject({ openaiBaseURL: 'http://b/v1', openaiApiKey: 'sk-secret', ollamaHost: 'http://127.0.0.1:9999' });
    expect(JSON.stringify(describeSettings(s))).not.toContain('sk-secret');
    expect(describeSettings(s).openaiApiKey).toBe('set');
    expect(() => resolveSettings({}, { colour: 'red' })).toThrow(/unknown model setting "colour"/);
  });

  it('turns a zod schema into the JSON schema servers enforce', () => {
    expect(EXTRACTION_SCHEMA.jsonSchema).not.toHaveProperty('$schema');
    expect(JSON.stringify(EXTRACTION_SCHEMA.jsonSchema)).toContain('CoT Distillation');
  });
});
