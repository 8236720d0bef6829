/** The part of graphology-layout-forceatlas2's synchronous API the first layout uses. */
import type { AbstractGraph } from 'graphology-types';

export interface IForceAtlas2Layout {
  assign(graph: AbstractGraph, params: { iterations: number; settings?: Record<string, unknown> }): void;
  inferSettings(graph: AbstractGraph): Record<string, unknown>;
}
