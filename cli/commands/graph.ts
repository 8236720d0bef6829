/** `rootline graph`: the whole lineage graph, as JSON for other tools or as a summary. */
import { count } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import type { Project } from '../../engine/project.js';
import { createOutput } from '../output.js';
import { jsonOption, projectOption, withProject } from './common.js';

export function graphOf(project: Project, options: { evidence?: boolean } = {}) {
  const edges = project.edges.all({ withEvidence: options.evidence ?? false });
  return {
    nodes: project.datasets.all(),
    edges: edges.map(({ id, upstream, downstream, relation, confidence, status, evidence }) => ({
      id,
      upstream,
      downstream,
      relation,
      confidence,
      status,
      ...(options.evidence ? { evidence } : {}),
    })),
  };
}

export function registerGraph(program: Command): void {
  const command = program
    .command('graph')
    .description('print the lineage graph: nodes (datasets) and edges (upstream → downstream)')
    .option('--evidence', 'include every edge’s evidence in the JSON');
  projectOption(command);
  jsonOption(command).action((options: { project: string; json?: boolean; evidence?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    withProject(options.project, (project) => {
      const graph = graphOf(project, options);
      if (out.json) return out.value(graph);
      out.line(`${count(graph.nodes.length, 'dataset')}, ${count(graph.edges.length, 'edge')} (${count(project.lineage.roots().length, 'root')})`);
      for (const edge of graph.edges) out.line(`  ${edge.upstream} → ${edge.downstream}  ${edge.relation}, ${edge.confidence.toFixed(2)}, ${edge.status}`);
    }, { mustExist: true });
  });
}
