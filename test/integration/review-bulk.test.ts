/** Review at the scale of an import: the queue filtered by origin, relation, confidence and dataset, and one decision for the filtered set. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../engine/project.js';
import type { ReviewItem } from '../../engine/review/queue.js';
import { rootline } from '../helpers/cli.js';
import { PAPER_DATA, tempDir } from '../helpers/temp.js';

describe('rootline review on an imported graph', () => {
  const project = join(tempDir(), 'paper.rootline');

  it('filters the 1,088 imported edges and says they came from the paper import', () => {
    expect(rootline(['import', join(PAPER_DATA, 'text-only'), '--format', 'paper', '--project', project]).code).toBe(0);
    const all = rootline(['review', '--project', project, '--json']).json<ReviewItem[]>();
    expect(all).toHaveLength(1088);
    expect(new Set(all.flatMap((i) => i.origins))).toEqual(new Set(['paper']));
    expect(all[0]!.evidence[0]!.location).toMatch(/graph\.jsonl:\d+/);

    const fusion = rootline(['review', '--project', project, '--relation', 'fusion', '--min-confidence', '0.5', '--max-confidence', '0.9', '--json']).json<ReviewItem[]>();
    const expected = all.filter((i) => i.relation === 'Structured Fusion' && i.confidence >= 0.5 && i.confidence < 0.9);
    expect(fusion.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(fusion.length).toBeGreaterThan(0);

    expect(rootline(['review', '--project', project, '--origin', 'dpi', '--json']).json<ReviewItem[]>()).toEqual([]);
    expect(rootline(['review', '--project', project, '--origin', 'dpi']).stdout).toContain('No edge awaiting review matches these filters.');
    const human = rootline(['review', '--project', project, '--dataset', 'HuggingFaceFW/fineweb']).stdout;
    expect(human).toMatch(/from paper import/);
  });

  it('accepts a filtered set in one command, each edge audit-logged on its own', () => {
    const into = rootline(['review', '--project', project, '--dataset', 'HuggingFaceFW/fineweb', '--json']).json<ReviewItem[]>();
    expect(into.length).toBeGreaterThan(100);
    const run = rootline(['review', '--project', project, '--dataset', 'HuggingFaceFW/fineweb', '--accept-all', '--actor', 'alice']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${into.length} edges accepted (by alice, each in the audit log)`);
    const file = Project.open(project, { mustExist: true });
    try {
      const entries = file.audit.entries().filter((e) => e.actor === 'alice');
      expect(entries).toHaveLength(into.length);
      expect(new Set(entries.map((e) => e.target)).size).toBe(into.length);
      for (const item of into) expect(file.edges.get(item.id)!.status).toBe('accepted');
      expect(file.edges.proposed()).toHaveLength(1088 - into.length);
    } finally {
      file.close();
    }
    const rejected = rootline(['review', '--project', project, '--relation', 'cot', '--reject-all', '--actor', 'bob', '--json']).json<{ edges: number[] }>();
    expect(rejected.edges.length).toBeGreaterThan(0);
    expect(rootline(['review', '--project', project, '--relation', 'cot', '--json']).json<ReviewItem[]>()).toEqual([]);
    expect(rootline(['review', '--project', project, '--accept-all', '--reject-all']).code).toBe(1);
  });
});
