/**
 * Offline by default: every request Rootline makes goes through a fetch guarded by this policy, which
 * refuses any address that is not this machine unless the user turned online mode on.
 */
import { UserError } from '../../shared/errors.js';

export interface NetworkPolicy {
  /** The user turned online mode on (`--online`): the Hugging Face Hub, arXiv and remote model servers are allowed. */
  online: boolean;
  /** A model server on another machine is allowed without the rest of online mode (`--allow-remote-model`). */
  allowRemoteModel?: boolean;
}

export const OFFLINE: NetworkPolicy = { online: false };

/** Raised before any connection is attempted to an address the policy does not allow. */
export class OfflineError extends UserError {
  constructor(readonly host: string, purpose: string, hint: string) {
    super(`offline mode: refusing to contact ${host} (${purpose}); ${hint}`);
  }
}

/**
 * True for this machine: `localhost`, 127.0.0.0/8, ::1 (and its IPv4-mapped form), and 0.0.0.0, which
 * a client connecting to reaches the local host.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '0.0.0.0') return true;
  const v4 = host.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that checks each URL against the policy before connecting. `remoteAllowed` says whether this
 * caller may leave the machine (online fetchers: `policy.online`; model clients: online or allowRemoteModel).
 */
export function guardedFetch(options: { remoteAllowed: boolean; purpose: string; hint: string; fetch?: FetchLike }): FetchLike {
  const base: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let hostname: string;
    try {
      hostname = new URL(url).hostname;
    } catch {
      return Promise.reject(new UserError(`not a valid URL: ${url}`));
    }
    if (!options.remoteAllowed && !isLoopbackHost(hostname)) {
      return Promise.reject(new OfflineError(hostname, options.purpose, options.hint));
    }
    return base(input, init);
  };
}

export function modelRemoteAllowed(policy: NetworkPolicy): boolean {
  return policy.online || Boolean(policy.allowRemoteModel);
}
