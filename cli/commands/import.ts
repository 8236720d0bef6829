/** `rootline import`: bring a published lineage graph or provenance collection into a project. */
import { count } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import { IMPORT_FORMATS, importFormat } from '../../engine/import/formats.js';
import type { ImportReport } from '../../engine/import/types.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, projectOption, requireInput, withProject } from './common.js';

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('import a lineage graph or provenance collection into a project')
    .argument('<path>', 'the file or folder to import')
    .requiredOption('-f, --format <format>', `one of: ${IMPORT_FORMATS.map((f) => `${f.id} (${f.description})`).join('; ')}`);
  projectOption(command);
  jsonOption(command).action((path: string, options: { project: string; format: string; json?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const format = importFormat(options.format);
    requireInput(path);
    const report = withProject(options.project, (project) => format.run(project, path));
    printImportReport(report, out);
  });
}

function printImportReport(report: ImportReport, out: Output): void {
  if (out.json) return out.value(report);
  out.line(`imported ${report.source} (${report.format}): ${count(report.datasets, 'new dataset')}, ${count(report.edges, 'new edge')}, ${report.evidence} new evidence`);
  for (const problem of report.problems) out.warn(`! ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message} (skipped)`);
  if (report.selfLoops.length > 0) out.warn(`! ${count(report.selfLoops.length, 'self-loop')} kept: ${report.selfLoops.slice(0, 5).join(', ')}${report.selfLoops.length > 5 ? ', …' : ''}`);
  if (report.cycles.length > 0) {
    out.warn(`! ${count(report.cycles.length, 'cycle')} kept (a dataset upstream of itself):`);
    for (const cycle of report.cycles.slice(0, 10)) out.warn(`    ${cycle.join(' → ')}`);
    if (report.cycles.length > 10) out.warn(`    … and ${report.cycles.length - 10} more (--json lists them all)`);
  }
}
