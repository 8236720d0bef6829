/** The desktop app's policies as plain values, so they can be tested without Electron. */

export { APP_CONTENT_SECURITY_POLICY as CONTENT_SECURITY_POLICY } from '../shared/api/csp.js';

/** Links a person may open in their browser (only https, only these hosts); everything else is ignored. */
export const EXTERNAL_LINK_HOSTS = ['huggingface.co', 'github.com', 'arxiv.org', 'doi.org', 'aclanthology.org'];

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_LINK_HOSTS.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
  } catch {
    return false;
  }
}
