/** `rootline serve`: 127.0.0.1 only, the token required, wrong Host and Origin refused, the app and the API served. */
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONTENT_SECURITY_POLICY } from '../../shared/api/csp.js';
import { tempDir } from '../helpers/temp.js';
import { serveApp, type ServedApp } from '../e2e/app-server.js';

/** A raw request, so Host and Origin can be set to anything (fetch forbids it). */
function raw(app: ServedApp, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: new URL(app.origin).port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('rootline serve', { timeout: 90_000 }, () => {
  let app: ServedApp;
  beforeAll(async () => {
    app = await serveApp(join(tempDir('rootline-serve-'), 'p.rootline'));
  }, 90_000);
  afterAll(() => app?.stop());

  const api = (headers: Record<string, string>, body = '{}') =>
    raw(app, { path: '/api/projectInfo', method: 'POST', headers: { 'content-type': 'application/json', host: new URL(app.origin).host, ...headers }, body });

  it('prints a 127.0.0.1 address with a token in the fragment', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('serves the app with a strict CSP', async () => {
    const page = await raw(app, { path: '/', headers: { host: new URL(app.origin).host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    // The page repeats it as a meta tag for Electron's file:// load (frame-ancestors is not allowed in a meta tag).
    expect(page.body).toContain(`content="${APP_CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}"`);
  });

  it('answers the API with the token, and refuses it without', async () => {
    expect((await api({ 'x-rootline-token': app.token })).status).toBe(200);
    expect((await api({})).status).toBe(401);
    expect((await api({ 'x-rootline-token': 'f'.repeat(48) })).status).toBe(401);
  });

  it('refuses a wrong Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await api({ 'x-rootline-token': app.token, host: 'evil.example:80' })).status).toBe(421);
    expect((await api({ 'x-rootline-token': app.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api({ 'x-rootline-token': app.token, origin: app.origin })).status).toBe(200);
  });

  it('reports bad requests as user errors', async () => {
    const bad = await raw(app, { path: '/api/reviewEdge', method: 'POST', headers: { 'content-type': 'application/json', host: new URL(app.origin).host, 'x-rootline-token': app.token }, body: '{"id":"x"}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ kind: 'user' });
  });

  it('ingests uploaded files with the normal checks: a bad file is reported, the rest land', async () => {
    const files = [
      { name: 'good/README.md', text: '---\npretty_name: Good Set\n---\n# Good Set\n\nBuilt from GSM8K problems, rewritten.\n' },
      { name: 'broken.md', text: '---\nlicense: [unclosed\n---\n# Broken\n' },
      { name: 'empty.md', text: '' },
    ];
    const result = await app.upload(files.map((f) => ({ name: f.name, content: f.text })));
    const status = Object.fromEntries(result.files.map((f) => [f.file, f.status]));
    expect(status).toMatchObject({ 'good/README.md': 'ingested', 'broken.md': 'failed', 'empty.md': 'failed' });
    expect(result.files.find((f) => f.file === 'broken.md')!.message).not.toContain('rootline-upload-');
  });
});
