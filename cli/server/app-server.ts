/**
 * The HTTP side of browser mode: JSON POST /api/<method> behind a token, uploads as streamed multipart,
 * and the renderer's static files. Every request gets an answer — a 4xx for anything malformed, a 500
 * without details for a fault of ours (logged on stderr) — and no request can stop the server.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline, type Duplex } from 'node:stream';
import { isApiMethod, isUploadMethod, TOKEN_HEADER, UPLOAD_LIMITS, type ApiError, type UploadMethod } from '../../shared/api/contract.js';
import { APP_CONTENT_SECURITY_POLICY } from '../../shared/api/csp.js';
import { isUserError } from '../../shared/errors.js';
import { handle, handleUpload, type Handlers } from '../../engine/api/handlers.js';
import { UploadRefused, type UploadLimits } from '../../engine/api/uploads.js';
import { isBusy } from '../../engine/store/busy.js';
import { discardRest } from './discard.js';
import { receiveUpload } from './receive-upload.js';

/** A JSON request carries ids, names and options; uploads travel as multipart. */
export const MAX_JSON_BYTES = 1024 * 1024;

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

interface ServerOptions {
  handlers: Handlers;
  staticDir: string;
  token: string;
  port?: number;
  uploadLimits?: UploadLimits;
  /** Where faults are logged; stderr by default. */
  log?: (line: string) => void;
}

export async function startAppServer(options: ServerOptions): Promise<AppServer> {
  let port = 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer((request, response) => {
    route(request, response, options, port).catch((error: unknown) => answerError(request, response, error, log));
  });
  // Node closes CONNECT and Upgrade requests without a word unless someone answers them.
  const noTunnel = (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  };
  server.on('connect', noTunnel);
  server.on('upgrade', noTunnel);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, close: () => server.close() };
}

async function route(request: IncomingMessage, response: ServerResponse, options: ServerOptions, port: number): Promise<void> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!hosts.has(request.headers.host ?? '')) return refuse(request, response, 421, 'wrong Host header');
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) return refuse(request, response, 403, 'wrong Origin header');
  const path = decodedPath(request.url);
  if (path === undefined) return refuse(request, response, 400, 'malformed request path');
  if (path.startsWith('/api/')) return serveApi(request, response, path.slice(5), options);
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(request, response, 405, 'method not allowed');
  serveStatic(request, response, options.staticDir, path);
}

/** The path of a request URL, percent-decoded; undefined when it cannot be (`/%E0%A4%A`, a NUL byte). */
function decodedPath(url: string | undefined): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url ?? '/', 'http://127.0.0.1').pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

async function serveApi(request: IncomingMessage, response: ServerResponse, method: string, options: ServerOptions): Promise<void> {
  if (request.method !== 'POST') return refuse(request, response, 405, 'use POST');
  if (!tokenMatches(request.headers[TOKEN_HEADER], options.token)) return refuse(request, response, 401, 'missing or wrong session token');
  if (!isApiMethod(method)) return refuse(request, response, 404, `no API method "${method.slice(0, 100)}"`);
  const type = request.headers['content-type'] ?? '';
  if (isUploadMethod(method)) {
    if (!/^multipart\/form-data\s*;/i.test(type)) return refuse(request, response, 415, 'send multipart/form-data');
    return serveUpload(request, response, method, options);
  }
  if (!/^application\/json\s*(;|$)/i.test(type)) return refuse(request, response, 415, 'send application/json');
  const body = await readJson(request);
  json(response, 200, (await handle(options.handlers, method, body)) ?? null);
}

async function serveUpload(request: IncomingMessage, response: ServerResponse, method: UploadMethod, options: ServerOptions): Promise<void> {
  const upload = await receiveUpload(request, options.uploadLimits ?? UPLOAD_LIMITS);
  try {
    json(response, 200, (await handleUpload(options.handlers, method, upload.request, upload.files)) ?? null);
  } finally {
    upload.files.dispose();
  }
}

function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, path: string): void {
  const relative = normalize(path).replace(/^([/\\])+/, '');
  let file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return refuse(request, response, 403, 'outside the app');
  if (!isFile(file)) file = join(root, 'index.html');
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') return void response.end();
  // A read that fails half-way can only cut the answer short; it must not throw out of the server.
  pipeline(createReadStream(file), response, () => undefined);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Compares digests, which have one length whatever the header holds (bytes, not characters, count). */
function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'latin1').digest();
  return timingSafeEqual(digest(given), digest(token));
}

function readJson(request: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new UploadRefused(`the request is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`, 413);
  if (Number(request.headers['content-length'] ?? NaN) > MAX_JSON_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_JSON_BYTES) return void chunks.push(chunk);
      request.off('data', onData);
      discardRest(request);
      reject(tooLarge());
    };
    request.on('data', onData);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() ? JSON.parse(text) : {});
      } catch {
        reject(new UploadRefused('the request is not valid JSON', 400));
      }
    });
    request.on('error', reject);
  });
}

function answerError(request: IncomingMessage, response: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (response.headersSent) return void response.destroy();
  if (error instanceof UploadRefused) return refuse(request, response, error.status, error.message);
  if (isUserError(error)) return refuse(request, response, 400, error.message);
  if (isBusy(error)) {
    discardRest(request);
    return json(response, 503, { error: 'the project is busy with another writer for too long; try again', kind: 'internal' } satisfies ApiError);
  }
  log(`rootline serve: internal error on ${request.method} ${request.url?.slice(0, 200)}: ${(error as Error)?.stack ?? String(error)}`);
  discardRest(request);
  json(response, 500, { error: 'internal error in rootline serve (its log has the details)', kind: 'internal' } satisfies ApiError);
}

function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  discardRest(request);
  json(response, status, { error: message, kind: 'user' } satisfies ApiError);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}
