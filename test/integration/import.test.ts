import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDpi } from '../../engine/import/dpi.js';
import { importPaper } from '../../engine/import/paper.js';
import { DPI_DATA, PAPER_DATA, freshProjects, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();

describe("importing the paper's lineage graphs", () => {
  it('text-only: 813 datasets and 1,088 edges, every line kept as evidence, categories as domains', () => {
    const project = fresh();
    const report = importPaper(project, join(PAPER_DATA, 'text-only'));
    expect(report).toMatchObject({ datasets: 813, edges: 1088, evidence: 1092, problems: [], cycles: [], selfLoops: [] });
    expect(project.datasets.count()).toBe(813);
    const counts = Object.fromEntries(project.datasets.domainCounts().map((c) => [c.domain, c.datasets]));
    expect(counts.Math).toBeGreaterThan(90);
    expect(counts.General).toBeGreaterThan(counts.Math!);
    const metamath = project.datasets.get('meta-math/MetaMathQA')!;
    expect(metamath.domains).toContain('Math');
    expect(metamath.releaseDate).toMatch(/^\d{4}-\d{2}$/);
    expect(project.lineage.ancestors('meta-math/MetaMathQA').map((s) => s.id)).toEqual(expect.arrayContaining(['openai/gsm8k']));
    const edge = project.edges.between('openai/gsm8k', 'meta-math/MetaMathQA')!;
    expect(edge.evidence[0]).toMatchObject({ agent: 'import:paper', origin: expect.stringMatching(/graph\.jsonl:\d+\)$/) });
    project.close();
  });

  it('is idempotent: importing the same graph again adds nothing', () => {
    const project = fresh();
    importPaper(project, join(PAPER_DATA, 'text-only'));
    expect(importPaper(project, join(PAPER_DATA, 'text-only'))).toMatchObject({ datasets: 0, edges: 0, evidence: 0 });
    project.close();
  });

  it('multimodal: imports every edge and reports its cycles without walking them forever', () => {
    const project = fresh();
    const report = importPaper(project, join(PAPER_DATA, 'multimodal'));
    expect(report.edges).toBe(2306);
    expect(report.cycles.length).toBeGreaterThan(10);
    for (const cycle of report.cycles) {
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      for (let i = 0; i + 1 < cycle.length; i++) expect(project.edges.between(cycle[i]!, cycle[i + 1]!)).toBeDefined();
    }
    const inCycle = report.cycles[0]![0]!;
    const ancestors = project.lineage.ancestors(inCycle);
    expect(new Set(ancestors.map((a) => a.id)).size).toBe(ancestors.length);
    project.close();
  });

  it('reports broken lines with their numbers and imports the rest', () => {
    const folder = writeTree(tempDir(), {
      'data.jsonl': '{"name": "a/x", "categories": ["Math"], "year": "2024-01"}\n{not json\n{"name": ""}\n',
      'graph.jsonl': [
        JSON.stringify({ target: 'a/x', source: 'b/y', meta_info: JSON.stringify({ source: 'Paper', confidence: 0.9, relationship: 'CoT Distillation' }) }),
        '{"target": "a/x", "source": ',
        JSON.stringify({ target: 'a/x', source: 'c/z', meta_info: JSON.stringify({ confidence: 0.9, relationship: 'Magic' }) }),
        JSON.stringify({ target: 'a/x', source: 'a/x', meta_info: JSON.stringify({ confidence: 0.5, relationship: 'Direct Inclusion/Subset' }) }),
        '',
      ].join('\n'),
    });
    const project = fresh();
    const report = importPaper(project, folder);
    expect(report.problems.map((p) => [p.file.split('/').pop(), p.line])).toEqual([
      ['data.jsonl', 2],
      ['graph.jsonl', 2],
      ['data.jsonl', 3],
      ['graph.jsonl', 3],
    ]);
    expect(report.problems[3]!.message).toMatch(/relationship/);
    expect(report.edges).toBe(2);
    expect(report.selfLoops).toEqual(['a/x']);
    expect(project.edges.between('b/y', 'a/x')?.relation).toBe('CoT Distillation');
    project.close();
  });

  it('refuses a folder without graph.jsonl, naming it', () => {
    const project = fresh();
    expect(() => importPaper(project, tempDir())).toThrow(/no graph\.jsonl here/);
    project.close();
  });
});

describe('importing the Data Provenance Initiative collection', () => {
  it('imports every entry with licenses, languages and creators, and resolves free-text parents', () => {
    const project = fresh();
    const report = importDpi(project, DPI_DATA);
    expect(report.problems).toEqual([]);
    // 2,311 entries, plus one dataset per collection and the parents named only in free text.
    expect(report.datasets).toBeGreaterThan(2311);
    const alpaca = project.datasets.get('tatsu-lab/alpaca')!;
    expect(alpaca.license).toMatch(/CC BY-NC 4\.0/);
    expect(alpaca.languages).toEqual(['English']);
    expect(alpaca.creators).toEqual(['Stanford University']);
    // "snli" and "SNLI" are one upstream dataset, the well-known one.
    const snliChildren = project.lineage.descendants('stanfordnlp/snli', 1).map((s) => s.id);
    expect(snliChildren.length).toBeGreaterThan(5);
    // Collections whose entries name themselves as parents: kept and reported, not hidden.
    expect(report.selfLoops.length).toBeGreaterThan(0);
    project.close();
  });

  it('reports a summary file that is not JSON and imports the others', () => {
    const folder = writeTree(tempDir(), {
      'data_summaries/Good.json': JSON.stringify({ good: { 'Dataset Name': 'Good Set', Collection: 'Good', 'Derived from Datasets': ['https://huggingface.co/datasets/openai/gsm8k'] } }),
      'data_summaries/Bad.json': '{ nope',
    });
    const project = fresh();
    const report = importDpi(project, folder);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.file).toMatch(/Bad\.json$/);
    expect(project.edges.between('openai/gsm8k', 'good')).toBeDefined();
    project.close();
  });
});
