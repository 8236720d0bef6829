/**
 * The API between the desktop app's renderer and the engine: every method, its request and its reply.
 * The engine implements it (engine/api/), the CLI serves it over HTTP, Electron over IPC; the renderer
 * calls it through `ApiClient` and never learns which.
 */
import type { Dataset, Document, Evidence, SampleOverlap } from '../domain/model.js';
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
  /** The file's bytes (a browser `File` is a Blob): streamed as multipart over HTTP, sent as bytes over IPC. */
  content: Blob;
}

export interface IngestFileResult {
  file: string;
  status: 'ingested' | 'unchanged' | 'failed' | 'skipped';
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

/** An edge the sample overlap found, confirmed, contradicted or explained (engine/analyses/overlap/). */
export interface OverlapEdgeView {
  /** The edge in the graph; null for overlaps other lineage explains. */
  edgeId: number | null;
  upstream: string;
  downstream: string;
  relation: Relation;
  status: EdgeStatus | null;
  confidence: number;
  /** The figures in words, as the evidence states them. */
  statement: string;
  overlap: SampleOverlap;
  /** For an explained overlap: the datasets in between. */
  via?: string[];
}

export interface OverlapResult {
  folder: string;
  datasets: Array<{ id: string; name: string; samples: number; read: boolean }>;
  discovered: OverlapEdgeView[];
  contradicted: OverlapEdgeView[];
  confirmed: OverlapEdgeView[];
  explained: OverlapEdgeView[];
  /** Files whose dataset is not in the project. */
  unresolved: string[];
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
  /** Lineage from the sample files under `samples` (default: the folder the app was started with); writes proposals. */
  overlap: [{ samples?: string; minContainment?: number }, OverlapResult];
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M][0];
export type ApiReply<M extends ApiMethod> = ApiMethods[M][1];

export const API_METHODS: readonly ApiMethod[] = [
  'projectInfo', 'graph', 'dataset', 'edge', 'document', 'reviewEdge', 'setEdgeRelation',
  'extractors', 'ingestDocuments', 'patterns', 'contamination', 'redundancy', 'overlap', ...AUDIT_API_METHODS,
];

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/**
 * Methods whose request carries files in `files`. Over HTTP they are one multipart/form-data request: a
 * `request` field with the rest of the request as JSON, then one `file` part per file whose filename is
 * the file's name URI-encoded (`encodeURIComponent`); the server streams the files to disk.
 */
export const UPLOAD_METHODS = ['ingestDocuments'] as const satisfies readonly ApiMethod[];
export type UploadMethod = (typeof UPLOAD_METHODS)[number];

export function isUploadMethod(name: string): name is UploadMethod {
  return (UPLOAD_METHODS as readonly string[]).includes(name);
}

/** What an upload may hold; beyond these the server answers 413 (too large) before reading further. */
export const UPLOAD_LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  requestBytes: 256 * 1024 * 1024,
  files: 10_000,
  /** Longest name of one file or folder, in UTF-8 bytes (what file systems allow). */
  namePartBytes: 255,
  /** Longest relative path, in UTF-8 bytes. */
  nameBytes: 1024,
} as const;

/** How an error crosses the boundary: a user error (bad input) or an internal one. */
export interface ApiError {
  error: string;
  kind: 'user' | 'internal';
}

/** The header that carries the session token in browser mode. */
export const TOKEN_HEADER = 'x-rootline-token';
/** The IPC channel in Electron. */
export const IPC_CHANNEL = 'rootline:api';
