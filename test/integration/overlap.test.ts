import Database from 'better-sqlite3';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeOverlap } from '../../engine/analyses/overlap/run.js';
import { sketchDatasets } from '../../engine/analyses/overlap/sketches.js';
import { OVERLAP_AGENT } from '../../engine/analyses/overlap/write.js';
import { encodeSketch } from '../../shared/analyses/overlap/codec.js';
import { Project } from '../../engine/project.js';
import { MIGRATIONS, migrate } from '../../engine/store/migrations.js';
import { APPLICATION_ID } from '../../engine/store/open.js';
import { seededRandom } from '../../shared/sampling/random.js';
import { rootline } from '../helpers/cli.js';
import { freshProjects, SAMPLES, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();
const SAMPLE_ROOT = join(SAMPLES, '..');

const random = seededRandom(7);
const VOCAB = Array.from({ length: 3000 }, (_, i) => `t${i.toString(36)}q`);
const say = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(VOCAB.length * random() ** 2)]!).join(' ');
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, instruction: say(15 + (i % 20)), output: say(30) }));
const jsonl = (list: unknown[]) => `${list.map((r) => JSON.stringify(r)).join('\n')}\n`;

/**
 * Three datasets with a known answer: "Curated Mix" holds 300 of Source C's 800 records verbatim, and
 * its card says it was built from Source A, of which it holds nothing.
 */
function lyingCard() {
  const dir = tempDir();
  const a = rows('a', 600);
  const c = rows('c', 800);
  const mix = [...c.slice(100, 400).map((r, i) => ({ ...r, id: `m-${i + 1}` })), ...rows('own', 100)];
  writeTree(dir, {
    'source-a/train.jsonl': jsonl(a),
    'source-c/train.jsonl': jsonl(c),
    'curated-mix/train.jsonl': jsonl(mix),
  });
  const project = fresh();
  for (const name of ['Source A', 'Source C', 'Curated Mix']) project.datasets.ensure({ name });
  // What the card states, as the extractor would record it: a quote from a document.
  const documentId = project.documents.add({ location: 'curated-mix/README.md', sha256: 'a'.repeat(64), kind: 'card', text: 'Curated Mix is a filtered subset of Source A.', datasetId: 'curated-mix' });
  project.edges.addFinding({ upstream: 'source-a', downstream: 'curated-mix', relation: 'Direct Inclusion/Subset', confidence: 0.9, quote: 'Curated Mix is a filtered subset of Source A.', documentId, start: 0, end: 45, agent: 'builtin' });
  project.edges.setAutomaticStatus(project.edges.between('source-a', 'curated-mix')!.id, 'accepted');
  return { dir, project, c, mix };
}

describe('lineage from sample overlap, written into the project', () => {
  it('a card that lies: the stated upstream is flagged and sent back to review, the real one is proposed with data evidence', async () => {
    const { dir, project, c, mix } = lyingCard();
    const report = await analyzeOverlap(project, dir);

    expect(report.contradicted.map((e) => [e.upstream, e.downstream])).toEqual([['source-a', 'curated-mix']]);
    const stated = project.edges.between('source-a', 'curated-mix')!;
    expect(stated.status).toBe('proposed');
    expect(project.edges.flagsOf(stated.id)).toEqual([{ flag: 'data-contradicts', detail: expect.stringMatching(/^0 of \d+ sampled Source A samples found in Curated Mix, 0 of \d+ the other way$/) }]);

    expect(report.discovered.map((e) => [e.upstream, e.downstream, e.relation, e.status, e.created])).toEqual([['source-c', 'curated-mix', 'Direct Inclusion/Subset', 'proposed', true]]);
    const found = project.edges.between('source-c', 'curated-mix')!;
    expect(found.confidence).toBeLessThan(0.7);
    const [evidence] = found.evidence;
    expect(evidence).toMatchObject({ kind: 'data', agent: OVERLAP_AGENT, documentId: null, relation: 'Direct Inclusion/Subset' });
    expect(evidence!.quote).toMatch(/^from data: 3\d% of Source C's samples found in Curated Mix \(exact 3\d%, near \d+%\), [78]\d% of Curated Mix's found in Source C/);
    const overlap = evidence!.overlap!;
    expect(Math.abs(overlap.upstreamInDownstream.share - 300 / 800)).toBeLessThan(0.06);
    expect(Math.abs(overlap.downstreamInUpstream.share - 300 / 400)).toBeLessThan(0.06);
    // The matched samples named are the same record on both sides, at the rows given.
    expect(overlap.examples.length).toBeGreaterThan(0);
    for (const e of overlap.examples) {
      expect(e.upstream.file).toBe(join(dir, 'source-c/train.jsonl'));
      const up = c[e.upstream.row - 1]!;
      const down = mix[e.downstream.row - 1]!;
      expect([down.instruction, down.output]).toEqual([up.instruction, up.output]);
    }
    const audit = project.audit.entries().filter((a) => a.actor === OVERLAP_AGENT);
    expect(audit.map((a) => [a.action, a.target.replace(/^#\d+ /, '')])).toEqual([
      ['edge.propose', 'source-c -> curated-mix'],
      ['edge.flag', 'source-a -> curated-mix'],
      ['edge.status', 'source-a -> curated-mix'],
    ]);
    project.close();
  });

  it('reads each dataset once: a second run reuses the sketches and changes nothing; a changed file is read again', async () => {
    const { dir, project } = lyingCard();
    await analyzeOverlap(project, dir);
    const before = { audit: project.audit.entries().length, evidence: project.edges.evidenceCount(), edges: project.edges.count() };
    const again = await analyzeOverlap(project, dir);
    expect(again.datasets.map((d) => d.read)).toEqual([false, false, false]);
    expect({ audit: project.audit.entries().length, evidence: project.edges.evidenceCount(), edges: project.edges.count() }).toEqual(before);
    expect(again.discovered.map((e) => [e.upstream, e.created])).toEqual([['source-c', false]]);

    const file = join(dir, 'source-a/train.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8') + jsonl(rows('late', 5)));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const third = await analyzeOverlap(project, dir);
    expect(third.datasets.filter((d) => d.read).map((d) => d.id)).toEqual(['source-a']);
    project.close();
  });

  it("never changes a person's decision: a rejected proposal stays rejected, an accepted stated edge keeps its status and gets the flag", async () => {
    const { dir, project } = lyingCard();
    await analyzeOverlap(project, dir);
    const proposal = project.edges.between('source-c', 'curated-mix')!;
    const stated = project.edges.between('source-a', 'curated-mix')!;
    project.reviewEdge(proposal.id, 'rejected', 'alice');
    project.reviewEdge(stated.id, 'accepted', 'alice');
    const again = await analyzeOverlap(project, dir);
    expect(again.rejected.map((e) => e.edgeId)).toEqual([proposal.id]);
    expect(project.edges.get(proposal.id)!.status).toBe('rejected');
    expect(project.edges.get(stated.id)!.status).toBe('accepted');
    expect(again.contradicted.map((e) => [e.edgeId, e.status])).toEqual([[stated.id, 'accepted']]);
    project.close();
  });

  it('confirms a stated edge the samples show, beside its quote, and clears an earlier contradiction', async () => {
    const { dir, project } = lyingCard();
    await analyzeOverlap(project, dir);
    // The files change: Curated Mix now does hold part of Source A.
    const a = readFileSync(join(dir, 'source-a/train.jsonl'), 'utf8').trim().split('\n').slice(0, 250);
    const mixFile = join(dir, 'curated-mix/train.jsonl');
    writeFileSync(mixFile, readFileSync(mixFile, 'utf8') + `${a.join('\n')}\n`);
    utimesSync(mixFile, new Date(), new Date(Date.now() + 5000));
    const report = await analyzeOverlap(project, dir);
    // Curated Mix is now parts of two sources: a fusion, which agrees with the card's "subset of Source A".
    expect(report.confirmed.map((e) => [e.upstream, e.downstream, e.relation])).toEqual([['source-a', 'curated-mix', 'Direct Inclusion/Subset']]);
    expect(report.discovered.map((e) => [e.upstream, e.downstream, e.relation])).toEqual([['source-c', 'curated-mix', 'Structured Fusion']]);
    expect(report.contradicted).toEqual([]);
    const stated = project.edges.between('source-a', 'curated-mix')!;
    expect(stated.evidence.map((e) => e.kind).sort()).toEqual(['data', 'quote']);
    expect(stated.evidence.find((e) => e.kind === 'data')!.overlap!.direction).toBe('stated');
    expect(project.edges.flagsOf(stated.id).map((f) => f.flag)).not.toContain('data-contradicts');
    expect(project.audit.entries().some((a) => a.action === 'edge.unflag' && a.target.endsWith('source-a -> curated-mix'))).toBe(true);
    project.close();
  });

  it('sketches datasets on worker threads exactly as on one thread', async () => {
    const { dir } = lyingCard();
    const located = new Map(['source-a', 'source-c', 'curated-mix'].map((id) => [id, [join(dir, id, 'train.jsonl')]]));
    const one = fresh();
    const many = fresh();
    for (const p of [one, many]) for (const id of located.keys()) p.datasets.ensure({ id, name: id });
    const fallbacks: Error[] = [];
    const single = await sketchDatasets(one, located, { threads: 1 });
    const parallel = await sketchDatasets(many, located, { threads: 2, parallelBytes: 0, onSingleThreadFallback: (e) => fallbacks.push(e) });
    expect(fallbacks).toEqual([]);
    expect(parallel.map((s) => s.datasetId)).toEqual(single.map((s) => s.datasetId));
    for (const id of located.keys()) expect(encodeSketch(many.sketches.sketch(id)!)).toEqual(encodeSketch(one.sketches.sketch(id)!));
    expect(one.sketches.sketch('source-c')!.prompts.keys.length).toBe(800);
    one.close();
    many.close();
  });

  it('compares CSV and JSON files with JSONL ones by their text, whatever the field names', async () => {
    const dir = tempDir();
    const a = rows('a', 300);
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    writeTree(dir, {
      'set-a/train.jsonl': jsonl(a),
      'set-b/part.csv': `prompt,response\n${a.slice(0, 120).map((r) => `${quote(r.instruction)},${quote(r.output)}`).join('\n')}\n`,
      'set-c/part.json': JSON.stringify(a.slice(150, 250).map((r) => ({ messages: [{ role: 'user', content: r.instruction }, { role: 'assistant', content: r.output }] }))),
    });
    const project = fresh();
    for (const name of ['Set A', 'Set B', 'Set C']) project.datasets.ensure({ name });
    const report = await analyzeOverlap(project, dir);
    expect(report.discovered.map((e) => [e.upstream, e.downstream, e.relation]).sort()).toEqual([['set-a', 'set-b', 'Direct Inclusion/Subset'], ['set-a', 'set-c', 'Direct Inclusion/Subset']]);
    expect(report.datasets.map((d) => d.samples)).toEqual([300, 120, 100]);
    project.close();
  });

  it('reports a broken row and an unreadable file by name and goes on with the rest', async () => {
    const dir = tempDir();
    const a = rows('a', 200);
    writeTree(dir, {
      'set-a/train.jsonl': jsonl(a),
      'set-b/train.jsonl': `${jsonl(a.slice(0, 100))}{"instruction": broken\n`,
      'set-b/more.jsonl.gz': 'not gzip at all',
    });
    const project = fresh();
    for (const name of ['Set A', 'Set B']) project.datasets.ensure({ name });
    const problems: string[] = [];
    const report = await analyzeOverlap(project, dir, { onProblem: (p) => problems.push(`${p.file}:${p.row}: ${p.message}`), onFileError: (file, message) => problems.push(`${file}: ${message}`) });
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${join(dir, 'set-b/train.jsonl')}:101: not valid JSON`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${join(dir, 'set-b/more.jsonl.gz')}(:1)?: cannot read line 1: incorrect header check`)));
    expect(report.discovered.map((e) => [e.upstream, e.downstream])).toEqual([['set-a', 'set-b']]);
    project.close();
  });

  it('a project file from before the sketches keeps its flags and evidence after the upgrade', () => {
    const file = join(tempDir(), 'old.rootline');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, MIGRATIONS.filter((m) => m.version < 4));
    const now = '2025-01-01T00:00:00Z';
    db.prepare("INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('a', 'A', ?, ?), ('b', 'B', ?, ?)").run(now, now, now, now);
    db.prepare("INSERT INTO edges (id, upstream, downstream, relation, confidence, created_at, updated_at) VALUES (1, 'a', 'b', 'CoT Distillation', 0.8, ?, ?)").run(now, now);
    db.prepare("INSERT INTO evidence (edge_id, quote, agent, relation, confidence, created_at) VALUES (1, 'B distils A.', 'builtin', 'CoT Distillation', 0.8, ?)").run(now);
    db.prepare("INSERT INTO edge_flags (edge_id, flag, detail, created_at) VALUES (1, 'upstream-newer', 'a 2024 > b 2023', ?)").run(now);
    db.close();
    const project = Project.open(file);
    expect(project.edges.flagsOf(1)).toEqual([{ flag: 'upstream-newer', detail: 'a 2024 > b 2023' }]);
    expect(project.edges.get(1)!.evidence[0]).toMatchObject({ kind: 'quote', overlap: null, quote: 'B distils A.' });
    project.edges.setFlag(1, 'data-contradicts', 'none found');
    expect(project.edges.flagsOf(1).map((f) => f.flag)).toEqual(['data-contradicts', 'upstream-newer']);
    project.close();
  });
});

describe('rootline analyze overlap on the shipped samples', () => {
  it('finds the upstream no card names, flags the card that names the wrong one, and confirms the rest', () => {
    const dir = tempDir();
    const project = join(dir, 'demo.rootline');
    expect(rootline(['ingest', SAMPLES, '--project', project]).code).toBe(0);
    const run = rootline(['analyze', 'overlap', '--project', project, '--samples', SAMPLE_ROOT, '--json']);
    expect(run.code).toBe(0);
    const report = run.json<{ discovered: Array<{ upstream: string; downstream: string; relation: string; status: string }>; contradicted: Array<{ upstream: string; downstream: string }>; confirmed: Array<{ upstream: string; downstream: string }> }>();
    expect(report.discovered.map((e) => [e.upstream, e.downstream, e.relation, e.status])).toEqual([['acme-support-logs', 'acme-helpdesk-qa', 'CoT Distillation', 'proposed']]);
    expect(report.contradicted.map((e) => [e.upstream, e.downstream])).toEqual([['databricks/databricks-dolly-15k', 'acme-helpdesk-qa']]);
    expect(report.confirmed.map((e) => e.upstream).sort()).toEqual(['acme-math-tutor', 'acme-support-logs', 'databricks/databricks-dolly-15k']);

    const human = rootline(['analyze', 'overlap', '--project', project, '--samples', SAMPLE_ROOT]);
    expect(human.stdout).toMatch(/Found in the data, not stated by any card \(proposed for review\):\n\s+edge\s+upstream → downstream\s+relation\s+up in down\s+down in up\s+exact \/ near\s+status\n\s+#\d+\s+acme-support-logs → acme-helpdesk-qa\s+CoT Distillation/);
    expect(human.stdout).toContain("e.g. Acme Support Logs train.jsonl:");
    const review = rootline(['review', '--project', project]);
    expect(review.stdout).toMatch(/acme-support-logs → acme-helpdesk-qa[^\n]*\n\s+why:[^\n]*\n\s+from data: /);
    expect(review.stdout).toMatch(/databricks-dolly-15k → acme-helpdesk-qa[^\n]*\n\s+why:[^\n]*the sample files show none of the upstream/);
  });

  it('asks for the samples folder and names a missing one', () => {
    const dir = tempDir();
    const project = join(dir, 'p.rootline');
    expect(rootline(['ingest', join(SAMPLES, 'ultrafeedback.md'), '--project', project]).code).toBe(0);
    expect(rootline(['analyze', 'overlap', '--project', project]).stderr).toMatch(/--samples <dir>/);
    const missing = rootline(['analyze', 'overlap', '--project', project, '--samples', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope: no such folder/);
  });
});
