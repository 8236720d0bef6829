/** Structural patterns per domain (the paper's Table 1), and how a domain grows. */
import type { Relation } from '../../domain/vocabulary.js';

/** Vertical: deep refinement chains around few anchors. Horizontal: shallow aggregation of many leaves. */
export type DomainShape = 'vertical' | 'horizontal' | 'mixed';

export interface DomainPattern {
  domain: string;
  datasets: number;
  /** Mean lineage depth (0 = no upstream). */
  avgDepth: number;
  /** Mean number of distinct upstream datasets. */
  avgInDegree: number;
  /** Mean number of distinct downstream datasets. */
  avgOutDegree: number;
  /** Share of datasets with no upstream (the paper's "leaf" share: leaves of the upstream tree). */
  leafShare: number;
  maxDepth: number;
  /** Edges into this domain's datasets, by relation. */
  relations: Record<Relation, number>;
  shape: DomainShape;
}

export interface PatternsReport {
  domains: DomainPattern[];
  /** The same figures over every dataset that carries a domain: the yardstick for a domain's shape. */
  overall: Omit<DomainPattern, 'domain' | 'shape'>;
}
