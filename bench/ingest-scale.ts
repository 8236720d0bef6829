/**
 * Ingest cost per document against the size of the project it goes into: a batch of synthetic internal
 * cards (each built from two or three others, some from public datasets) ingested into an empty project
 * and into one that already holds tens of thousands of datasets with cards. The aim is a cost per
 * document independent of the project, and 20,000 cards in under a minute.
 *
 *   npm run bench -- ingest-scale [--cards 20000] [--existing 40000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestPaths } from '../engine/ingest/ingest.js';
import { Project } from '../engine/project.js';
import { seeded } from './lib/measure.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const cards = flag('--cards', 20_000);
const existing = flag('--existing', 40_000);
const dir = mkdtempSync(join(tmpdir(), 'rootline-ingest-scale-'));
const PUBLIC = ['GSM8K', 'Dolly 15k', 'UltraChat', 'OpenAssistant', 'MetaMathQA', 'SQuAD'];

function writeCards(folder: string, count: number, prefix: string): void {
  const random = seeded(count);
  for (let i = 0; i < count; i++) {
    const name = `${prefix}-set-${i}-v${1 + (i % 3)}`;
    const parents = [Math.floor(random() * count), Math.floor(random() * count)].filter((p) => p !== i).map((p) => `\`${prefix}-set-${p}-v${1 + (p % 3)}\``);
    const text = [
      `# ${name}`,
      '',
      `Internal dialogs for team ${i % 17}. Built from ${parents.join(' and ')}, filtered to English.`,
      `Questions were also sampled from ${PUBLIC[i % PUBLIC.length]}. Evaluated on MMLU; answers written by acme-llm-13b.`,
      '',
      '| Source | Share |',
      '|---|---|',
      ...parents.map((p, k) => `| ${p} | ${k === 0 ? 60 : 40}% |`),
      '',
    ].join('\n');
    mkdirSync(join(folder, name), { recursive: true });
    writeFileSync(join(folder, name, 'README.md'), text);
  }
}

function timeIngest(projectFile: string, folder: string): { seconds: number; perDocumentMs: number; ingested: number } {
  const project = Project.open(projectFile);
  const started = performance.now();
  const report = ingestPaths(project, [folder]);
  const seconds = (performance.now() - started) / 1000;
  project.close();
  return { seconds: Number(seconds.toFixed(2)), perDocumentMs: Number(((seconds * 1000) / report.ingested).toFixed(3)), ingested: report.ingested };
}

const batch = join(dir, 'batch');
writeCards(batch, cards, 'team');
const big = join(dir, 'big.rootline');
const prefill = join(dir, 'prefill');
writeCards(prefill, existing, 'old');
const prefillStarted = performance.now();
timeIngest(big, prefill);
const prefillSeconds = (performance.now() - prefillStarted) / 1000;

const empty = timeIngest(join(dir, 'empty.rootline'), batch);
const full = timeIngest(big, batch);
const report = {
  cards,
  intoEmptyProject: empty,
  intoProjectWith: { datasets: existing, ...full, projectBuiltIn: Number(prefillSeconds.toFixed(1)) },
  costRatioFullVsEmpty: Number((full.perDocumentMs / empty.perDocumentMs).toFixed(2)),
  aim: `${cards} cards in under 60 s: ${empty.seconds < 60 && full.seconds < 60 ? 'met' : 'not met'}`,
};
console.log(JSON.stringify(report, null, 2));
rmSync(dir, { recursive: true, force: true });
