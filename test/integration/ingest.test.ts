import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import { SAMPLES, freshProjects, tempDir, writeTree } from '../helpers/temp.js';

const fresh = freshProjects();

describe('ingesting the sample cards', () => {
  it('builds the lineage with evidence that points into the stored documents', () => {
    const project = fresh();
    const report = ingestPaths(project, [SAMPLES]);
    expect(report.failed).toBe(0);
    expect(report.ingested).toBe(8);
    const chat = project.requireDataset('Acme General Chat');
    const upstream = project.lineage.neighbours(chat, 'up').map((u) => u.id).sort();
    expect(upstream).toEqual(['acme-math-tutor', 'acme-support-logs', 'databricks/databricks-dolly-15k', 'meta-math/MetaMathQA', 'openbmb/UltraFeedback', 'teknium/OpenHermes-2.5']);
    // The path TruthfulQA → UltraFeedback → Acme General Chat exists, and TruthfulQA is a benchmark.
    expect(project.lineage.ancestors(chat).map((a) => a.id)).toContain('truthfulqa/truthful_qa');
    expect(project.datasets.get('truthfulqa/truthful_qa')?.kind).toBe('benchmark');
    // Private cards stay private; well-known datasets are public.
    expect(project.datasets.get(chat)?.visibility).toBe('private');
    expect(project.datasets.get('openai/gsm8k')?.visibility).toBe('public');
    for (const edge of project.edges.all()) {
      for (const evidence of edge.evidence) {
        const document = project.documents.get(evidence.documentId!)!;
        expect(document.text.slice(evidence.start!, evidence.end!)).toBe(evidence.quote);
      }
    }
    project.close();
  });

  it('never turns text aimed at the tool into an edge', () => {
    const project = fresh();
    ingestPaths(project, [SAMPLES]);
    const chat = project.requireDataset('Acme General Chat');
    const upstream = project.lineage.neighbours(chat, 'up').map((u) => u.id);
    expect(upstream.some((id) => /hh-rlhf|oasst|openassistant/i.test(id))).toBe(false);
    expect(project.datasets.resolve('Anthropic HH-RLHF')).toBeUndefined();
    project.close();
  });

  it('is idempotent by content: the same bytes ingested twice change nothing', () => {
    const project = fresh();
    ingestPaths(project, [SAMPLES]);
    const counts = [project.datasets.count(), project.edges.count(), project.edges.evidenceCount(), project.documents.count()];
    const copy = join(tempDir(), 'renamed-copy.md');
    copyFileSync(join(SAMPLES, 'ultrafeedback.md'), copy);
    const again = ingestPaths(project, [SAMPLES, copy]);
    expect(again.ingested).toBe(0);
    expect(again.unchanged).toBe(9);
    expect([project.datasets.count(), project.edges.count(), project.edges.evidenceCount(), project.documents.count()]).toEqual(counts);
    project.close();
  });
});

describe('bad input', () => {
  const bad = writeTree(tempDir(), {
    'good.md': '# Good Set\n\nIt is a filtered subset of Dolly 15k.\n',
    'broken-yaml.md': '---\npretty_name: Broken\nlicense: [mit\n---\n# Broken\n\nDerived from GSM8K.\n',
    'binary.md': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]),
    'latin1.md': new Uint8Array([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n\nDerived from GSM8K.\n')]),
    'empty.md': '',
    'huge.md': `# Huge\n\nDerived from MATH.\n${'x'.repeat(5000)}\n`,
  });

  it('reports each bad file by name, ingests the good one, and leaves no trace of the bad ones', () => {
    const project = fresh();
    const report = ingestPaths(project, [bad], { maxBytes: 4096 });
    const byFile = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop(), f]));
    expect(byFile['good.md']?.status).toBe('ingested');
    expect(byFile['broken-yaml.md']?.message).toMatch(/broken-yaml\.md: line 3: malformed YAML front matter: /);
    expect(byFile['binary.md']?.message).toMatch(/binary\.md: binary file/);
    expect(byFile['latin1.md']?.message).toMatch(/latin1\.md: not valid UTF-8/);
    expect(byFile['empty.md']?.message).toMatch(/empty\.md: empty file/);
    expect(byFile['huge.md']?.message).toMatch(/huge\.md: document is 4\.9 KB, over the 4\.0 KB limit/);
    expect(report.failed).toBe(5);
    expect(project.documents.count()).toBe(1);
    expect(project.datasets.resolve('Broken')).toBeUndefined();
    expect(project.datasets.resolve('openai/gsm8k')).toBeUndefined();
    project.close();
  });

  it('reads a paper beside a README as describing the same dataset', () => {
    const folder = writeTree(tempDir(), {
      'acme-qa/README.md': '# Acme QA\n\nInternal QA pairs.\n',
      'acme-qa/paper.md': '# Building Acme QA\n\nWe sampled questions from TriviaQA.\n',
      'acme-qa/train.jsonl': '{"q": "a"}\n',
    });
    const project = fresh();
    ingestPaths(project, [folder]);
    const id = project.requireDataset('Acme QA');
    expect(project.lineage.neighbours(id, 'up').map((u) => u.id)).toEqual(['mandarjoshi/trivia_qa']);
    expect(project.documents.forDataset(id).map((d) => d.kind).sort()).toEqual(['card', 'paper']);
    expect(readFileSync(join(folder, 'acme-qa/paper.md'), 'utf8')).toContain('TriviaQA');
    project.close();
  });
});
