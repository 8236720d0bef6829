import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFLINE, guardedFetch } from '../../agents/network/policy.js';
import { ollamaProvider } from '../../agents/providers/ollama.js';
import { resolveSettings, type ProviderSettings } from '../../agents/providers/settings.js';
import { arxivClient } from '../../agents/sourcing/arxiv.js';
import { hubClient } from '../../agents/sourcing/hub.js';
import { openLibrary } from '../../agents/sourcing/library.js';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import { Project } from '../../engine/project.js';
import { PROSE_ONLY } from '../../agents/aggregation/review.js';
import { AGGREGATION_ACTOR } from '../../engine/review/automatic.js';
import { reviewQueue } from '../../engine/review/queue.js';
import type { TraceEvent } from '../../engine/runs/events.js';
import { resolveSeeds } from '../../engine/runs/seeds.js';
import { startTrace, type TraceExtractor, type TraceOptions } from '../../engine/runs/trace.js';
import { LATEST_VERSION, MIGRATIONS } from '../../engine/store/migrations.js';
import { startFakeHub } from '../fakes/fake-hub.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import type { FakeServer } from '../fakes/http.js';
import { injectionObeyingModel, readingModel } from '../fakes/lineage-model.js';
import type { Script } from '../fakes/script.js';
import { traceLibrary } from '../helpers/library.js';
import { freshProjects, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();
const SAMPLES = traceLibrary();
const library = openLibrary(SAMPLES);
const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const BUILTIN: TraceExtractor = { mode: 'builtin' };

async function fakeModel(script: Script, overrides: Partial<ProviderSettings> = {}): Promise<{ fake: FakeOllama; extractor: TraceExtractor }> {
  const fake = await startFakeOllama({ script });
  servers.push(fake);
  const settings = resolveSettings({}, {}, { ollamaHost: fake.url, retryBaseMs: 5, attempts: 2, timeoutSeconds: 10, concurrency: 2, ...overrides });
  return { fake, extractor: { mode: 'llm', model: ollamaProvider.connect('qwen2.5:7b-instruct', settings, OFFLINE)!, settings } };
}

function trace(project: Project, seeds: string[], extra: Partial<TraceOptions> = {}) {
  const ids = resolveSeeds(project, seeds, { library, online: false });
  return startTrace(project, { seeds: ids, extractor: BUILTIN, library, ...extra });
}

/** The lineage as (upstream, downstream, relation) triples with their evidence count, for comparing runs. */
function lineage(project: Project): string[] {
  return project.edges.all().map((e) => `${e.upstream} -> ${e.downstream} ${e.relation} ${e.confidence} x${e.evidence.length}`);
}

describe('tracing with the built-in extractor', () => {
  it('walks breadth-first from a seed, stopping at roots, datasets without documents and the depth limit', async () => {
    const project = fresh();
    const handle = trace(project, ['Acme General Chat']);
    const seen: TraceEvent[] = [];
    const iterated: TraceEvent[] = [];
    handle.on((event) => seen.push(event));
    for await (const event of handle.events) iterated.push(event);
    const report = await handle.done;

    expect(report).toMatchObject({ status: 'finished', stopReason: null, resumed: false, extractor: 'builtin' });
    const queue = project.runs.queue(report.runId);
    const outcome = Object.fromEntries(queue.map((q) => [q.datasetId, `${q.depth} ${q.status} ${q.outcome}`]));
    expect(outcome).toMatchObject({
      'acme-general-chat': '0 done traced',
      'acme-math-tutor': '1 done traced',
      'openbmb/UltraFeedback': '1 done traced',
      'meta-math/MetaMathQA': '1 done traced',
      'teknium/OpenHermes-2.5': '1 done traced',
      'acme-support-logs': '1 done no documents',
      'databricks/databricks-dolly-15k': '1 done no documents',
      'openai/gsm8k': '2 skipped known root: a benchmark',
      'truthfulqa/truthful_qa': '2 skipped known root: a benchmark',
    });
    // Each dataset is visited once, however many paths reach it (MetaMathQA: directly and through Acme Math Tutor).
    expect(queue.filter((q) => q.datasetId === 'meta-math/MetaMathQA')).toHaveLength(1);
    // The same lineage as ingesting the cards directly, restricted to what the seed reaches.
    const direct = fresh();
    ingestPaths(direct, [SAMPLES]);
    const reach = new Set(['acme-general-chat', ...direct.lineage.ancestors('acme-general-chat').map((a) => a.id)]);
    const expected = direct.edges.all().filter((e) => reach.has(e.downstream)).map((e) => `${e.upstream} -> ${e.downstream} ${e.relation}`).sort();
    expect(project.edges.all().map((e) => `${e.upstream} -> ${e.downstream} ${e.relation}`).sort()).toEqual(expected);
    expect(report.newEdges).toBe(expected.length);

    // Progress: stages per dataset with done/total, then one end event; listeners and the iterator see the same.
    expect(iterated).toEqual(seen);
    expect(seen[0]).toMatchObject({ type: 'run', resumed: false });
    expect(seen.at(-1)).toMatchObject({ type: 'end', status: 'finished' });
    const stages = seen.filter((e) => e.type === 'stage' && e.dataset === 'acme-general-chat').map((e) => (e as { stage: string }).stage);
    expect(stages).toEqual(['sourcing', 'extracting', 'aggregating', 'expanding']);
    const last = seen.filter((e) => e.type === 'dataset').at(-1) as { done: number; total: number; etaSeconds: number | null };
    expect(last.done).toBe(last.total);
    expect(last.etaSeconds).toBe(0);
  });

  it('accepts confident edges, leaves weak or contested ones for review, and logs every decision', async () => {
    const dir = writeTree(tempDir(), {
      'weak-mix/README.md': '# Weak Mix\n\nWeak Mix is a filtered subset of Dolly 15k. Its prompts are derived from the Quokka Chats dataset.\n',
      'weak-mix/paper.md': '# Building Weak Mix\n\nWe rewrote and paraphrased every question of Dolly 15k.\n',
    });
    const project = fresh();
    const report = await trace(project, [join(dir, 'weak-mix')], { maxDepth: 1 }).done;
    expect(report.status).toBe('finished');
    const dolly = project.edges.between('databricks/databricks-dolly-15k', 'weak-mix')!;
    const quokka = project.edges.between('quokka-chats', 'weak-mix')!;
    // Two documents: their confidence combines; their relations disagree, so a person decides.
    expect(dolly.evidence.map((e) => e.relation).sort()).toEqual(['Direct Inclusion/Subset', 'Semantic Evolution']);
    expect(dolly.confidence).toBeGreaterThan(0.92);
    expect(dolly.status).toBe('proposed');
    expect(project.edges.flagsOf(dolly.id).map((f) => f.flag)).toEqual(['relation-conflict']);
    expect(quokka).toMatchObject({ confidence: 0.65, status: 'proposed' });
    const queue = reviewQueue(project);
    expect(queue.map((q) => q.id)).toEqual([quokka.id, dolly.id]);
    expect(queue[0]!.reasons).toEqual([PROSE_ONLY, 'confidence 0.65 is below 0.70']);
    expect(queue[1]!.reasons).toEqual([PROSE_ONLY, 'the evidence disagrees on the relation']);
    expect(queue[1]!.evidence.map((e) => e.location)).toEqual(expect.arrayContaining([join(dir, 'weak-mix/README.md'), join(dir, 'weak-mix/paper.md')]));

    // Confident, uncontested edges the card's structure names (its mixture table) are accepted automatically,
    // and the log says so; one the built-in extractor read only in a sentence waits for a person.
    const chat = fresh();
    await trace(chat, ['Acme General Chat'], { maxDepth: 1 }).done;
    const accepted = chat.edges.all().filter((e) => e.status === 'accepted');
    expect(accepted).toHaveLength(5);
    expect(chat.edges.between('meta-math/MetaMathQA', 'acme-general-chat')).toMatchObject({ status: 'proposed', confidence: 0.92 });
    const log = chat.audit.entries().filter((e) => e.actor === AGGREGATION_ACTOR);
    expect(log).toHaveLength(5);
    expect(log[0]).toMatchObject({ action: 'edge.status', before: 'proposed', after: 'accepted' });

    // A person's decision stands against later automatic review.
    project.reviewEdge(quokka.id, 'rejected', 'alice');
    project.reviewEdge(dolly.id, 'accepted', 'alice');
    await trace(project, [join(dir, 'weak-mix')], { maxDepth: 1, newRun: true }).done;
    expect(project.edges.get(quokka.id)!.status).toBe('rejected');
    expect(project.edges.get(dolly.id)!.status).toBe('accepted');
    expect(reviewQueue(project)).toEqual([]);
  });

  it('pauses when the budget is spent and resumes where it stopped', async () => {
    const project = fresh();
    const first = await trace(project, ['Acme General Chat'], { budget: { datasets: 2 } }).done;
    expect(first).toMatchObject({ status: 'paused', stopReason: 'dataset budget spent (2 of 2)', datasetsTraced: 2 });
    const second = await trace(project, ['Acme General Chat']).done;
    expect(second).toMatchObject({ runId: first.runId, resumed: true, status: 'finished' });
    const queue = project.runs.queue(first.runId);
    expect(first.datasetsTraced + second.datasetsTraced).toBe(queue.filter((q) => q.status === 'done').length);
    expect(queue.some((q) => q.status === 'pending' || q.status === 'working')).toBe(false);
  });

  it('with --max-depth 1 reads the seeds only', async () => {
    const project = fresh();
    const report = await trace(project, ['Acme General Chat'], { maxDepth: 1 }).done;
    expect(report.datasetsTraced).toBe(1);
    expect(project.runs.queue(report.runId).filter((q) => q.status === 'skipped').every((q) => q.outcome === 'depth limit (1)')).toBe(true);
  });

  it('merges a near spelling into the dataset it means, and says so', async () => {
    const dir = writeTree(tempDir(), { 'mix.md': '# Typo Mix\n\nWe sampled 5,000 prompts from UltraFeedbak and from Acme Support Logz.\n' });
    const project = fresh();
    ingestPaths(project, [join(SAMPLES, 'ultrafeedback.md'), join(SAMPLES, 'acme-general-chat')]);
    const report = await trace(project, [join(dir, 'mix.md')], { maxDepth: 1 }).done;
    const upstream = project.lineage.neighbours(project.requireDataset('Typo Mix'), 'up').map((u) => u.id);
    expect(upstream).toContain('openbmb/UltraFeedback');
    expect(report.merges).toContainEqual(expect.objectContaining({ written: 'UltraFeedbak', into: 'openbmb/UltraFeedback' }));
    expect(project.runs.events(report.runId).some((e) => e.kind === 'name-merged')).toBe(true);
  });
});

describe('tracing with a model (fake Ollama)', () => {
  it('records every call with its tokens and seconds, and finds the same lineage as the built-in extractor', async () => {
    const { fake, extractor } = await fakeModel(readingModel());
    const project = fresh();
    const report = await trace(project, ['Acme General Chat'], { extractor }).done;
    expect(report.status).toBe('finished');
    const calls = project.runs.calls(report.runId);
    expect(calls).toHaveLength(fake.chats().length);
    expect(calls.length).toBe(5); // one call per card: five cards are reachable
    for (const call of calls) {
      expect(call).toMatchObject({ provider: 'ollama', model: 'qwen2.5:7b-instruct', status: 'ok', attempts: 1 });
      expect(call.promptTokens).toBeGreaterThan(100);
      expect(call.completionTokens).toBeGreaterThan(0);
      expect(call.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(report.calls).toMatchObject({ calls: 5, failed: 0 });
    const ids = project.lineage.ancestors('acme-general-chat').map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['openbmb/UltraFeedback', 'truthfulqa/truthful_qa', 'openai/gsm8k', 'meta-math/MetaMathQA']));
    for (const edge of project.edges.all()) {
      for (const e of edge.evidence) {
        expect(e).toMatchObject({ agent: 'llm-extractor', model: 'ollama:qwen2.5:7b-instruct' });
        expect(project.documents.get(e.documentId!)!.text.slice(e.start!, e.end!)).toBe(e.quote);
      }
    }
    // A second run of the same seeds reads nothing again: no call is made.
    const again = await trace(project, ['Acme General Chat'], { extractor, newRun: true }).done;
    expect(again.modelCalls).toBe(0);
    expect(again.reusedReplies).toBe(0); // not even the cached replies: read documents are skipped whole
    expect(fake.chats()).toHaveLength(5);
  });

  it('a cancelled run resumes where it stopped: finished documents are not read again, nothing is lost or doubled', async () => {
    const reference = fresh();
    const { extractor: honest } = await fakeModel(readingModel());
    await trace(reference, ['Acme General Chat'], { extractor: honest }).done;

    const { fake, extractor } = await fakeModel((request) => (request.index === 3 ? { hang: true } : readingModel()(request)), { concurrency: 1 });
    const project = fresh();
    const controller = new AbortController();
    const handle = trace(project, ['Acme General Chat'], { extractor, signal: controller.signal });
    await fake.waitForRequests(3, '/api/chat');
    controller.abort();
    const first = await handle.done;
    expect(first).toMatchObject({ status: 'paused', stopReason: 'cancelled' });
    expect(project.runs.queue(first.runId).some((q) => q.status === 'pending')).toBe(true);

    const before = fake.chats().length;
    const second = await trace(project, ['Acme General Chat'], { extractor }).done;
    expect(second).toMatchObject({ runId: first.runId, resumed: true, status: 'finished' });
    // Two replies were paid for before the cancel; only the rest are asked for.
    expect(fake.chats().length - before).toBe(5 - 2);
    expect(lineage(project)).toEqual(lineage(reference));
    expect(project.runs.callTotals(first.runId)).toMatchObject({ calls: 6, failed: 1 });
  });

  it('reuses the replies already paid for when a long document was cut off mid-way', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} explains how the annotators checked each answer twice.`).join('\n\n');
    const cards = writeTree(tempDir(), {
      'long-mix.md': ['# Long Mix', '', 'It merges Dolly 15k with our own prompts.', '', filler(20), '', '## More', '', 'We also sampled questions from GSM8K.', '', filler(20), '', '## Last', '', 'A few items come from MetaMathQA.'].join('\n'),
    });
    const longLibrary = openLibrary(cards);
    const { fake, extractor } = await fakeModel((request) => (request.index === 3 ? { hang: true } : readingModel()(request)), { concurrency: 1, chunkChars: 1200 });
    const project = fresh();
    const seeds = resolveSeeds(project, ['Long Mix'], { library: longLibrary, online: false });
    const controller = new AbortController();
    const handle = startTrace(project, { seeds, extractor, library: longLibrary, maxDepth: 1, signal: controller.signal });
    await fake.waitForRequests(3, '/api/chat');
    controller.abort();
    expect((await handle.done).stopReason).toBe('cancelled');
    const parts = fake.chats().length;
    const resumed = await startTrace(project, { seeds, extractor, library: longLibrary, maxDepth: 1 }).done;
    expect(resumed).toMatchObject({ status: 'finished', reusedReplies: 2 });
    const chunks = project.runs.calls(resumed.runId).filter((c) => c.status === 'ok').length;
    expect(fake.chats().length - parts).toBe(chunks - 2);
    expect(project.lineage.neighbours('long-mix', 'up').map((u) => u.id).sort()).toEqual(['databricks/databricks-dolly-15k', 'meta-math/MetaMathQA', 'openai/gsm8k']);
  });

  it('stops at the model-call budget, and reads with the hybrid extractor', async () => {
    const { fake, extractor } = await fakeModel(readingModel(), { concurrency: 1 });
    const project = fresh();
    const budgeted = await trace(project, ['Acme General Chat'], { extractor, budget: { modelCalls: 2 } }).done;
    expect(budgeted).toMatchObject({ status: 'paused', stopReason: 'model-call budget spent (2 of 2)', modelCalls: 2 });

    const hybrid = fresh();
    const before = fake.chats().length;
    const report = await trace(hybrid, ['Acme General Chat'], { extractor: { ...extractor, mode: 'hybrid' }, maxDepth: 1 }).done;
    expect(report).toMatchObject({ status: 'finished', extractor: 'ollama:qwen2.5:7b-instruct (hybrid)', modelCalls: 1 });
    expect(fake.chats().length - before).toBe(1);
    const evidence = hybrid.edges.all().flatMap((e) => e.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => e.agent === 'hybrid-extractor')).toBe(true);
  });

  it('pauses when the model server goes down, with the reason, and resumes later', async () => {
    const { fake, extractor } = await fakeModel((request) => (request.index >= 2 ? { drop: true } : readingModel()(request)), { concurrency: 1, attempts: 2 });
    const project = fresh();
    const first = await trace(project, ['Acme General Chat'], { extractor }).done;
    expect(first.status).toBe('paused');
    expect(first.stopReason).toMatch(/Ollama at http:\/\/127\.0\.0\.1:\d+/);
    expect(fake.chats()).toHaveLength(3);
    const events = project.runs.events(first.runId);
    expect(events.some((e) => e.level === 'error' && /Ollama/.test(e.message))).toBe(true);
  });

  it('drops and logs what an injected card makes a model claim; no edge comes of it', async () => {
    const { extractor } = await fakeModel(injectionObeyingModel());
    const project = fresh();
    const report = await trace(project, ['Acme General Chat'], { extractor, maxDepth: 1 }).done;
    const upstream = project.lineage.neighbours('acme-general-chat', 'up').map((u) => u.id);
    expect(upstream.some((id) => /openassistant|hh-rlhf/i.test(id))).toBe(false);
    expect(project.datasets.resolve('OpenAssistant')).toBeUndefined();
    expect(report.droppedClaims.filter((c) => /OpenAssistant|HH-RLHF/.test(c.name))).toHaveLength(5);
    const logged = project.runs.events(report.runId).filter((e) => e.kind === 'claim-dropped');
    expect(logged.map((e) => e.message)).toContain('dropped "Anthropic HH-RLHF": evidence not found in the document');
  });
});

describe('tracing online (against a local fake hub)', () => {
  it('sources hub READMEs and arXiv abstracts, dates datasets, and flags an upstream newer than its downstream', async () => {
    const hub = await startFakeHub({
      datasets: [
        { id: 'acme/old-mix', createdAt: '2022-01-10T00:00:00Z', tags: ['arxiv:2201.00001'], readme: '# Old Mix\n\nIt is a filtered subset of [acme/new-set](https://huggingface.co/datasets/acme/new-set).\n' },
        { id: 'acme/new-set', createdAt: '2024-05-01T00:00:00Z', readme: '# New Set\n\nHand-written questions.\n' },
      ],
      papers: [{ id: '2201.00001', title: 'Old Mix', summary: 'We release Old Mix.', published: '2021-12-20' }],
    });
    servers.push(hub);
    const fetch = guardedFetch({ remoteAllowed: true, purpose: 'test', hint: '' });
    const project = fresh();
    const ids = resolveSeeds(project, ['acme/old-mix'], { online: true });
    const report = await startTrace(project, { seeds: ids, extractor: BUILTIN, hub: hubClient({ fetch, endpoint: hub.url }), arxiv: arxivClient({ fetch, endpoint: hub.url }) }).done;
    expect(report.status).toBe('finished');
    expect(project.datasets.get('acme/old-mix')).toMatchObject({ releaseDate: '2021-12-20', license: 'mit', url: 'https://huggingface.co/datasets/acme/old-mix' });
    expect(project.datasets.get('acme/new-set')?.releaseDate).toBe('2024-05-01');
    expect(project.documents.forDataset('acme/old-mix').map((d) => d.location)).toEqual(['hf://datasets/acme/old-mix/README.md', 'https://arxiv.org/abs/2201.00001']);
    const edge = project.edges.between('acme/new-set', 'acme/old-mix')!;
    expect(edge.status).toBe('proposed');
    expect(project.edges.flagsOf(edge.id)).toEqual([{ flag: 'upstream-newer', detail: 'acme/new-set 2024-05-01 > acme/old-mix 2021-12-20' }]);
    expect(project.edges.count()).toBe(1);
    expect(reviewQueue(project).find((q) => q.id === edge.id)!.reasons).toContain('the upstream was released after the downstream');
  });
});

describe('project files from before runs', () => {
  it('migrates a version-1 file to the latest version with its data intact', () => {
    const file = join(tempDir(), 'v1.rootline');
    const db = new Database(file);
    db.pragma('application_id = 0x526f6f74');
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('a', 'A', 'x', 'x'), ('b', 'B', 'x', 'x')").run();
    db.prepare("INSERT INTO edges (upstream, downstream, relation, confidence, created_at, updated_at) VALUES ('a', 'b', 'Structured Fusion', 0.8, 'x', 'x')").run();
    db.close();
    const project = Project.open(file);
    expect(project.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(project.positions.all()).toEqual([]);
    expect(project.edges.between('a', 'b')).toMatchObject({ relation: 'Structured Fusion', status: 'proposed' });
    expect(project.runs.all()).toEqual([]);
    project.close();
  });
});
