/** `rootline analyze overlap`: lineage found in the sample files themselves, proposed for review. */
import type { Command } from 'commander';
import { percent } from '../../shared/analyses/overlap/statement.js';
import { analyzeOverlap, type OverlapReport } from '../../engine/analyses/overlap/run.js';
import type { OverlapEdgeReport } from '../../engine/analyses/overlap/write.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parseFraction, projectOption, withProjectAsync } from './common.js';

export function registerOverlap(analyze: Command): void {
  const overlap = analyze
    .command('overlap')
    .description('lineage from the data: which datasets hold which others\' samples (exact and near), proposed as edges for review; stated edges the data confirms or contradicts')
    .requiredOption('--samples <dir>', 'a folder of dataset files (JSONL, JSON, CSV, Parquet)')
    .option('--min-containment <x>', "share of one dataset's samples another must hold to make an edge", parseFraction('--min-containment'), 0.05);
  projectOption(overlap);
  jsonOption(overlap).action(async (options: { project: string; json?: boolean; samples: string; minContainment: number }) => {
    const out = createOutput(Boolean(options.json));
    await withProjectAsync(options.project, async (project) => {
      const report = await analyzeOverlap(project, options.samples, {
        minContainment: options.minContainment,
        onProblem: (p) => out.warn(`! ${p.file}:${p.row}: ${p.message} (skipped)`),
        onFileError: (file, message) => out.warn(`! ${file}: ${message} (left out)`),
        onDataset: (id, files) => out.warn(`reading ${files.length} file${files.length === 1 ? '' : 's'} of ${id}`),
      });
      for (const problem of report.problems) out.warn(`! ${problem}`);
      for (const { file, tried } of report.unresolved) out.warn(`! ${file}: no dataset named ${tried.map((t) => `"${t}"`).join(' or ')} in the project; skipped`);
      if (out.json) return out.value(report);
      printOverlap(report, out, options.project);
    }, { mustExist: true });
  });
}

export function printOverlap(report: OverlapReport, out: Output, projectFile: string): void {
  const read = report.datasets.filter((d) => d.read).length;
  const samples = report.datasets.reduce((sum, d) => sum + d.samples, 0);
  out.line(`Sample overlap of ${report.datasets.length} datasets (${samples.toLocaleString('en')} samples; ${read} read now, ${report.datasets.length - read} unchanged since the last run), edges from ${percent(report.minContainment)} containment`);
  section(out, 'Found in the data, not stated by any card (proposed for review)', report.discovered, true);
  section(out, 'Stated by a card and contradicted by the data (flagged for review)', report.contradicted, false);
  section(out, 'Stated by a card and confirmed by the data', report.confirmed, true);
  if (report.explained.length) {
    out.line();
    out.line('Explained by other lineage (no edge of their own):');
    for (const e of report.explained) out.line(`  ${e.upstream} ~ ${e.downstream}: through ${e.via?.join(' → ')} (${percent(Math.max(e.overlap.upstreamInDownstream.share, e.overlap.downstreamInUpstream.share))} shared)`);
  }
  if (report.rejected.length) {
    out.line();
    out.line('On edges a person rejected (left as they are):');
    for (const e of report.rejected) out.line(`  #${e.edgeId} ${e.upstream} → ${e.downstream}: ${e.statement}`);
  }
  if (report.discovered.length + report.contradicted.length > 0) {
    out.line();
    out.line(`Review them with: rootline review --project ${projectFile}`);
  }
}

function section(out: Output, title: string, edges: OverlapEdgeReport[], figures: boolean): void {
  if (edges.length === 0) return;
  out.line();
  out.line(`${title}:`);
  const rows = edges.map((e) => [
    `#${e.edgeId ?? '-'}`,
    `${e.upstream} → ${e.downstream}`,
    e.relation,
    percent(e.overlap.upstreamInDownstream.share),
    percent(e.overlap.downstreamInUpstream.share),
    figures ? `${percent(e.overlap.upstreamInDownstream.exact)} / ${percent(e.overlap.upstreamInDownstream.near)}` : '-',
    e.status ?? '-',
  ]);
  const header = ['edge', 'upstream → downstream', 'relation', 'up in down', 'down in up', 'exact / near', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  out.line(line(header));
  for (const [i, row] of rows.entries()) {
    out.line(line(row));
    out.line(`      ${edges[i]!.statement}`);
  }
}
