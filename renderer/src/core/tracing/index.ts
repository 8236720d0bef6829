/**
 * Tracing from the app (`rootline trace`): seeds, a library folder, a model (built-in, one Ollama has,
 * or one an OpenAI-compatible server has), budgets; the run followed live, cancelled, and resumed where
 * it stopped — by the engine's own resume, from the project file.
 */
import type { ModelProviderView, TraceRequest, TraceRunView, TraceSummary } from '../../../../shared/api/audit.js';
import { api } from '../../api.js';
import { loadGraph } from '../graph/index.js';
import { jobRunner } from '../jobs/index.js';
import { loadQueue } from '../review/index.js';
import { settingsStore } from '../settings/index.js';
import { createStore } from '../store.js';

export interface TraceForm {
  seeds: string[];
  library: string;
  model: string;
  hybrid: boolean;
  maxDepth: number;
  maxDatasets: number | null;
  maxCalls: number | null;
  maxMinutes: number | null;
  ollamaHost: string;
  openaiBaseURL: string;
}

export const traceForm = createStore<TraceForm>({
  seeds: [], library: settingsStore.get().folders.library, model: 'builtin', hybrid: false, maxDepth: 3, maxDatasets: null, maxCalls: null, maxMinutes: null, ollamaHost: '', openaiBaseURL: '',
});
export const modelsStore = createStore<{ providers: ModelProviderView[]; error: string | null; looking: boolean }>({ providers: [], error: null, looking: false });
export const runsList = createStore<{ runs: TraceRunView[] }>({ runs: [] });
export const traceJob = jobRunner<TraceSummary>();

export async function findModels(): Promise<void> {
  const f = traceForm.get();
  modelsStore.set({ looking: true });
  try {
    const providers = await api.call('models', { ollamaHost: f.ollamaHost || undefined, openaiBaseURL: f.openaiBaseURL || undefined, online: !settingsStore.get().offline });
    modelsStore.set({ providers, error: null, looking: false });
  } catch (error) {
    modelsStore.set({ error: (error as Error).message, looking: false });
  }
}

export async function loadRuns(): Promise<void> {
  runsList.set({ runs: await api.call('traceRuns') });
}

async function follow(start: () => ReturnType<typeof api.call<'startTrace'>>): Promise<void> {
  await traceJob.run(start);
  await Promise.all([loadRuns(), loadGraph(), loadQueue()]);
}

export function startTrace(): Promise<void> {
  const f = traceForm.get();
  const request: TraceRequest = {
    seeds: f.seeds,
    library: f.library || undefined,
    model: f.model,
    hybrid: f.model !== 'builtin' && f.hybrid,
    maxDepth: f.maxDepth,
    maxDatasets: f.maxDatasets ?? undefined,
    maxCalls: f.maxCalls ?? undefined,
    maxMinutes: f.maxMinutes ?? undefined,
    reviewThreshold: settingsStore.get().reviewThreshold,
    online: !settingsStore.get().offline,
    ollamaHost: f.ollamaHost || undefined,
    openaiBaseURL: f.openaiBaseURL || undefined,
  };
  return follow(() => api.call('startTrace', request));
}

export const resumeRun = (runId: number) => follow(() => api.call('resumeTrace', { runId }));
export const cancelTrace = () => traceJob.cancel();
