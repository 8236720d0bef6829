/** `rootline show`: one dataset, its metadata and its upstream and downstream trees with relations. */
import { count } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import type { Project } from '../../engine/project.js';
import type { Relation } from '../../shared/domain/vocabulary.js';
import { createOutput, treeLines } from '../output.js';
import { jsonOption, parseWholeNumber, projectOption, withProject } from './common.js';

export interface LineageTree {
  id: string;
  relation: Relation;
  confidence: number;
  children: LineageTree[];
  /** Reached again below itself: the walk stops here (a cycle). */
  cycle?: boolean;
  /** Already expanded elsewhere in this tree: its own lineage is shown there, once. */
  repeated?: boolean;
}

/**
 * The tree of a dataset's lineage in one direction. A dataset met again on the same branch ends it (a
 * cycle); one met on another branch is shown but not expanded again, so the tree stays O(edges).
 */
export function lineageTree(
  project: Project,
  id: string,
  direction: 'up' | 'down',
  maxDepth: number,
  branch = new Set([id]),
  expanded = new Set([id]),
): LineageTree[] {
  if (maxDepth <= 0) return [];
  return project.lineage.neighbours(id, direction).map((next) => {
    const cycle = branch.has(next.id);
    const repeated = !cycle && expanded.has(next.id);
    expanded.add(next.id);
    const children = cycle || repeated ? [] : lineageTree(project, next.id, direction, maxDepth - 1, new Set([...branch, next.id]), expanded);
    return {
      id: next.id,
      relation: next.relation,
      confidence: next.confidence,
      children,
      ...(cycle ? { cycle: true } : {}),
      ...(repeated && project.lineage.neighbours(next.id, direction).length > 0 ? { repeated: true } : {}),
    };
  });
}

export function treeLabel(node: LineageTree): string {
  return `${node.id}  (${node.relation}, ${node.confidence.toFixed(2)})${node.cycle ? '  ↻ cycle' : ''}${node.repeated ? '  (expanded above)' : ''}`;
}

export function registerShow(program: Command): void {
  const command = program
    .command('show')
    .description('show a dataset: its metadata, upstream tree and downstream tree')
    .argument('<dataset>', 'a dataset id or any of its names')
    .option('-d, --depth <n>', 'how many levels up and down', parseWholeNumber('--depth'), 6);
  projectOption(command);
  jsonOption(command).action((name: string, options: { project: string; json?: boolean; depth: number }) => {
    const out = createOutput(Boolean(options.json));
    withProject(options.project, (project) => {
      const id = project.requireDataset(name);
      const dataset = project.datasets.get(id)!;
      const upstream = lineageTree(project, id, 'up', options.depth);
      const downstream = lineageTree(project, id, 'down', options.depth);
      if (out.json) return out.value({ dataset, upstream, downstream });
      out.line(`${dataset.name}${dataset.name !== dataset.id ? ` (${dataset.id})` : ''}`);
      const facts = [
        dataset.kind === 'benchmark' ? 'benchmark' : 'dataset',
        dataset.domains.join(', '),
        dataset.releaseDate,
        dataset.license && `license ${dataset.license}`,
        dataset.visibility,
      ].filter(Boolean);
      out.line(`  ${facts.join(' · ')}`);
      if (dataset.summary) out.line(`  ${dataset.summary}`);
      out.line();
      out.line(`upstream (${count(project.lineage.ancestors(id, options.depth).length, 'dataset')}):`);
      out.line(upstream.length ? treeLines(upstream, (n) => n.children, treeLabel).join('\n') : '  none: a root source');
      out.line();
      out.line(`downstream (${count(project.lineage.descendants(id, options.depth).length, 'dataset')}):`);
      out.line(downstream.length ? treeLines(downstream, (n) => n.children, treeLabel).join('\n') : '  none');
    }, { mustExist: true });
  });
}
