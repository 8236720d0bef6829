/**
 * Large uploads to a real `rootline serve` (a child process, measured from outside): a 200 MB folder is
 * streamed to disk with the server's peak memory growing far less than the upload, and a 300 MB one is
 * answered with a 413 the client reads — not a reset connection.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from '../e2e/app-server.js';
import { tempDir } from '../helpers/temp.js';

const MB = 1024 * 1024;
const CARD = '---\npretty_name: Big Set\n---\n# Big Set\n\nBuilt from GSM8K problems, rewritten.\n';

/** Resident and peak resident memory of a process, in bytes (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Streams a multipart upload of `files` (name → size in bytes; content generated) with a Content-Length. */
function upload(app: ServedApp, files: Array<[string, number | string]>): Promise<{ status: number; body: string }> {
  const boundary = 'rootline-memory-test';
  const head = (name: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const line = Buffer.from(`${JSON.stringify({ instruction: 'Add the numbers.', output: 'x'.repeat(200) })}\n`);
  const block = Buffer.concat(Array.from({ length: Math.ceil(MB / line.length) }, () => line)).subarray(0, MB);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length = files.reduce((n, [name, content]) => n + head(name).length + (typeof content === 'string' ? Buffer.byteLength(content) : content) + 2, tail.length);
  let answered = false;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1', port: new URL(app.origin).port, path: '/api/ingestDocuments', method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length, 'x-rootline-token': app.token },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
          answered = true;
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => answered || reject(error));
    // An early answer (a 413) stops the writing; a destroyed request emits no more 'drain'.
    const write = (chunk: Buffer) => (answered || req.write(chunk) ? Promise.resolve() : new Promise<void>((done) => req.once('drain', () => done()).once('close', () => done())));
    void (async () => {
      for (const [name, content] of files) {
        await write(head(name));
        if (typeof content === 'string') await write(Buffer.from(content));
        else for (let left = content; left > 0 && !answered; left -= block.length) await write(left >= block.length ? block : block.subarray(0, left));
        if (answered) return;
        await write(Buffer.from('\r\n'));
      }
      req.end(tail);
    })().catch(reject);
  });
}

describe.runIf(process.platform === 'linux')('large uploads to rootline serve', { timeout: 180_000 }, () => {
  let app: ServedApp;
  beforeAll(async () => {
    app = await serveApp(join(tempDir('rootline-upload-memory-'), 'p.rootline'));
  }, 90_000);
  afterAll(() => app?.stop());

  it('streams a 200 MB folder to disk: the server grows by far less than the upload', async () => {
    await app.call('projectInfo');
    const pid = app.child.pid!;
    const before = memoryOf(pid);
    // Reset the peak to the current size, so the peak after is this upload's (Linux ≥ 4.0; else the peak since start).
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      /* the peak since start is an upper bound of this upload's */
    }
    const files: Array<[string, number | string]> = [['big/README.md', CARD], ...[1, 2, 3, 4].map((i): [string, number] => [`big/part-${i}.jsonl`, 50 * MB])];
    const reply = await upload(app, files);
    expect(reply.status, reply.body).toBe(200);
    expect(JSON.parse(reply.body).files).toEqual([{ file: 'big/README.md', status: 'ingested', dataset: 'big-set' }]);
    const growth = memoryOf(pid).peak - before.rss;
    console.log(`rootline serve: RSS ${Math.round(before.rss / MB)} MB before a 200 MB upload, peak ${Math.round((before.rss + growth) / MB)} MB during it`);
    expect(growth).toBeLessThan(150 * MB);
  });

  it('answers a 300 MB upload with a 413 the client reads, then keeps serving', async () => {
    const reply = await upload(app, [['huge/README.md', CARD], ...[1, 2, 3, 4, 5].map((i): [string, number] => [`huge/part-${i}.jsonl`, 60 * MB])]);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ error: 'the upload is larger than 256 MB; drop fewer files at a time', kind: 'user' });
    expect(await app.call('projectInfo')).toMatchObject({ datasets: expect.any(Number) });
  });
});
