/**
 * Tracing from the app: the models that answer, the project's runs, and a trace as a job — the same
 * engine run as `rootline trace`, so a run the app started, paused or lost resumes from the project file.
 */
import type { NetworkPolicy } from '../../agents/network/policy.js';
import { parseModelSpec, PROVIDERS } from '../../agents/providers/registry.js';
import { resolveSettings, safeUrl, type ProviderSettings } from '../../agents/providers/settings.js';
import { openLibrary } from '../../agents/sourcing/library.js';
import { DEFAULT_REVIEW_THRESHOLD } from '../../agents/aggregation/review.js';
import type { TraceRequest, TraceRunView, TraceSummary } from '../../shared/api/audit.js';
import { UserError } from '../../shared/errors.js';
import type { Project } from '../project.js';
import { resolveSeeds } from '../runs/seeds.js';
import { checkModel, onlineSources, runRecord } from '../runs/setup.js';
import { DEFAULT_MAX_DEPTH, startTrace, type ExtractorMode, type TraceOptions, type TraceReport } from '../runs/trace.js';
import type { TraceEvent } from '../runs/events.js';
import { requireFolder } from './folders.js';
import type { JobContext, JobManager } from './jobs.js';
import type { MethodHandlers } from './types.js';

export function tracingHandlers(project: Project, jobs: JobManager): MethodHandlers<'models' | 'traceRuns' | 'startTrace' | 'resumeTrace'> {
  const start = async (request: TraceRequest) => {
    const running = jobs.running('trace');
    if (running.length) throw new UserError(`a trace is already running (${running[0]!.id}): cancel it or wait for it to end`);
    const { options, problems } = await prepareTrace(project, request);
    return jobs.start('trace', async (context) => {
      for (const problem of problems) context.event('warning', `library: ${problem}`);
      const handle = startTrace(project, { ...options, signal: context.signal });
      handle.on((event) => report(event, context));
      const done = await handle.done;
      return { result: summary(done), cancelled: done.stopReason === 'cancelled' };
    });
  };
  return {
    models: async (request) => {
      const settings = settingsOf(request);
      const network = networkOf(request.online);
      const statuses = await Promise.all(PROVIDERS.map((provider) => provider.status(settings, network)));
      return statuses.map((s, i) => ({ ...s, endpoint: safeUrl(s.endpoint), description: PROVIDERS[i]!.description }));
    },
    traceRuns: () => {
      const active = new Set(jobs.running('trace').map((j) => j.id));
      return project.runs.all().reverse().map((run): TraceRunView => {
        const counts = project.runs.counts(run.id);
        const library = typeof run.settings.library === 'string' ? run.settings.library : null;
        return {
          id: run.id,
          seeds: run.seeds,
          extractor: run.extractor,
          status: run.status,
          stopReason: run.stopReason,
          startedAt: run.startedAt,
          updatedAt: run.updatedAt,
          library,
          queue: { done: counts.done, pending: counts.pending + counts.working, failed: counts.failed, skipped: counts.skipped },
          resumable: (run.status === 'paused' || run.status === 'running') && active.size === 0,
        };
      });
    },
    startTrace: start,
    resumeTrace: ({ runId }) => {
      const run = project.runs.get(runId);
      if (!run) throw new UserError(`no run #${runId} in ${project.file}`);
      if (run.status === 'finished') throw new UserError(`run #${runId} has finished: there is nothing to resume`);
      const recorded = run.settings;
      const model = typeof recorded.model === 'string' ? recorded.model : run.extractor.replace(/ \(hybrid\)$/, '');
      return start({
        seeds: run.seeds,
        model,
        hybrid: recorded.mode === 'hybrid',
        library: typeof recorded.library === 'string' ? recorded.library : undefined,
        maxDepth: typeof recorded.maxDepth === 'number' ? recorded.maxDepth : undefined,
        reviewThreshold: typeof recorded.reviewThreshold === 'number' ? recorded.reviewThreshold : undefined,
        online: recorded.online === true,
        // The server the run used, as it recorded it (without credentials; a key comes from the environment again).
        ...(typeof recorded.endpoint === 'string' ? (model.startsWith('ollama:') ? { ollamaHost: recorded.endpoint } : { openaiBaseURL: recorded.endpoint }) : {}),
      });
    },
  };
}

/** Everything a run needs, checked before the job starts so that problems come back as the start call's error. */
async function prepareTrace(project: Project, request: TraceRequest) {
  const network = networkOf(request.online);
  const spec = parseModelSpec(request.model);
  if (request.hybrid && spec.provider.id === 'builtin') throw new UserError('hybrid extraction needs a model (Ollama or an OpenAI-compatible server)');
  const settings = settingsOf(request);
  const model = spec.provider.connect(spec.model, settings, network);
  if (model) await checkModel(spec.provider, model, settings, network);
  const mode: ExtractorMode = !model ? 'builtin' : request.hybrid ? 'hybrid' : 'llm';
  const library = request.library ? openLibrary(requireFolder(request.library)) : undefined;
  const reviewThreshold = request.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD;
  const online = onlineSources(network);
  const seeds = resolveSeeds(project, request.seeds, { library, online: network.online });
  const options: TraceOptions = {
    seeds,
    extractor: { mode, model, settings },
    maxDepth: request.maxDepth ?? DEFAULT_MAX_DEPTH,
    budget: { datasets: request.maxDatasets, modelCalls: request.maxCalls, seconds: request.maxMinutes === undefined ? undefined : request.maxMinutes * 60 },
    library,
    hub: online?.hub,
    arxiv: online?.arxiv,
    reviewThreshold,
    newRun: request.newRun,
    record: runRecord({ online: request.online, library: library?.dir, reviewThreshold }, spec.label, mode, settings),
  };
  return { options, problems: library?.problems ?? [] };
}

function settingsOf(request: { ollamaHost?: string; openaiBaseURL?: string }): ProviderSettings {
  const overrides: Partial<ProviderSettings> = {};
  if (request.ollamaHost) overrides.ollamaHost = request.ollamaHost;
  if (request.openaiBaseURL) overrides.openaiBaseURL = request.openaiBaseURL;
  return resolveSettings(process.env, {}, overrides);
}

function networkOf(online: boolean | undefined): NetworkPolicy {
  return { online: Boolean(online), allowRemoteModel: Boolean(online) };
}

function report(event: TraceEvent, context: JobContext): void {
  if (event.type === 'stage') context.progress({ stage: event.stage, item: event.dataset, done: event.done, total: event.total, etaSeconds: event.etaSeconds });
  else if (event.type === 'dataset') {
    context.progress({ done: event.done, total: event.total, etaSeconds: event.etaSeconds });
    context.event('info', `${event.dataset}: ${event.outcome}, ${event.documents} documents, ${event.sources} sources, ${event.newEdges} new edges`);
  } else if (event.type === 'warning') context.event('warning', event.dataset ? `${event.dataset}: ${event.message}` : event.message);
  else if (event.type === 'run') context.event('info', `run #${event.runId} ${event.resumed ? 'resumed' : 'started'} (${event.extractor}) from ${event.seeds.join(', ')}`);
  else if (event.type === 'call' && event.status !== 'ok') context.event('warning', `${event.model} call for ${event.dataset}: ${event.status} after ${event.attempts} attempts`);
  else if (event.type === 'end') context.event(event.status === 'finished' ? 'info' : 'warning', `run #${event.runId} ${event.status}${event.reason ? `: ${event.reason}` : ''}`);
}

function summary(report: TraceReport): TraceSummary {
  return {
    runId: report.runId,
    resumed: report.resumed,
    status: report.status,
    stopReason: report.stopReason,
    extractor: report.extractor,
    seeds: report.seeds,
    queue: report.queue,
    datasetsTraced: report.datasetsTraced,
    newEdges: report.newEdges,
    newEvidence: report.newEvidence,
    modelCalls: report.modelCalls,
    droppedClaims: report.droppedClaims.length,
    reviewQueue: report.reviewQueue,
    seconds: report.seconds,
  };
}
