import { PROSE_ONLY } from '../../agents/aggregation/review.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Project } from '../../engine/project.js';
import type { TraceReport } from '../../engine/runs/trace.js';
import { parseRelation } from '../../cli/commands/review.js';
import { buildProgram } from '../../cli/main.js';
import { startFakeOllama } from '../fakes/fake-ollama.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import { closedPort, type FakeServer } from '../fakes/http.js';
import { readingModel } from '../fakes/lineage-model.js';
import { userMessage, type ModelRequest } from '../fakes/script.js';
import { startRootline } from '../helpers/cli.js';
import { traceLibrary } from '../helpers/library.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const dir = tempDir();
const SAMPLES = traceLibrary();
const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** The environment of a child: only the model settings a test gives, none inherited from the machine. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    OLLAMA_HOST: '',
    ROOTLINE_OLLAMA_HOST: '',
    OPENAI_BASE_URL: '',
    OPENAI_API_KEY: '',
    ROOTLINE_OPENAI_BASE_URL: '',
    ROOTLINE_OPENAI_API_KEY: '',
    HF_ENDPOINT: '',
    ROOTLINE_HF_ENDPOINT: '',
    ROOTLINE_ARXIV_ENDPOINT: '',
    ROOTLINE_RETRY_BASE_MS: '20',
    NODE_OPTIONS: '',
    ...extra,
  };
}

function lineageOf(file: string): string[] {
  const project = Project.open(file, { mustExist: true });
  try {
    return project.edges.all().map((e) => `${e.upstream} -> ${e.downstream} ${e.relation} ${e.confidence} ${e.status} [${e.evidence.map((x) => `${x.start}:${x.end}`).join(',')}]`);
  } finally {
    project.close();
  }
}

const TRACE = (project: string, ...more: string[]) => ['trace', 'Acme General Chat', '--library', SAMPLES, '--project', project, ...more];

describe('rootline trace, review and models', () => {
  it('traces with the built-in extractor, then review lists, accepts and rejects with an audit trail', async () => {
    const project = join(dir, 'builtin.rootline');
    const card = writeTree(dir, { 'weak-mix/README.md': '# Weak Mix\n\nWeak Mix is a filtered subset of Dolly 15k. Its prompts are derived from the Quokka Chats dataset.\n' });
    const run = await startRootline(['trace', join(card, 'weak-mix'), ...TRACE(project).slice(1), '--json'], { env: env() }).done;
    expect(run.code).toBe(0);
    const report = run.json<TraceReport>();
    expect(report).toMatchObject({ status: 'finished', extractor: 'builtin', seeds: ['weak-mix', 'acme-general-chat'] });
    expect(report.project.edges).toBeGreaterThan(20);
    expect(run.stderr).toMatch(/^starting run #1 \(builtin\) from weak-mix, acme-general-chat$/m);
    expect(run.stderr).toMatch(/^\[\d+\/\d+\] openbmb\/UltraFeedback: traced \(1 document, 6 sources, 6 new edges\) — ETA \d+ s$/m);

    const queue = (await startRootline(['review', '--project', project, '--json'], { env: env() }).done).json<Array<{ id: number; upstream: string; confidence: number; reasons: string[]; evidence: Array<{ quote: string; location: string }> }>>();
    // What waits is what the built-in extractor read only in sentences; the card tables' edges were accepted.
    expect(queue.length).toBeGreaterThan(1);
    const quokka = queue.find((edge) => edge.upstream === 'quokka-chats')!;
    expect(quokka).toMatchObject({ confidence: 0.65, reasons: [PROSE_ONLY, 'confidence 0.65 is below 0.70'] });
    expect(quokka.evidence[0]).toMatchObject({ quote: 'Its prompts are derived from the Quokka Chats dataset.', location: join(card, 'weak-mix/README.md') });
    const human = await startRootline(['review', '--project', project], { env: env() }).done;
    expect(human.stdout).toMatch(new RegExp(`^${queue.length} edges await review, least confident first:$`, 'm'));
    expect(human.stdout).toMatch(new RegExp(`^#${quokka.id} {2}quokka-chats → weak-mix {3}Direct Inclusion/Subset, 0\\.65 {3}from built-in extractor$`, 'm'));

    const id = String(quokka.id);
    const fixed = await startRootline(['review', '--project', project, '--relation', id, 'fusion', '--actor', 'alice'], { env: env() }).done;
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/relation set to Structured Fusion, accepted \(by alice, in the audit log\)/);
    expect((await startRootline(['review', '--project', project, '--reject', id, '--actor', 'bob'], { env: env() }).done).code).toBe(0);
    expect(() => parseRelation('magic')).toThrow(/unknown relation "magic"/);
    expect(parseRelation('cot distillation')).toBe('CoT Distillation');
    const opened = Project.open(project, { mustExist: true });
    const people = opened.audit.entries().filter((e) => e.actor === 'alice' || e.actor === 'bob').map((e) => [e.actor, e.action, e.after]);
    expect(people).toEqual([
      ['alice', 'edge.relation', 'Structured Fusion'],
      ['alice', 'edge.status', 'accepted'],
      ['bob', 'edge.status', 'rejected'],
    ]);
    opened.close();
  });

  it('lists the reachable providers and their models', async () => {
    const ollama = await startFakeOllama({ script: readingModel(), models: ['qwen2.5:7b-instruct'] });
    const openai = await startFakeOpenAI({ script: readingModel(), models: ['Qwen2.5-7B-Instruct'], apiKey: 'sk-models-test-1234' });
    servers.push(ollama, openai);
    const run = await startRootline(['models', '--json'], { env: env({ ROOTLINE_OLLAMA_HOST: ollama.url, ROOTLINE_OPENAI_BASE_URL: `${openai.url}/v1`, ROOTLINE_OPENAI_API_KEY: 'sk-models-test-1234' }) }).done;
    expect(run.code).toBe(0);
    expect(run.json()).toEqual([
      expect.objectContaining({ provider: 'builtin', state: 'ready' }),
      expect.objectContaining({ provider: 'ollama', state: 'reachable', models: ['qwen2.5:7b-instruct'] }),
      expect.objectContaining({ provider: 'openai', state: 'reachable', models: ['Qwen2.5-7B-Instruct'] }),
    ]);
    expect(run.stdout).not.toContain('sk-models-test-1234');
  });

  it('fails early and clearly when the model server is down or lacks the model', async () => {
    const port = await closedPort();
    const down = await startRootline([...TRACE(join(dir, 'down.rootline')), '--model', 'ollama:qwen2.5:7b-instruct'], { env: env({ ROOTLINE_OLLAMA_HOST: `http://127.0.0.1:${port}` }) }).done;
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(new RegExp(`cannot use ollama:qwen2\\.5:7b-instruct: cannot reach Ollama at http://127\\.0\\.0\\.1:${port} \\(connection refused\\) — is Ollama running\\?`));
    const ollama = await startFakeOllama({ script: readingModel(), models: ['llama3.1:8b'] });
    servers.push(ollama);
    const missing = await startRootline([...TRACE(join(dir, 'missing.rootline')), '--model', 'ollama:qwen2.5:7b-instruct'], { env: env({ ROOTLINE_OLLAMA_HOST: ollama.url }) }).done;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no model "qwen2\.5:7b-instruct" \(install it with: ollama pull qwen2\.5:7b-instruct\); it has: llama3\.1:8b/);
  });

  it('traces through an OpenAI-compatible server; the key is sent but never logged nor written to the project', async () => {
    const key = 'sk-rootline-secret-5f3a9c1e';
    const openai = await startFakeOpenAI({ script: readingModel(), models: ['qwen2.5-7b-instruct'], apiKey: key });
    servers.push(openai);
    const project = join(dir, 'openai.rootline');
    const run = await startRootline([...TRACE(project), '--model', 'openai:qwen2.5-7b-instruct', '--json'], { env: env({ ROOTLINE_OPENAI_BASE_URL: `${openai.url}/v1`, ROOTLINE_OPENAI_API_KEY: key }) }).done;
    expect(run.code).toBe(0);
    const report = run.json<TraceReport>();
    expect(report.calls).toMatchObject({ calls: 5, failed: 0 });
    expect(report.calls.promptTokens).toBeGreaterThan(1000);
    expect(openai.chats().every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
    for (const text of [run.stdout, run.stderr, readFileSync(project, 'latin1'), existsSync(`${project}-wal`) ? readFileSync(`${project}-wal`, 'latin1') : '']) {
      expect(text).not.toContain(key);
    }
    const opened = Project.open(project, { mustExist: true });
    expect(opened.runs.get(report.runId)!.settings).toMatchObject({ model: 'openai:qwen2.5-7b-instruct', endpoint: `${openai.url}/v1` });
    opened.close();

    const wrong = await startRootline([...TRACE(join(dir, 'wrong-key.rootline')), '--model', 'openai:qwen2.5-7b-instruct'], { env: env({ ROOTLINE_OPENAI_BASE_URL: `${openai.url}/v1`, ROOTLINE_OPENAI_API_KEY: 'sk-wrong-key-777' }) }).done;
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/401/);
    expect(wrong.stderr + wrong.stdout).not.toContain('sk-wrong-key-777');
  });

  it('resumes a run killed with SIGKILL mid-call: no edge lost or duplicated, no finished call repeated', async () => {
    let hangAt = 3;
    const honest = readingModel();
    const ollama = await startFakeOllama({ script: (request) => (request.index === hangAt ? { hang: true } : honest(request)) });
    servers.push(ollama);
    const model = ['--model', 'ollama:qwen2.5:7b-instruct', '--concurrency', '1', '--json'];
    const childEnv = env({ ROOTLINE_OLLAMA_HOST: ollama.url });

    const project = join(dir, 'killed.rootline');
    const first = startRootline([...TRACE(project), ...model], { env: childEnv });
    await ollama.waitForRequests(3, '/api/chat');
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const beforeKill = ollama.chats().map((r) => userMessage(r.body as ModelRequest));
    expect(ollama.chats().slice(0, 2).every((r) => r.completed)).toBe(true);

    hangAt = Number.POSITIVE_INFINITY;
    const second = await startRootline([...TRACE(project), ...model], { env: childEnv }).done;
    expect(second.code).toBe(0);
    expect(second.json<TraceReport>()).toMatchObject({ runId: 1, resumed: true, status: 'finished', modelCalls: 3 });
    const afterKill = ollama.chats().slice(3).map((r) => userMessage(r.body as ModelRequest));
    // The two answered calls are not asked again; the one cut off by the kill is.
    expect(afterKill).toHaveLength(3);
    expect(afterKill).not.toContain(beforeKill[0]);
    expect(afterKill).not.toContain(beforeKill[1]);
    expect(afterKill).toContain(beforeKill[2]);

    const reference = join(dir, 'uninterrupted.rootline');
    expect((await startRootline([...TRACE(reference), ...model], { env: childEnv }).done).code).toBe(0);
    expect(lineageOf(project)).toEqual(lineageOf(reference));
    expect(lineageOf(project).length).toBeGreaterThan(20);
    const opened = Project.open(project, { mustExist: true });
    expect(opened.runs.callTotals(1)).toMatchObject({ calls: 5, failed: 0 });
    // The dataset the killed process was working on went back to the queue.
    expect(opened.runs.events(1).find((e) => e.kind === 'resumed')?.message).toMatch(/1 interrupted datasets back in the queue/);
    expect(opened.runs.queue(1).every((q) => q.status === 'done' || q.status === 'skipped')).toBe(true);
    opened.close();
  });

  it('offline (the default) connects to nothing but this machine; online mode is what reaches out', async () => {
    const spy = join(import.meta.dirname, '../fakes/net-spy.mjs');
    const ollama = await startFakeOllama({ script: readingModel() });
    servers.push(ollama);
    const library = writeTree(join(dir, 'linked-cards'), {
      'hub-linked.md': '# Linked Mix\n\nSee the paper at https://arxiv.org/abs/2306.02707. It merges [UltraChat](https://huggingface.co/datasets/stingning/ultrachat) with openbmb/UltraFeedback.\n',
    });
    const log = (name: string) => join(dir, `${name}.netlog`);
    const spied = (name: string, extra: Record<string, string> = {}) =>
      env({
        NODE_OPTIONS: `--import ${spy}`,
        NET_SPY_LOG: log(name),
        ROOTLINE_OLLAMA_HOST: ollama.url,
        ROOTLINE_HF_ENDPOINT: 'http://192.0.2.1',
        ROOTLINE_ARXIV_ENDPOINT: 'http://192.0.2.2',
        HF_ENDPOINT: 'https://huggingface.co',
        ...extra,
      });
    const connections = (name: string) =>
      existsSync(log(name)) ? readFileSync(log(name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { host: string; blocked: boolean }) : [];
    const args = ['trace', 'Linked Mix', '--library', library, '--max-depth', '2', '--model', 'ollama:qwen2.5:7b-instruct'];

    const offline = await startRootline([...args, '--project', join(dir, 'offline.rootline')], { env: spied('offline') }).done;
    expect(offline.code).toBe(0);
    const seen = connections('offline');
    expect(seen.length).toBeGreaterThan(0); // the spy sees the local model server…
    expect(seen.every((c) => c.host === '127.0.0.1' && !c.blocked)).toBe(true); // …and nothing else

    // A remote model server is refused before any connection, offline.
    const remote = await startRootline(['trace', 'Linked Mix', '--library', library, '--model', 'openai:m', '--project', join(dir, 'remote.rootline')], {
      env: spied('remote', { ROOTLINE_OPENAI_BASE_URL: 'http://192.0.2.3:8000/v1' }),
    }).done;
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/offline mode: refusing to contact 192\.0\.2\.3/);
    expect(connections('remote')).toEqual([]);

    // The control: online, the same trace asks the hub and arXiv (the spy blocks them; the run goes on).
    const on = await startRootline([...args, '--online', '--project', join(dir, 'online.rootline')], { env: spied('online') }).done;
    expect(on.code).toBe(0);
    const hosts = new Set(connections('online').map((c) => c.host));
    expect(hosts).toEqual(new Set(['127.0.0.1', '192.0.2.1', '192.0.2.2']));
    expect(on.stderr).toMatch(/! stingning\/ultrachat: hub: /);
  });

  it('stops on Ctrl-C (SIGINT) after abandoning the call in flight, exits 130, and leaves the run resumable', async () => {
    const ollama = await startFakeOllama({ script: () => ({ hang: true }) });
    servers.push(ollama);
    const project = join(dir, 'interrupted.rootline');
    const run = startRootline([...TRACE(project), '--model', 'ollama:qwen2.5:7b-instruct'], { env: env({ ROOTLINE_OLLAMA_HOST: ollama.url }) });
    await ollama.waitForRequests(1, '/api/chat');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/stopping after the current step/);
    expect(result.stdout).toMatch(/run #1 paused: cancelled/);
    expect(ollama.chats()[0]!.aborted).toBe(true);
    const opened = Project.open(project, { mustExist: true });
    expect(opened.runs.get(1)).toMatchObject({ status: 'paused', stopReason: 'cancelled' });
    expect(opened.runs.queue(1).find((q) => q.datasetId === 'acme-general-chat')?.status).toBe('pending');
    opened.close();
  });

  it('lists the new verbs in --help', async () => {
    const verbs = (await buildProgram()).commands.map((c) => c.name());
    expect(verbs).toEqual(expect.arrayContaining(['trace', 'review', 'models']));
  });

  it('reports a model server that stops answering mid-run, and exits 1 with how to resume', async () => {
    const honest = readingModel();
    const ollama = await startFakeOllama({ script: (request) => (request.index >= 2 ? { status: 503, error: 'server overloaded' } : honest(request)) });
    servers.push(ollama);
    const run = await startRootline([...TRACE(join(dir, 'overloaded.rootline')), '--model', 'ollama:qwen2.5:7b-instruct', '--concurrency', '1'], {
      env: env({ ROOTLINE_OLLAMA_HOST: ollama.url, ROOTLINE_MODEL_ATTEMPTS: '3' }),
    }).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/run #1 paused: server error \(503\): Ollama at .*: server overloaded; run the same command again to resume/);
    expect(ollama.chats()).toHaveLength(1 + 3);
  });
});
