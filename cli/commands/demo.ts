/**
 * `rootline demo`: the embedded default — ingest the bundled sample cards with the built-in extractor,
 * show their lineage, and what an audit looks for: a benchmark reaching a training set (confirmed in
 * the samples), a dataset included twice, and lineage no card states, found in the sample files.
 */
import { count, pluralWord } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { blastRadius } from '../../shared/analyses/contamination/index.js';
import { structuralRedundancy } from '../../shared/analyses/redundancy/structural.js';
import { scanContamination } from '../../engine/analyses/contamination-scan.js';
import { scanDuplicates } from '../../engine/analyses/duplicates-scan.js';
import { analyzeOverlap } from '../../engine/analyses/overlap/run.js';
import { contradictionSummary, overlapSummary } from '../../shared/analyses/overlap/statement.js';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { ingestPaths } from '../../engine/ingest/ingest.js';
import type { Project } from '../../engine/project.js';
import { locateSampleFiles } from '../../engine/samples/locate.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { createOutput, treeLines, type Output } from '../output.js';
import { pathText } from './analyze.js';
import { printIngestReport } from './ingest.js';
import { jsonOption, withProjectAsync } from './common.js';
import { lineageTree, treeLabel } from './show.js';
import { PACKAGE_ROOT } from '../package-root.js';

const SAMPLES_ROOT = join(PACKAGE_ROOT, 'samples');
export const SAMPLES_DIR = join(SAMPLES_ROOT, 'cards');
export const SAMPLE_BENCHMARKS_DIR = join(SAMPLES_ROOT, 'benchmarks');

export function registerDemo(program: Command): void {
  const command = program
    .command('demo')
    .description('run Rootline on its bundled sample cards with the built-in extractor (no model, no network)')
    .option('-p, --project <file>', 'where to write the demo project', 'rootline-demo.rootline');
  jsonOption(command).action(async (options: { project: string; json?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const fresh = !existsSync(options.project);
    await withProjectAsync(options.project, async (project) => {
      const report = ingestPaths(project, [SAMPLES_DIR]);
      if (out.json) return out.value({ project: resolve(options.project), ingest: report, datasets: project.datasets.count(), edges: project.edges.count() });
      out.line(`Rootline demo: ${fresh ? 'reading' : 're-reading'} the sample cards in ${relative(process.cwd(), SAMPLES_DIR) || '.'} with the built-in extractor`);
      printIngestReport(report, out);
      const roots = project.lineage.roots();
      const review = project.edges.all({ withEvidence: false }).filter((e) => e.status === 'proposed' && e.confidence < 0.7);
      out.line();
      out.line(`${count(project.datasets.count(), 'dataset')}, ${count(project.edges.count(), 'edge')}, ${count(roots.length, 'root source')}; ${count(review.length, 'edge')} below 0.7 ${pluralWord(review.length, 'awaits', 'await')} review`);
      for (const name of ['Acme General Chat', 'Acme Math Tutor']) {
        const id = project.datasets.resolve(name);
        if (!id) continue;
        out.line();
        out.line(`${name} — upstream lineage:`);
        out.line(treeLines(lineageTree(project, id, 'up', 6), (n) => n.children, treeLabel).join('\n'));
      }
      await printAuditFindings(project, out);
      await printLineageFromData(project, out);
      out.line();
      out.line(`The project is ${options.project}. Try:`);
      out.line(`  npx rootline show "Acme General Chat" --project ${options.project}`);
      out.line(`  npx rootline analyze contamination --project ${options.project} --samples samples/cards --benchmarks samples/benchmarks`);
      out.line(`  npx rootline analyze redundancy "Acme General Chat" "Acme Math Tutor" --project ${options.project} --samples samples/cards`);
      out.line(`  npx rootline analyze overlap --project ${options.project} --samples samples`);
      out.line(`  npx rootline sample --project ${options.project} --samples samples --budget 24 --out mix.jsonl --compare --datasets "Acme General Chat,Acme Math Tutor"`);
      out.line(`  npx rootline report --project ${options.project} --out audit.html`);
      out.line(`  npx rootline extract ${relative(process.cwd(), join(SAMPLES_DIR, 'acme-general-chat/README.md'))} --explain`);
    });
  });
}

async function printAuditFindings(project: Project, out: Output): Promise<void> {
  const chat = project.datasets.resolve('Acme General Chat');
  const tutor = project.datasets.resolve('Acme Math Tutor');
  const truthfulqa = project.datasets.resolve('TruthfulQA');
  if (!chat || !tutor || !truthfulqa) return;
  const graph = lineageGraphOf(project);
  const registry = knownDatasets();
  const resolveName = (name: string) => project.datasets.resolve(name) ?? registry.lookup(name)?.id;
  const samples = locateSampleFiles(SAMPLES_DIR, resolveName).byDataset;

  out.line();
  out.line('Contamination — a benchmark reaches a training set through its lineage:');
  const reached = blastRadius(graph, truthfulqa).datasets.find((d) => d.id === chat);
  if (reached) out.line(`  ${pathText(truthfulqa, reached.path)}`);
  const [scan] = await scanContamination(locateSampleFiles(SAMPLE_BENCHMARKS_DIR, resolveName).byDataset, new Map([[chat, samples.get(chat) ?? []]]));
  const found = scan?.datasets.find((d) => d.dataset === chat);
  if (found && found.itemsFound > 0) out.line(`  confirmed in the samples: ${found.itemsFound} of ${scan!.items} benchmark items (${found.hits.map((h) => `${h.item} in ${h.samples.join(', ')}`).join('; ')})`);

  out.line();
  out.line('Redundancy — the mix of Acme General Chat includes data twice:');
  const mix = project.lineage.neighbours(chat, 'up').map((n) => n.id);
  const structural = structuralRedundancy(graph, mix);
  for (const nested of structural.nested) out.line(`  ${nested.included} directly, and again inside ${nested.via}: ${pathText(nested.included, nested.path)}`);
  const duplicates = await scanDuplicates(new Map([[chat, samples.get(chat) ?? []], [tutor, samples.get(tutor) ?? []]]));
  for (const overlap of duplicates.crossDataset) {
    out.line(`  confirmed in the samples: ${count(overlap.exactShared, 'sample')} of ${overlap.datasets[1]} ${pluralWord(overlap.exactShared, 'appears', 'appear')} verbatim in ${overlap.datasets[0]} (${overlap.examples.map((e) => `${e.a} = ${e.b}`).join(', ')})`);
  }
}

/** The sample overlap of every shipped data file: an upstream no card names, and a card the data contradicts. */
async function printLineageFromData(project: Project, out: Output): Promise<void> {
  const report = await analyzeOverlap(project, SAMPLES_ROOT);
  const name = (id: string) => project.datasets.get(id)?.name ?? id;
  out.line();
  out.line('Lineage from the data — what the sample files show that no card states:');
  for (const e of report.discovered) out.line(`  ${name(e.upstream)} → ${name(e.downstream)} (${e.relation}, proposed for review as #${e.edgeId}): ${overlapSummary(name(e.upstream), name(e.downstream), e.overlap)}`);
  for (const e of report.contradicted) out.line(`  contradicted: a card says ${name(e.upstream)} → ${name(e.downstream)}, but ${contradictionSummary(name(e.upstream), name(e.downstream), e.overlap)} (flagged for review as #${e.edgeId})`);
  if (report.confirmed.length) out.line(`  confirmed by the samples: ${report.confirmed.map((e) => `${name(e.upstream)} → ${name(e.downstream)}`).join(', ')}`);
}
