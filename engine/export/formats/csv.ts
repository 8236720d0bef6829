/** The lineage graph as two CSV files beside each other: `<name>.nodes.csv` and `<name>.edges.csv`. */
import { writeFilesAtomic } from '../atomic.js';
import { safeCsv } from '../safe-csv.js';
import type { ExportFormat } from '../types.js';
import { graphRows } from './graph-data.js';

export const csvFormat: ExportFormat = {
  id: 'csv',
  description: 'the graph as <out>.nodes.csv and <out>.edges.csv',
  write(project, request) {
    const base = request.out.replace(/\.csv$/i, '');
    const { nodes, edges } = graphRows(project);
    const nodeRows = nodes.map((n) => ({
      id: n.id, name: n.name, kind: n.kind, domains: n.domains.join(';'), release_date: n.releaseDate ?? '', license: n.license ?? '',
      size: n.size ?? '', data_type: n.dataType ?? '', visibility: n.visibility, aliases: n.aliases.join(';'), url: n.url ?? '', summary: n.summary ?? '',
    }));
    const files = [
      { path: `${base}.nodes.csv`, content: safeCsv(nodeRows) },
      { path: `${base}.edges.csv`, content: safeCsv(edges) },
    ];
    writeFilesAtomic(files, request);
    return files.map((f) => f.path);
  },
};
