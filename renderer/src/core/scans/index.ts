/** Sample-level scans (`analyze contamination --samples --benchmarks`, `analyze redundancy --samples`): benchmark items found in training samples, and duplicates. */
import type { DuplicatesView, SampleContaminationView } from '../../../../shared/api/audit.js';
import { api } from '../../api.js';
import { jobRunner } from '../jobs/index.js';
import { settingsStore } from '../settings/index.js';
import { createStore } from '../store.js';

export const scanForm = createStore<{ samples: string; benchmarks: string; ngram: number; threshold: number }>({
  samples: settingsStore.get().folders.samples, benchmarks: settingsStore.get().folders.benchmarks, ngram: 13, threshold: 0.8,
});
export const contaminationJob = jobRunner<SampleContaminationView>();
export const duplicatesJob = jobRunner<DuplicatesView>();

export function scanContamination() {
  const f = scanForm.get();
  return contaminationJob.run(() => api.call('startContaminationScan', { samples: f.samples, benchmarks: f.benchmarks, ngram: f.ngram }));
}

export function scanDuplicates() {
  const f = scanForm.get();
  return duplicatesJob.run(() => api.call('startDuplicatesScan', { samples: f.samples, threshold: f.threshold }));
}
