/** The paper's own format, a folder with graph.jsonl and data.jsonl: what `import --format paper` reads back. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireFolderOf, writeFilesAtomic } from '../atomic.js';
import type { ExportFormat } from '../types.js';

export const paperFormat: ExportFormat = {
  id: 'paper',
  description: "the paper's graph.jsonl + data.jsonl, into the folder <out>",
  write(project, request) {
    const datasets = project.datasets.all();
    const data = datasets.map((d) => JSON.stringify({
      name: d.id,
      categories: d.domains,
      year: d.releaseDate,
      summary: d.summary,
      data_type: d.dataType,
      exists_on_hf: d.id.includes('/') ? 'exists' : 'unknown',
    }));
    const graph = project.edges.all({ withEvidence: true }).filter((e) => e.status !== 'rejected').map((e) => {
      const best = [...e.evidence].sort((a, b) => b.confidence - a.confidence)[0];
      return JSON.stringify({
        target: e.downstream,
        source: e.upstream,
        meta_info: JSON.stringify({ source: best?.origin ?? 'Rootline', confidence: e.confidence, relationship: e.relation, evidence: best?.quote ?? '', exists: e.upstream.includes('/') }),
      });
    });
    const files = [
      { path: join(request.out, 'data.jsonl'), content: `${data.join('\n')}\n` },
      { path: join(request.out, 'graph.jsonl'), content: `${graph.join('\n')}\n` },
    ];
    // The export's own folder is made here, one level only, inside a folder that exists.
    requireFolderOf(request.out);
    if (!existsSync(request.out)) mkdirSync(request.out);
    writeFilesAtomic(files, request);
    return files.map((f) => f.path);
  },
};
