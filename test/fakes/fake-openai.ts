/**
 * A fake OpenAI-compatible server (as vLLM, LM Studio or llama.cpp serve it): GET /v1/models, POST
 * /v1/chat/completions with `response_format: {type: 'json_schema', …}`, streamed as server-sent events
 * (`data: {chunk}` … `data: [DONE]`, usage in a last chunk when `stream_options.include_usage`) or as
 * one completion object with `usage`; errors as `{"error": {message, type, param, code}}`.
 */
import type { ServerResponse } from 'node:http';
import { delay, sendJson, startServer, type FakeServer, type RecordedRequest } from './http.js';
import { estimateTokens, pieces, type ModelRequest, type Reply, type Script } from './script.js';

export interface FakeOpenAI extends FakeServer {
  chats(): RecordedRequest[];
}

export async function startFakeOpenAI(options: { models?: string[]; apiKey?: string; script: Script }): Promise<FakeOpenAI> {
  const models = options.models ?? ['qwen2.5-7b-instruct'];
  let chatCount = 0;
  const server = await startServer(async (request, res) => {
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    }
    if (request.method === 'GET' && request.path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_736_000_000, owned_by: 'fake' })) });
    }
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${request.method} ${request.path}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    }
    const body = request.body as
      | { model?: string; messages?: ModelRequest['messages']; stream?: boolean; stream_options?: { include_usage?: boolean }; response_format?: { type?: string; json_schema?: { name?: string; schema?: Record<string, unknown> } } }
      | undefined;
    if (!body || !Array.isArray(body.messages)) return sendJson(res, 400, { error: { message: "'messages' is a required property", type: 'invalid_request_error', param: 'messages', code: null } });
    if (!body.model || !models.includes(body.model)) {
      return sendJson(res, 404, { error: { message: `The model \`${body.model}\` does not exist.`, type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
    }
    const format = body.response_format;
    if (format && (format.type !== 'json_schema' || !format.json_schema?.name || typeof format.json_schema.schema !== 'object')) {
      return sendJson(res, 400, { error: { message: "Invalid 'response_format': expected json_schema with a name and a schema", type: 'invalid_request_error', param: 'response_format', code: null } });
    }
    const chat: ModelRequest = { model: body.model, messages: body.messages, schema: format?.json_schema?.schema, stream: body.stream === true, index: ++chatCount };
    const reply = await options.script(chat);
    await answer(res, chat, reply, body.stream_options?.include_usage === true);
  });
  return Object.assign(server, { chats: () => server.requests.filter((r) => r.path === '/v1/chat/completions') });
}

async function answer(res: ServerResponse, chat: ModelRequest, reply: Reply, includeUsage: boolean): Promise<void> {
  if ('hang' in reply) return;
  if ('drop' in reply) {
    res.socket?.destroy();
    return;
  }
  if (reply.delayMs) await delay(reply.delayMs);
  if (res.destroyed) return;
  if ('status' in reply) {
    const headers: Record<string, string> = reply.retryAfterSeconds !== undefined ? { 'retry-after': String(reply.retryAfterSeconds) } : {};
    if (reply.plainText) {
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...headers });
      res.end(reply.error);
      return;
    }
    const type = reply.status === 429 ? 'rate_limit_exceeded' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
    return sendJson(res, reply.status, { error: { message: reply.error, type, param: null, code: reply.status === 429 ? 'rate_limit_exceeded' : null } }, headers);
  }
  const id = `chatcmpl-fake${chat.index}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: reply.promptTokens ?? estimateTokens(chat.messages.map((m) => m.content).join('\n')),
    completion_tokens: reply.completionTokens ?? estimateTokens(reply.content),
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  if (!chat.stream) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: chat.model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage,
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  const base = { id, object: 'chat.completion.chunk', created, model: chat.model, system_fingerprint: 'fp_fake' };
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] });
  for (const [i, piece] of pieces(reply.content).entries()) {
    if (res.destroyed) return;
    if (reply.cutAfterPieces !== undefined && i >= reply.cutAfterPieces) return void res.socket?.destroy();
    send({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }] });
    if (reply.pieceDelayMs) await delay(reply.pieceDelayMs);
  }
  send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] });
  if (includeUsage) send({ ...base, choices: [], usage });
  res.end('data: [DONE]\n\n');
}
