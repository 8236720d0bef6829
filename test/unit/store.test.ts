import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../engine/project.js';
import { LATEST_VERSION } from '../../engine/store/migrations.js';
import { freshProjects, tempDir } from '../helpers/temp.js';

const dir = tempDir();
const freshProject = freshProjects();

function finding(upstream: string, downstream: string, extra: Partial<Parameters<Project['edges']['addFinding']>[0]> = {}) {
  return { upstream, downstream, relation: 'Direct Inclusion/Subset' as const, confidence: 0.8, quote: `${upstream} feeds ${downstream}`, agent: 'test', ...extra };
}

describe('project file', () => {
  it('is a WAL SQLite file with foreign keys and the latest schema', () => {
    const project = freshProject();
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    project.close();
  });

  it('refuses a file that is not a project, naming it', () => {
    const file = join(dir, 'not-a-project.rootline');
    const db = new Database(file);
    db.exec('CREATE TABLE other (x)');
    db.close();
    expect(() => Project.open(file)).toThrow(/not-a-project\.rootline.*not a Rootline project|no datasets table/);
  });

  it('refuses a project newer than this Rootline', () => {
    const file = join(dir, 'future.rootline');
    Project.open(file).close();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => Project.open(file)).toThrow(/schema version 999.*update Rootline/);
  });

  it('reopens with its data intact', () => {
    const file = join(dir, 'reopen.rootline');
    const first = Project.open(file);
    first.datasets.ensure({ id: 'openai/gsm8k', name: 'GSM8K', domains: ['Math'] });
    first.close();
    const again = Project.open(file, { mustExist: true });
    expect(again.datasets.get('openai/gsm8k')?.domains).toEqual(['Math']);
    again.close();
  });
});

describe('datasets', () => {
  it('makes one node of many spellings, and keeps hub orgs apart', () => {
    const project = freshProject();
    const id = project.datasets.ensure({ id: 'openai/gsm8k', name: 'GSM8K', aliases: ['Grade School Math 8K'] });
    expect(project.datasets.ensure({ name: 'gsm-8k' })).toBe(id);
    expect(project.datasets.resolve('grade school math 8k')).toBe(id);
    expect(project.datasets.resolve('gsm8k')).toBe(id);
    // Another org's dataset with the same short name is another dataset.
    expect(project.datasets.ensure({ id: 'someone/gsm8k', name: 'someone/gsm8k' })).toBe('someone/gsm8k');
    expect(project.datasets.count()).toBe(2);
    project.close();
  });

  it('fills missing fields without overwriting known ones', () => {
    const project = freshProject();
    project.datasets.ensure({ name: 'Dolly 15k', license: 'cc-by-sa-3.0' });
    project.datasets.ensure({ name: 'dolly-15k', license: 'mit', summary: 'Human-written instructions', kind: 'dataset' });
    const dolly = project.datasets.get('dolly-15k')!;
    expect(dolly.license).toBe('cc-by-sa-3.0');
    expect(dolly.summary).toBe('Human-written instructions');
    project.close();
  });

  it('answers per-domain queries', () => {
    const project = freshProject();
    project.datasets.ensure({ name: 'A', domains: ['Math'] });
    project.datasets.ensure({ name: 'B', domains: ['Math', 'Code'] });
    project.datasets.ensure({ name: 'C', domains: ['Legal'] });
    expect(project.datasets.inDomain('math')).toEqual(['a', 'b']);
    expect(project.datasets.domainCounts()).toEqual([
      { domain: 'Math', datasets: 2 },
      { domain: 'Code', datasets: 1 },
      { domain: 'Legal', datasets: 1 },
    ]);
    project.close();
  });
});

describe('edges and evidence', () => {
  it('keeps one edge per pair; more findings add evidence, the same finding adds nothing', () => {
    const project = freshProject();
    for (const name of ['up', 'down']) project.datasets.ensure({ name });
    const first = project.edges.addFinding(finding('up', 'down'));
    const second = project.edges.addFinding(finding('up', 'down', { quote: 'another quote', confidence: 0.95, relation: 'Structured Fusion' }));
    const again = project.edges.addFinding(finding('up', 'down'));
    expect(first.createdEdge).toBe(true);
    expect(second).toMatchObject({ createdEdge: false, addedEvidence: true, edgeId: first.edgeId });
    expect(again.addedEvidence).toBe(false);
    const edge = project.edges.between('up', 'down')!;
    expect(edge.evidence).toHaveLength(2);
    expect(edge.confidence).toBe(0.95);
    expect(project.edges.count()).toBe(1);
    project.close();
  });

  it('lets evidence vote on the relation, until a person sets it', () => {
    const project = freshProject();
    for (const name of ['up', 'down']) project.datasets.ensure({ name });
    const { edgeId } = project.edges.addFinding(finding('up', 'down', { relation: 'Direct Inclusion/Subset', confidence: 0.6 }));
    project.edges.addFinding(finding('up', 'down', { relation: 'CoT Distillation', confidence: 0.9, quote: 'q2' }));
    expect(project.edges.get(edgeId)?.relation).toBe('CoT Distillation');
    project.setEdgeRelation(edgeId, 'Semantic Evolution', 'alice');
    project.edges.addFinding(finding('up', 'down', { relation: 'CoT Distillation', confidence: 0.9, quote: 'q3' }));
    expect(project.edges.get(edgeId)?.relation).toBe('Semantic Evolution');
    project.close();
  });

  it('rolls back a transaction that fails halfway', () => {
    const project = freshProject();
    project.datasets.ensure({ name: 'kept' });
    expect(() =>
      project.transaction(() => {
        project.datasets.ensure({ name: 'half-written' });
        project.edges.addFinding(finding('kept', 'no-such-dataset'));
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(project.datasets.resolve('half-written')).toBeUndefined();
    expect(project.edges.count()).toBe(0);
    project.close();
  });
});

describe('lineage queries', () => {
  // a → b → c → d, a → c, e → d; x ⇄ y (a cycle); s → s (a self-loop)
  const build = () => {
    const project = freshProject();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'x', 'y', 's']) project.datasets.ensure({ name });
    for (const [u, d] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'c'], ['e', 'd'], ['x', 'y'], ['y', 'x'], ['s', 's']]) project.edges.addFinding(finding(u!, d!));
    return project;
  };

  it('walks ancestors and descendants to a depth, each dataset once at its shortest distance', () => {
    const project = build();
    expect(project.lineage.ancestors('d').map((s) => [s.id, s.depth])).toEqual([['c', 1], ['e', 1], ['a', 2], ['b', 2]]);
    expect(project.lineage.ancestors('d', 1).map((s) => s.id)).toEqual(['c', 'e']);
    expect(project.lineage.descendants('a').map((s) => [s.id, s.depth])).toEqual([['b', 1], ['c', 1], ['d', 2]]);
    project.close();
  });

  it('ends walks on cycles and reports them', () => {
    const project = build();
    expect(project.lineage.ancestors('x').map((s) => s.id)).toEqual(['y']);
    expect(project.lineage.selfLoops()).toEqual(['s']);
    const cycles = project.lineage.cycles().map((c) => c.join('>'));
    expect(cycles).toContain('s>s');
    expect(cycles.some((c) => c === 'x>y>x' || c === 'y>x>y')).toBe(true);
    project.close();
  });

  it('lists roots (no upstream) and leaves (no downstream); rejected edges do not count', () => {
    const project = build();
    expect(project.lineage.roots()).toEqual(['a', 'e', 's']);
    expect(project.lineage.leaves()).toEqual(['d', 's']);
    project.reviewEdge(project.edges.between('c', 'd')!.id, 'rejected', 'bob');
    expect(project.lineage.leaves()).toEqual(['c', 'd', 's']);
    expect(project.lineage.ancestors('d').map((s) => s.id)).toEqual(['e']);
    project.close();
  });
});

describe('audit log', () => {
  it('records every human change, and cannot be edited or deleted', () => {
    const project = freshProject();
    for (const name of ['up', 'down']) project.datasets.ensure({ name });
    const { edgeId } = project.edges.addFinding(finding('up', 'down'));
    project.reviewEdge(edgeId, 'accepted', 'alice');
    project.setEdgeRelation(edgeId, 'Structured Fusion', 'alice');
    project.updateDataset('down', { kind: 'benchmark', domains: ['Math'] }, 'bob');
    const entries = project.audit.entries();
    expect(entries.map((e) => [e.actor, e.action, e.before, e.after]).slice(0, 2)).toEqual([
      ['alice', 'edge.status', 'proposed', 'accepted'],
      ['alice', 'edge.relation', 'Direct Inclusion/Subset', 'Structured Fusion'],
    ]);
    expect(entries[2]).toMatchObject({ actor: 'bob', action: 'dataset.update', target: 'down' });
    expect(project.datasets.get('down')).toMatchObject({ kind: 'benchmark', domains: ['Math'] });
    expect(() => project.db.prepare('UPDATE audit_log SET actor = ?').run('mallory')).toThrow(/append-only/);
    expect(() => project.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    project.close();
  });

  it('writes nothing when the change is refused', () => {
    const project = freshProject();
    expect(() => project.reviewEdge(42, 'accepted', 'alice')).toThrow(/no edge #42/);
    expect(project.audit.entries()).toHaveLength(0);
    project.close();
  });
});
