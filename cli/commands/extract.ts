/** `rootline extract`: run the built-in extractor on documents and print what it finds; no project needed. */
import type { Command } from 'commander';
import { collectDocuments } from '../../agents/documents/collect.js';
import { parseCard } from '../../agents/documents/card.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, readDocument } from '../../agents/documents/read.js';
import { identifyDocument } from '../../agents/documents/identity.js';
import { extractBuiltin } from '../../agents/extraction/builtin/index.js';
import { Corpus } from '../../agents/extraction/corpus.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { ExtractionResult } from '../../agents/extraction/types.js';
import { isUserError } from '../../shared/errors.js';
import { printableName } from '../../shared/text/printable.js';
import { createOutput } from '../output.js';
import { jsonOption, parseFraction, parsePositiveInt } from './common.js';

export function registerExtract(program: Command): void {
  const command = program
    .command('extract')
    .description('find the upstream datasets of documents with the built-in extractor, without a project')
    .argument('<files...>', 'dataset cards, READMEs, papers as text, or folders')
    .option('--min-confidence <x>', 'report sources at or above this confidence', parseFraction('--min-confidence'), 0.5)
    .option('--explain', 'also list the mentions that were not taken as sources, and why')
    .option('--max-bytes <n>', 'largest document to read', parsePositiveInt('--max-bytes'), DEFAULT_MAX_DOCUMENT_BYTES);
  jsonOption(command).action((files: string[], options: { json?: boolean; minConfidence: number; explain?: boolean; maxBytes: number }) => {
    const out = createOutput(Boolean(options.json));
    const { documents, errors, skipped } = collectDocuments(files);
    let failed = errors.length;
    for (const error of errors) {
      if (out.json) out.value({ file: error.file, error: error.message });
      else out.warn(`✗ ${error.message}`);
    }
    for (const file of skipped) {
      if (out.json) out.value({ file: file.path, skipped: file.reason });
      else out.warn(`- ${printableName(file.path)}: ${file.reason}`);
    }
    if (documents.length === 0 && skipped.length > 0) failed++;
    // Every document first says which dataset it describes, so the cards given together can name each other.
    const read: Array<{ path: string; text: string; card: ReturnType<typeof parseCard> }> = [];
    const corpus = new Corpus();
    for (const document of documents) {
      try {
        const doc = readDocument(document.path, { maxBytes: options.maxBytes });
        const card = parseCard(doc.text, document.path);
        read.push({ path: document.path, text: doc.text, card });
        const identity = identifyDocument({ text: doc.text, path: document.path, metadata: card.metadata, bodyStart: card.bodyStart, folderName: document.folderName }, knownDatasets());
        corpus.add({ ...identity, paths: [document.path] });
      } catch (error) {
        if (!isUserError(error)) throw error;
        failed++;
        if (out.json) out.value({ file: document.path, error: error.message });
        else out.warn(`✗ ${error.message}`);
      }
    }
    for (const { path, text, card } of read) {
      const warnings = card.warnings ?? [];
      const result: ExtractionResult = extractBuiltin(
        { text, path, metadata: card.metadata, bodyStart: card.bodyStart, yamlStart: card.yamlStart, yamlEnd: card.yamlEnd },
        { minConfidence: options.minConfidence, corpus },
      );
      const document = { path };
      if (out.json) {
        out.value({
          file: document.path,
          dataset: result.dataset,
          sources: result.sources.map(({ name, id, relation, confidence, evidence }) => ({ name, id, relation, confidence, evidence })),
          ...(options.explain ? { dropped: result.dropped } : {}),
          ...(warnings.length ? { warnings } : {}),
        });
        continue;
      }
      for (const warning of warnings) out.warn(`! ${printableName(document.path)}: ${warning}`);
      out.line(`${printableName(document.path)}: ${result.dataset.name} (${result.dataset.id})`);
      if (result.sources.length === 0) out.line('  no upstream datasets found');
      for (const source of result.sources) {
        out.line(`  ⟵ ${source.name}${source.id !== source.name ? ` [${source.id}]` : ''}  ${source.relation}, ${source.confidence.toFixed(2)}`);
        const quote = source.evidence[0]?.quote.replace(/\s+/g, ' ') ?? '';
        out.line(`      “${quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}”`);
      }
      if (options.explain) for (const d of result.dropped) out.line(`  ✗ ${d.name.replace(/\s+/g, ' ')}: ${d.reason}`);
    }
    process.exitCode = failed > 0 ? 1 : 0;
  });
}
