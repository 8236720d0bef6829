import type { IngestResult } from '../../../../shared/api/contract.js';

export type RunPhase = 'idle' | 'reading' | 'extracting' | 'done' | 'failed';

export interface RunsState {
  phase: RunPhase;
  /** Files read so far, and how many were dropped. */
  read: number;
  total: number;
  extractor: string;
  result: IngestResult | null;
  error: string | null;
}
