/** The renderer's API client: the same calls over HTTP (browser mode) or IPC (Electron); errors keep their kind. */
import { describe, expect, it } from 'vitest';
import { ApiCallError, ApiClient, httpTransport, ipcTransport, type IpcBridge } from '../../shared/api/client.js';
import { isAllowedExternal } from '../../electron/policy.js';

describe('ApiClient', () => {
  it('posts JSON to /api/<method> with the token header', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ id: 'x' }), { status: 200 });
    }) as unknown as typeof fetch;
    const client = new ApiClient(httpTransport('http://127.0.0.1:9', 'tok', fakeFetch));
    await client.call('dataset', { id: 'x' });
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/api/dataset');
    expect((seen[0]!.init.headers as Record<string, string>)['x-rootline-token']).toBe('tok');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ id: 'x' });
  });

  it('turns an HTTP error reply into an ApiCallError of the same kind', async () => {
    const fakeFetch = (async () => new Response(JSON.stringify({ error: 'no dataset named "y"', kind: 'user' }), { status: 400 })) as unknown as typeof fetch;
    const client = new ApiClient(httpTransport('', 't', fakeFetch));
    await expect(client.call('dataset', { id: 'y' })).rejects.toMatchObject({ message: 'no dataset named "y"', kind: 'user' });
  });

  it('sends an upload as multipart: the request as a JSON field, each file under its URI-encoded name', async () => {
    let sent: RequestInit | undefined;
    const fakeFetch = (async (_url: string, init: RequestInit) => ((sent = init), new Response('{"files":[],"newDatasets":0,"newEdges":0}'))) as unknown as typeof fetch;
    const client = new ApiClient(httpTransport('', 'tok', fakeFetch));
    await client.call('ingestDocuments', { files: [{ name: 'a set/READ"ME.md', content: new Blob(['# A']) }], extractor: 'builtin' });
    const form = sent!.body as FormData;
    expect((sent!.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect(JSON.parse(form.get('request') as string)).toEqual({ extractor: 'builtin' });
    const file = form.get('file') as File;
    expect(file.name).toBe('a%20set%2FREAD%22ME.md');
    expect(await file.text()).toBe('# A');
  });

  it('sends an upload over IPC as names and bytes', async () => {
    const calls: unknown[] = [];
    const bridge: IpcBridge = { call: async (method, request) => (calls.push([method, request]), { ok: true, value: null }) };
    await new ApiClient(ipcTransport(bridge)).call('ingestDocuments', { files: [{ name: 'x/README.md', content: new Blob(['# X']) }] });
    expect(calls).toEqual([['ingestDocuments', { files: [{ name: 'x/README.md', bytes: new Uint8Array(Buffer.from('# X')) }] }]]);
  });

  it('makes the same call over the IPC bridge', async () => {
    const calls: unknown[] = [];
    const bridge: IpcBridge = { call: async (method, request) => (calls.push([method, request]), method === 'edge' ? { ok: false, error: 'no edge #9', kind: 'user' } : { ok: true, value: [] }) };
    const client = new ApiClient(ipcTransport(bridge));
    expect(await client.call('reviewQueue')).toEqual([]);
    await expect(client.call('edge', { id: 9 })).rejects.toBeInstanceOf(ApiCallError);
    expect(calls).toEqual([['reviewQueue', {}], ['edge', { id: 9 }]]);
  });
});

describe('the desktop app’s external links', () => {
  it('opens only https links to the allowed hosts', () => {
    expect(isAllowedExternal('https://huggingface.co/datasets/openai/gsm8k')).toBe(true);
    expect(isAllowedExternal('https://arxiv.org/abs/2604.10480')).toBe(true);
    expect(isAllowedExternal('http://huggingface.co/')).toBe(false);
    expect(isAllowedExternal('https://huggingface.co.evil.example/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
});
