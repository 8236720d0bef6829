/**
 * Imports the paper's published lineage format: a folder with `data.jsonl` (one dataset per line) and
 * `graph.jsonl` (one edge per line, `meta_info` a JSON string). Names are kept exactly as written —
 * the paper's graph is already resolved — categories become domains, and every line becomes evidence.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../shared/errors.js';
import { RELATIONS } from '../../shared/domain/vocabulary.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { findCycles } from '../store/lineage.js';
import type { Project } from '../project.js';
import { readJsonLines, type LineProblem } from './jsonl.js';
import type { ImportFormat, ImportReport } from './types.js';

const DataLine = z.object({
  name: z.string().min(1),
  categories: z.array(z.string()).nullish(),
  year: z.string().nullish(),
  summary: z.string().nullish(),
  data_type: z.string().nullish(),
  paper_url: z.string().nullish(),
});

const GraphLine = z.object({ target: z.string().min(1), source: z.string().min(1), meta_info: z.string() });

const MetaInfo = z.object({
  source: z.string().nullish(),
  confidence: z.coerce.number().min(0).max(1),
  relationship: z.enum(RELATIONS),
  evidence: z.string().nullish(),
});

export const AGENT = 'import:paper';

function locate(path: string): { folder: string; data?: string; graph: string } {
  if (!existsSync(path)) throw new UserError('no such file or folder', path);
  const folder = statSync(path).isDirectory() ? path : dirname(path);
  const graph = join(folder, 'graph.jsonl');
  const data = join(folder, 'data.jsonl');
  if (!existsSync(graph)) throw new UserError('no graph.jsonl here; the paper format is a folder with graph.jsonl and data.jsonl', folder);
  if (!statSync(path).isDirectory() && !['graph.jsonl', 'data.jsonl'].includes(basename(path))) {
    throw new UserError('expected the folder holding graph.jsonl and data.jsonl, or one of those files', path);
  }
  return { folder, graph, data: existsSync(data) ? data : undefined };
}

export function importPaper(project: Project, path: string): ImportReport {
  const files = locate(path);
  const registry = knownDatasets();
  const problems: LineProblem[] = [];
  const data = files.data ? readJsonLines(files.data) : { rows: [], problems: [] };
  const graph = readJsonLines(files.graph);
  problems.push(...data.problems, ...graph.problems);
  const datasetsBefore = project.datasets.count();
  const edgesBefore = project.edges.count();
  const evidenceBefore = project.edges.evidenceCount();
  const pairs: Array<[string, string]> = [];

  project.transaction(() => {
    for (const { line, value } of data.rows) {
      const parsed = DataLine.safeParse(value);
      if (!parsed.success) {
        problems.push({ file: files.data!, line, message: describe(parsed.error) });
        continue;
      }
      const row = parsed.data;
      const known = registry.lookup(row.name);
      project.datasets.ensure(
        {
          id: row.name,
          name: row.name,
          domains: row.categories ?? [],
          kind: known?.kind,
          releaseDate: /^\d{4}(-\d{2})?$/.test(row.year ?? '') ? row.year : null,
          summary: row.summary ?? null,
          dataType: row.data_type === 'synthetic' || row.data_type === 'manual' ? row.data_type : null,
          url: row.name.includes('/') ? `https://huggingface.co/datasets/${row.name}` : null,
        },
        { exact: true },
      );
    }
    for (const { line, value } of graph.rows) {
      const parsed = GraphLine.safeParse(value);
      if (!parsed.success) {
        problems.push({ file: files.graph, line, message: describe(parsed.error) });
        continue;
      }
      let meta: z.infer<typeof MetaInfo>;
      try {
        const metaParsed = MetaInfo.safeParse(JSON.parse(parsed.data.meta_info));
        if (!metaParsed.success) throw new Error(describe(metaParsed.error));
        meta = metaParsed.data;
      } catch (error) {
        problems.push({ file: files.graph, line, message: `meta_info: ${(error as Error).message}` });
        continue;
      }
      const { source, target } = parsed.data;
      for (const name of [source, target]) project.datasets.ensure({ id: name, name, kind: registry.lookup(name)?.kind }, { exact: true });
      project.edges.addFinding({
        upstream: source,
        downstream: target,
        relation: meta.relationship,
        confidence: meta.confidence,
        quote: meta.evidence ?? '',
        origin: `${meta.source ?? 'paper'} (${basename(files.graph)}:${line})`,
        agent: AGENT,
      });
      pairs.push([source, target]);
    }
  });

  const cycles = findCycles(pairs);
  return {
    format: 'paper',
    source: files.folder,
    datasets: project.datasets.count() - datasetsBefore,
    edges: project.edges.count() - edgesBefore,
    evidence: project.edges.evidenceCount() - evidenceBefore,
    problems,
    selfLoops: [...new Set(pairs.filter(([a, b]) => a === b).map(([a]) => a))],
    cycles: cycles.filter((c) => c.length > 2),
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
}

export const paperFormat: ImportFormat = {
  id: 'paper',
  description: "the paper's graph.jsonl + data.jsonl folder (Tracing the Roots)",
  run: importPaper,
};
