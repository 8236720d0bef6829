/** The app's sample-overlap view: runs `analyze overlap` on a folder and returns what it found. */
import type { OverlapEdgeView, OverlapResult } from '../../shared/api/contract.js';
import { UserError } from '../../shared/errors.js';
import { analyzeOverlap } from '../analyses/overlap/run.js';
import type { OverlapEdgeReport } from '../analyses/overlap/write.js';
import type { Project } from '../project.js';

export async function runOverlap(project: Project, request: { samples?: string; minContainment?: number }, defaultFolder?: string): Promise<OverlapResult> {
  const folder = request.samples ?? defaultFolder;
  if (!folder) throw new UserError('no folder of sample files: type one, or start the app with `rootline serve --samples DIR`');
  const report = await analyzeOverlap(project, folder, { minContainment: request.minContainment });
  const view = (e: OverlapEdgeReport): OverlapEdgeView => ({
    edgeId: e.edgeId, upstream: e.upstream, downstream: e.downstream, relation: e.relation, status: e.status, confidence: e.confidence,
    statement: e.statement, overlap: e.overlap, ...(e.via ? { via: e.via } : {}),
  });
  return {
    folder,
    datasets: report.datasets.map((d) => ({ id: d.id, name: d.name, samples: d.samples, read: d.read })),
    discovered: report.discovered.map(view),
    contradicted: report.contradicted.map(view),
    confirmed: report.confirmed.map(view),
    explained: report.explained.map(view),
    unresolved: report.unresolved.map((u) => u.file),
  };
}
