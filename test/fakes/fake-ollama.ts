/**
 * A fake Ollama server faithful to its HTTP API: GET /api/tags, GET /api/version, POST /api/chat with
 * `format` (a JSON schema), streamed as NDJSON (`done: false` parts, then a final part with the token
 * counts) or as one JSON object; errors as `{"error": "…"}` with Ollama's status codes.
 */
import type { ServerResponse } from 'node:http';
import { delay, sendJson, startServer, type FakeServer, type RecordedRequest } from './http.js';
import { estimateTokens, pieces, type ModelRequest, type Reply, type Script } from './script.js';

export interface FakeOllama extends FakeServer {
  chats(): RecordedRequest[];
}

export async function startFakeOllama(options: { models?: string[]; script: Script }): Promise<FakeOllama> {
  const models = options.models ?? ['qwen2.5:7b-instruct', 'llama3.1:8b'];
  let chatCount = 0;
  const server = await startServer(async (request, res) => {
    if (request.method === 'GET' && request.path === '/api/tags') {
      return sendJson(res, 200, {
        models: models.map((name, i) => ({
          name,
          model: name,
          modified_at: '2025-01-15T10:00:00.000000000Z',
          size: 4_683_087_332 + i,
          digest: `${'a'.repeat(63)}${i}`,
          details: { parent_model: '', format: 'gguf', family: 'qwen2', families: ['qwen2'], parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
        })),
      });
    }
    if (request.method === 'GET' && request.path === '/api/version') return sendJson(res, 200, { version: '0.6.4' });
    if (request.method !== 'POST' || request.path !== '/api/chat') return sendJson(res, 404, { error: `${request.method} ${request.path} not found` });

    const body = request.body as { model?: string; messages?: ModelRequest['messages']; format?: unknown; stream?: boolean; options?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) return sendJson(res, 400, { error: 'invalid request: messages required' });
    if (!body.model || !models.includes(body.model)) return sendJson(res, 404, { error: `model "${body.model}" not found, try pulling it first` });
    const chat: ModelRequest = {
      model: body.model,
      messages: body.messages,
      schema: typeof body.format === 'object' && body.format !== null ? (body.format as Record<string, unknown>) : undefined,
      // Ollama streams unless told not to.
      stream: body.stream !== false,
      index: ++chatCount,
    };
    const reply = await options.script(chat);
    await answer(res, chat, reply);
  });
  return Object.assign(server, { chats: () => server.requests.filter((r) => r.path === '/api/chat') });
}

async function answer(res: ServerResponse, chat: ModelRequest, reply: Reply): Promise<void> {
  if ('hang' in reply) return; // the response stays open until the client gives up or the server closes
  if ('drop' in reply) {
    res.socket?.destroy();
    return;
  }
  if (reply.delayMs) await delay(reply.delayMs);
  if (res.destroyed) return;
  if ('status' in reply) {
    const headers: Record<string, string> = reply.retryAfterSeconds !== undefined ? { 'retry-after': String(reply.retryAfterSeconds) } : {};
    if (reply.plainText) {
      res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(reply.error);
      return;
    }
    return sendJson(res, reply.status, { error: reply.error }, headers);
  }
  const promptTokens = reply.promptTokens ?? estimateTokens(chat.messages.map((m) => m.content).join('\n'));
  const completionTokens = reply.completionTokens ?? estimateTokens(reply.content);
  const created = new Date().toISOString();
  const final = {
    model: chat.model,
    created_at: created,
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    total_duration: 1_200_000_000,
    load_duration: 20_000_000,
    prompt_eval_count: promptTokens,
    prompt_eval_duration: 300_000_000,
    eval_count: completionTokens,
    eval_duration: 800_000_000,
  };
  if (!chat.stream) return sendJson(res, 200, { ...final, message: { role: 'assistant', content: reply.content } });
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const [i, piece] of pieces(reply.content).entries()) {
    if (res.destroyed) return;
    if (reply.cutAfterPieces !== undefined && i >= reply.cutAfterPieces) return void res.socket?.destroy();
    res.write(`${JSON.stringify({ model: chat.model, created_at: created, message: { role: 'assistant', content: piece }, done: false })}\n`);
    if (reply.pieceDelayMs) await delay(reply.pieceDelayMs);
  }
  res.end(`${JSON.stringify(final)}\n`);
}
