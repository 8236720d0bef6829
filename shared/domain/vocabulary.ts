/** The closed vocabularies of the lineage model: relation types, domains, kinds and statuses. */

/** The paper's five relation types (Tracing the Roots, §3). */
export const RELATIONS = [
  'Semantic Evolution',
  'CoT Distillation',
  'Synthetic Generation',
  'Structured Fusion',
  'Direct Inclusion/Subset',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The paper's default when a text says data was used but not how. */
export const DEFAULT_RELATION: Relation = 'Direct Inclusion/Subset';

/** Built-in domains; users may add their own, so a domain is any non-empty string. */
export const BUILTIN_DOMAINS = ['Math', 'Code', 'General', 'Science'] as const;
export type Domain = string;

export const DATASET_KINDS = ['dataset', 'benchmark'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const DATA_TYPES = ['synthetic', 'manual'] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const VISIBILITIES = ['private', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const EDGE_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type EdgeStatus = (typeof EDGE_STATUSES)[number];

/** Evidence is a quote read in a document, or figures measured in the datasets' sample files. */
export const EVIDENCE_KINDS = ['quote', 'data'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const DOCUMENT_KINDS = ['card', 'readme', 'paper', 'blog', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isRelation(value: string): value is Relation {
  return (RELATIONS as readonly string[]).includes(value);
}
