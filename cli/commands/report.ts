/** `rootline report`: a self-contained, printable HTML audit report of the project. */
import type { Command } from 'commander';
import { writeAuditReport } from '../../engine/export/report.js';
import { createOutput } from '../output.js';
import { jsonOption, projectOption, requireOutputFolder, withProject } from './common.js';

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .description('write a self-contained, printable HTML audit report: summary, patterns, contamination, redundancy, licenses, review status')
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .option('--force', 'replace the file if it exists');
  projectOption(command);
  jsonOption(command).action((options: { project: string; json?: boolean; out: string; force?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    requireOutputFolder(options.out);
    withProject(options.project, (project) => writeAuditReport(project, options.out, { force: options.force }), { mustExist: true });
    if (out.json) return out.value({ out: options.out });
    out.line(`wrote ${options.out}`);
  });
}
