/** arXiv abstracts, online mode only, from the export API's Atom feed. The endpoint is injectable. */
import type { FetchLike } from '../network/policy.js';

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
  const endpoint = (options.endpoint ?? DEFAULT_ARXIV_ENDPOINT).replace(/\/+$/, '');
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
  for (const entry of xml.match(/<entry\b[\s\S]*?<\/entry>/g) ?? []) {
    const field = (tag: string) => {
      const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(entry);
      return match ? decodeXml(match[1]!).replace(/\s+/g, ' ').trim() : undefined;
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

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}
