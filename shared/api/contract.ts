/**
 * The API between the desktop app's renderer and the engine: every method, its request and its reply.
 * The engine implements it (engine/api/), the CLI serves it over HTTP, Electron over IPC; the renderer
 * calls it through `ApiClient` and never learns which.
 */
import type { Dataset, Document, Evidence } from '../domain/model.js';
import type { EdgeStatus, Relation } from '../domain/vocabulary.js';
import type { PatternsReport } from '../analyses/patterns/types.js';
import { AUDIT_API_METHODS, type AuditApiMethods } from './audit.js';

export interface ProjectInfo {
  file: string;
  datasets: number;
  edges: number;
  proposed: number;
  documents: number;
}

export interface GraphEdge {
  id: number;
  upstream: string;
  downstream: string;
  relation: Relation;
  confidence: number;
  status: EdgeStatus;
}

export interface GraphData {
  nodes: Dataset[];
  edges: GraphEdge[];
}

/** An edge's evidence as the app shows it: the stored finding without its timestamp. */
export type EvidenceView = Omit<Evidence, 'createdAt'>;

export interface EdgeDetail extends GraphEdge {
  evidence: EvidenceView[];
}

export interface DatasetDetail {
  dataset: Dataset;
  upstream: GraphEdge[];
  downstream: GraphEdge[];
}

export interface UploadedFile {
  /** The path relative to what was dropped: `acme-math-tutor/README.md`; folders keep their structure. */
  name: string;
  text: string;
}

export interface IngestFileResult {
  file: string;
  status: 'ingested' | 'unchanged' | 'failed';
  dataset?: string;
  message?: string;
}

export interface IngestResult {
  files: IngestFileResult[];
  newDatasets: number;
  newEdges: number;
}

/** An extractor the Runs view can offer; model providers join this list when the pipeline lands. */
export interface ExtractorChoice {
  id: string;
  name: string;
  available: boolean;
  note?: string;
}

export interface ContaminationPath {
  benchmark: string;
  benchmarkName: string;
  datasets: Array<{ id: string; depth: number; split: string; path: string[] }>;
}

export interface RedundancyResult {
  mix: string[];
  missing: string[];
  score: number;
  sharedAncestry: Array<{ members: [string, string]; ancestors: string[] }>;
  nested: Array<{ included: string; via: string }>;
}

/** Method name → [request, reply]; the audit methods are in audit.ts. */
export interface ApiMethods extends AuditApiMethods {
  projectInfo: [Record<string, never>, ProjectInfo];
  graph: [Record<string, never>, GraphData];
  dataset: [{ id: string }, DatasetDetail];
  edge: [{ id: number }, EdgeDetail];
  document: [{ id: number }, Document];
  reviewEdge: [{ id: number; status: EdgeStatus }, GraphEdge];
  setEdgeRelation: [{ id: number; relation: Relation }, GraphEdge];
  extractors: [Record<string, never>, ExtractorChoice[]];
  ingestDocuments: [{ files: UploadedFile[]; extractor?: string }, IngestResult];
  patterns: [Record<string, never>, PatternsReport];
  contamination: [Record<string, never>, ContaminationPath[]];
  redundancy: [{ mix: string[] }, RedundancyResult];
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M][0];
export type ApiReply<M extends ApiMethod> = ApiMethods[M][1];

export const API_METHODS: readonly ApiMethod[] = [
  'projectInfo', 'graph', 'dataset', 'edge', 'document', 'reviewEdge', 'setEdgeRelation',
  'extractors', 'ingestDocuments', 'patterns', 'contamination', 'redundancy', ...AUDIT_API_METHODS,
];

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/** How an error crosses the boundary: a user error (bad input) or an internal one. */
export interface ApiError {
  error: string;
  kind: 'user' | 'internal';
}

/** The header that carries the session token in browser mode. */
export const TOKEN_HEADER = 'x-rootline-token';
/** The IPC channel in Electron. */
export const IPC_CHANNEL = 'rootline:api';
