import type { OverlapEdgeView, OverlapResult } from '../../../../shared/api/contract.js';

export type OverlapList = 'discovered' | 'contradicted' | 'confirmed' | 'explained';

export interface OverlapState {
  /** The folder typed in the view; empty means the one the app was started with. */
  folder: string;
  minContainment: number;
  running: boolean;
  result: OverlapResult | null;
  error: string | null;
}

export type { OverlapEdgeView, OverlapResult };
