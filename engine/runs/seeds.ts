/**
 * What a trace starts from: files and folders (read into the project, their lineage left to the run's
 * extractor) or dataset names and ids (from the project, the well-known registry, the library, or — online —
 * a Hugging Face id).
 */
import { existsSync } from 'node:fs';
import { extractBuiltin } from '../../agents/extraction/builtin/index.js';
import type { Library } from '../../agents/sourcing/library.js';
import { lookupDatasetName } from '../../shared/domain/name-lookup.js';
import { idForName, isHubId } from '../../shared/domain/names.js';
import { UserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { ingestPaths } from '../ingest/ingest.js';
import type { Project } from '../project.js';

export function resolveSeeds(project: Project, seeds: string[], options: { library?: Library; online: boolean; maxBytes?: number }): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const seed of seeds) {
    if (existsSync(seed)) {
      // The document and its dataset go in now; which datasets it was built from is the run's extractor's job.
      const report = ingestPaths(project, [seed], { maxBytes: options.maxBytes, extract: (input, extractOptions) => ({ ...extractBuiltin(input, extractOptions), sources: [] }) });
      const failed = report.files.filter((f) => f.status === 'failed');
      if (failed.length > 0) throw new UserError(failed.map((f) => f.message).join('; '));
      for (const file of report.files) if (file.dataset) add(file.dataset);
      continue;
    }
    const inProject = project.datasets.resolve(seed);
    if (inProject) {
      add(inProject);
      continue;
    }
    const known = knownDatasets().lookup(seed);
    if (known) {
      add(project.datasets.ensure({ id: known.id, name: known.name, kind: known.kind, domains: known.domains, releaseDate: known.year ? String(known.year) : null }));
      continue;
    }
    const ref = { id: idForName(seed), name: seed, aliases: [] };
    if (options.library && options.library.documentsFor(ref).length > 0) {
      add(project.datasets.ensure({ name: seed, visibility: isHubId(seed) ? 'public' : 'private' }));
      continue;
    }
    if (options.online && isHubId(seed)) {
      add(project.datasets.ensure({ id: seed, name: seed }));
      continue;
    }
    const where = ['not a file', 'not in the project', options.library ? 'not in the library' : undefined].filter(Boolean).join(', ');
    const hint = options.online ? '' : isHubId(seed) ? ' (with --online it is looked up on the Hugging Face Hub)' : ' (point --library at a folder of cards that has it)';
    throw new UserError(`no dataset "${seed}": ${where}${hint}${didYouMean(project, seed)}`);
  }
  return ids;
}

/** Close names among the project's datasets and the well-known ones, for a seed that matched nothing. */
function didYouMean(project: Project, seed: string): string {
  const known = knownDatasets().all.map((entry) => ({ id: entry.id, name: entry.name, aliases: [...(entry.aliases ?? [])] }));
  const match = lookupDatasetName(seed, { resolved: undefined, get: () => undefined, all: () => [...project.datasets.all(), ...known] });
  const suggestions = match.kind === 'missing' ? [...new Set(match.suggestions)] : [];
  return suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
}
