/** Exports of hostile names: CSV that no spreadsheet runs as a formula, XML that a strict parser accepts. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseGexf } from 'graphology-gexf';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { writeSampleList } from '../../engine/sampling/write.js';
import { readSamples } from '../../engine/samples/read.js';
import { rootline } from '../helpers/cli.js';
import { freshProjects, tempDir } from '../helpers/temp.js';

const FORMULAS = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '@SUM(1+1)', '=HYPERLINK("http://evil.example","click")', '-2+3', '\tx=1', '\r=1+1'];
const CONTROL = 'Bad\u0001Name\u001b[31m\u0000end\uFFFE\uD800';

const fresh = freshProjects();
const dir = tempDir();

/** A project whose dataset names are spreadsheet formulas and control characters. */
function hostileProject(): string {
  const project = fresh();
  const ids = FORMULAS.map((name, i) => project.datasets.ensure({ id: `d${i}`, name, license: name, summary: name }));
  const control = project.datasets.ensure({ id: 'ctrl', name: CONTROL, summary: CONTROL });
  project.edges.addFinding({ upstream: ids[0]!, downstream: control, relation: 'Direct Inclusion/Subset', confidence: 0.9, quote: CONTROL, agent: 'test' });
  const file = project.file;
  project.close();
  return file;
}

async function csvRows(file: string): Promise<Array<Record<string, unknown>>> {
  const rows = [];
  for await (const sample of readSamples(file)) rows.push(sample.record);
  return rows;
}

/** Python's expat: a strict XML 1.0 parser that rejects any character XML forbids. */
function strictXml(file: string): string {
  const run = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1]); print("well-formed")', file], { encoding: 'utf8' });
  return (run.stdout + run.stderr).trim();
}

describe('CSV exports', () => {
  const project = hostileProject();

  it('export --format csv prefixes every formula cell with a quote, as OWASP advises', async () => {
    const result = rootline(['export', '--project', project, '--format', 'csv', '--out', join(dir, 'graph.csv')]);
    expect(result.code).toBe(0);
    const nodes = await csvRows(join(dir, 'graph.nodes.csv'));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    FORMULAS.forEach((formula, i) => {
      // Names are stored trimmed (a leading tab or CR is gone); licenses and summaries as written.
      expect(byId.get(`d${i}`)).toMatchObject({ license: `'${formula}`, summary: `'${formula}` });
      if (formula.trim() === formula) expect(byId.get(`d${i}`)).toMatchObject({ name: `'${formula}` });
    });
    for (const row of [...nodes, ...(await csvRows(join(dir, 'graph.edges.csv')))]) {
      for (const value of Object.values(row)) expect(String(value)).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('sample --format csv lists share the same writer', async () => {
    const samples = FORMULAS.map((formula, i) => ({ dataset: formula, file: 'f.jsonl', row: i + 1, id: formula, root: formula, lineage: [{ id: formula }], record: {} }));
    writeSampleList(join(dir, 'mix.csv'), samples, 'csv');
    const rows = await csvRows(join(dir, 'mix.csv'));
    expect(rows.map((r) => r.dataset)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.map((r) => r.id)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.map((r) => r.row)).toEqual(FORMULAS.map((_, i) => String(i + 1)));
  });
});

describe('XML exports', () => {
  const project = hostileProject();

  it('GEXF and GraphML with control characters in names are well-formed XML 1.0', () => {
    for (const format of ['gexf', 'graphml']) {
      const out = join(dir, `graph.${format}`);
      expect(rootline(['export', '--project', project, '--format', format, '--out', out]).code).toBe(0);
      expect(strictXml(out)).toBe('well-formed');
      expect(readFileSync(out, 'utf8')).toContain('Bad\uFFFDName\uFFFD[31m\uFFFDend\uFFFD\uFFFD');
    }
    const graph = parseGexf(DirectedGraph, readFileSync(join(dir, 'graph.gexf'), 'utf8'));
    expect(graph.order).toBe(FORMULAS.length + 1);
    expect(graph.getNodeAttribute('d0', 'label')).toBe(FORMULAS[0]);
  });

  it('the strict parser is strict: it rejects the raw control character', () => {
    const raw = join(dir, 'raw.xml');
    spawnSync('python3', ['-c', `open(${JSON.stringify(raw)}, "w").write("<a>x\\x01y</a>")`]);
    expect(strictXml(raw)).toMatch(/not well-formed \(invalid token\)/);
  });
});
