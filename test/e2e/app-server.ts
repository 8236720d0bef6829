/** Starts `rootline serve` as a user would, and reads the address it prints. */
import type { ChildProcess } from 'node:child_process';
import { ApiClient, httpTransport } from '../../shared/api/client.js';
import type { IngestResult } from '../../shared/api/contract.js';
import { startRootline } from '../helpers/cli.js';

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

export async function serveApp(project: string, more: string[] = []): Promise<ServedApp> {
  const { child, done } = startRootline(['serve', '--project', project, '--port', '0', ...more]);
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
