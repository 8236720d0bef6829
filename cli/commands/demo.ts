/** `rootline demo`: the embedded default — ingest the bundled sample cards with the built-in extractor and show the result. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import { createOutput } from '../output.js';
import { printIngestReport } from './ingest.js';
import { jsonOption, withProject } from './common.js';
import { lineageTree, treeLabel } from './show.js';
import { treeLines } from '../output.js';

export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../samples/cards');

export function registerDemo(program: Command): void {
  const command = program
    .command('demo')
    .description('run Rootline on its bundled sample cards with the built-in extractor (no model, no network)')
    .option('-p, --project <file>', 'where to write the demo project', 'rootline-demo.rootline');
  jsonOption(command).action((options: { project: string; json?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const fresh = !existsSync(options.project);
    withProject(options.project, (project) => {
      const report = ingestPaths(project, [SAMPLES_DIR]);
      if (out.json) return out.value({ project: resolve(options.project), ingest: report, datasets: project.datasets.count(), edges: project.edges.count() });
      out.line(`Rootline demo: ${fresh ? 'reading' : 're-reading'} the sample cards in ${relative(process.cwd(), SAMPLES_DIR) || '.'} with the built-in extractor`);
      printIngestReport(report, out);
      const roots = project.lineage.roots();
      const review = project.edges.all({ withEvidence: false }).filter((e) => e.status === 'proposed' && e.confidence < 0.7);
      out.line();
      out.line(`${project.datasets.count()} datasets, ${project.edges.count()} edges, ${roots.length} root sources; ${review.length} edges below 0.7 await review`);
      for (const name of ['Acme General Chat', 'Acme Math Tutor']) {
        const id = project.datasets.resolve(name);
        if (!id) continue;
        out.line();
        out.line(`${name} — upstream lineage:`);
        const tree = lineageTree(project, id, 'up', 6);
        out.line(treeLines(tree, (n) => n.children, treeLabel).join('\n'));
      }
      out.line();
      out.line(`The project is ${options.project}. Try:`);
      out.line(`  npx rootline show "Acme General Chat" --project ${options.project}`);
      out.line(`  npx rootline graph --project ${options.project} --json`);
      out.line(`  npx rootline extract ${relative(process.cwd(), join(SAMPLES_DIR, 'ultrafeedback.md'))} --explain`);
    });
  });
}
