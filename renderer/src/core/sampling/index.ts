/**
 * The sampling wizard: candidates, a samples folder, budget, strategy and seed; the quota of every root
 * source before drawing; the draw with the uniform baseline; and the sample list saved where the user says.
 */
import type { SamplingPlanView, SamplingRequest, SamplingView } from '../../../../shared/api/audit.js';
import { api } from '../../api.js';
import { saveFile } from '../export/index.js';
import { jobRunner } from '../jobs/index.js';
import { settingsStore } from '../settings/index.js';
import { createStore } from '../store.js';

export interface SamplingForm {
  candidates: string[];
  samples: string;
  budget: number;
  strategy: SamplingRequest['strategy'];
  cap: number;
  seed: number;
  keepBenchmarkLineage: boolean;
  compare: boolean;
}

export const samplingForm = createStore<SamplingForm>({
  candidates: [], samples: settingsStore.get().folders.samples, budget: 1000, strategy: 'uniform', cap: 0.2, seed: 1, keepBenchmarkLineage: false, compare: true,
});
export const planJob = jobRunner<SamplingPlanView>();
export const drawJob = jobRunner<SamplingView>();
export const exportStatus = createStore<{ message: string | null; error: string | null }>({ message: null, error: null });

function request(): SamplingRequest {
  const f = samplingForm.get();
  return {
    samples: f.samples, budget: f.budget, strategy: f.strategy, cap: f.strategy === 'capped' ? f.cap : undefined, seed: f.seed,
    datasets: f.candidates.length ? f.candidates : undefined, keepBenchmarkLineage: f.keepBenchmarkLineage, compare: f.compare,
  };
}

/** Any change to the form makes the plan and the draw out of date. */
export function editForm(patch: Partial<SamplingForm>): void {
  samplingForm.set(patch);
  planJob.store.set({ job: null, events: [], error: null });
  drawJob.store.set({ job: null, events: [], error: null });
  exportStatus.set({ message: null, error: null });
}

export const planQuotas = () => planJob.run(() => api.call('startSamplingPlan', request()));
export const drawSample = () => drawJob.run(() => api.call('startSampling', request()));

/** The drawn sample list, as JSONL with each sample's provenance or as a CSV of ids. */
export async function exportSampleList(format: 'jsonl' | 'csv'): Promise<void> {
  const job = drawJob.store.get().job;
  if (!job || job.status !== 'done') return;
  try {
    const file = await api.call('sampleList', { job: job.id, format });
    await saveFile(file.name, file.text, format === 'csv' ? 'text/csv' : 'application/jsonl');
    exportStatus.set({ message: `${file.samples} samples saved as ${file.name}`, error: null });
  } catch (error) {
    exportStatus.set({ message: null, error: (error as Error).message });
  }
}
