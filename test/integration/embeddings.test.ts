import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingProvider } from '../../agents/embeddings/index.js';
import { vendiScoreParallel } from '../../engine/sampling/vendi-parallel.js';
import { vendiScore } from '../../shared/sampling/diversity.js';
import { seededRandom } from '../../shared/sampling/random.js';

describe('Vendi score on worker threads', () => {
  it('gives the same score as one thread', async () => {
    const random = seededRandom(2);
    const rows = Array.from({ length: 301 }, () => Array.from({ length: 16 }, () => random() - 0.5));
    const parallel = await vendiScoreParallel(rows, 2, 0);
    expect(parallel).toBeCloseTo(vendiScore(rows), 9);
    expect(parallel).toBeGreaterThan(1);
  });
});

describe('Ollama embeddings', () => {
  let server: Server;
  let host: string;
  const requests: Array<{ model: string; input: string[] }> = [];

  beforeAll(async () => {
    // A fake of Ollama's /api/embed: one vector per input, from the input's length and first letter.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url !== '/api/embed') return res.writeHead(404).end('{"error":"not found"}');
        const request = JSON.parse(body) as { model: string; input: string[] };
        requests.push(request);
        if (request.model === 'missing') return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"model \\"missing\\" not found, try pulling it first"}');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ model: request.model, embeddings: request.input.map((t) => [t.length, t.charCodeAt(0), 1]) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('embeds in batches through the real client', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `text ${i}`);
    const vectors = await embeddingProvider('ollama:nomic-embed-text', { ollamaHost: host }).embed(texts);
    expect(vectors).toHaveLength(70);
    expect(Array.from(vectors[12]!)).toEqual([7, 116, 1]);
    expect(requests.map((r) => [r.model, r.input.length])).toEqual([['nomic-embed-text', 64], ['nomic-embed-text', 6]]);
  });

  it('says which model and host failed', async () => {
    await expect(embeddingProvider('ollama:missing', { ollamaHost: host }).embed(['x'])).rejects.toThrow(/Ollama embeddings failed \(missing at http:\/\/127\.0\.0\.1:\d+\): .*not found/);
    expect(() => embeddingProvider('bert')).toThrow(/unknown embedding "bert"/);
  });
});
