/** The lineage graph as GEXF 1.3 (Gephi), written by graphology-gexf; list attributes are joined by ";". */
import { write } from 'graphology-gexf';
import { lineageGraphOf } from '../../analyses/graph.js';
import { writeFileAtomic } from '../atomic.js';
import type { ExportFormat } from '../types.js';
import { xmlChars } from '../xml.js';

export const gexfFormat: ExportFormat = {
  id: 'gexf',
  description: 'the graph as GEXF 1.3, for Gephi',
  write(project, request) {
    const graph = lineageGraphOf(project, { includeRejected: true });
    const gexf = write(graph, {
      version: '1.3',
      formatNode: (key, a) => ({
        label: a.name,
        attributes: { kind: a.kind, domains: a.domains.join(';'), license: a.license ?? '', releaseDate: a.releaseDate ?? '', visibility: a.visibility, dataType: a.dataType ?? '' },
      }),
      formatEdge: (_key, a) => ({ attributes: { relation: a.relation, confidence: a.confidence, status: a.status, split: a.split }, weight: a.confidence }),
    });
    // graphology-gexf escapes markup but passes control characters through: the writer's own markup is
    // plain ASCII, so cleaning the whole document touches only the data.
    writeFileAtomic(request.out, xmlChars(gexf), request);
    return [request.out];
  },
};
