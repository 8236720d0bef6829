/** `rootline ingest`: read cards, READMEs and folders into a project. */
import type { Command } from 'commander';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../../agents/documents/read.js';
import { ingestPaths, type IngestReport } from '../../engine/ingest/ingest.js';
import { UserError } from '../../shared/errors.js';
import { count } from '../../shared/text/plural.js';
import { printableName } from '../../shared/text/printable.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parsePositiveInt, projectOption, withProject } from './common.js';
import { existsSync } from 'node:fs';

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('read dataset cards, READMEs or folders into a project and extract their lineage (built-in extractor)')
    .argument('<paths...>', 'files or folders (a folder with a README and data files is one dataset)')
    .option('--max-bytes <n>', 'largest document to read', parsePositiveInt('--max-bytes'), DEFAULT_MAX_DOCUMENT_BYTES);
  projectOption(command);
  jsonOption(command).action((paths: string[], options: { project: string; json?: boolean; maxBytes: number }) => {
    const out = createOutput(Boolean(options.json));
    if (!paths.some((path) => existsSync(path))) throw new UserError(`no such file or folder: ${paths.map(printableName).join(', ')}`);
    const report = withProject(options.project, (project) => ingestPaths(project, paths, { maxBytes: options.maxBytes }), { failed: (r) => r.failed > 0 });
    printIngestReport(report, out);
    process.exitCode = report.failed > 0 ? 1 : 0;
  });
}

export function printIngestReport(report: IngestReport, out: Output): void {
  if (out.json) return out.value(report);
  for (const file of report.files) {
    const path = printableName(file.path);
    if (file.status === 'ingested') out.line(`✓ ${path} → ${file.dataset} (${count(file.sources ?? 0, 'source')}, ${count(file.newEdges ?? 0, 'new edge')})`);
    else if (file.status === 'unchanged') out.line(`= ${path}: ${file.message}`);
    else out.warn(`✗ ${file.message}`);
    for (const warning of file.warnings ?? []) out.warn(`! ${path}: ${warning}`);
  }
  out.line(
    `${report.ingested} ingested, ${report.unchanged} unchanged, ${report.failed} failed; ` +
      `${count(report.newDatasets, 'new dataset')}, ${count(report.newEdges, 'new edge')}, ${report.newEvidence} new evidence`,
  );
}
