/**
 * Ingest: reads dataset cards, READMEs and folders, runs an extractor on each document, and writes the
 * dataset, the document and the lineage it found — each document in one transaction, so a bad file
 * leaves the project as it was. Re-reading a file with the same bytes changes nothing.
 */
import { resolve } from 'node:path';
import { collectDocuments, type DocumentSource } from '../../agents/documents/collect.js';
import { parseCard, type CardMetadata } from '../../agents/documents/card.js';
import { guessDomains } from '../../agents/documents/domains.js';
import { readDocument, type ReadOptions } from '../../agents/documents/read.js';
import { extractBuiltin, type ExtractInput } from '../../agents/extraction/builtin/index.js';
import type { ExtractionResult } from '../../agents/extraction/types.js';
import { isUserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { Project } from '../project.js';
import { CanonicalNames } from '../runs/canonical.js';
import { writeFindings } from '../runs/findings.js';

export interface IngestOptions extends ReadOptions {
  /** The extractor to run; the built-in one by default. */
  extract?: (input: ExtractInput) => ExtractionResult;
}

export type IngestStatus = 'ingested' | 'unchanged' | 'failed';

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
  newDatasets: number;
  newEdges: number;
  newEvidence: number;
}

export function ingestPaths(project: Project, paths: string[], options: IngestOptions = {}): IngestReport {
  const { documents, errors } = collectDocuments(paths);
  const files: IngestFileReport[] = errors.map((error) => ({ path: error.file ?? '', status: 'failed', message: error.message }));
  const datasetsBefore = project.datasets.count();
  const evidenceBefore = project.edges.evidenceCount();
  let newEdges = 0;
  const datasetOfReadme = new Map<string, string>();
  const names = new CanonicalNames(project);
  for (const source of documents) {
    const report = ingestDocument(project, names, source, options, datasetOfReadme);
    files.push(report);
    newEdges += report.newEdges ?? 0;
    if (report.dataset && source.kind === 'card') datasetOfReadme.set(resolve(source.path), report.dataset);
  }
  return {
    files,
    ingested: files.filter((f) => f.status === 'ingested').length,
    unchanged: files.filter((f) => f.status === 'unchanged').length,
    failed: files.filter((f) => f.status === 'failed').length,
    newDatasets: project.datasets.count() - datasetsBefore,
    newEdges,
    newEvidence: project.edges.evidenceCount() - evidenceBefore,
  };
}

function ingestDocument(project: Project, names: CanonicalNames, source: DocumentSource, options: IngestOptions, datasetOfReadme: Map<string, string>): IngestFileReport {
  const path = source.path;
  try {
    const read = readDocument(path, options);
    const existing = project.documents.findBySha(read.sha256);
    if (existing) {
      return { path, status: 'unchanged', dataset: existing.datasetId ?? undefined, message: `already ingested (same content as ${existing.location})` };
    }
    const card = parseCard(read.text, path);
    const companion = source.companionOf ? datasetOfReadme.get(resolve(source.companionOf)) : undefined;
    const input: ExtractInput = {
      text: read.text,
      path,
      metadata: card.metadata,
      bodyStart: card.bodyStart,
      yamlStart: card.yamlStart,
      yamlEnd: card.yamlEnd,
      self: companion ? { name: project.datasets.get(companion)?.name ?? companion, id: companion } : undefined,
    };
    const result = (options.extract ?? extractBuiltin)(input);
    const written = project.transaction(() => writeDocument(project, names, source, read.text, read.sha256, card.metadata, card.bodyStart, result));
    return card.warnings ? { ...written, warnings: card.warnings } : written;
  } catch (error) {
    if (isUserError(error)) return { path, status: 'failed', message: error.message };
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
    aliases: [source.folderName, metadata?.prettyName].filter((a): a is string => Boolean(a)),
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
