/** `rootline diversity`: Vendi score and centroid distance of sample files. */
import type { Command } from 'commander';
import { embeddingProvider } from '../../agents/embeddings/index.js';
import { readSampleBatches } from '../../engine/samples/read.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import { measureDiversity } from '../../engine/sampling/vendi-parallel.js';
import { createOutput } from '../output.js';
import { jsonOption, parsePositiveInt } from './common.js';

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
    const texts: string[][] = [];
    for (const file of files) {
      const mine: string[] = [];
      for await (const batch of readSampleBatches(file, (p) => out.warn(`! ${p.file}:${p.row}: ${p.message} (skipped)`))) {
        for (const sample of batch) mine.push(sampleText(sample.record, { fields: options.fields }).text);
      }
      texts.push(mine);
    }
    const embeddings = await embeddingProvider(options.embedding, { dimension: options.dimension }).embed(texts.flat());
    let at = 0;
    const results = [];
    for (const [i, file] of files.entries()) {
      const slice = embeddings.slice(at, at + texts[i]!.length);
      at += texts[i]!.length;
      results.push({ file, ...(await measureDiversity(slice)) });
    }
    if (out.json) return out.value({ embedding: options.embedding, results });
    out.line(`embedding: ${options.embedding}`);
    for (const r of results) out.line(`${r.file}: ${r.items} items, Vendi score ${r.vendi.toFixed(2)}, centroid distance ${r.centroidDistance.toFixed(4)}`);
  });
}
