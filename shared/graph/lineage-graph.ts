/** The lineage graph as a graphology graph: datasets are nodes, edges point upstream → downstream. */
import { DirectedGraph } from 'graphology';
import type { Dataset } from '../domain/model.js';
import type { EdgeStatus, Relation } from '../domain/vocabulary.js';

export type DatasetNode = Omit<Dataset, 'id'>;

/** Which split of the upstream the evidence says was used: matters when the upstream is a benchmark. */
export type SplitUse = 'train' | 'test' | 'both' | 'unknown';

export interface LineageEdge {
  relation: Relation;
  confidence: number;
  status: EdgeStatus;
  split: SplitUse;
}

export type LineageGraph = DirectedGraph<DatasetNode, LineageEdge>;

export interface LineageGraphInput {
  nodes: Dataset[];
  edges: Array<{ upstream: string; downstream: string; relation: Relation; confidence: number; status: EdgeStatus; split?: SplitUse }>;
}

/** Builds the graph; rejected edges are left out unless asked for, as a person ruled them wrong. */
export function buildLineageGraph(input: LineageGraphInput, options: { includeRejected?: boolean } = {}): LineageGraph {
  const graph: LineageGraph = new DirectedGraph<DatasetNode, LineageEdge>({ allowSelfLoops: true });
  for (const { id, ...attributes } of input.nodes) graph.mergeNode(id, attributes);
  for (const edge of input.edges) {
    if (edge.status === 'rejected' && !options.includeRejected) continue;
    for (const id of [edge.upstream, edge.downstream]) if (!graph.hasNode(id)) graph.addNode(id, placeholder(id));
    graph.mergeDirectedEdge(edge.upstream, edge.downstream, {
      relation: edge.relation,
      confidence: edge.confidence,
      status: edge.status,
      split: edge.split ?? 'unknown',
    });
  }
  return graph;
}

function placeholder(id: string): DatasetNode {
  return { name: id, aliases: [], domains: [], kind: 'dataset', releaseDate: null, license: null, size: null, summary: null, dataType: null, visibility: 'public', languages: [], creators: [], url: null };
}
