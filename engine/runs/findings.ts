/**
 * Writes what an extractor found in one document: upstream datasets under their canonical names, one
 * edge per pair with every quote as evidence. The caller runs it inside the document's transaction.
 */
import { BUILTIN_AGENT, BUILTIN_STRUCTURE_AGENT } from '../../agents/extraction/builtin/index.js';
import type { ExtractionResult } from '../../agents/extraction/types.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { Project } from '../project.js';
import type { CanonicalNames } from './canonical.js';

export interface WrittenFindings {
  edgeIds: number[];
  newEdges: number;
  newEvidence: number;
  /** Written names merged into an existing dataset by near spelling. */
  merges: Array<{ written: string; into: string; similarity: number }>;
}

export function writeFindings(project: Project, names: CanonicalNames, input: { documentId: number; downstream: string; result: ExtractionResult }): WrittenFindings {
  const registry = knownDatasets();
  const written: WrittenFindings = { edgeIds: [], newEdges: 0, newEvidence: 0, merges: [] };
  for (const source of input.result.sources) {
    const resolution = names.resolve(source);
    const known = registry.byId(resolution.id);
    const upstream = project.datasets.ensure({
      id: resolution.id,
      name: known?.name ?? source.name,
      aliases: [source.name],
      kind: known?.kind,
      domains: known?.domains,
      releaseDate: known?.year ? String(known.year) : null,
    });
    names.add(upstream, [source.name]);
    if (resolution.merged) written.merges.push({ written: resolution.merged.written, into: upstream, similarity: resolution.merged.similarity });
    if (upstream === input.downstream) continue;
    for (const span of source.evidence) {
      const added = project.edges.addFinding({
        upstream,
        downstream: input.downstream,
        relation: source.relation,
        confidence: source.confidence,
        quote: span.quote,
        start: span.start,
        end: span.end,
        documentId: input.documentId,
        agent: source.structured && input.result.agent === BUILTIN_AGENT ? BUILTIN_STRUCTURE_AGENT : input.result.agent,
        model: input.result.model,
      });
      if (added.createdEdge) written.newEdges++;
      if (added.addedEvidence) written.newEvidence++;
      if (!written.edgeIds.includes(added.edgeId)) written.edgeIds.push(added.edgeId);
    }
  }
  return written;
}
