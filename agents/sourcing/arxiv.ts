/** arXiv abstracts, online mode only, from the export API's Atom feed. The endpoint is injectable. */
import type { FetchLike } from '../network/policy.js';
import { trimEndOf } from '../../shared/text/trim.js';

export const DEFAULT_ARXIV_ENDPOINT = 'https://export.arxiv.org';

export interface ArxivPaper {
  id: string;
  title: string;
  summary: string;
  /** YYYY-MM-DD. */
  published?: string;
}

export interface ArxivClient {
  endpoint: string;
  abstracts(ids: string[], signal?: AbortSignal): Promise<ArxivPaper[]>;
}

export function arxivClient(options: { fetch: FetchLike; endpoint?: string; timeoutMs?: number }): ArxivClient {
  const endpoint = trimEndOf(options.endpoint ?? DEFAULT_ARXIV_ENDPOINT, '/');
  return {
    endpoint,
    async abstracts(ids, signal) {
      if (ids.length === 0) return [];
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
      const url = `${endpoint}/api/query?id_list=${ids.map(encodeURIComponent).join(',')}&max_results=${ids.length}`;
      const response = await options.fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      if (!response.ok) throw new Error(`arXiv answered ${response.status}`);
      return parseAtom(await response.text());
    },
  };
}

/** The entries of an arXiv Atom feed (just the fields Rootline reads). */
export function parseAtom(xml: string): ArxivPaper[] {
  const papers: ArxivPaper[] = [];
  for (const entry of elements(xml, 'entry')) {
    const field = (tag: string) => {
      const element = elements(entry, tag)[0];
      const body = element?.slice(element.indexOf('>') + 1, -`</${tag}>`.length);
      return body === undefined ? undefined : decodeXml(body).replace(/\s+/g, ' ').trim();
    };
    const idUrl = field('id') ?? '';
    const id = /(\d{4}\.\d{4,5})/.exec(idUrl)?.[1];
    const title = field('title');
    const summary = field('summary');
    if (!id || !title || !summary) continue;
    papers.push({ id, title, summary, published: field('published')?.slice(0, 10) });
  }
  return papers;
}

/** Each `<tag …>…</tag>` of `xml`, found by searching forward only (a lazy regex rescans to the end from every unclosed tag). */
function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const close = `</${tag}>`;
  const open = new RegExp(`<${tag}\\b`, 'g');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const end = xml.indexOf(close, m.index);
    if (end < 0) break;
    out.push(xml.slice(m.index, end + close.length));
    open.lastIndex = end + close.length;
  }
  return out;
}

/** CDATA sections unwrapped, searching forward only. */
function withoutCdata(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<![CDATA['); open >= 0; open = text.indexOf('<![CDATA[', at)) {
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) break;
    out += text.slice(at, open) + text.slice(open + 9, close);
    at = close + 3;
  }
  return out + text.slice(at);
}

function decodeXml(text: string): string {
  return withoutCdata(text)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}
