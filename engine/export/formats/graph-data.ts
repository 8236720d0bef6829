/** The graph as plain rows, shared by the graph formats: datasets and edges with their evidence counts. */
import type { Dataset } from '../../../shared/domain/model.js';
import type { Project } from '../../project.js';

export interface EdgeRow {
  id: number;
  upstream: string;
  downstream: string;
  relation: string;
  confidence: number;
  status: string;
  evidence: number;
}

export function graphRows(project: Project): { nodes: Dataset[]; edges: EdgeRow[] } {
  const edges = project.edges.all({ withEvidence: true }).map((e) => ({
    id: e.id,
    upstream: e.upstream,
    downstream: e.downstream,
    relation: e.relation,
    confidence: e.confidence,
    status: e.status,
    evidence: e.evidence.length,
  }));
  return { nodes: project.datasets.all(), edges };
}
