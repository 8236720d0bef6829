/** Ollama (https://ollama.com) through the official `ollama` client: `/api/tags` for models, `/api/chat` with a JSON schema as `format`. */
import type { ChatResponse, Ollama } from 'ollama';
import { guardedFetch, modelRemoteAllowed, OfflineError, type FetchLike, type NetworkPolicy } from '../network/policy.js';
import { connectionError, errorForStatus, ModelCallError, retryAfterMs } from './errors.js';
import type { ProviderSettings } from './settings.js';
import type { ChatModel, ChatReply, ChatRequest, ModelProvider, ProviderStatus } from './types.js';

const REMOTE_HINT = 'pass --online or --allow-remote-model to use a model server on another machine';

export const ollamaProvider: ModelProvider = {
  id: 'ollama',
  description: 'a local Ollama server (ROOTLINE_OLLAMA_HOST, default http://127.0.0.1:11434)',

  connect(model, settings, network): ChatModel {
    return {
      provider: 'ollama',
      model,
      label: `ollama:${model}`,
      chat: (request) => chat(model, settings, network, request),
    };
  },

  async status(settings, network, signal): Promise<ProviderStatus> {
    const endpoint = settings.ollamaHost;
    try {
      const { client } = await clientFor(settings, network, signal ?? AbortSignal.timeout(5000));
      const list = await client.list();
      const models = list.models.map((m) => m.name).sort();
      return { provider: 'ollama', endpoint, state: 'reachable', models, message: models.length ? `${models.length} models installed` : 'reachable, but no models installed (ollama pull qwen2.5:7b-instruct)' };
    } catch (error) {
      const failure = classify(error, endpoint, signal);
      const state = failure.kind === 'offline' ? 'not checked' : 'unreachable';
      return { provider: 'ollama', endpoint, state, models: [], message: failure.message };
    }
  },
};

async function chat(model: string, settings: ProviderSettings, network: NetworkPolicy, request: ChatRequest): Promise<ChatReply> {
  const body = {
    model,
    messages: request.messages,
    format: request.schema.jsonSchema,
    options: { temperature: 0, num_ctx: settings.contextTokens },
  };
  const retryAfter: { ms?: number } = {};
  try {
    const { client } = await clientFor(settings, network, request.signal, retryAfter);
    if (settings.stream) {
      const parts = await client.chat({ ...body, stream: true });
      let content = '';
      let last: ChatResponse | undefined;
      for await (const part of parts) {
        content += part.message?.content ?? '';
        last = part;
      }
      if (request.signal.aborted) throw new ModelCallError('cancelled', 'the call was abandoned mid-stream');
      return { content, promptTokens: last?.prompt_eval_count ?? null, completionTokens: last?.eval_count ?? null };
    }
    const reply = await client.chat({ ...body, stream: false });
    return { content: reply.message?.content ?? '', promptTokens: reply.prompt_eval_count ?? null, completionTokens: reply.eval_count ?? null };
  } catch (error) {
    throw classify(error, settings.ollamaHost, request.signal, retryAfter.ms);
  }
}

interface ClientState {
  client: Ollama;
  /** The Retry-After of the last refused response (the client's errors do not carry headers). */
  retryAfter: { ms?: number };
}

/**
 * A client whose every request goes through the network policy and carries `signal` (the client passes
 * no signal for non-streamed calls). Error bodies that are not JSON are wrapped as Ollama's
 * `{"error": …}`, because the client otherwise prints them to stdout.
 */
async function clientFor(settings: ProviderSettings, network: NetworkPolicy, signal: AbortSignal | undefined, retryAfter: { ms?: number } = {}): Promise<ClientState> {
  // Loaded on first use: most runs use no model, and the client library is not free to load.
  const { Ollama } = await import('ollama');
  const guarded = guardedFetch({ remoteAllowed: modelRemoteAllowed(network), purpose: 'Ollama model server', hint: REMOTE_HINT });
  const fetchWithSignal: FetchLike = async (input, init = {}) => {
    const signals = [init.signal, signal].filter((s): s is AbortSignal => Boolean(s));
    const response = await guarded(input, { ...init, signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0] });
    if (response.ok) return response;
    retryAfter.ms = retryAfterMs(response.headers.get('retry-after'));
    if (response.headers.get('content-type')?.includes('application/json')) return response;
    const text = (await response.text()).trim().slice(0, 500) || response.statusText;
    return new Response(JSON.stringify({ error: text }), { status: response.status, statusText: response.statusText, headers: { 'content-type': 'application/json' } });
  };
  const client = new Ollama({ host: settings.ollamaHost, fetch: fetchWithSignal as typeof fetch });
  return { client, retryAfter };
}

function classify(error: unknown, endpoint: string, signal: AbortSignal | undefined, retryAfter?: number): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (signal?.aborted) return new ModelCallError('cancelled', 'the call was abandoned', { cause: error });
  const e = error as { name?: string; status_code?: number; error?: string; message?: string };
  if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
    if (e.status_code === 404 && /model/i.test(e.error ?? '')) {
      return new ModelCallError('rejected', `Ollama at ${endpoint}: ${e.error} (install it with \`ollama pull\`)`, { status: 404 });
    }
    return errorForStatus(e.status_code, `Ollama at ${endpoint}: ${e.error ?? e.message}`, retryAfter);
  }
  if (e?.name === 'TypeError' || error instanceof OfflineError) return connectionError(`Ollama at ${endpoint}`, error);
  // A stream that ends without its final message, or carries an error line, is the server's failure.
  return new ModelCallError('server', `Ollama at ${endpoint}: ${e?.message ?? String(error)}`, { cause: error });
}
