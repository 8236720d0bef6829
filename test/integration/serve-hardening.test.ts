/**
 * The local server against hostile requests: a malformed path, a token of odd bytes, a handler that
 * throws, bodies over the limits, upload names that cannot be stored — each answered with a clear 4xx
 * (or a 500 that names nothing), and the server still serving afterwards.
 */
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, httpTransport } from '../../shared/api/client.js';
import { UPLOAD_LIMITS } from '../../shared/api/contract.js';
import { createHandlers } from '../../engine/api/handlers.js';
import { Project } from '../../engine/project.js';
import { startAppServer, type AppServer } from '../../cli/server/app-server.js';
import { rawRequest, sendRaw } from '../helpers/raw-http.js';
import { tempDir } from '../helpers/temp.js';

const LIMITS = { ...UPLOAD_LIMITS, fileBytes: 64 * 1024, requestBytes: 256 * 1024, files: 20 };
const CARD = '---\npretty_name: Kept Set\n---\n# Kept Set\n\nBuilt from GSM8K problems, rewritten.\n';

describe('rootline serve under hostile requests', () => {
  let server: AppServer;
  let project: Project;
  const logged: string[] = [];
  const token = 'a'.repeat(48);
  const host = () => `127.0.0.1:${server.port}`;
  const client = () => new ApiClient(httpTransport(server.url, token));

  beforeAll(async () => {
    const dir = tempDir('rootline-hardening-');
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    project = Project.open(join(dir, 'p.rootline'));
    const handlers = {
      ...createHandlers(project),
      patterns: () => {
        throw new Error(`${dir}/secret.rootline: the disk caught fire`);
      },
    };
    server = await startAppServer({ handlers, staticDir: dir, token, uploadLimits: LIMITS, log: (line) => logged.push(line) });
  });
  afterAll(() => {
    server?.close();
    project?.close();
  });

  const get = (path: string) => sendRaw(server.port, rawRequest('GET', path, [['Host', host()]]));
  const api = (method: string, body: string, headers: Array<[string, string | Buffer]> = [['x-rootline-token', token]]) =>
    sendRaw(server.port, rawRequest('POST', `/api/${method}`, [['Host', host()], ['Content-Type', 'application/json'], ...headers], body));
  const stillServing = async () => {
    expect((await get('/')).status).toBe(200);
    expect((await api('projectInfo', '{}')).status).toBe(200);
  };

  it('answers a malformed percent-escape in the path with 400 (an <img> on any page could send it)', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/api/%E0%A4%A', '/%00', '/..%2F..%2Fetc%2Fpasswd%ZZ']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(400);
    }
    await stillServing();
  });

  it('refuses a token of non-ASCII bytes with 401 (its length in bytes differs from the real one)', async () => {
    const odd = [Buffer.alloc(48, 0xe9), Buffer.from('é'.repeat(24)), Buffer.alloc(47, 0xff), Buffer.from('ü'.repeat(48))];
    for (const value of odd) expect((await api('projectInfo', '{}', [['x-rootline-token', value]])).status).toBe(401);
    await stillServing();
  });

  it('answers a handler that throws with a 500 that names no path and no stack, and logs it', async () => {
    const reply = await api('patterns', '{}');
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'internal error in rootline serve (its log has the details)', kind: 'internal' });
    expect(reply.body).not.toContain('secret');
    expect(reply.body).not.toContain(tmpdir());
    expect(logged.join('\n')).toContain('the disk caught fire');
    await stillServing();
  });

  it('answers a JSON body over 1 MB with 413, whether it says its length or not, and the client reads the answer', async () => {
    const big = `{"mix":["${'x'.repeat(2 * 1024 * 1024)}"]}`;
    const declared = await api('redundancy', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toContain('larger than 1 MB');
    const chunked = await streamed(server, '/api/redundancy', { 'content-type': 'application/json', 'x-rootline-token': token }, [Buffer.from(big)]);
    expect(chunked).toMatchObject({ status: 413 });
    await stillServing();
  });

  it('refuses bad upload names with 400 and a message naming the name, never the temporary folder', async () => {
    const cases: Array<[string, RegExp]> = [
      [`${'n'.repeat(256)}.md`, /longer than 255 bytes/],
      ['/etc/passwd', /relative path/],
      ['C:\\Windows\\card.md', /relative path/],
      ['../../escape.md', /relative path/],
      ['ok/../../escape.md', /relative path/],
      ['bell\u0007.md', /control characters/],
      ['new\nline.md', /control characters/],
      [`${'d/'.repeat(600)}x.md`, /longer than 1024 bytes/],
    ];
    for (const [name, why] of cases) {
      const error = await client().call('ingestDocuments', { files: [{ name, content: new Blob([CARD]) }] }).catch((e: Error & { kind: string }) => e);
      expect(error, name).toMatchObject({ kind: 'user' });
      expect((error as Error).message, name).toMatch(why);
      expect((error as Error).message).not.toContain('rootline-upload-');
    }
    await stillServing();
  });

  it('refuses a file beside a folder of the same name, and a name sent twice', async () => {
    const file = (name: string) => ({ name, content: new Blob([CARD]) });
    await expect(client().call('ingestDocuments', { files: [file('a'), file('a/b.md')] })).rejects.toThrow(/"a" was sent as a file, so it cannot be a folder too/);
    await expect(client().call('ingestDocuments', { files: [file('a/b.md'), file('a')] })).rejects.toThrow(/a folder of that name was already sent/);
    await expect(client().call('ingestDocuments', { files: [file('x/README.md'), file('x//README.md')] })).rejects.toThrow(/already sent/);
    expect(project.datasets.count()).toBe(0);
  });

  it('answers uploads over the limits with 413 and a clear message, before or while reading them', async () => {
    const form = (sizes: number[]) => {
      const boundary = 'rootline-test-boundary';
      const parts = sizes.map((size, i) =>
        Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="set%2Fpart-${i}.jsonl"\r\n\r\n`), Buffer.alloc(size, 0x61), Buffer.from('\r\n')]),
      );
      return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
    };
    const headers = (type: string) => ({ 'content-type': type, 'x-rootline-token': token });
    const oneTooBig = form([LIMITS.fileBytes + 1]);
    const reply = await streamed(server, '/api/ingestDocuments', headers(oneTooBig.type), [oneTooBig.body]);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toMatch(/"set\/part-0\.jsonl" is larger than 0\.0625 MB/);
    // Each file within its limit, together over the request's: refused while streaming (no Content-Length)…
    const together = form([60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(await streamed(server, '/api/ingestDocuments', headers(together.type), [together.body])).toMatchObject({ status: 413 });
    // …and before reading when Content-Length says so.
    const declared = await streamed(server, '/api/ingestDocuments', { ...headers(together.type), 'content-length': String(together.body.length) }, [together.body]);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toBe('the upload is larger than 0.25 MB; drop fewer files at a time');
    await stillServing();
  });

  it('answers a JSON upload or a malformed multipart body with a 4xx', async () => {
    expect((await api('ingestDocuments', '{"files":[]}')).status).toBe(415);
    const noBoundary = await sendRaw(server.port, rawRequest('POST', '/api/ingestDocuments', [['Host', host()], ['x-rootline-token', token], ['Content-Type', 'multipart/form-data; charset=utf-8']], 'x'));
    expect(noBoundary.status).toBe(400);
    expect(JSON.parse(noBoundary.body).error).toContain('with a boundary');
    const broken = await sendRaw(server.port, rawRequest('POST', '/api/ingestDocuments', [['Host', host()], ['x-rootline-token', token], ['Content-Type', 'multipart/form-data; boundary=zz']], '--zz\r\nContent-Disposition: form-data; name="file"; filename="%E0%A4%A"\r\n\r\nabc\r\n--zz--\r\n'));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error).toContain('URI-encoded');
    const empty = await sendRaw(server.port, rawRequest('POST', '/api/ingestDocuments', [['Host', host()], ['x-rootline-token', token], ['Content-Type', 'multipart/form-data; boundary=zz']], '--zz--\r\n'));
    expect(empty.status).toBe(400);
    await stillServing();
  });

  it('still ingests a good upload after all of that', async () => {
    const result = await client().call('ingestDocuments', { files: [{ name: 'kept/README.md', content: new Blob([CARD]) }] });
    expect(result.files).toEqual([{ file: 'kept/README.md', status: 'ingested', dataset: 'kept-set' }]);
    expect(project.datasets.resolve('Kept Set')).toBe('kept-set');
  });
});

/** A request whose body is written in pieces with chunked framing (unless content-length is given); resolves with the answer. */
function streamed(server: AppServer, path: string, headers: Record<string, string>, pieces: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const piece of pieces) for (let at = 0; at < piece.length; at += 16 * 1024) req.write(piece.subarray(at, at + 16 * 1024));
    req.end();
  });
}
