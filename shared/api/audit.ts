/**
 * The audit methods of the API (the CLI's verbs in the app): review at scale, kept positions, folders
 * on this machine, sampling, licenses, the report, tracing and sample-level scans. Long ones are jobs
 * (shared/api/jobs.ts).
 */
import type { Relation } from '../domain/vocabulary.js';
import type { LicenseReport } from '../licenses/conflicts.js';
import type { QuotaStrategy } from '../sampling/quotas.js';
import type { Diversity } from '../sampling/diversity.js';
import type { ReviewFilter } from '../review/filter.js';
import type { GraphData, GraphEdge } from './contract.js';
import type { JobView } from './jobs.js';

export interface ReviewQueueItem extends GraphEdge {
  /** Where the evidence came from: `paper`, `dpi`, `builtin`, `model`, `hybrid` (shared/review/filter.ts). */
  origins: string[];
  /** The first evidence's origin or document: `Paper (graph.jsonl:12)`, `samples/cards/x.md`. */
  source: string | null;
  /** Why it waits for a person. */
  reasons: string[];
}

export interface ReviewQueuePage {
  /** The first `limit` edges that match, least confident first. */
  items: ReviewQueueItem[];
  matching: number;
  /** Every proposed edge, filtered or not. */
  proposed: number;
  /** Origins among all proposed edges, for the filter. */
  origins: Array<{ origin: string; count: number }>;
}

/** Node positions as kept in the project file: [dataset id, x, y]. */
export type Position = [string, number, number];

export type FolderPurpose = 'samples' | 'benchmarks' | 'library';

export interface FolderCheck {
  /** The absolute path, as the engine will read it. */
  path: string;
  /** One line for a person: "3 datasets in 4 files", "7 cards". */
  summary: string;
  datasets: Array<{ id: string; files: number }>;
  /** Files whose dataset is not in the project (sample folders). */
  unresolved: string[];
}

export interface SamplingRequest {
  samples: string;
  budget: number;
  strategy: QuotaStrategy;
  cap?: number;
  seed: number;
  /** Candidate datasets (ids or names); default: every dataset with sample files. */
  datasets?: string[];
  keepBenchmarkLineage?: boolean;
  threshold?: number;
  /** Also draw the uniform baseline and compare diversity. */
  compare?: boolean;
}

export interface RootQuota {
  root: string;
  quota: number;
  available: number;
  chosen: number;
  pools: Array<{ dataset: string; available: number; path: string[] }>;
}

export interface SamplingPlanView {
  candidates: string[];
  budget: number;
  roots: RootQuota[];
  excluded: Array<{ dataset: string; reason: string }>;
}

export interface SamplingView extends SamplingPlanView {
  samples: number;
  dropped: { exactDuplicates: number; nearDuplicates: number };
  comparison: { lineageAware: Diversity; uniform: Diversity } | null;
  /** The first chosen samples, for a look before exporting. */
  preview: Array<{ dataset: string; id: string; root: string; file: string; row: number }>;
}

export interface SampleListFile {
  name: string;
  text: string;
  samples: number;
}

export interface ModelProviderView {
  provider: string;
  description: string;
  state: string;
  endpoint: string | null;
  models: string[];
  message: string;
}

export interface TraceRequest {
  /** Dataset names or ids (in the project, the library, or well known). */
  seeds: string[];
  library?: string;
  /** builtin, ollama:NAME or openai:NAME. */
  model: string;
  hybrid?: boolean;
  maxDepth?: number;
  maxDatasets?: number;
  maxCalls?: number;
  maxMinutes?: number;
  reviewThreshold?: number;
  /** A new run even if an unfinished one of the same seeds and model could be resumed. */
  newRun?: boolean;
  /** The Hugging Face Hub and arXiv, and a model server on another machine (off by default). */
  online?: boolean;
  ollamaHost?: string;
  openaiBaseURL?: string;
}

export interface TraceSummary {
  runId: number;
  resumed: boolean;
  status: string;
  stopReason: string | null;
  extractor: string;
  seeds: string[];
  queue: { done: number; failed: number; skipped: number; pending: number; noDocuments: number };
  datasetsTraced: number;
  newEdges: number;
  newEvidence: number;
  modelCalls: number;
  droppedClaims: number;
  reviewQueue: number;
  seconds: number;
}

export interface TraceRunView {
  id: number;
  seeds: string[];
  extractor: string;
  status: string;
  stopReason: string | null;
  startedAt: string;
  updatedAt: string;
  library: string | null;
  queue: { done: number; pending: number; failed: number; skipped: number };
  /** Paused or interrupted: starting it again continues where it stopped. */
  resumable: boolean;
}

export interface ContaminationScanRequest {
  samples: string;
  benchmarks: string;
  ngram?: number;
  minOverlap?: number;
}

export interface SampleContaminationView {
  benchmarks: Array<{
    benchmark: string;
    items: number;
    skippedShortItems: number;
    datasets: Array<{
      dataset: string;
      samples: number;
      itemsFound: number;
      ratio: number;
      /** The lineage path from the benchmark to this dataset, when the graph has one. */
      path: string[] | null;
      hits: Array<{ item: string; text: string; samples: string[]; overlap: number; exact: boolean }>;
    }>;
  }>;
  unresolved: string[];
}

export interface DuplicatesScanRequest {
  samples: string;
  /** Only these datasets (ids or names); default: every dataset with files. */
  datasets?: string[];
  threshold?: number;
}

export interface DuplicatesView {
  perDataset: Array<{ dataset: string; samples: number; exactDuplicates: number; exactDuplicateRate: number; nearDuplicates: number; nearDuplicateRate: number }>;
  crossDataset: Array<{ datasets: [string, string]; exactShared: number; nearShared: number; examples: Array<{ a: string; b: string; similarity: number }> }>;
  exactGroups: Array<Array<{ dataset: string; id: string }>>;
  nearPairs: Array<{ a: { dataset: string; id: string }; b: { dataset: string; id: string }; similarity: number }>;
  unresolved: string[];
}

/** Method name → [request, reply], merged into `ApiMethods`. */
export interface AuditApiMethods {
  reviewQueue: [ReviewFilter & { limit?: number }, ReviewQueuePage];
  reviewFiltered: [{ filter: ReviewFilter; status: 'accepted' | 'rejected' }, { decided: number; proposed: number }];
  positions: [Record<string, never>, { positions: Position[] }];
  /** The graph and its kept positions in one reply: what the app opens with. */
  overview: [Record<string, never>, { graph: GraphData; positions: Position[] }];
  savePositions: [{ positions: Position[] }, { saved: number }];
  checkFolder: [{ path: string; purpose: FolderPurpose }, FolderCheck];
  job: [{ id: string; after?: number }, JobView];
  cancelJob: [{ id: string }, JobView];
  startSamplingPlan: [SamplingRequest, JobView<SamplingPlanView>];
  startSampling: [SamplingRequest, JobView<SamplingView>];
  sampleList: [{ job: string; format: 'jsonl' | 'csv' }, SampleListFile];
  licenses: [Record<string, never>, LicenseReport];
  report: [Record<string, never>, { name: string; html: string }];
  models: [{ ollamaHost?: string; openaiBaseURL?: string; online?: boolean }, ModelProviderView[]];
  traceRuns: [Record<string, never>, TraceRunView[]];
  startTrace: [TraceRequest, JobView<TraceSummary>];
  resumeTrace: [{ runId: number }, JobView<TraceSummary>];
  startContaminationScan: [ContaminationScanRequest, JobView<SampleContaminationView>];
  startDuplicatesScan: [DuplicatesScanRequest, JobView<DuplicatesView>];
}

export const AUDIT_API_METHODS: ReadonlyArray<keyof AuditApiMethods> = [
  'reviewQueue', 'reviewFiltered', 'positions', 'overview', 'savePositions', 'checkFolder', 'job', 'cancelJob', 'startSamplingPlan', 'startSampling',
  'sampleList', 'licenses', 'report', 'models', 'traceRuns', 'startTrace', 'resumeTrace', 'startContaminationScan', 'startDuplicatesScan',
];

export type { Relation, ReviewFilter };
