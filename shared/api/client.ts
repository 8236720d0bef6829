/** The renderer's API client: one call shape over either transport (HTTP in a browser, IPC in Electron). */
import type { ApiError, ApiMethod, ApiReply, ApiRequest } from './contract.js';
import { TOKEN_HEADER } from './contract.js';

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

/** Browser mode: JSON POST /api/<method>, the session token in a header. */
export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async send(method, request) {
      const response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
      });
      const body = (await response.json()) as unknown;
      if (!response.ok) {
        const error = body as ApiError;
        throw new ApiCallError(error.error ?? `HTTP ${response.status}`, error.kind ?? 'internal');
      }
      return body;
    },
  };
}

/** What the Electron preload exposes on `window.rootline`. */
export interface IpcBridge {
  call(method: string, request: unknown): Promise<{ ok: true; value: unknown } | ({ ok: false } & ApiError)>;
}

export function ipcTransport(bridge: IpcBridge): Transport {
  return {
    async send(method, request) {
      const reply = await bridge.call(method, request);
      if (!reply.ok) throw new ApiCallError(reply.error, reply.kind);
      return reply.value;
    },
  };
}
