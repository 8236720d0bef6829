/**
 * A fake Hugging Face Hub and arXiv export API on one local server: GET /api/datasets/{org}/{name} (dataset
 * info as the hub returns it), GET /datasets/{org}/{name}/resolve/main/README.md, and GET
 * /api/query?id_list=… (an Atom feed). Unknown datasets are 404, gated ones 401.
 */
import { sendJson, startServer, type FakeServer } from './http.js';

export interface FakeHubDataset {
  id: string;
  readme?: string;
  createdAt?: string;
  license?: string;
  tags?: string[];
  gated?: boolean;
}

export interface FakePaper {
  id: string;
  title: string;
  summary: string;
  published: string;
}

export async function startFakeHub(options: { datasets: FakeHubDataset[]; papers?: FakePaper[] }): Promise<FakeServer> {
  const byId = new Map(options.datasets.map((d) => [d.id, d]));
  return startServer((request, res) => {
    const url = new URL(request.path, 'http://fake');
    const info = /^\/api\/datasets\/(.+)$/.exec(url.pathname);
    const readme = /^\/datasets\/(.+)\/resolve\/main\/README\.md$/.exec(url.pathname);
    const id = decodeURIComponent((info ?? readme)?.[1] ?? '');
    const dataset = byId.get(id);
    if (info || readme) {
      if (!dataset) return sendJson(res, 404, { error: 'Repository not found' });
      if (dataset.gated) return sendJson(res, 401, { error: 'Access to this dataset is restricted' });
    }
    if (info && dataset) {
      return sendJson(res, 200, {
        _id: `64${'0'.repeat(22)}`,
        id: dataset.id,
        author: dataset.id.split('/')[0],
        sha: 'f'.repeat(40),
        createdAt: dataset.createdAt ?? '2023-06-01T00:00:00.000Z',
        lastModified: '2024-01-01T00:00:00.000Z',
        private: false,
        gated: false,
        disabled: false,
        downloads: 1234,
        likes: 56,
        tags: dataset.tags ?? [],
        cardData: { license: dataset.license ?? 'mit', pretty_name: dataset.id.split('/')[1] },
        siblings: [{ rfilename: 'README.md' }],
      });
    }
    if (readme && dataset) {
      if (!dataset.readme) return sendJson(res, 404, { error: 'Entry not found' });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(dataset.readme);
      return;
    }
    if (url.pathname === '/api/query') {
      const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
      const entries = (options.papers ?? [])
        .filter((p) => ids.includes(p.id))
        .map(
          (p) => `  <entry>
    <id>http://arxiv.org/abs/${p.id}v1</id>
    <updated>${p.published}T00:00:00Z</updated>
    <published>${p.published}T00:00:00Z</published>
    <title>${escape(p.title)}</title>
    <summary>${escape(p.summary)}</summary>
    <author><name>A. Author</name></author>
  </entry>`,
        );
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title type="html">ArXiv Query</title>\n${entries.join('\n')}\n</feed>\n`);
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
