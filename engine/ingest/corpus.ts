/**
 * The names a project already holds, as corpus entries: every dataset a document describes, with its
 * aliases and those documents. Datasets known only from a mention are left out, so a name read wrongly
 * once does not become a name the extractor trusts.
 */
import type { CorpusEntry } from '../../agents/extraction/corpus.js';
import type { Project } from '../project.js';

export function projectCorpus(project: Project): CorpusEntry[] {
  const paths = new Map<string, string[]>();
  for (const { location, datasetId } of project.documents.locations()) {
    const list = paths.get(datasetId);
    if (list) list.push(location);
    else paths.set(datasetId, [location]);
  }
  return project.datasets.names().flatMap((entry) => (paths.has(entry.id) ? [{ ...entry, paths: paths.get(entry.id) }] : []));
}
