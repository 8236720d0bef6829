/**
 * Imports the Data Provenance Initiative collection: `data_summaries/*.json`, each an object of entries
 * keyed by a unique identifier. Entries become datasets (licenses, languages, creators, hub URL); free-text
 * `Derived from Datasets` parents become edges after name resolution; each collection becomes a dataset
 * that combines its entries.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { guessDomains } from '../../agents/documents/domains.js';
import { decodeText } from '../../agents/documents/read.js';
import { UserError } from '../../shared/errors.js';
import { hubIdFromUrl } from '../../shared/domain/hub.js';
import { nameKey, slugId } from '../../shared/domain/names.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { findCycles } from '../store/lineage.js';
import type { Project } from '../project.js';
import type { LineProblem } from './jsonl.js';
import type { ImportFormat, ImportReport } from './types.js';
import { trimEndOf } from '../../shared/text/trim.js';

export const AGENT = 'import:dpi';

interface Entry {
  file: string;
  uid: string;
  id: string;
  raw: Record<string, unknown>;
}

function summaryFiles(path: string): string[] {
  if (!existsSync(path)) throw new UserError('no such file or folder', path);
  if (statSync(path).isFile()) return [path];
  const folder = existsSync(join(path, 'data_summaries')) ? join(path, 'data_summaries') : path;
  const files = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort().map((f) => join(folder, f));
  if (files.length === 0) throw new UserError('no data summary JSON files here (expected data_summaries/*.json)', folder);
  return files;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** A parent field may hold a URL, or several names pasted into one string. */
function parentNames(values: string[]): string[] {
  return values.flatMap((value) => {
    const parts = value.split(/;|,(?=\s)/).map((p) => p.trim()).filter(Boolean);
    return parts.length > 1 && parts.every((p) => p.split(/\s+/).length <= 5) ? parts : [value];
  });
}

export function importDpi(project: Project, path: string): ImportReport {
  const registry = knownDatasets();
  const problems: LineProblem[] = [];
  const entries: Entry[] = [];
  for (const file of summaryFiles(path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decodeText(readFileSync(file), file));
    } catch (error) {
      problems.push({ file, line: 0, message: error instanceof UserError ? error.message : `not valid JSON (${(error as Error).message})` });
      continue;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push({ file, line: 0, message: 'expected an object of entries keyed by dataset identifier' });
      continue;
    }
    for (const [uid, raw] of Object.entries(parsed as Record<string, unknown>)) {
      if (uid.startsWith('_')) continue;
      if (!raw || typeof raw !== 'object') {
        problems.push({ file, line: 0, message: `entry "${uid}" is not an object` });
        continue;
      }
      entries.push({ file, uid, id: '', raw: raw as Record<string, unknown> });
    }
  }

  // A hub id names an entry only when no other entry shares it (the collection reuses one URL for hundreds).
  const hubUse = new Map<string, number>();
  for (const entry of entries) {
    const hub = hubIdFromUrl(text(entry.raw['Hugging Face URL']) ?? '');
    if (hub) hubUse.set(hub, (hubUse.get(hub) ?? 0) + 1);
  }
  const byKey = new Map<string, Entry>();
  for (const entry of entries) {
    const hub = hubIdFromUrl(text(entry.raw['Hugging Face URL']) ?? '');
    entry.id = hub && hubUse.get(hub) === 1 ? hub : slugId(entry.uid);
    for (const name of [entry.uid, text(entry.raw['Dataset Name'])]) if (name && !byKey.has(nameKey(name))) byKey.set(nameKey(name), entry);
  }

  const datasetsBefore = project.datasets.count();
  const edgesBefore = project.edges.count();
  const evidenceBefore = project.edges.evidenceCount();
  const pairs: Array<[string, string]> = [];

  project.transaction(() => {
    for (const entry of entries) {
      const raw = entry.raw;
      const name = text(raw['Dataset Name']) ?? entry.uid;
      const known = registry.lookup(entry.id) ?? registry.lookup(name);
      project.datasets.ensure(
        {
          id: entry.id,
          name,
          aliases: [entry.uid],
          domains: guessDomains(name, ...strings(raw['Task Categories'])),
          kind: known?.kind,
          license: (Array.isArray(raw.Licenses) ? raw.Licenses : [])
            .map((l) => (l && typeof l === 'object' ? text((l as Record<string, unknown>).License) : null))
            .filter((l): l is string => Boolean(l))
            .join(', ') || null,
          languages: strings(raw.Languages),
          creators: strings(raw.Creators),
          url: text(raw['Hugging Face URL']) ?? text(raw['Dataset URL']) ?? text(raw['GitHub URL']),
          dataType: strings(raw['Model Generated']).length > 0 ? 'synthetic' : null,
          releaseDate: releaseDate(raw),
        },
        { exact: true },
      );
    }
    for (const entry of entries) {
      const origin = `${basename(entry.file)}#${entry.uid}`;
      for (const parent of parentNames(strings(entry.raw['Derived from Datasets']))) {
        const upstream = resolveParent(project, parent, byKey, registry);
        project.edges.addFinding({
          upstream,
          downstream: entry.id,
          relation: 'Direct Inclusion/Subset',
          confidence: 0.8,
          quote: parent,
          origin: `${origin} "Derived from Datasets"`,
          agent: AGENT,
        });
        pairs.push([upstream, entry.id]);
      }
      const collection = text(entry.raw.Collection);
      if (collection) {
        const collectionId = project.datasets.ensure({ id: `dpi-collection/${slugId(collection)}`, name: collection, url: text(entry.raw['Collection URL']) }, { exact: true });
        if (collectionId !== entry.id) {
          project.edges.addFinding({
            upstream: entry.id,
            downstream: collectionId,
            relation: 'Structured Fusion',
            confidence: 1,
            quote: collection,
            origin: `${origin} "Collection"`,
            agent: AGENT,
          });
          pairs.push([entry.id, collectionId]);
        }
      }
    }
  });

  return {
    format: 'dpi',
    source: path,
    datasets: project.datasets.count() - datasetsBefore,
    edges: project.edges.count() - edgesBefore,
    evidence: project.edges.evidenceCount() - evidenceBefore,
    problems,
    selfLoops: [...new Set(pairs.filter(([a, b]) => a === b).map(([a]) => a))],
    cycles: findCycles(pairs).filter((c) => c.length > 2),
  };
}

/**
 * A free-text parent: a hub URL, a well-known dataset (the original, not a collection's reformatted copy
 * of it), another entry of the collection, a dataset already in the project, or a new one.
 */
function resolveParent(project: Project, parent: string, byKey: Map<string, Entry>, registry: ReturnType<typeof knownDatasets>): string {
  const hub = hubIdFromUrl(parent);
  const written = hub ?? trimEndOf(parent.replace(/^https?:\/\/(www\.)?/, ''), '/');
  const known = registry.lookup(written);
  if (known) return project.datasets.ensure({ id: known.id, name: known.name, aliases: [parent], kind: known.kind, domains: known.domains });
  const entry = byKey.get(nameKey(written));
  if (entry) return entry.id;
  const existing = project.datasets.resolve(written);
  if (existing) return existing;
  return project.datasets.ensure({ id: hub, name: written, aliases: [parent] });
}

function releaseDate(raw: Record<string, unknown>): string | null {
  const inferred = raw['Inferred Metadata'];
  if (!inferred || typeof inferred !== 'object') return null;
  const meta = inferred as Record<string, unknown>;
  for (const key of ['S2 Date', 'PwC Date', 'HF Date', 'GitHub Date']) {
    const value = text(meta[key]);
    const m = value ? /^(\d{4})(?:-(\d{2}))?/.exec(value) : null;
    if (m) return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  }
  return null;
}

export const dpiFormat: ImportFormat = {
  id: 'dpi',
  description: 'the Data Provenance Initiative collection (data_summaries/*.json)',
  run: importDpi,
};
