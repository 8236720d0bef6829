/**
 * The app's audit methods through the API boundary (`handle`, as both transports call it), on the shipped
 * samples: folders named by path, sampling with its quota plan and sample list, licenses, the report,
 * sample-level scans, tracing as a job with cancel and resume, kept positions, and review at scale.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiReply, ApiRequest } from '../../shared/api/contract.js';
import type { JobView } from '../../shared/api/jobs.js';
import { createHandlers, handle } from '../../engine/api/handlers.js';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import { Project } from '../../engine/project.js';
import { startFakeOllama } from '../fakes/fake-ollama.js';
import { readingModel } from '../fakes/lineage-model.js';
import { traceLibrary } from '../helpers/library.js';
import { freshProjects, SAMPLES, tempDir } from '../helpers/temp.js';

const SAMPLE_ROOT = join(SAMPLES, '..');
const fresh = freshProjects();

function api(project: Project) {
  const handlers = createHandlers(project);
  const call = <M extends ApiMethod>(method: M, request?: ApiRequest<M>) => handle(handlers, method, request ?? {}) as Promise<ApiReply<M>>;
  const finished = async <R>(start: Promise<JobView<R>>): Promise<JobView<R>> => {
    const { id } = await start;
    for (;;) {
      const view = (await call('job', { id })) as JobView<R>;
      if (view.status !== 'running') return view;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { call, finished };
}

function demoProject(): Project {
  const project = fresh();
  ingestPaths(project, [SAMPLES]);
  return project;
}

describe('the app’s audit methods', () => {
  it('checks folders by path and names the problem', async () => {
    const { call } = api(demoProject());
    const check = await call('checkFolder', { path: SAMPLE_ROOT, purpose: 'samples' });
    expect(check.datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['acme-general-chat', 'acme-math-tutor', 'truthfulqa/truthful_qa']));
    expect(check.summary).toMatch(/datasets in \d+ files/);
    await expect(call('checkFolder', { path: join(SAMPLE_ROOT, 'nowhere'), purpose: 'samples' })).rejects.toThrow(/nowhere: no such folder/);
    await expect(call('checkFolder', { path: join(SAMPLES, 'metamathqa.md'), purpose: 'library' })).rejects.toThrow(/metamathqa\.md: is a file, not a folder/);
    await expect(call('checkFolder', { path: join(SAMPLE_ROOT, 'benchmarks'), purpose: 'library' })).resolves.toMatchObject({ summary: '1 cards' });
    await expect(call('checkFolder', { path: '', purpose: 'samples' })).rejects.toThrow(/give a folder/);
  });

  it('plans quotas per root before drawing, draws the mix with its baseline, and exports the sample list', async () => {
    const { call, finished } = api(demoProject());
    const request = { samples: SAMPLE_ROOT, budget: 24, strategy: 'uniform' as const, seed: 1, datasets: ['Acme General Chat', 'Acme Math Tutor'], compare: true };
    const plan = await finished(call('startSamplingPlan', request));
    expect(plan.status).toBe('done');
    expect(plan.result!.roots.map((r) => [r.root, r.quota])).toEqual([['EleutherAI/hendrycks_math', 6], ['acme-support-logs', 6], ['openai/gsm8k', 6], ['wikipedia', 6]]);
    expect(plan.result!.roots.every((r) => r.chosen === 0)).toBe(true);
    const drawn = await finished(call('startSampling', request));
    expect(drawn.status).toBe('done');
    expect(drawn.result!.samples).toBe(24);
    expect(drawn.result!.comparison!.lineageAware.vendi).toBeGreaterThan(drawn.result!.comparison!.uniform.vendi);
    expect(drawn.result!.excluded.map((e) => e.dataset)).toContain('acme-general-chat');
    const jsonl = await call('sampleList', { job: drawn.id, format: 'jsonl' });
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as { _rootline: { root: string; lineage: Array<{ id: string }> } });
    expect(lines).toHaveLength(24);
    expect(lines[0]!._rootline.lineage[0]!.id).toBe(lines[0]!._rootline.root);
    const csv = await call('sampleList', { job: drawn.id, format: 'csv' });
    expect(csv.text.split('\n')[0]).toBe('dataset,id,file,row,root,lineage');
    await expect(call('sampleList', { job: plan.id, format: 'csv' })).rejects.toThrow(/not a sample job/);
    await expect(call('startSampling', { ...request, samples: '/nowhere' })).rejects.toThrow(/no such folder/);
  });

  it('reports license classes and conflicts with the path, and the HTML report', async () => {
    const { call } = api(demoProject());
    const licenses = await call('licenses');
    const conflict = licenses.conflicts.find((c) => c.dataset === 'acme-general-chat' && c.upstream === 'databricks/databricks-dolly-15k');
    expect(conflict?.problem).toBe('drops a share-alike obligation');
    expect(conflict!.path.at(-1)!.id).toBe('acme-general-chat');
    expect(licenses.classes['databricks/databricks-dolly-15k']).toMatchObject({ shareAlike: true });
    const report = await call('report');
    expect(report.name).toMatch(/-report\.html$/);
    expect(report.html).toContain('<h2>Licenses</h2>');
    expect(report.html).not.toMatch(/<script/i);
  });

  it('finds benchmark items in samples with their ids and the lineage path, and duplicates', async () => {
    const { call, finished } = api(demoProject());
    const scan = await finished(call('startContaminationScan', { samples: SAMPLES, benchmarks: join(SAMPLE_ROOT, 'benchmarks') }));
    expect(scan.status).toBe('done');
    const truthful = scan.result!.benchmarks.find((b) => b.benchmark === 'truthfulqa/truthful_qa')!;
    const chat = truthful.datasets.find((d) => d.dataset === 'acme-general-chat')!;
    expect(chat.itemsFound).toBe(2);
    expect(chat.hits[0]!.samples.length).toBeGreaterThan(0);
    expect(chat.path).toEqual(['openbmb/UltraFeedback', 'acme-general-chat']);
    const duplicates = await finished(call('startDuplicatesScan', { samples: SAMPLES }));
    expect(duplicates.status).toBe('done');
    expect(duplicates.result!.perDataset.find((d) => d.dataset === 'acme-general-chat')!.nearDuplicates).toBeGreaterThan(0);
  });

  it('keeps positions in the project file', async () => {
    const project = demoProject();
    const { call } = api(project);
    expect((await call('positions')).positions).toEqual([]);
    expect((await call('savePositions', { positions: [['acme-math-tutor', 1.5, -2], ['no-such-dataset', 0, 0]] })).saved).toBe(1);
    const again = Project.open(project.file);
    expect(again.positions.all()).toEqual([['acme-math-tutor', 1.5, -2]]);
    again.close();
    await expect(call('savePositions', { positions: [['x', Number.NaN, 0]] as never })).rejects.toThrow(/bad request/);
  });

  it('reviews a filtered set in one action, each edge audit-logged', async () => {
    const project = demoProject();
    const { call } = api(project);
    const all = await call('reviewQueue', { limit: 1 });
    expect(all.items).toHaveLength(1);
    expect(all.origins).toEqual([{ origin: 'builtin', count: all.proposed }]);
    const few = await call('reviewQueue', { maxConfidence: 0.6 });
    expect(few.matching).toBeLessThan(all.proposed);
    const decided = await call('reviewFiltered', { filter: { maxConfidence: 0.6 }, status: 'rejected' });
    expect(decided).toEqual({ decided: few.matching, proposed: all.proposed - few.matching });
    expect(project.audit.entries().filter((e) => e.actor === 'app')).toHaveLength(few.matching);
  });
});

describe('tracing from the app', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('traces with the library as a job, with progress events', async () => {
    const { call, finished } = api(fresh());
    const job = await finished(call('startTrace', { seeds: ['Acme General Chat'], library: traceLibrary(), model: 'builtin' }));
    expect(job.status).toBe('done');
    expect(job.result!.status).toBe('finished');
    expect(job.result!.newEdges).toBeGreaterThan(5);
    expect(job.events.some((e) => /run #1 started/.test(e.message))).toBe(true);
    const runs = await call('traceRuns');
    expect(runs[0]).toMatchObject({ id: 1, status: 'finished', resumable: false });
    await expect(call('startTrace', { seeds: ['No Such Set'], model: 'builtin' })).rejects.toThrow(/no dataset "No Such Set"/);
  });

  it('lists the models Ollama has, cancels a run and resumes it where it stopped', async () => {
    const ollama = await startFakeOllama({ script: readingModel({ delayMs: 300 }) });
    servers.push(ollama);
    const { call, finished } = api(fresh());
    const models = await call('models', { ollamaHost: ollama.url });
    expect(models.find((m) => m.provider === 'ollama')!.models).toContain('qwen2.5:7b-instruct');
    const library = traceLibrary();
    const cards = tempDir();
    cpSync(library, cards, { recursive: true });
    const start = await call('startTrace', { seeds: ['Acme General Chat'], library: cards, model: 'ollama:qwen2.5:7b-instruct', ollamaHost: ollama.url });
    await expect(call('startTrace', { seeds: ['Acme General Chat'], model: 'builtin' })).rejects.toThrow(/already running/);
    await new Promise((r) => setTimeout(r, 400));
    await call('cancelJob', { id: start.id });
    const stopped = await finished(Promise.resolve(start));
    expect(stopped.status).toBe('cancelled');
    expect(stopped.result!.status).toBe('paused');
    const runs = await call('traceRuns');
    expect(runs[0]).toMatchObject({ status: 'paused', resumable: true, library: cards });
    // The run recorded its server: resuming needs nothing but its number.
    const resumed = await finished(call('resumeTrace', { runId: runs[0]!.id }));
    expect(resumed.status).toBe('done');
    expect(resumed.result).toMatchObject({ runId: runs[0]!.id, resumed: true, status: 'finished' });
  }, 60_000);
});
