/**
 * Sample-level scans from the app, as jobs: benchmark items found in training samples (with the lineage
 * path the graph gives, when it has one), and exact and near duplicates within and across datasets.
 */
import { blastRadius } from '../../shared/analyses/contamination/index.js';
import type { DuplicatesView, SampleContaminationView } from '../../shared/api/audit.js';
import { scanContamination } from '../analyses/contamination-scan.js';
import { scanDuplicates } from '../analyses/duplicates-scan.js';
import { lineageGraphOf } from '../analyses/graph.js';
import type { Project } from '../project.js';
import type { RowProblem } from '../samples/read.js';
import { requireSampleFolder } from './folders.js';
import type { JobContext, JobManager } from './jobs.js';
import type { MethodHandlers } from './types.js';

export function scanHandlers(project: Project, jobs: JobManager): MethodHandlers<'startContaminationScan' | 'startDuplicatesScan'> {
  return {
    startContaminationScan: (request) => {
      const benchmarks = requireSampleFolder(project, request.benchmarks).located;
      const samples = requireSampleFolder(project, request.samples).located;
      return jobs.start('contamination-scan', async (context) => {
        const found = await scanContamination(benchmarks.byDataset, samples.byDataset, {
          ngram: request.ngram,
          minOverlap: request.minOverlap,
          onProblem: problems(context),
          onDataset: progress(context, 'scanning samples'),
        });
        const graph = lineageGraphOf(project);
        const result: SampleContaminationView = {
          benchmarks: found.map((b) => {
            const paths = new Map(graph.hasNode(b.benchmark) ? blastRadius(graph, b.benchmark).datasets.map((d) => [d.id, d.path.map((s) => s.id)] as const) : []);
            return { ...b, datasets: b.datasets.map((d) => ({ ...d, path: paths.get(d.dataset) ?? null })) };
          }),
          unresolved: [...benchmarks.unresolved, ...samples.unresolved].map((u) => u.file),
        };
        return { result };
      });
    },
    startDuplicatesScan: (request) => {
      const { located } = requireSampleFolder(project, request.samples);
      const only = request.datasets?.length ? new Set(request.datasets.map((name) => project.requireDataset(name))) : null;
      const files = new Map([...located.byDataset].filter(([id]) => !only || only.has(id)));
      return jobs.start('duplicates-scan', async (context) => {
        const report = await scanDuplicates(files, { threshold: request.threshold, onProblem: problems(context), onDataset: progress(context, 'reading samples') });
        const result: DuplicatesView = { ...report, unresolved: located.unresolved.map((u) => u.file) };
        return { result };
      });
    },
  };
}

function problems(context: JobContext): (problem: RowProblem) => void {
  return (p) => context.event('warning', `${p.file}:${p.row}: ${p.message} (skipped)`);
}

function progress(context: JobContext, stage: string): (dataset: string, index: number, total: number) => void {
  return (dataset, index, total) => {
    context.checkCancelled();
    context.progress({ stage, item: dataset, done: index, total });
  };
}
