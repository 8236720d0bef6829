/** The sampling wizard's methods: the quota plan, the draw (with the uniform baseline), and the sample list as a file. */
import type { SamplingPlanView, SamplingRequest, SamplingView } from '../../shared/api/audit.js';
import { lineageGraphOf } from '../analyses/graph.js';
import type { Project } from '../project.js';
import { compareDiversity } from '../sampling/compare.js';
import { drawSample, planSample, uniformSample, type ChosenSample, type SamplingOptions, type SamplingPlan } from '../sampling/lineage-aware.js';
import { sampleListText } from '../sampling/write.js';
import type { JobContext, JobManager } from './jobs.js';
import { requireSampleFolder } from './folders.js';
import type { MethodHandlers } from './types.js';

export function samplingHandlers(project: Project, jobs: JobManager): MethodHandlers<'startSamplingPlan' | 'startSampling' | 'sampleList'> {
  return {
    startSamplingPlan: (request) => {
      const input = prepare(project, request);
      return jobs.start('sample-plan', async (context) => {
        const plan = await planSample(lineageGraphOf(project), input.files, withProgress(input.options, context, 'counting samples'));
        return { result: planView(plan, request.budget) };
      });
    },
    startSampling: (request) => {
      const input = prepare(project, request);
      return jobs.start('sample', async (context) => {
        const options = withProgress(input.options, context, 'counting samples');
        const plan = await planSample(lineageGraphOf(project), input.files, options);
        const drawn = await drawSample(plan, input.files, withProgress(input.options, context, 'drawing samples'));
        let comparison: SamplingView['comparison'] = null;
        if (request.compare) {
          context.progress({ stage: 'drawing the uniform baseline', item: null });
          const uniform = await uniformSample(input.files, input.options.candidates ?? [...input.files.keys()], drawn.samples.length, request.seed, input.options.onProblem);
          context.checkCancelled();
          context.progress({ stage: 'measuring diversity', item: null });
          comparison = await compareDiversity(drawn.samples, uniform);
        }
        const result: SamplingView = {
          ...planView({ ...plan, roots: drawn.roots }, request.budget),
          samples: drawn.samples.length,
          dropped: drawn.dropped,
          comparison,
          preview: drawn.samples.slice(0, 50).map((s) => ({ dataset: s.dataset, id: s.id, root: s.root, file: s.file, row: s.row })),
        };
        return { result, kept: drawn.samples };
      });
    },
    sampleList: ({ job, format }) => {
      const samples = jobs.kept<ChosenSample[]>(job, 'sample');
      return { name: `rootline-sample.${format}`, text: sampleListText(samples, format), samples: samples.length };
    },
  };
}

/** The folder and candidates are checked before the job starts, so their problems reach the app as the start call's error. */
function prepare(project: Project, request: SamplingRequest): { files: Map<string, string[]>; options: SamplingOptions } {
  const { located } = requireSampleFolder(project, request.samples);
  const candidates = request.datasets?.length ? request.datasets.map((name) => project.requireDataset(name)) : undefined;
  return {
    files: located.byDataset,
    options: {
      budget: request.budget,
      strategy: request.strategy,
      cap: request.cap,
      seed: request.seed,
      candidates,
      keepBenchmarkLineage: request.keepBenchmarkLineage,
      nearDuplicateThreshold: request.threshold,
    },
  };
}

function withProgress(options: SamplingOptions, context: JobContext, stage: string): SamplingOptions & { onPool: (dataset: string) => void } {
  let done = 0;
  return {
    ...options,
    onProblem: (p) => context.event('warning', `${p.file}:${p.row}: ${p.message} (skipped)`),
    onPool: (dataset) => {
      context.checkCancelled();
      context.progress({ stage, item: dataset, done: done++ });
    },
  };
}

function planView(plan: SamplingPlan, budget: number): SamplingPlanView {
  return {
    candidates: plan.candidates,
    budget,
    roots: plan.roots.map((r) => ({
      root: r.root,
      quota: r.quota,
      available: r.available,
      chosen: r.chosen,
      pools: r.pools.map((p) => ({ dataset: p.dataset, available: p.available, path: p.path.map((step) => step.id) })),
    })),
    excluded: plan.excluded,
  };
}
