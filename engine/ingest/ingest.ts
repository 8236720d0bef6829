/**
 * Ingest: reads dataset cards, READMEs and folders, runs an extractor on each document, and writes the
 * dataset, the document and the lineage it found — each document in one transaction, so a bad file
 * leaves the project as it was. Re-reading a file with the same bytes changes nothing.
 */
import { resolve } from 'node:path';
import { collectDocuments, type DocumentSource } from '../../agents/documents/collect.js';
import { parseCard, type CardMetadata, type ParsedCard } from '../../agents/documents/card.js';
import { identifyDocument, type DocumentIdentity } from '../../agents/documents/identity.js';
import { guessDomains } from '../../agents/documents/domains.js';
import { readDocument, type ReadOptions } from '../../agents/documents/read.js';
import { extractBuiltin, type ExtractInput, type ExtractOptions } from '../../agents/extraction/builtin/index.js';
import { settleReversedClaims } from '../../agents/aggregation/reversed-claims.js';
import { Corpus, type CorpusEntry } from '../../agents/extraction/corpus.js';
import type { ExtractionResult } from '../../agents/extraction/types.js';
import { isUserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { Project } from '../project.js';
import { CanonicalNames } from '../runs/canonical.js';
import { writeFindings } from '../runs/findings.js';
import { projectCorpus } from './corpus.js';

export interface IngestOptions extends ReadOptions {
  /** The extractor to run; the built-in one by default. */
  extract?: (input: ExtractInput, options: ExtractOptions) => ExtractionResult;
  /** More names to resolve against (a library's cards), beside the batch's and the project's own. */
  corpus?: CorpusEntry[];
  /** Sees each document's findings as they are written, after the batch's cards were settled against each other. */
  onResult?: (path: string, result: ExtractionResult) => void;
}

export type IngestStatus = 'ingested' | 'unchanged' | 'failed' | 'skipped';

export interface IngestFileReport {
  path: string;
  status: IngestStatus;
  dataset?: string;
  sources?: number;
  newEdges?: number;
  message?: string;
  /** Problems that did not stop the file (a front matter never closed). */
  warnings?: string[];
}

export interface IngestReport {
  files: IngestFileReport[];
  ingested: number;
  unchanged: number;
  failed: number;
  skipped: number;
  newDatasets: number;
  newEdges: number;
  newEvidence: number;
}

/** How long one commit's group of documents may hold the project's write lock. */
const GROUP_MS = 200;

interface ReadSource {
  source: DocumentSource;
  text: string;
  sha256: string;
  card: ParsedCard;
  identity: DocumentIdentity;
}

/**
 * Ingests in two passes: first every document of the batch is read and says which dataset it describes
 * (so the batch's names are known), then each is extracted with the batch's, the project's and the
 * caller's names as a private registry and written in its own transaction.
 */
export function ingestPaths(project: Project, paths: string[], options: IngestOptions = {}): IngestReport {
  const { documents, errors, skipped } = collectDocuments(paths);
  const files: IngestFileReport[] = errors.map((error) => ({ path: error.file ?? '', status: 'failed', message: error.message }));
  files.push(...skipped.map((s) => ({ path: s.path, status: 'skipped' as const, message: s.reason })));
  const datasetsBefore = project.datasets.count();
  const evidenceBefore = project.edges.evidenceCount();
  const registry = knownDatasets();
  const read = readAll(project, documents, options, files, registry);
  const corpus = new Corpus([...projectCorpus(project), ...(options.corpus ?? [])]);
  for (const doc of read.values()) {
    if (doc === 'unchanged') continue;
    corpus.add({ id: doc.identity.id, name: doc.identity.name, aliases: doc.identity.aliases, paths: [doc.source.path] });
  }
  const names = new CanonicalNames(project);
  let newEdges = 0;
  const pending = [...read.values()].filter((doc): doc is ReadSource => doc !== 'unchanged');
  // Every document is extracted before any is written, so two cards that each claim the other as a
  // source are settled as a pair.
  const extracted = pending.map((doc) => extractDocument(doc, corpus, registry, options));
  settleReversedClaims(extracted.flatMap((e, i) => ('result' in e ? [{ datasetId: pending[i]!.identity.id, result: e.result }] : [])));
  // Documents are committed a group at a time (each still its own savepoint, so a bad one leaves no
  // trace): one commit per document would cost more than reading it, and a group holds the write lock
  // for at most GROUP_MS, so another writer never waits long.
  for (let next = 0; next < pending.length; ) {
    project.transaction(() => {
      const started = Date.now();
      do {
        const doc = pending[next]!;
        const outcome = extracted[next++]!;
        const report = 'result' in outcome ? writeExtracted(project, names, doc, outcome.result, options) : outcome.failed;
        files.push(report);
        newEdges += report.newEdges ?? 0;
      } while (next < pending.length && Date.now() - started < GROUP_MS);
    });
  }
  return {
    files,
    ingested: files.filter((f) => f.status === 'ingested').length,
    unchanged: files.filter((f) => f.status === 'unchanged').length,
    failed: files.filter((f) => f.status === 'failed').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    newDatasets: project.datasets.count() - datasetsBefore,
    newEdges,
    newEvidence: project.edges.evidenceCount() - evidenceBefore,
  };
}

/** Reads every document and names its dataset: a companion (a paper beside a README, the README of a data folder) takes its README's. */
function readAll(project: Project, documents: DocumentSource[], options: IngestOptions, files: IngestFileReport[], registry: ReturnType<typeof knownDatasets>) {
  const read = new Map<string, ReadSource | 'unchanged'>();
  const ordered = [...documents.filter((d) => !d.companionOf), ...documents.filter((d) => d.companionOf)];
  for (const source of ordered) {
    const path = source.path;
    try {
      const doc = readDocument(path, options);
      const existing = project.documents.findBySha(doc.sha256);
      if (existing) {
        files.push({ path, status: 'unchanged', dataset: existing.datasetId ?? undefined, message: `already ingested (same content as ${existing.location})` });
        read.set(resolve(path), 'unchanged');
        continue;
      }
      const card = parseCard(doc.text, path);
      const companion = source.companionOf ? companionIdentity(project, read.get(resolve(source.companionOf)), source.companionOf) : undefined;
      const own = identifyDocument({ text: doc.text, path, metadata: card.metadata, bodyStart: card.bodyStart, folderName: source.folderName }, registry);
      // The project's name for it, when the project already knows the dataset (a card read again, or named before).
      const known = companion ? undefined : project.datasets.resolve(own.id) ?? [own.name, ...own.aliases].map((n) => project.datasets.resolve(n)).find(Boolean);
      const identity = companion ?? (known ? { ...own, id: known } : own);
      read.set(resolve(path), { source, text: doc.text, sha256: doc.sha256, card, identity });
    } catch (error) {
      if (!isUserError(error)) throw error;
      files.push({ path, status: 'failed', message: error.message });
    }
  }
  return read;
}

function companionIdentity(project: Project, readme: ReadSource | 'unchanged' | undefined, readmePath: string): DocumentIdentity | undefined {
  if (readme && readme !== 'unchanged') return readme.identity;
  // The README was ingested before: its dataset is the project's.
  const datasetId = project.documents.datasetAt(resolve(readmePath));
  const dataset = datasetId ? project.datasets.get(datasetId) : undefined;
  return dataset ? { id: dataset.id, name: dataset.name, aliases: dataset.aliases } : undefined;
}

function extractDocument(doc: ReadSource, corpus: Corpus, registry: ReturnType<typeof knownDatasets>, options: IngestOptions): { result: ExtractionResult } | { failed: IngestFileReport } {
  const { source, text, card, identity } = doc;
  try {
    const input: ExtractInput = {
      text,
      path: source.path,
      metadata: card.metadata,
      bodyStart: card.bodyStart,
      yamlStart: card.yamlStart,
      yamlEnd: card.yamlEnd,
      folderName: source.folderName,
      self: { name: identity.name, id: identity.id },
    };
    return { result: (options.extract ?? extractBuiltin)(input, { corpus, registry }) };
  } catch (error) {
    if (isUserError(error)) return { failed: { path: source.path, status: 'failed', message: error.message } };
    throw error;
  }
}

function writeExtracted(project: Project, names: CanonicalNames, doc: ReadSource, result: ExtractionResult, options: IngestOptions): IngestFileReport {
  const { source, text, card, identity } = doc;
  options.onResult?.(source.path, result);
  try {
    const written = project.transaction(() => writeDocument(project, names, source, text, doc.sha256, card.metadata, card.bodyStart, { ...result, dataset: { ...result.dataset, aliases: [...new Set([...identity.aliases, ...(result.dataset.aliases ?? [])])] } }));
    return card.warnings ? { ...written, warnings: card.warnings } : written;
  } catch (error) {
    if (isUserError(error)) return { path: source.path, status: 'failed', message: error.message };
    throw error;
  }
}

function writeDocument(
  project: Project,
  names: CanonicalNames,
  source: DocumentSource,
  text: string,
  sha256: string,
  metadata: CardMetadata | undefined,
  bodyStart: number,
  result: ExtractionResult,
): IngestFileReport {
  const registry = knownDatasets();
  const known = registry.byId(result.dataset.id);
  const downstream = project.datasets.ensure({
    id: result.dataset.id,
    name: result.dataset.name,
    aliases: [source.folderName, metadata?.prettyName, ...(result.dataset.aliases ?? [])].filter((a): a is string => Boolean(a)),
    domains: known?.domains ?? guessDomains(result.dataset.name, ...(metadata?.tags ?? []), ...(metadata?.taskCategories ?? [])),
    kind: known?.kind,
    license: metadata?.licenses.join(', ') || null,
    size: metadata?.sizeCategories[0] ?? null,
    summary: summaryOf(text.slice(bodyStart)),
    languages: metadata?.languages,
    visibility: known || result.dataset.id.includes('/') ? 'public' : 'private',
  });
  const documentId = project.documents.add({ location: resolve(source.path), sha256, kind: source.kind, text, datasetId: downstream });
  // Upstream datasets under their canonical names (exact alias, then a guarded near spelling), as a trace does.
  const written = writeFindings(project, names, { documentId, downstream, result });
  return { path: source.path, status: 'ingested', dataset: downstream, sources: result.sources.length, newEdges: written.newEdges };
}

/**
 * The first paragraph of prose, without markup, as a one-line summary. The link pattern stops at the
 * next bracket or parenthesis, so a run of unclosed `[` or `(` costs linear time, not quadratic.
 */
export function summaryOf(body: string): string | null {
  for (const block of body.split(/\n\s*\n/)) {
    const line = block.trim();
    if (!line || /^(?:#|<|\||```|---|!\[|[-*+] |\d+\. )/.test(line)) continue;
    const plain = line.replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
    if (plain.length < 20) continue;
    return plain.length > 300 ? `${plain.slice(0, 297).replace(/\s+\S*$/, '')}…` : plain;
  }
  return null;
}
