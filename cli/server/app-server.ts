/** The HTTP side of browser mode: JSON POST /api/<method> behind a token, and the renderer's static files. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { isApiMethod, TOKEN_HEADER, type ApiError } from '../../shared/api/contract.js';
import { APP_CONTENT_SECURITY_POLICY } from '../../shared/api/csp.js';
import { isUserError, UserError } from '../../shared/errors.js';
import { handle, type Handlers } from '../../engine/api/handlers.js';

/** Dropped folders can be large; beyond this a request is refused rather than read into memory. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = APP_CONTENT_SECURITY_POLICY;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export interface AppServer {
  url: string;
  port: number;
  close(): void;
}

export async function startAppServer(options: { handlers: Handlers; staticDir: string; token: string; port?: number }): Promise<AppServer> {
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const server = createServer((request, response) => {
    const hosts = allowedHosts();
    if (!hosts.has(request.headers.host ?? '')) return refuse(response, 421, 'wrong Host header');
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) return refuse(response, 403, 'wrong Origin header');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return void serveApi(request, response, url.pathname.slice(5), options);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'method not allowed');
    serveStatic(response, options.staticDir, url.pathname);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, close: () => server.close() };
}

async function serveApi(request: IncomingMessage, response: ServerResponse, method: string, options: { handlers: Handlers; token: string }) {
  if (request.method !== 'POST') return refuse(response, 405, 'use POST');
  if (!tokenMatches(request.headers[TOKEN_HEADER], options.token)) return refuse(response, 401, 'missing or wrong session token');
  if (!isApiMethod(method)) return refuse(response, 404, `no API method "${method}"`);
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return refuse(response, 415, 'send application/json');
  try {
    const body = await readBody(request);
    const value = await handle(options.handlers, method, body.length ? JSON.parse(body) : {});
    json(response, 200, value ?? null);
  } catch (error) {
    if (error instanceof SyntaxError) return json(response, 400, { error: 'the request is not valid JSON', kind: 'user' } satisfies ApiError);
    if (isUserError(error)) return json(response, 400, { error: error.message, kind: 'user' } satisfies ApiError);
    process.stderr.write(`rootline serve: internal error in ${method}: ${(error as Error).stack ?? String(error)}\n`);
    json(response, 500, { error: (error as Error).message, kind: 'internal' } satisfies ApiError);
  }
}

function serveStatic(response: ServerResponse, root: string, pathname: string) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return refuse(response, 403, 'outside the app');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new UserError(`the request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function refuse(response: ServerResponse, status: number, message: string) {
  json(response, status, { error: message, kind: 'user' } satisfies ApiError);
}

function json(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(value));
}
