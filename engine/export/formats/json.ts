/** The lineage graph as one JSON document: nodes (datasets) and edges with their evidence. */
import { writeFileAtomic } from '../atomic.js';
import type { ExportFormat } from '../types.js';

export const jsonFormat: ExportFormat = {
  id: 'json',
  description: 'the graph as JSON: {"nodes": [...], "edges": [... with evidence]}',
  write(project, request) {
    const edges = project.edges.all({ withEvidence: true });
    writeFileAtomic(request.out, `${JSON.stringify({ nodes: project.datasets.all(), edges }, null, 2)}\n`, request);
    return [request.out];
  },
};
