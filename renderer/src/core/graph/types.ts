import type { AbstractGraph } from 'graphology-types';
import type { Dataset } from '../../../../shared/domain/model.js';
import type { GraphData } from '../../../../shared/api/contract.js';

export interface NodeView {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  domain: string;
  kind: Dataset['kind'];
  year: number | null;
  downstreamCount: number;
  /** Set while a layout must not move the node (benchmarks are kept apart). */
  fixed?: boolean;
}

export interface EdgeView {
  edgeId: number;
  relation: string;
  confidence: number;
  status: string;
  color: string;
  size: number;
}

export type DisplayGraph = AbstractGraph<NodeView, EdgeView>;

export interface GraphState {
  data: GraphData | null;
  graph: DisplayGraph | null;
  /** Bumped whenever the graph or its positions change, so the view refreshes. */
  version: number;
  loading: boolean;
  layoutRunning: boolean;
  /** Milliseconds from asking for the graph to its first frame on screen. */
  firstFrameMs: number | null;
  /** The same moment, in milliseconds since the page started loading. */
  firstFrameAt: number | null;
  error: string | null;
}
