/**
 * The Hugging Face Hub, online mode only: a dataset's info (`/api/datasets/{id}`) and its README. The
 * endpoint is injectable (HF_ENDPOINT, a mirror, or a local fake in tests).
 */
import type { FetchLike } from '../network/policy.js';
import { trimEndOf } from '../../shared/text/trim.js';

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

export interface HubDatasetInfo {
  id: string;
  createdAt?: string;
  lastModified?: string;
  license?: string;
  tags: string[];
  gated: boolean;
}

export interface HubClient {
  endpoint: string;
  /** Undefined when the hub has no such dataset. */
  info(id: string, signal?: AbortSignal): Promise<HubDatasetInfo | undefined>;
  readme(id: string, signal?: AbortSignal): Promise<string | undefined>;
}

export class HubError extends Error {
  override readonly name = 'HubError';
}

export function hubClient(options: { fetch: FetchLike; endpoint?: string; token?: string; timeoutMs?: number }): HubClient {
  const endpoint = trimEndOf(options.endpoint ?? DEFAULT_HUB_ENDPOINT, '/');
  const headers: Record<string, string> = { 'user-agent': 'rootline/0.1 (dataset lineage)' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const get = async (path: string, signal?: AbortSignal): Promise<Response | undefined> => {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const response = await options.fetch(`${endpoint}${path}`, { headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (response.status === 404) return undefined;
    if (response.status === 401 || response.status === 403) throw new HubError(`${path}: gated or private on the hub (${response.status}); set HF_TOKEN if you have access`);
    if (!response.ok) throw new HubError(`${path}: the hub answered ${response.status}`);
    return response;
  };
  const datasetPath = (id: string) => id.split('/').map(encodeURIComponent).join('/');
  return {
    endpoint,
    async info(id, signal) {
      const response = await get(`/api/datasets/${datasetPath(id)}`, signal);
      if (!response) return undefined;
      const body = (await response.json()) as Record<string, unknown>;
      const card = (body.cardData ?? {}) as Record<string, unknown>;
      const license = Array.isArray(card.license) ? card.license.join(', ') : typeof card.license === 'string' ? card.license : undefined;
      return {
        id: typeof body.id === 'string' ? body.id : id,
        createdAt: typeof body.createdAt === 'string' ? body.createdAt : undefined,
        lastModified: typeof body.lastModified === 'string' ? body.lastModified : undefined,
        license,
        tags: Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === 'string') : [],
        gated: Boolean(body.gated),
      };
    },
    async readme(id, signal) {
      const response = await get(`/datasets/${datasetPath(id)}/resolve/main/README.md`, signal);
      return response ? await response.text() : undefined;
    },
  };
}
