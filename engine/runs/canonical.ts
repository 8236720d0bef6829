/**
 * The names a run can merge a written name into: the project's datasets and the registry of well-known
 * ones. Exact spellings resolve through the alias table; near spellings through the guarded fuzzy match.
 */
import { fuzzyCanonical, type CanonicalMatch, type NameCandidate } from '../../agents/aggregation/canonical.js';
import type { ExtractedSource } from '../../agents/extraction/types.js';
import { isHubId } from '../../shared/domain/names.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { Project } from '../project.js';

export interface Resolution {
  id: string;
  /** Set when a near spelling was merged into an existing dataset. */
  merged?: CanonicalMatch & { written: string };
}

export class CanonicalNames {
  private readonly candidates = new Map<string, NameCandidate>();

  constructor(private readonly project: Project) {
    for (const known of knownDatasets().all) this.candidates.set(known.id, { id: known.id, names: [known.name, ...known.aliases] });
    for (const dataset of project.datasets.all()) this.add(dataset.id, [dataset.name, ...dataset.aliases]);
  }

  add(id: string, names: string[]): void {
    const existing = this.candidates.get(id);
    this.candidates.set(id, { id, names: [...new Set([...(existing?.names ?? []), id, ...names])] });
  }

  /** The dataset a source names: its id when the extractor identified it, an existing dataset by alias, a near spelling, or a new one. */
  resolve(source: Pick<ExtractedSource, 'id' | 'name'>): Resolution {
    if (isHubId(source.id) || knownDatasets().byId(source.id)) return { id: source.id };
    const exact = this.project.datasets.resolve(source.name) ?? this.project.datasets.resolve(source.id);
    if (exact) return { id: exact };
    const near = fuzzyCanonical(source.name, this.candidates.values());
    if (near) return { id: near.id, merged: { ...near, written: source.name } };
    return { id: source.id };
  }
}
