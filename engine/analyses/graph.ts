/** The project's lineage as a graphology graph, with each edge's split use read from its evidence. */
import { buildLineageGraph, type LineageGraph } from '../../shared/graph/lineage-graph.js';
import { splitUse } from '../../shared/analyses/contamination/split.js';
import type { Project } from '../project.js';

export function lineageGraphOf(project: Project, options: { includeRejected?: boolean } = {}): LineageGraph {
  const edges = project.edges.all({ withEvidence: true }).map((edge) => ({ ...edge, split: splitUse(edge.evidence.map((e) => e.quote)) }));
  return buildLineageGraph({ nodes: project.datasets.all(), edges }, options);
}
