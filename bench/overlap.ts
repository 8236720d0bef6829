/**
 * Lineage from sample overlap on 50 synthetic datasets (5 million samples by default) with planted
 * lineage of every kind: subsets (one of them of a subset), regenerated answers, rewritten prompts,
 * fusions of several parts, and unrelated sets sharing a system prompt and canned answers. Reports
 * precision and recall of the planted edges and their relations, the containment estimate's error,
 * the run time and peak memory against reading and parsing the same files in the same run (each in
 * its own process, so peak memory is the analysis's own). Aims: precision and recall ≥ 0.95, relation
 * accuracy ≥ 0.85, within 5× the read+parse floor, peak memory under 2 GB.
 *
 *   npm run bench -- overlap [--samples 5000000] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyzeOverlap } from '../engine/analyses/overlap/run.js';
import { Project } from '../engine/project.js';
import { readSampleBatches } from '../engine/samples/read.js';
import type { Relation } from '../shared/domain/vocabulary.js';
import { fnv1a32 } from '../shared/analyses/text/hash.js';
import { numberArg, round, seeded, vocabulary } from './lib/measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));

interface Planted {
  upstream: string;
  downstream: string;
  relation: Relation;
  /** Records the downstream took from the upstream. */
  taken: number;
}

interface Plan {
  id: string;
  size: number;
  format: number;
  /** Roots and boilerplate roots are generated; derived sets take records from their sources. */
  kind: 'root' | 'boilerplate' | 'subset' | 'regenerated' | 'rewritten' | 'fusion';
  sources: Array<{ id: string; fraction: number }>;
  own: number;
}

// ---------------------------------------------------------------------------------------------------
// The datasets: records are made from (dataset, index) alone, so a derived set regenerates the records
// it takes instead of keeping its sources in memory.

const words = vocabulary(seeded(5), 30_000);
/** Zipf-like: a few words are very common, as in real text. */
const word = (random: () => number) => words[Math.floor(words.length * random() ** 4)]!;
const text = (random: () => number, count: number) => {
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = word(random);
  return out.join(' ');
};
const SYSTEM = 'You are a helpful assistant for Acme customers. Answer politely and in full sentences.';
const CANNED = ['I am sorry, but I cannot help with that request.', 'Thank you for your question! Here is what I found.', 'Sure, here is the answer you asked for.'];
const GENERIC = ['Hello', 'Tell me a joke.', 'What can you do?', 'Thanks a lot!', 'Write a short poem about the sea.'];

interface Sample {
  prompt: string;
  response: string;
}

function baseRecord(plan: Plan, index: number): Sample {
  const random = seeded((fnv1a32(plan.id) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  if (random() < 0.003) return { prompt: GENERIC[Math.floor(random() * GENERIC.length)]!, response: text(random, 10 + Math.floor(random() * 20)) };
  const question = text(random, 10 + Math.floor(random() * 30));
  if (plan.kind !== 'boilerplate') return { prompt: question, response: text(random, 20 + Math.floor(random() * 50)) };
  const response = random() < 0.2 ? CANNED[Math.floor(random() * CANNED.length)]! : text(random, 20 + Math.floor(random() * 50));
  return { prompt: `${SYSTEM}\n${question}`, response };
}

function rewrite(prompt: string, random: () => number): string {
  const tokens = prompt.split(' ');
  const edits = Math.max(1, Math.round(tokens.length * 0.08));
  for (let e = 0; e < edits; e++) tokens[Math.floor(random() * tokens.length)] = word(random);
  return tokens.join(' ');
}

const FORMATS: Array<(s: Sample, id: string) => unknown> = [
  (s, id) => ({ id, instruction: s.prompt, output: s.response }),
  (s, id) => ({ id, prompt: s.prompt, response: s.response }),
  (s, id) => ({ id, question: s.prompt, answer: s.response }),
  (s, id) => ({ id, messages: [{ role: 'user', content: s.prompt }, { role: 'assistant', content: s.response }] }),
  (s, id) => ({ id, conversations: [{ from: 'human', value: s.prompt }, { from: 'gpt', value: s.response }] }),
];

function planDatasets(total: number, random: () => number): { plans: Plan[]; planted: Planted[] } {
  const plans: Plan[] = [];
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const roots = Array.from({ length: 20 }, (_, i) => `root-${String(i + 1).padStart(2, '0')}`);
  const boiler = Array.from({ length: 5 }, (_, i) => `boiler-${i + 1}`);
  for (const id of roots) plans.push({ id, size: Math.round(between(60_000, 240_000)), format: 0, kind: 'root', sources: [], own: 0 });
  for (const id of boiler) plans.push({ id, size: 100_000, format: 0, kind: 'boilerplate', sources: [], own: 0 });
  const derive = (id: string, kind: Plan['kind'], sources: Array<{ id: string; fraction: number }>, ownShare: number) =>
    plans.push({ id, size: 0, format: 0, kind, sources, own: ownShare });
  for (let i = 1; i <= 6; i++) derive(`subset-${i}`, 'subset', [{ id: pick(roots), fraction: between(0.1, 0.5) }], between(0, 0.3));
  derive('subset-of-subset', 'subset', [{ id: 'subset-1', fraction: 0.4 }], 0);
  derive('subset-boiler-1', 'subset', [{ id: 'boiler-1', fraction: between(0.2, 0.4) }], 0.1);
  derive('subset-boiler-2', 'subset', [{ id: 'boiler-2', fraction: between(0.2, 0.4) }], 0.1);
  for (let i = 1; i <= 5; i++) derive(`regenerated-${i}`, 'regenerated', [{ id: pick(roots), fraction: between(0.2, 0.6) }], between(0, 0.2));
  derive('regenerated-boiler', 'regenerated', [{ id: 'boiler-3', fraction: 0.3 }], 0.1);
  for (let i = 1; i <= 5; i++) derive(`rewritten-${i}`, 'rewritten', [{ id: pick(roots), fraction: between(0.2, 0.6) }], between(0, 0.2));
  for (let i = 1; i <= 5; i++) {
    const parts = [...roots].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    derive(`fusion-${i}`, 'fusion', parts.map((id) => ({ id, fraction: between(0.15, 0.4) })), between(0, 0.25));
  }
  // Sizes: roots scaled so that all datasets together hold `total` samples.
  const sizeOf = (plan: Plan): number => {
    if (plan.kind === 'root' || plan.kind === 'boilerplate') return plan.size;
    const taken = plan.sources.reduce((sum, s) => sum + Math.round(sizeOf(plans.find((p) => p.id === s.id)!) * s.fraction), 0);
    return Math.round(taken / (1 - plan.own));
  };
  const nominal = plans.reduce((sum, p) => sum + sizeOf(p), 0);
  for (const p of plans) if (p.kind === 'root' || p.kind === 'boilerplate') p.size = Math.max(100, Math.round((p.size * total) / nominal));
  const planted: Planted[] = [];
  const relationOf: Record<string, Relation> = { subset: 'Direct Inclusion/Subset', regenerated: 'CoT Distillation', rewritten: 'Semantic Evolution', fusion: 'Structured Fusion' };
  plans.forEach((p, i) => {
    p.format = i % FORMATS.length;
    if (p.kind === 'root' || p.kind === 'boilerplate') return;
    for (const s of p.sources) planted.push({ upstream: s.id, downstream: p.id, relation: relationOf[p.kind]!, taken: Math.round(sizeOf(plans.find((q) => q.id === s.id)!) * s.fraction) });
    p.size = sizeOf(p);
  });
  return { plans, planted };
}

/** Record `index` of a dataset, as a function: derived sets call their sources' records. */
function recordOf(plans: Map<string, Plan>, plan: Plan, index: number, picks: Map<string, Int32Array[]>): Sample {
  if (plan.kind === 'root' || plan.kind === 'boilerplate') return baseRecord(plan, index);
  const parts = picks.get(plan.id)!;
  let at = index;
  for (const [k, source] of plan.sources.entries()) {
    const chosen = parts[k]!;
    if (at < chosen.length) {
      const original = recordOf(plans, plans.get(source.id)!, chosen[at]!, picks);
      const random = seeded((fnv1a32(plan.id) ^ Math.imul(index + 7, 0x85ebca6b)) >>> 0);
      if (plan.kind === 'regenerated') return { prompt: original.prompt, response: `Let us think step by step. ${text(random, 40 + Math.floor(random() * 60))}` };
      if (plan.kind === 'rewritten') return { prompt: rewrite(original.prompt, random), response: text(random, 20 + Math.floor(random() * 50)) };
      return original;
    }
    at -= chosen.length;
  }
  return baseRecord(plan, index);
}

/** Which of a source's records each derived set takes (a random subset of the right size). */
function choosePicks(plans: Map<string, Plan>, planted: Planted[]): Map<string, Int32Array[]> {
  const picks = new Map<string, Int32Array[]>();
  for (const plan of plans.values()) {
    if (plan.kind === 'root' || plan.kind === 'boilerplate') continue;
    picks.set(plan.id, plan.sources.map((s) => {
      const random = seeded(fnv1a32(`${plan.id}<${s.id}`));
      const size = plans.get(s.id)!.size;
      const want = planted.find((p) => p.upstream === s.id && p.downstream === plan.id)!.taken;
      const all = Int32Array.from({ length: size }, (_, i) => i);
      for (let i = 0; i < want; i++) {
        const j = i + Math.floor(random() * (size - i));
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return all.slice(0, want);
    }));
  }
  return picks;
}

async function generate(dir: string, total: number): Promise<{ plans: Plan[]; planted: Planted[]; bytes: number }> {
  const { plans, planted } = planDatasets(total, seeded(2026));
  const byId = new Map(plans.map((p) => [p.id, p]));
  const picks = choosePicks(byId, planted);
  let bytes = 0;
  for (const plan of plans) {
    const folder = join(dir, plan.id);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'train.jsonl');
    const out = createWriteStream(file);
    const format = FORMATS[plan.format]!;
    let chunk = '';
    for (let i = 0; i < plan.size; i++) {
      chunk += `${JSON.stringify(format(recordOf(byId, plan, i, picks), `${plan.id}-${i}`))}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        chunk = '';
      }
    }
    out.write(chunk);
    await new Promise((resolve) => out.end(resolve));
    bytes += statSync(file).size;
  }
  return { plans, planted, bytes };
}

// ---------------------------------------------------------------------------------------------------
// The measured runs, each in a child process of its own.

interface ChildResult {
  seconds: number;
  /** CPU time of the process (user + system): less sensitive than wall time to other work on the machine. */
  cpuSeconds: number;
  peakMb: number;
  samples?: number;
  edges?: Array<{ upstream: string; downstream: string; relation: Relation; upInDown: number; downInUp: number; errorUp: number; errorDown: number }>;
  contradicted?: number;
}

async function child(mode: string, dir: string, projectFile: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result: ChildResult = { seconds: 0, cpuSeconds: 0, peakMb: 0 };
  if (mode === 'floor') {
    let samples = 0;
    for (const plan of JSON.parse(readFileSync(join(dir, 'plans.json'), 'utf8')) as Plan[]) {
      for await (const batch of readSampleBatches(join(dir, plan.id, 'train.jsonl'))) samples += batch.length;
    }
    result.samples = samples;
  } else {
    const project = Project.open(projectFile);
    const report = await analyzeOverlap(project, dir);
    project.close();
    result.samples = report.datasets.reduce((sum, d) => sum + d.samples, 0);
    result.edges = report.discovered.map((e) => ({
      upstream: e.upstream, downstream: e.downstream, relation: e.relation,
      upInDown: e.overlap.upstreamInDownstream.share, downInUp: e.overlap.downstreamInUpstream.share,
      errorUp: e.overlap.upstreamInDownstream.error, errorDown: e.overlap.downstreamInUpstream.error,
    }));
    result.contradicted = report.contradicted.length;
  }
  result.seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  result.cpuSeconds = (used.user + used.system) / 1e6;
  result.peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(mode: string, dir: string, projectFile: string): ChildResult {
  const out = spawnSync(process.execPath, ['--max-old-space-size=4096', join(HERE, '../bin/run-ts.js'), join(HERE, 'overlap.ts'), '--child', mode, dir, projectFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${mode} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function main(): Promise<void> {
  const total = numberArg('--samples', 5_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-overlap-'));
  try {
    const generationStart = performance.now();
    const { plans, planted, bytes } = await generate(dir, total);
    writeFileSync(join(dir, 'plans.json'), JSON.stringify(plans));
    const projectFile = join(dir, 'bench.rootline');
    const project = Project.open(projectFile);
    for (const plan of plans) project.datasets.ensure({ id: plan.id, name: plan.id });
    project.close();
    const generationSeconds = (performance.now() - generationStart) / 1000;

    const floor = run('floor', dir, projectFile);
    const first = run('analyze', dir, projectFile);
    const again = run('analyze', dir, projectFile);

    const found = first.edges ?? [];
    const key = (e: { upstream: string; downstream: string }) => `${e.upstream}->${e.downstream}`;
    const truth = new Map(planted.map((p) => [key(p), p]));
    const correct = found.filter((e) => truth.has(key(e)));
    const reversed = found.filter((e) => truth.has(`${e.downstream}->${e.upstream}`));
    const relationRight = correct.filter((e) => truth.get(key(e))!.relation === e.relation);
    const sizes = new Map(plans.map((p) => [p.id, p.size]));
    const errors = correct.flatMap((e) => {
      const p = truth.get(key(e))!;
      return [Math.abs(e.upInDown - p.taken / sizes.get(p.upstream)!), Math.abs(e.downInUp - p.taken / sizes.get(p.downstream)!)];
    });
    const byKind = (relation: Relation) => {
      const kind = planted.filter((p) => p.relation === relation);
      const hit = kind.filter((p) => correct.some((e) => key(e) === key(p)));
      return { planted: kind.length, found: hit.length, relationRight: relationRight.filter((e) => truth.get(key(e))!.relation === relation).length };
    };
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    console.log(JSON.stringify({
      benchmark: 'overlap',
      datasets: plans.length,
      samples: first.samples,
      gigabytes: round(bytes / 1024 ** 3, 2),
      generationSeconds: round(generationSeconds, 1),
      planted: planted.length,
      proposed: found.length,
      precision: round(found.length ? correct.length / found.length : 0, 3),
      recall: round(correct.length / planted.length, 3),
      relationAccuracy: round(correct.length ? relationRight.length / correct.length : 0, 3),
      byRelation: Object.fromEntries(['Direct Inclusion/Subset', 'CoT Distillation', 'Semantic Evolution', 'Structured Fusion'].map((r) => [r, byKind(r as Relation)])),
      reversed: reversed.map(key),
      wrong: found.filter((e) => !truth.has(key(e)) && !truth.has(`${e.downstream}->${e.upstream}`)).map((e) => `${key(e)} ${e.relation} ${e.upInDown}/${e.downInUp}`),
      missed: planted.filter((p) => !correct.some((e) => key(e) === key(p))).map(key),
      containmentError: { meanAbsolute: round(mean(errors), 4), maxAbsolute: round(Math.max(0, ...errors), 4), meanReported95: round(mean(found.flatMap((e) => [e.errorUp, e.errorDown])), 4) },
      floor: { what: 'read + JSON.parse every file with the same reader', seconds: round(floor.seconds, 1), cpuSeconds: round(floor.cpuSeconds, 1), peakMb: Math.round(floor.peakMb) },
      overlap: { seconds: round(first.seconds, 1), cpuSeconds: round(first.cpuSeconds, 1), peakMb: Math.round(first.peakMb), ratioToFloor: round(first.seconds / floor.seconds, 2), cpuRatioToFloor: round(first.cpuSeconds / floor.cpuSeconds, 2) },
      rerunUnchangedFiles: { seconds: round(again.seconds, 1), cpuSeconds: round(again.cpuSeconds, 1), peakMb: Math.round(again.peakMb) },
      projectFileMb: Math.round(statSync(projectFile).size / 1024 / 1024),
      aims: 'precision and recall >= 0.95, relation accuracy >= 0.85, <= 5x the floor, peak < 2 GB',
    }, null, 2));
  } finally {
    if (process.argv.includes('--keep')) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!, process.argv[childAt + 3]!);
else await main();
