/** `rootline sample`: a lineage-aware training mix anchored at root sources, written as a curated sample list. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { lineageAwareSample, uniformSample, type SamplingResult } from '../../engine/sampling/lineage-aware.js';
import { writeSampleList, type SampleListFormat } from '../../engine/sampling/write.js';
import { compareDiversity } from '../../engine/sampling/compare.js';
import type { Diversity } from '../../shared/sampling/diversity.js';
import type { QuotaStrategy } from '../../shared/sampling/quotas.js';
import { refuseExisting } from '../../engine/export/atomic.js';
import { count } from '../../shared/text/plural.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parseFraction, parsePositiveInt, parseWholeNumber, projectOption, requireInput, requireOutputFolder, withProjectAsync } from './common.js';
import { locateSamples, problemPrinter } from './sample-files.js';

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function registerSample(program: Command): void {
  const command = program
    .command('sample')
    .description('draw a lineage-aware training mix anchored at upstream root sources, and write it as a curated sample list')
    .requiredOption('--samples <dir>', 'a folder of dataset files (JSONL, JSON, CSV, Parquet)')
    .requiredOption('--budget <n>', 'how many samples', parsePositiveInt('--budget'))
    .requiredOption('-o, --out <file>', 'where to write the sample list')
    .addOption(new Option('--strategy <strategy>', 'how the budget is shared over root sources').choices(['uniform', 'proportional', 'capped']).default('uniform'))
    .option('--cap <x>', 'with --strategy capped: the largest share of the budget one root may take', parseFraction('--cap'), 0.2)
    .option('--seed <n>', 'random seed (same seed, same sample)', parseWholeNumber('--seed'), 1)
    .option('--datasets <names>', 'candidate datasets (default: every dataset with files)', list)
    .option('--keep-benchmark-lineage', 'keep datasets whose lineage carries a benchmark (dropped by default)')
    .option('--threshold <x>', 'Jaccard similarity of near-duplicates to drop', parseFraction('--threshold'), 0.8)
    .option('--fields <names>', 'text fields (default: detected)', list)
    .addOption(new Option('--format <format>', 'sample list format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--compare', 'also draw a uniform sample of the same budget from the candidate datasets and compare diversity')
    .option('--embedding <spec>', 'embeddings for --compare: builtin or ollama:MODEL', 'builtin')
    .option('--force', 'replace the output file if it exists');
  projectOption(command);
  jsonOption(command).action(
    async (options: {
      project: string; json?: boolean; samples: string; budget: number; out: string; strategy: QuotaStrategy; cap: number; seed: number; datasets?: string[];
      keepBenchmarkLineage?: boolean; threshold: number; fields?: string[]; format: SampleListFormat; compare?: boolean; embedding: string; force?: boolean;
    }) => {
      const out = createOutput(Boolean(options.json));
      requireInput(options.samples);
      requireOutputFolder(options.out);
      refuseExisting([options.out], { force: options.force });
      await withProjectAsync(options.project, async (project) => {
        const candidates = options.datasets?.map((name) => project.requireDataset(name));
        const files = locateSamples(project, options.samples, out);
        const onProblem = problemPrinter(out);
        const result = await lineageAwareSample(lineageGraphOf(project), files, {
          budget: options.budget, strategy: options.strategy, cap: options.cap, seed: options.seed, candidates,
          keepBenchmarkLineage: options.keepBenchmarkLineage, nearDuplicateThreshold: options.threshold, fields: options.fields, onProblem,
        });
        writeSampleList(options.out, result.samples, options.format, { force: options.force });
        let comparison: { lineageAware: Diversity; uniform: Diversity } | undefined;
        if (options.compare) {
          const pool = candidates ?? [...files.keys()];
          const uniform = await uniformSample(files, pool, result.samples.length, options.seed, onProblem);
          comparison = await compareDiversity(result.samples, uniform, options.embedding, options.fields);
        }
        if (out.json) return out.value({ out: options.out, ...summary(result), comparison });
        printSampling(result, options.out, out);
        if (comparison) printComparison(comparison, out);
      }, { mustExist: true });
    },
  );
}

function summary(result: SamplingResult) {
  return {
    samples: result.samples.length,
    roots: result.roots.map(({ root, quota, chosen, available, pools }) => ({ root, quota, chosen, available, pools: pools.map((p) => p.dataset) })),
    excluded: result.excluded,
    dropped: result.dropped,
  };
}

function printSampling(result: SamplingResult, file: string, out: Output): void {
  out.line(`${count(result.samples.length, 'sample')} from ${count(result.roots.filter((r) => r.chosen > 0).length, 'root source')} written to ${file}`);
  for (const root of result.roots) {
    const via = root.pools.map((p) => (p.dataset === root.root ? 'its own files' : p.dataset)).join(', ');
    out.line(`  ${root.root}: ${root.chosen} of quota ${root.quota} (${root.available} available, from ${via})`);
  }
  for (const e of result.excluded) out.line(`  left out ${e.dataset}: ${e.reason}`);
  out.line(`  dropped ${result.dropped.exactDuplicates} exact and ${count(result.dropped.nearDuplicates, 'near duplicate')}`);
}

function printComparison(c: { lineageAware: Diversity; uniform: Diversity }, out: Output): void {
  out.line();
  out.line('                      items   Vendi score   centroid distance');
  out.line(`  lineage-aware    ${String(c.lineageAware.items).padStart(8)}   ${c.lineageAware.vendi.toFixed(2).padStart(11)}   ${c.lineageAware.centroidDistance.toFixed(4).padStart(17)}`);
  out.line(`  uniform baseline ${String(c.uniform.items).padStart(8)}   ${c.uniform.vendi.toFixed(2).padStart(11)}   ${c.uniform.centroidDistance.toFixed(4).padStart(17)}`);
}
