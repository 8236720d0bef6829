/** `rootline analyze`: structural patterns per domain, redundancy of a mix, benchmark contamination. */
import type { Command } from 'commander';
import { contaminationMap, blastRadius, type BlastRadius } from '../../shared/analyses/contamination/index.js';
import { structuralPatterns, type PatternsReport } from '../../shared/analyses/patterns/index.js';
import { structuralRedundancy, type StructuralRedundancy } from '../../shared/analyses/redundancy/structural.js';
import type { PathStep } from '../../shared/analyses/paths.js';
import { UserError } from '../../shared/errors.js';
import { scanContamination, type BenchmarkContamination } from '../../engine/analyses/contamination-scan.js';
import { scanDuplicates, type DuplicateReport } from '../../engine/analyses/duplicates-scan.js';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { locateProjectSamples } from '../../engine/samples/locate.js';
import type { RowProblem } from '../../engine/samples/read.js';
import type { Project } from '../../engine/project.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parseFraction, parsePositiveInt, projectOption, withProject, withProjectAsync } from './common.js';

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function registerAnalyze(program: Command): void {
  const analyze = program.command('analyze').description('analyses: structural patterns, redundancy of a mix, benchmark contamination');

  const patterns = analyze
    .command('patterns')
    .description('depth, in/out-degree and leaf share per domain; which domains refine vertically or aggregate horizontally')
    .option('--min-datasets <n>', 'leave out domains with fewer datasets', parsePositiveInt('--min-datasets'), 1);
  projectOption(patterns);
  jsonOption(patterns).action((options: { project: string; json?: boolean; minDatasets: number }) => {
    const out = createOutput(Boolean(options.json));
    const report = withProject(options.project, (project) => structuralPatterns(lineageGraphOf(project), { minDatasets: options.minDatasets }), { mustExist: true });
    if (out.json) return out.value(report);
    printPatterns(report, out);
  });

  const redundancy = analyze
    .command('redundancy')
    .description('for a training mix: shared ancestors, datasets included twice, and (with --samples) duplicate samples')
    .argument('<datasets...>', 'the datasets of the mix (ids or names)')
    .option('--samples <dir>', 'a folder of dataset files (JSONL, JSON, CSV, Parquet) to check sample by sample')
    .option('--threshold <x>', 'Jaccard similarity of near-duplicates', parseFraction('--threshold'), 0.8)
    .option('--fields <names>', 'the text fields to compare (default: detected)', list);
  projectOption(redundancy);
  jsonOption(redundancy).action(async (names: string[], options: { project: string; json?: boolean; samples?: string; threshold: number; fields?: string[] }) => {
    const out = createOutput(Boolean(options.json));
    await withProjectAsync(options.project, async (project) => {
      const mix = names.map((name) => project.requireDataset(name));
      const structural = structuralRedundancy(lineageGraphOf(project), mix);
      let samples: DuplicateReport | undefined;
      if (options.samples) {
        const located = locate(project, options.samples, out);
        const files = new Map([...located].filter(([id]) => mix.includes(id)));
        samples = await scanDuplicates(files, { threshold: options.threshold, fields: options.fields, onProblem: problemPrinter(out) });
      }
      if (out.json) return out.value({ structural, samples });
      printRedundancy(structural, samples, out);
    }, { mustExist: true });
  });

  const contamination = analyze
    .command('contamination')
    .description("every dataset downstream of a benchmark, with the paths; with --samples and --benchmarks, the benchmark items found in the samples")
    .option('--benchmark <names>', 'only these benchmarks (default: every dataset marked benchmark)', list)
    .option('--samples <dir>', 'a folder of dataset files to scan')
    .option('--benchmarks <dir>', 'a folder of benchmark files (JSONL, JSON, CSV, Parquet)')
    .option('--ngram <n>', 'n-gram length for overlap', parsePositiveInt('--ngram'), 13)
    .option('--min-overlap <x>', "share of an item's n-grams that must appear in one sample (default: any)", parseFraction('--min-overlap'), 0)
    .option('--benchmark-fields <names>', 'benchmark text fields (default: the prompt side, detected)', list)
    .option('--fields <names>', 'dataset text fields (default: detected)', list)
    .option('--test-only', 'leave out paths that take only a train split');
  projectOption(contamination);
  jsonOption(contamination).action(
    async (options: { project: string; json?: boolean; benchmark?: string[]; samples?: string; benchmarks?: string; ngram: number; minOverlap: number; benchmarkFields?: string[]; fields?: string[]; testOnly?: boolean }) => {
      const out = createOutput(Boolean(options.json));
      if (Boolean(options.samples) !== Boolean(options.benchmarks)) throw new UserError('--samples and --benchmarks go together: the sample check needs both');
      await withProjectAsync(options.project, async (project) => {
        const graph = lineageGraphOf(project);
        const graphReport = options.benchmark
          ? options.benchmark.map((name) => blastRadius(graph, project.requireDataset(name), { excludeTrainOnly: options.testOnly }))
          : contaminationMap(graph, { excludeTrainOnly: options.testOnly });
        let samples: BenchmarkContamination[] | undefined;
        if (options.samples && options.benchmarks) {
          const benchmarkFiles = locate(project, options.benchmarks, out);
          const datasetFiles = locate(project, options.samples, out);
          samples = await scanContamination(benchmarkFiles, datasetFiles, {
            ngram: options.ngram,
            minOverlap: options.minOverlap,
            benchmarkFields: options.benchmarkFields,
            datasetFields: options.fields,
            onProblem: problemPrinter(out),
          });
        }
        if (out.json) return out.value({ graph: graphReport, samples });
        printContamination(graphReport, samples, out);
      }, { mustExist: true });
    },
  );
}

/** Data files under a folder by dataset; a file's dataset may also be a well-known one not yet in the project. */
function locate(project: Project, folder: string, out: Output): Map<string, string[]> {
  const located = locateProjectSamples(project, folder);
  for (const { file, tried } of located.unresolved) out.warn(`! ${file}: no dataset named ${tried.map((t) => `"${t}"`).join(' or ')} in the project; skipped`);
  return located.byDataset;
}

function problemPrinter(out: Output): (problem: RowProblem) => void {
  return (problem) => out.warn(`! ${problem.file}:${problem.row}: ${problem.message} (skipped)`);
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function printPatterns(report: PatternsReport, out: Output): void {
  out.line('domain        datasets  avg depth  avg in  avg out  leaf share  max depth  shape');
  for (const d of report.domains) {
    out.line(
      `${d.domain.padEnd(13)} ${String(d.datasets).padStart(8)}  ${fixed(d.avgDepth).padStart(9)}  ${fixed(d.avgInDegree).padStart(6)}  ${fixed(d.avgOutDegree).padStart(7)}  ${percent(d.leafShare).padStart(10)}  ${String(d.maxDepth).padStart(9)}  ${d.shape}`,
    );
  }
  const o = report.overall;
  out.line(`${'all domains'.padEnd(13)} ${String(o.datasets).padStart(8)}  ${fixed(o.avgDepth).padStart(9)}  ${fixed(o.avgInDegree).padStart(6)}  ${fixed(o.avgOutDegree).padStart(7)}  ${percent(o.leafShare).padStart(10)}  ${String(o.maxDepth).padStart(9)}`);
  const vertical = report.domains.filter((d) => d.shape === 'vertical').map((d) => d.domain);
  const horizontal = report.domains.filter((d) => d.shape === 'horizontal').map((d) => d.domain);
  out.line();
  if (vertical.length) out.line(`Refine vertically (deeper chains, fewer leaves than all domains together): ${vertical.join(', ')}`);
  if (horizontal.length) out.line(`Aggregate horizontally (shallower, more leaves): ${horizontal.join(', ')}`);
}

export function pathText(start: string, path: PathStep[]): string {
  return [start, ...path.map((step) => `—${step.relation}→ ${step.id}`)].join(' ');
}

function printRedundancy(report: StructuralRedundancy, samples: DuplicateReport | undefined, out: Output): void {
  out.line(`Mix of ${report.mix.length} datasets; structural redundancy score ${fixed(report.score)} (0 = no shared root sources)`);
  if (report.nested.length) {
    out.line();
    out.line('Included twice — directly and through another member:');
    for (const n of report.nested) out.line(`  ${n.included}, also via ${n.via}: ${pathText(n.included, n.path)}`);
  }
  if (report.sharedAncestry.length) {
    out.line();
    out.line('Members that share an upstream ancestor:');
    for (const s of report.sharedAncestry) {
      out.line(`  ${s.members[0]} & ${s.members[1]}:`);
      for (const a of s.ancestors) {
        out.line(`    ${pathText(a.ancestor, a.paths[0])}`);
        out.line(`    ${pathText(a.ancestor, a.paths[1])}`);
      }
    }
  }
  if (!report.nested.length && !report.sharedAncestry.length) out.line('No shared ancestors: the members are structurally independent.');
  if (!samples) return;
  out.line();
  out.line('Samples:');
  for (const d of samples.perDataset) {
    out.line(`  ${d.dataset}: ${d.samples} samples, ${d.exactDuplicates} exact duplicates (${percent(d.exactDuplicateRate)}), ${d.nearDuplicates} in near-duplicate pairs (${percent(d.nearDuplicateRate)})`);
  }
  const within = samples.nearPairs.filter((p) => p.a.dataset === p.b.dataset).slice(0, 5);
  if (within.length) out.line(`  near-duplicates within a dataset, e.g. ${within.map((p) => `${p.a.id} ~ ${p.b.id} (${fixed(p.similarity)})`).join(', ')}`);
  for (const c of samples.crossDataset) {
    out.line(`  ${c.datasets[0]} ↔ ${c.datasets[1]}: ${c.exactShared} exact and ${c.nearShared} near-duplicate samples shared, e.g. ${c.examples.slice(0, 3).map((e) => `${e.a} = ${e.b}`).join(', ')}`);
  }
}

function printContamination(graph: BlastRadius[], samples: BenchmarkContamination[] | undefined, out: Output): void {
  if (graph.length === 0) out.line('No dataset in the project is downstream of a benchmark.');
  for (const radius of graph) {
    out.line(`${radius.name} (${radius.benchmark}) reaches ${radius.datasets.length} datasets:`);
    for (const d of radius.datasets) out.line(`  ${d.id}  [${d.split === 'unknown' ? 'split not stated' : `${d.split} split`}]  ${pathText(radius.benchmark, d.path)}`);
  }
  if (!samples) return;
  out.line();
  out.line('Benchmark items found in samples:');
  for (const b of samples) {
    const found = b.datasets.filter((d) => d.itemsFound > 0);
    out.line(`  ${b.benchmark}: ${b.items} items${b.skippedShortItems ? ` (${b.skippedShortItems} too short to check)` : ''}; ${found.length ? '' : 'none found'}`);
    for (const d of found) {
      out.line(`    ${d.dataset}: ${d.itemsFound} items (${percent(d.ratio)} of the benchmark) in ${d.samples} samples`);
      for (const hit of d.hits.slice(0, 5)) out.line(`      ${hit.item} → ${hit.samples.join(', ')}${hit.exact ? ' (exact)' : ` (${percent(hit.overlap)} of its n-grams)`}`);
    }
  }
}
