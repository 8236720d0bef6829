/**
 * Fuzzing `rootline serve`'s request parsing: random methods, paths of random bytes and percent-escapes,
 * random Host/Origin/token headers, random bodies and content types, written raw on a socket. Every
 * request must get an answer below 500 (or the server's controlled 500), and the server must still be
 * up and serving a good request at the end. Bounded in count and time; the seed is printed to replay.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/sampling/random.js';
import { API_METHODS } from '../../shared/api/contract.js';
import { serveApp, type ServedApp } from '../e2e/app-server.js';
import { rawRequest, sendRaw } from '../helpers/raw-http.js';
import { tempDir } from '../helpers/temp.js';

const REQUESTS = 2_000;
const BUDGET_MS = 25_000;
const CONTROLLED_500 = '{"error":"internal error in rootline serve (its log has the details)","kind":"internal"}';

describe('rootline serve, fuzzed', { timeout: 120_000 }, () => {
  let app: ServedApp;
  beforeAll(async () => {
    app = await serveApp(join(tempDir('rootline-fuzz-'), 'p.rootline'));
  }, 90_000);
  afterAll(() => app?.stop());

  it('answers every random request below 500 and keeps serving', async () => {
    const seed = Number(process.env.ROOTLINE_FUZZ_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const port = Number(new URL(app.origin).port);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const bytes = (n: number, from = 0, to = 256) => Buffer.from(Array.from({ length: n }, () => from + Math.floor(random() * (to - from))));
    // Header values without CR/LF, so each request stays one request; anything else goes, NUL and high bytes too.
    const headerValue = () => Buffer.from(bytes(Math.floor(random() * 60)).map((b) => (b === 13 || b === 10 ? 0x20 : b)));
    const escapes = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(['%', '%E0%A4%A', '%ZZ', '%00', '%2e%2e/', '%C0%AF', '%FF', '%F0%9F%98', '%25', `%${bytes(1, 48, 127).toString('latin1')}`])).join('');
    const path = () => {
      const base = pick(['/', '/api/', `/api/${pick(API_METHODS)}`, '/index.html', '/assets/', '/../', '//', '/api//']);
      const noise = pick([() => escapes(), () => bytes(Math.floor(random() * 20), 33, 127).toString('latin1'), () => `?${escapes()}#x`, () => '']);
      return `${base}${noise()}`.replace(/[\s]/g, '%20');
    };
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'POSTX', 'G\u00c9T', 'CONNECT'];
    const good = { host: `127.0.0.1:${port}`, origin: app.origin, token: app.token };
    const bodies = [
      () => undefined,
      () => bytes(Math.floor(random() * 400)),
      () => Buffer.from(JSON.stringify({ id: pick([1, -1, 'x', null, 1e308, [], {}]), status: pick(['accepted', 'x']), mix: [pick(['a', '', '\u0000'])] })),
      () => Buffer.from(`{"files":[{"name":"${escapes()}","text":"x"}]`),
      () => Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${pick(['a', '..%2Fx', '%E0%A4%A', escapes(), 'a%2Fb.md'])}"\r\n\r\n${bytes(50).toString('latin1')}\r\n--b--\r\n`, 'latin1'),
    ];
    const types = ['application/json', 'multipart/form-data; boundary=b', 'multipart/form-data', 'text/plain', 'application/json; charset=\u00ff', '', 'multipart/form-data; boundary='];

    const start = Date.now();
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number | null, number>();
    while (sent < REQUESTS && Date.now() - start < BUDGET_MS) {
      sent++;
      // Half the requests pass the Host, Origin and token checks, so the API methods and uploads are reached too.
      const aimed = random() < 0.5;
      const headers: Array<[string, string | Buffer]> = [];
      headers.push(['Host', aimed || random() < 0.5 ? good.host : headerValue()]);
      if (random() < 0.4) headers.push(['Origin', aimed || random() < 0.5 ? good.origin : headerValue()]);
      if (aimed || random() < 0.5) headers.push(['x-rootline-token', aimed || random() < 0.5 ? good.token : headerValue()]);
      if (aimed || random() < 0.8) headers.push(['Content-Type', aimed || random() < 0.8 ? pick(types) : headerValue()]);
      if (random() < 0.3) headers.push([pick(['Accept', 'Cookie', 'X-Forwarded-For', 'Range', 'Expect', 'Upgrade']), headerValue()]);
      const method = aimed || random() < 0.5 ? 'POST' : pick(methods);
      const target = aimed && random() < 0.7 ? `/api/${pick(API_METHODS)}` : path();
      const request = rawRequest(method, target, headers, pick(bodies)());
      const reply = await sendRaw(port, request, 10_000);
      const controlled = reply.status === 500 && reply.body === CONTROLLED_500;
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status === null || (reply.status >= 500 && !controlled)) failures.push(`${reply.status} for ${JSON.stringify(request.subarray(0, 300).toString('latin1'))}`);
      if (sent % 50 === 0) expect(app.child.exitCode, `the server died (seed ${seed})`).toBeNull();
    }
    console.log(`fuzzed rootline serve with ${sent} requests in ${Date.now() - start} ms (seed ${seed}; ROOTLINE_FUZZ_SEED replays it); answers: ${[...statuses].sort().map(([s, n]) => `${s} ×${n}`).join(', ')}`);
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(app.child.exitCode).toBeNull();
    expect(await app.call<{ datasets: number }>('projectInfo')).toMatchObject({ datasets: 0 });
    const page = await fetch(`${app.origin}/`);
    expect(page.status).toBe(200);
  });
});
