/**
 * The names a run can merge a written name into: the project's datasets and the registry of well-known
 * ones. Exact spellings resolve through the alias table; near spellings through the guarded fuzzy match.
 */
import { NearNames, type CanonicalMatch } from '../../agents/aggregation/canonical.js';
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
  private readonly near = new NearNames();

  constructor(private readonly project: Project) {
    for (const known of knownDatasets().all) this.near.add(known.id, [known.id, known.name, ...known.aliases]);
    for (const dataset of project.datasets.names()) this.near.add(dataset.id, [dataset.id, dataset.name, ...dataset.aliases]);
  }

  add(id: string, names: string[]): void {
    this.near.add(id, [id, ...names]);
  }

  /** The dataset a source names: its id when the extractor identified it, an existing dataset by alias, a near spelling, or a new one. */
  resolve(source: Pick<ExtractedSource, 'id' | 'name'>): Resolution {
    if (isHubId(source.id) || knownDatasets().byId(source.id)) return { id: source.id };
    const exact = this.project.datasets.resolve(source.name) ?? this.project.datasets.resolve(source.id);
    if (exact) return { id: exact };
    const near = this.near.nearest(source.name);
    if (near) return { id: near.id, merged: { ...near, written: source.name } };
    return { id: source.id };
  }
}
