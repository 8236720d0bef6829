/** The API contract (shared/api/) implemented over one open project. Transports (HTTP, IPC) call `handle`. */
import type { ApiMethod, ApiMethods, GraphEdge, UploadMethod } from '../../shared/api/contract.js';
import { isUploadMethod } from '../../shared/api/contract.js';
import { REQUEST_SCHEMAS } from '../../shared/api/schemas.js';
import { structuralPatterns } from '../../shared/analyses/patterns/index.js';
import { contaminationMap } from '../../shared/analyses/contamination/index.js';
import { structuralRedundancy } from '../../shared/analyses/redundancy/structural.js';
import { licenseReport } from '../../shared/licenses/conflicts.js';
import { UserError } from '../../shared/errors.js';
import { lineageGraphOf } from '../analyses/graph.js';
import { auditReportHtml } from '../export/report.js';
import type { Project } from '../project.js';
import type { StoredEdge } from '../store/edges.js';
import { checkFolder } from './folders.js';
import { JobManager } from './jobs.js';
import { runOverlap } from './overlap.js';
import { reviewHandlers } from './review.js';
import { samplingHandlers } from './sampling.js';
import { scanHandlers } from './scans.js';
import { tracingHandlers } from './tracing.js';
import type { Handlers } from './types.js';
import type { UploadFolder } from './uploads.js';

/** The person behind changes made in the app, as the audit log names them. */
const APP_ACTOR = 'app';

export interface HandlerOptions {
  /** The folder of sample files the overlap analysis reads when the app names none (`serve --samples`). */
  samples?: string;
  /** Where long work (traces, scans, sampling) runs; its owner cancels it when the project closes. */
  jobs?: JobManager;
}

export function createHandlers(project: Project, options: HandlerOptions = {}): Handlers {
  const jobs = options.jobs ?? new JobManager();
  const graph = () => ({ nodes: project.datasets.all(), edges: project.edges.all({ withEvidence: false }).map(toGraphEdge) });
  return {
    projectInfo: () => ({
      file: project.file,
      datasets: project.datasets.count(),
      edges: project.edges.count(),
      proposed: project.edges.proposed().length,
      documents: project.documents.count(),
    }),
    graph,
    dataset: ({ id }) => {
      const datasetId = project.requireDataset(id);
      const edges = project.edges.all({ withEvidence: false });
      return {
        dataset: project.datasets.get(datasetId)!,
        upstream: edges.filter((e) => e.downstream === datasetId).map(toGraphEdge),
        downstream: edges.filter((e) => e.upstream === datasetId).map(toGraphEdge),
      };
    },
    edge: ({ id }) => {
      const edge = requireEdge(project, id);
      return { ...toGraphEdge(edge), evidence: edge.evidence.map(({ createdAt: _c, ...rest }) => rest) };
    },
    document: ({ id }) => {
      const document = project.documents.get(id);
      if (!document) throw new UserError(`no document #${id} in ${project.file}`);
      return document;
    },
    reviewEdge: ({ id, status }) => {
      project.reviewEdge(id, status, APP_ACTOR);
      return toGraphEdge(requireEdge(project, id));
    },
    setEdgeRelation: ({ id, relation }) => {
      project.setEdgeRelation(id, relation, APP_ACTOR);
      return toGraphEdge(requireEdge(project, id));
    },
    extractors: () => [
      { id: 'builtin', name: 'Built-in extractor (no model, offline)', available: true },
    ],
    ingestDocuments: ({ files, extractor }) => {
      if (extractor && extractor !== 'builtin') throw new UserError(`extractor "${extractor}" is not available for dropped files: trace them with a model instead`);
      return files.ingest(project);
    },
    patterns: () => structuralPatterns(lineageGraphOf(project)),
    contamination: () =>
      contaminationMap(lineageGraphOf(project)).map((radius) => ({
        benchmark: radius.benchmark,
        benchmarkName: radius.name,
        datasets: radius.datasets.map((d) => ({ id: d.id, depth: d.depth, split: d.split, path: d.path.map((step) => step.id) })),
      })),
    redundancy: ({ mix }) => {
      const ids = mix.map((name) => project.datasets.resolve(name) ?? name);
      const result = structuralRedundancy(lineageGraphOf(project), ids);
      return {
        mix: result.mix,
        missing: result.missing,
        score: result.score,
        sharedAncestry: result.sharedAncestry.map((s) => ({ members: s.members, ancestors: s.ancestors.map((a) => a.ancestor) })),
        nested: result.nested.map((n) => ({ included: n.included, via: n.via })),
      };
    },
    overlap: (request) => runOverlap(project, request, options.samples),
    ...reviewHandlers(project, APP_ACTOR),
    positions: () => ({ positions: project.positions.all() }),
    overview: () => ({ graph: graph(), positions: project.positions.all() }),
    savePositions: ({ positions }) => ({ saved: project.positions.save(positions) }),
    checkFolder: ({ path, purpose }) => checkFolder(project, path, purpose),
    job: ({ id, after }) => jobs.view(id, after),
    cancelJob: ({ id }) => jobs.cancel(id),
    licenses: () => licenseReport(lineageGraphOf(project)),
    report: () => ({ name: `${reportName(project.file)}-report.html`, html: auditReportHtml(project) }),
    ...samplingHandlers(project, jobs),
    ...tracingHandlers(project, jobs),
    ...scanHandlers(project, jobs),
  };
}

/** Checks the request against its schema, then runs the method; bad requests are user errors. */
export async function handle(handlers: Handlers, method: ApiMethod, request: unknown): Promise<unknown> {
  if (isUploadMethod(method)) throw new UserError(`${method} carries files: send them as multipart/form-data`);
  const run = handlers[method] as (request: unknown) => unknown;
  return await run(checked(method, request));
}

/** The same for a method whose files are already in `files`; the caller disposes of the folder. */
export async function handleUpload(handlers: Handlers, method: UploadMethod, request: unknown, files: UploadFolder): Promise<unknown> {
  const run = handlers[method] as (request: unknown) => unknown;
  return await run({ ...(checked(method, request) as object), files });
}

function checked(method: ApiMethod, request: unknown): unknown {
  const parsed = REQUEST_SCHEMAS[method].safeParse(request ?? {});
  if (!parsed.success) throw new UserError(`bad request to ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export type { Handlers, ApiMethods };

function reportName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? 'rootline').replace(/\.rootline$/, '') || 'rootline';
}

function requireEdge(project: Project, id: number): StoredEdge {
  const edge = project.edges.get(id);
  if (!edge) throw new UserError(`no edge #${id} in ${project.file}`);
  return edge;
}

function toGraphEdge(edge: StoredEdge): GraphEdge {
  return { id: edge.id, upstream: edge.upstream, downstream: edge.downstream, relation: edge.relation, confidence: edge.confidence, status: edge.status };
}
