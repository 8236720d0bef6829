/** `rootline diversity`: Vendi score and centroid distance of sample files. */
import type { Command } from 'commander';
import { embeddingProvider } from '../../agents/embeddings/index.js';
import { readSampleBatches } from '../../engine/samples/read.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { measureDiversity } from '../../engine/sampling/vendi-parallel.js';
import { UserError } from '../../shared/errors.js';
import { count } from '../../shared/text/plural.js';
import { printableName } from '../../shared/text/printable.js';
import { createOutput } from '../output.js';
import { jsonOption, parsePositiveInt, requireInput } from './common.js';
import { problemPrinter } from './sample-files.js';

/** Two words of letters side by side: prose has them, ids, paths, numbers and lineage lists do not. */
const PROSE = /\p{L}{2}[ \t]+\p{L}{2}/u;

export function registerDiversity(program: Command): void {
  const command = program
    .command('diversity')
    .description('Vendi score and centroid distance of one or more sample files, in one shared embedding space')
    .argument('<files...>', 'sample files (JSONL, JSON, CSV, Parquet), e.g. the output of `rootline sample`')
    .option('--embedding <spec>', 'builtin (hashed n-gram TF-IDF, no model) or ollama:MODEL (e.g. ollama:nomic-embed-text)', 'builtin')
    .option('--dimension <n>', 'dimension of the built-in embedding', parsePositiveInt('--dimension'), 512)
    .option('--fields <names>', 'text fields (default: detected)', (v: string) => v.split(','));
  jsonOption(command).action(async (files: string[], options: { json?: boolean; embedding: string; dimension: number; fields?: string[] }) => {
    const out = createOutput(Boolean(options.json));
    for (const file of files) requireInput(file);
    const onProblem = problemPrinter(out);
    const measured: Array<{ file: string; texts: string[] }> = [];
    for (const file of files) {
      const texts: string[] = [];
      const fields = new Set<string>();
      let prose = false;
      for await (const batch of readSampleBatches(file, onProblem)) {
        for (const sample of batch) {
          const found = sampleText(sample.record, { fields: options.fields });
          texts.push(found.text);
          for (const field of found.fields) fields.add(field);
          prose ||= PROSE.test(found.text);
        }
      }
      // A file of ids (a sample list written with --format csv) would get a score of its id columns.
      if (texts.length > 0 && !prose && !options.fields) {
        out.warn(`! ${printableName(file)}: no text field: ${fields.size ? `the fields read (${[...fields].join(', ')}) hold` : 'the records hold'} only ids, names or numbers; name the text fields with --fields, or measure the JSONL sample list (skipped)`);
        continue;
      }
      measured.push({ file, texts });
    }
    if (measured.length === 0) throw new UserError(`no text to measure in ${files.map(printableName).join(', ')}`);
    const embeddings = await embeddingProvider(options.embedding, { dimension: options.dimension }).embed(measured.flatMap((m) => m.texts));
    let at = 0;
    const results = [];
    for (const { file, texts } of measured) {
      const slice = embeddings.slice(at, at + texts.length);
      at += texts.length;
      results.push({ file, ...(await measureDiversity(slice)) });
    }
    // Some files had no text: the scores of the others stand, and the exit code says one was skipped.
    if (measured.length < files.length) process.exitCode = 1;
    if (out.json) return out.value({ embedding: options.embedding, results });
    out.line(`embedding: ${options.embedding}`);
    for (const r of results) out.line(`${printableName(r.file)}: ${count(r.items, 'item')}, Vendi score ${r.vendi.toFixed(2)}, centroid distance ${r.centroidDistance.toFixed(4)}`);
  });
}
