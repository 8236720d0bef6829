/** Starts `rootline serve` as a user would, and reads the address it prints. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ApiClient, httpTransport } from '../../shared/api/client.js';
import type { IngestResult } from '../../shared/api/contract.js';
import { rootline, startRootline } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { launchChromium } from './browser.js';

export interface ServedApp {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** Calls the API as the renderer does. */
  call<T>(method: string, request?: unknown): Promise<T>;
  /** Uploads files through the renderer's own client (multipart, streamed). */
  upload(files: Array<{ name: string; content: string | Blob }>): Promise<IngestResult>;
  stop(): Promise<void>;
}

/** `args` adds to the command line (`--samples DIR`); `env` to the server's environment (a fake model server's address). */
export async function serveApp(project: string, options: { args?: string[]; env?: Record<string, string> } = {}): Promise<ServedApp> {
  const { child, done } = startRootline(['serve', '--project', project, '--port', '0', ...(options.args ?? [])], { env: options.env ?? {}, timeoutMs: 15 * 60_000 });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`rootline serve printed no address: ${seen}`)), 60_000);
    child.stdout!.on('data', (chunk: string) => {
      seen += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void done.then((r) => reject(new Error(`rootline serve exited with ${r.code}: ${r.stderr}`)));
  });
  const parsed = new URL(url);
  const token = parsed.hash.replace('#token=', '');
  const origin = parsed.origin;
  return {
    url, origin, token, child,
    async call<T>(method: string, request: unknown = {}) {
      const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rootline-token': token }, body: JSON.stringify(request) });
      if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    upload(files) {
      const client = new ApiClient(httpTransport(origin, token));
      return client.call('ingestDocuments', { files: files.map((f) => ({ name: f.name, content: typeof f.content === 'string' ? new Blob([f.content]) : f.content })) });
    },
    async stop() {
      child.kill('SIGTERM');
      await done;
    },
  };
}

/**
 * An imported graph served and open in Chromium for one test file (`beforeAll` / `afterAll` registered
 * here); its fields are filled once the setup has run.
 */
export function importedGraphApp(source: string, format: 'paper' | 'dpi', open: (page: Page, url: string) => Promise<void>) {
  const session = {} as { app: ServedApp; browser: Awaited<ReturnType<typeof launchChromium>>; page: Page };
  beforeAll(async () => {
    const project = join(tempDir('rootline-e2e-graph-'), `${format}.rootline`);
    expect(rootline(['import', source, '--format', format, '--project', project]).code).toBe(0);
    session.app = await serveApp(project);
    session.browser = await launchChromium();
    session.page = await session.browser.context.newPage();
    await open(session.page, session.app.url);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.stop();
  });
  return session;
}
