/**
 * OpenAI-compatible servers (vLLM, LM Studio, llama.cpp server, OpenAI itself) through the official
 * `openai` client: `/v1/models`, `/v1/chat/completions` with `response_format: json_schema`.
 */
import type OpenAI from 'openai';
import type * as OpenAISdk from 'openai';
import { UserError } from '../../shared/errors.js';
import { guardedFetch, modelRemoteAllowed, type NetworkPolicy } from '../network/policy.js';
import { connectionError, errorForStatus, ModelCallError, retryAfterMs } from './errors.js';
import type { ProviderSettings } from './settings.js';
import type { ChatModel, ChatReply, ChatRequest, ModelProvider, ProviderStatus } from './types.js';
import { trimEndOf } from '../../shared/text/trim.js';

const REMOTE_HINT = 'pass --online or --allow-remote-model to use a model server on another machine';
const OPENAI_API = 'https://api.openai.com/v1';

/** The client library, loaded on first use: most runs use no model, and it takes a quarter of a second to load. */
let sdk: typeof OpenAISdk | undefined;
const loadSdk = async () => (sdk ??= await import('openai'));

export const openaiProvider: ModelProvider = {
  id: 'openai',
  description: 'an OpenAI-compatible server: vLLM, LM Studio, llama.cpp server (ROOTLINE_OPENAI_BASE_URL, ROOTLINE_OPENAI_API_KEY)',

  connect(model, settings, network): ChatModel {
    const baseURL = baseUrlOf(settings);
    if (!baseURL) {
      throw new UserError('no OpenAI-compatible server configured: set ROOTLINE_OPENAI_BASE_URL (for example http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:1234/v1 for LM Studio)');
    }
    let client: Promise<OpenAI> | undefined;
    return { provider: 'openai', model, label: `openai:${model}`, chat: (request) => chat((client ??= clientFor(baseURL, settings, network)), baseURL, model, settings, request) };
  },

  async status(settings, network, signal): Promise<ProviderStatus> {
    const baseURL = baseUrlOf(settings);
    if (!baseURL) {
      return { provider: 'openai', endpoint: null, state: 'not configured', models: [], message: 'set ROOTLINE_OPENAI_BASE_URL to an OpenAI-compatible server (vLLM, LM Studio, llama.cpp server)' };
    }
    try {
      const client = await clientFor(baseURL, settings, network);
      const models: string[] = [];
      for await (const model of client.models.list({ signal: signal ?? AbortSignal.timeout(5000) })) models.push(model.id);
      models.sort();
      return { provider: 'openai', endpoint: baseURL, state: 'reachable', models, message: `${models.length} models served` };
    } catch (error) {
      const failure = classify(error, baseURL, signal);
      return { provider: 'openai', endpoint: baseURL, state: failure.kind === 'offline' ? 'not checked' : 'unreachable', models: [], message: failure.message };
    }
  },
};

/** The configured base URL; with only a key set, OpenAI's own API (which online mode must allow). */
function baseUrlOf(settings: ProviderSettings): string | null {
  const url = settings.openaiBaseURL ?? (settings.openaiApiKey ? OPENAI_API : null);
  return url ? trimEndOf(url, '/') : null;
}

async function clientFor(baseURL: string, settings: ProviderSettings, network: NetworkPolicy): Promise<OpenAI> {
  const { default: Client } = await loadSdk();
  return new Client({
    baseURL,
    // Local servers want no key, but the client refuses to start without one.
    apiKey: settings.openaiApiKey ?? 'no-key',
    // Retries and timeouts are Rootline's (one policy, accounted per attempt), not the client's.
    maxRetries: 0,
    timeout: settings.timeoutSeconds * 1000 * 2,
    fetch: guardedFetch({ remoteAllowed: modelRemoteAllowed(network), purpose: 'OpenAI-compatible model server', hint: REMOTE_HINT }),
  });
}

async function chat(connecting: Promise<OpenAI>, baseURL: string, model: string, settings: ProviderSettings, request: ChatRequest): Promise<ChatReply> {
  const params = {
    model,
    messages: request.messages,
    temperature: 0,
    response_format: { type: 'json_schema' as const, json_schema: { name: request.schema.name, schema: request.schema.jsonSchema, strict: true } },
  };
  try {
    const client = await connecting;
    if (settings.stream) {
      const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: request.signal });
      let content = '';
      let usage: OpenAI.CompletionUsage | undefined | null;
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      // The client ends an aborted stream quietly: what arrived is a fragment, not a reply.
      if (request.signal.aborted) throw new ModelCallError('cancelled', 'the call was abandoned mid-stream');
      return { content, promptTokens: usage?.prompt_tokens ?? null, completionTokens: usage?.completion_tokens ?? null };
    }
    const reply = await client.chat.completions.create(params, { signal: request.signal });
    const message = reply.choices[0]?.message;
    if (message?.refusal) throw new ModelCallError('invalid-reply', `the model refused: ${message.refusal}`);
    return { content: message?.content ?? '', promptTokens: reply.usage?.prompt_tokens ?? null, completionTokens: reply.usage?.completion_tokens ?? null };
  } catch (error) {
    throw classify(error, baseURL, request.signal);
  }
}

function classify(error: unknown, endpoint: string, signal: AbortSignal | undefined): ModelCallError {
  if (error instanceof ModelCallError) return error;
  // The client's error classes: the library is loaded by the time a call of it can fail.
  const api = sdk;
  if (signal?.aborted || (api && error instanceof api.APIUserAbortError)) return new ModelCallError('cancelled', 'the call was abandoned', { cause: error });
  if (api && error instanceof api.APIConnectionTimeoutError) return new ModelCallError('timeout', `${endpoint} did not answer in time`, { cause: error });
  if (api && error instanceof api.APIConnectionError) return connectionError(endpoint, error.cause ?? error);
  if (api && error instanceof api.APIError && typeof error.status === 'number') {
    const body = error.error as { message?: string } | undefined;
    const message = body?.message ?? error.message;
    return errorForStatus(error.status, `${endpoint}: ${message}`, retryAfterMs(error.headers?.get('retry-after')));
  }
  if (error instanceof UserError) return new ModelCallError('offline', error.message, { cause: error });
  return new ModelCallError('server', `${endpoint}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}
