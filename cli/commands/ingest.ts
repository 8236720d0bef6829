/** `rootline ingest`: read cards, READMEs and folders into a project. */
import type { Command } from 'commander';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../../agents/documents/read.js';
import { ingestPaths, type IngestReport } from '../../engine/ingest/ingest.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parsePositiveInt, projectOption, withProject } from './common.js';

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('read dataset cards, READMEs or folders into a project and extract their lineage (built-in extractor)')
    .argument('<paths...>', 'files or folders (a folder with a README and data files is one dataset)')
    .option('--max-bytes <n>', 'largest document to read', parsePositiveInt('--max-bytes'), DEFAULT_MAX_DOCUMENT_BYTES);
  projectOption(command);
  jsonOption(command).action((paths: string[], options: { project: string; json?: boolean; maxBytes: number }) => {
    const out = createOutput(Boolean(options.json));
    const report = withProject(options.project, (project) => ingestPaths(project, paths, { maxBytes: options.maxBytes }));
    printIngestReport(report, out);
    process.exitCode = report.failed > 0 ? 1 : 0;
  });
}

export function printIngestReport(report: IngestReport, out: Output): void {
  if (out.json) return out.value(report);
  for (const file of report.files) {
    if (file.status === 'ingested') out.line(`✓ ${file.path} → ${file.dataset} (${file.sources} sources, ${file.newEdges} new edges)`);
    else if (file.status === 'unchanged') out.line(`= ${file.path}: ${file.message}`);
    else out.warn(`✗ ${file.message}`);
  }
  out.line(
    `${report.ingested} ingested, ${report.unchanged} unchanged, ${report.failed} failed; ` +
      `${report.newDatasets} new datasets, ${report.newEdges} new edges, ${report.newEvidence} new evidence`,
  );
}
