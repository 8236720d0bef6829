import type { AbstractGraph } from 'graphology-types';
import type { Dataset } from '../../../../shared/domain/model.js';
import type { GraphData } from '../../../../shared/api/contract.js';

export interface NodeView {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** The colour group (Math, Code, General, Science, Other). */
  domain: string;
  /** The dataset's own domains, as written. */
  domains: string[];
  kind: Dataset['kind'];
  year: number | null;
  downstreamCount: number;
  /** Datasets it is connected to, upstream and downstream: how much of a hub it is. */
  degree: number;
  /** Set while a layout must not move the node (benchmarks are kept apart). */
  fixed?: boolean;
  /** The whole name, where the label is shortened (layered view). */
  fullLabel?: string;
  /** A group of datasets in the layered view, opened on click. */
  group?: { key: string; members: number };
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

/** How the overview's positions came about on this load. */
export type LayoutSource = 'saved' | 'computing' | 'computed' | 'running';

export interface GraphState {
  data: GraphData | null;
  graph: DisplayGraph | null;
  /** Dataset id → name, for every list that names a dataset. */
  names: Map<string, string>;
  /** Bumped whenever the graph or its positions change, so the view refreshes. */
  version: number;
  loading: boolean;
  layoutRunning: boolean;
  layout: LayoutSource;
  /** Datasets placed near their neighbours on this load (they had no saved position). */
  placed: number;
  /** Milliseconds from asking for the graph to its first frame on screen. */
  firstFrameMs: number | null;
  /** The same moment, in milliseconds since the page started loading. */
  firstFrameAt: number | null;
  error: string | null;
}
