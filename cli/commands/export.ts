/** `rootline export`: the lineage graph or a provenance record, in a file format other tools read. */
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportFormat } from '../../engine/export/formats/index.js';
import { createOutput } from '../output.js';
import { jsonOption, projectOption, requireOutputFolder, withProject } from './common.js';

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('export the lineage graph (GEXF, GraphML, JSON, CSV, the paper format) or a Croissant provenance record')
    .requiredOption('-f, --format <format>', EXPORT_FORMATS.map((f) => `${f.id}: ${f.description}`).join('; '))
    .requiredOption('-o, --out <file>', 'the file (or folder, for the paper format) to write')
    .option('--dataset <name>', 'the dataset of a provenance record (croissant)')
    .option('--force', 'replace existing files');
  projectOption(command);
  jsonOption(command).action((options: { project: string; json?: boolean; format: string; out: string; dataset?: string; force?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const format = exportFormat(options.format);
    requireOutputFolder(options.out);
    const written = withProject(options.project, (project) => format.write(project, { out: options.out, dataset: options.dataset, force: options.force }), { mustExist: true });
    if (out.json) return out.value({ format: format.id, files: written });
    out.line(`wrote ${written.join(', ')}`);
  });
}
