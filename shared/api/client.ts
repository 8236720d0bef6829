/** The renderer's API client: one call shape over either transport (HTTP in a browser, IPC in Electron). */
import type { ApiError, ApiMethod, ApiReply, ApiRequest, UploadedFile } from './contract.js';
import { isUploadMethod, TOKEN_HEADER } from './contract.js';

export interface Transport {
  send(method: string, request: unknown): Promise<unknown>;
}

export class ApiCallError extends Error {
  constructor(message: string, readonly kind: ApiError['kind']) {
    super(message);
  }
}

export class ApiClient {
  constructor(private readonly transport: Transport) {}

  /** A request whose fields are all optional may be left out. */
  call<M extends ApiMethod>(method: M, ...request: ApiRequest<M> extends Record<string, never> ? [] : object extends ApiRequest<M> ? [ApiRequest<M>?] : [ApiRequest<M>]): Promise<ApiReply<M>> {
    return this.transport.send(method, request[0] ?? {}) as Promise<ApiReply<M>>;
  }
}

/** Browser mode: JSON POST /api/<method>, the session token in a header; uploads as multipart (see UPLOAD_METHODS). */
export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async send(method, request) {
      const upload = isUploadMethod(method);
      const response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        // fetch sets multipart's content type itself, with the boundary.
        headers: upload ? { [TOKEN_HEADER]: token } : { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: upload ? uploadForm(request as { files: UploadedFile[] }) : JSON.stringify(request),
      });
      const body = (await response.json().catch(() => ({ error: `HTTP ${response.status}`, kind: 'internal' }))) as unknown;
      if (!response.ok) {
        const error = body as ApiError;
        throw new ApiCallError(error.error ?? `HTTP ${response.status}`, error.kind ?? 'internal');
      }
      return body;
    },
  };
}

function uploadForm({ files, ...rest }: { files: UploadedFile[] }): FormData {
  const form = new FormData();
  form.append('request', JSON.stringify(rest));
  for (const file of files) form.append('file', file.content, encodeURIComponent(file.name));
  return form;
}

/** What the Electron preload exposes on `window.rootline`. */
export interface IpcBridge {
  call(method: string, request: unknown): Promise<{ ok: true; value: unknown } | ({ ok: false } & ApiError)>;
}

/** Over IPC an upload's files travel as bytes (`{ name, bytes }`): a Blob cannot cross the bridge. */
export function ipcTransport(bridge: IpcBridge): Transport {
  return {
    async send(method, request) {
      const sent = isUploadMethod(method) ? await withBytes(request as { files: UploadedFile[] }) : request;
      const reply = await bridge.call(method, sent);
      if (!reply.ok) throw new ApiCallError(reply.error, reply.kind);
      return reply.value;
    },
  };
}

async function withBytes({ files, ...rest }: { files: UploadedFile[] }): Promise<unknown> {
  const sent = [];
  for (const file of files) sent.push({ name: file.name, bytes: new Uint8Array(await file.content.arrayBuffer()) });
  return { ...rest, files: sent };
}
