/** `rootline trace`: reconstruct the lineage of datasets recursively, with the built-in extractor or a model. */
import { count, pluralWord } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import { parseModelSpec } from '../../agents/providers/registry.js';
import type { ProviderSettings } from '../../agents/providers/settings.js';
import { openLibrary } from '../../agents/sourcing/library.js';
import type { Project } from '../../engine/project.js';
import { resolveSeeds } from '../../engine/runs/seeds.js';
import { checkModel, onlineSources, runRecord } from '../../engine/runs/setup.js';
import { DEFAULT_MAX_DEPTH, startTrace, type ExtractorMode, type TraceReport } from '../../engine/runs/trace.js';
import { DEFAULT_REVIEW_THRESHOLD } from '../../agents/aggregation/review.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../../agents/documents/read.js';
import { UserError } from '../../shared/errors.js';
import { createOutput, treeLines, type Output } from '../output.js';
import { progressView } from '../progress.js';
import { jsonOption, openProject, parseFraction, parsePositiveInt, parseWholeNumber, projectOption } from './common.js';
import { modelOptions, modelSettings, networkPolicy, type ModelCliOptions } from './model-options.js';
import { lineageTree, treeLabel } from './show.js';

interface TraceCliOptions extends ModelCliOptions {
  project: string;
  json?: boolean;
  model: string;
  hybrid?: boolean;
  maxDepth: number;
  library?: string;
  maxDatasets?: number;
  maxCalls?: number;
  maxMinutes?: number;
  concurrency?: number;
  timeout?: number;
  reviewThreshold: number;
  newRun?: boolean;
  progress: boolean;
  maxBytes: number;
}

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells expect. */
const INTERRUPTED = 130;

export function registerTrace(program: Command): void {
  const command = program
    .command('trace')
    .description('trace the lineage of datasets recursively: find their documents, extract their sources, and follow them upstream')
    .argument('<datasets...>', 'dataset names or ids, or card files and folders to start from')
    .option('-m, --model <model>', 'builtin, ollama:NAME (e.g. ollama:qwen2.5:7b-instruct) or openai:NAME', 'builtin')
    .option('--hybrid', 'with a model: the built-in extractor proposes, the model confirms and classifies (cheaper)')
    .option('--library <dir>', 'a folder of dataset cards to look for documents in')
    .option('--max-depth <n>', 'levels of upstream to find (1 = the seeds’ own sources)', parseWholeNumber('--max-depth'), DEFAULT_MAX_DEPTH)
    .option('--max-datasets <n>', 'budget: datasets to trace in this invocation', parsePositiveInt('--max-datasets'))
    .option('--max-calls <n>', 'budget: model calls in this invocation', parsePositiveInt('--max-calls'))
    .option('--max-minutes <n>', 'budget: minutes for this invocation', parsePositiveInt('--max-minutes'))
    .option('--concurrency <n>', 'model calls in flight at once (default 2)', parsePositiveInt('--concurrency'))
    .option('--timeout <seconds>', 'seconds one model reply may take (default 300)', parsePositiveInt('--timeout'))
    .option('--review-threshold <x>', 'edges below this confidence wait for a person', parseFraction('--review-threshold'), DEFAULT_REVIEW_THRESHOLD)
    .option('--new-run', 'start a new run even if an unfinished run of the same datasets can be resumed')
    .option('--no-progress', 'no progress on stderr')
    .option('--max-bytes <n>', 'largest document to read', parsePositiveInt('--max-bytes'), DEFAULT_MAX_DOCUMENT_BYTES);
  projectOption(command);
  modelOptions(command);
  jsonOption(command).action(async (datasets: string[], options: TraceCliOptions) => {
    process.exitCode = await trace(datasets, options);
  });
}

async function trace(datasets: string[], options: TraceCliOptions): Promise<number> {
  const out = createOutput(Boolean(options.json));
  const network = networkPolicy(options);
  const spec = parseModelSpec(options.model);
  if (options.hybrid && spec.provider.id === 'builtin') throw new UserError('--hybrid needs a model: --model ollama:NAME or openai:NAME');
  const overrides: Partial<ProviderSettings> = {};
  if (options.concurrency) overrides.concurrency = options.concurrency;
  if (options.timeout) overrides.timeoutSeconds = options.timeout;
  const settings = modelSettings(options, overrides);
  const model = spec.provider.connect(spec.model, settings, network);
  if (model) await checkModel(spec.provider, model, settings, network);
  const mode: ExtractorMode = !model ? 'builtin' : options.hybrid ? 'hybrid' : 'llm';
  const library = options.library ? openLibrary(options.library, { maxBytes: options.maxBytes }) : undefined;
  for (const problem of library?.problems ?? []) out.warn(`! library: ${problem}`);

  const online = onlineSources(network);

  const opened = openProject(options.project);
  const project = opened.project;
  let failed = true;
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(INTERRUPTED);
    out.warn('\nstopping after the current step (Ctrl-C again to quit at once; the run resumes where it stopped)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const view = progressView(process.stderr, options.progress);
  try {
    const seeds = resolveSeeds(project, datasets, { library, online: network.online, maxBytes: options.maxBytes });
    const handle = startTrace(project, {
      seeds,
      extractor: { mode, model, settings },
      maxDepth: options.maxDepth,
      budget: { datasets: options.maxDatasets, modelCalls: options.maxCalls, seconds: options.maxMinutes === undefined ? undefined : options.maxMinutes * 60 },
      library,
      hub: online?.hub,
      arxiv: online?.arxiv,
      reviewThreshold: options.reviewThreshold,
      signal: controller.signal,
      newRun: options.newRun,
      record: runRecord(options, spec.label, mode, settings),
    });
    handle.on((event) => view.show(event));
    const report = await handle.done;
    view.stop();
    printReport(project, report, out);
    failed = false;
    if (report.status === 'finished') return 0;
    if (report.stopReason === 'cancelled') return INTERRUPTED;
    // A spent budget is the user's choice; a model server that stopped answering is a problem to fix.
    if (/budget spent/.test(report.stopReason ?? '')) return 0;
    out.warn(`rootline: run #${report.runId} paused: ${report.stopReason}; run the same command again to resume`);
    return 1;
  } finally {
    view.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    opened.close(failed);
  }
}

function printReport(project: Project, report: TraceReport, out: Output): void {
  if (out.json) {
    out.value(report);
    return;
  }
  const q = report.queue;
  out.line(`run #${report.runId} ${report.status}${report.stopReason ? `: ${report.stopReason}` : ''} (${report.extractor}${report.resumed ? ', resumed' : ''})`);
  out.line(
    `  datasets: ${q.done} traced (${q.noDocuments} without documents), ${q.skipped} not followed (roots, depth limit), ${q.failed} failed, ${q.pending} waiting`,
  );
  out.line(`  this time: ${count(report.datasetsTraced, 'dataset')}, ${count(report.newEdges, 'new edge')}, ${report.newEvidence} new evidence, ${report.seconds.toFixed(1)} s`);
  if (report.calls.calls > 0 || report.modelCalls > 0) {
    out.line(
      `  model calls: ${report.modelCalls} now${report.reusedReplies ? ` (+${count(report.reusedReplies, 'reply', 'replies')} reused)` : ''}; run total ${count(report.calls.calls, 'call')}` +
        `${report.calls.failed ? ` (${report.calls.failed} failed)` : ''}, ${report.calls.promptTokens} prompt + ${report.calls.completionTokens} completion tokens, ${report.calls.seconds.toFixed(1)} s`,
    );
  }
  if (report.invalidReplies) out.warn(`! ${report.invalidReplies} document parts got no valid reply from the model (logged with the run)`);
  if (report.droppedClaims.length > 0) {
    out.line(`  ${report.droppedClaims.length} model claims dropped by the evidence guard:`);
    for (const claim of report.droppedClaims.slice(0, 10)) out.line(`    ✗ ${claim.name} (${claim.dataset}): ${claim.reason}`);
    if (report.droppedClaims.length > 10) out.line(`    … and ${report.droppedClaims.length - 10} more (--json lists them all)`);
  }
  for (const merge of report.merges) out.line(`  "${merge.written}" read as ${merge.into} (similarity ${merge.similarity.toFixed(2)})`);
  out.line(`  project: ${count(report.project.datasets, 'dataset')}, ${count(report.project.edges, 'edge')}; ${count(report.reviewQueue, 'edge')} ${pluralWord(report.reviewQueue, 'awaits', 'await')} review (rootline review --project ${project.file})`);
  for (const seed of report.seeds) {
    const tree = lineageTree(project, seed, 'up', 6);
    out.line();
    out.line(`${project.datasets.get(seed)?.name ?? seed} — upstream lineage:`);
    out.line(tree.length ? treeLines(tree, (n) => n.children, treeLabel).join('\n') : '  no upstream datasets found');
  }
  if (report.status === 'paused') {
    out.line();
    out.line(report.stopReason === 'cancelled' || !/budget/.test(report.stopReason ?? '') ? 'Run the same command again to resume where it stopped.' : 'Run the same command again (with a larger budget) to continue.');
  }
}
