/** `rootline mark`: a person marks datasets as benchmarks (or back to datasets); the audit log records it. */
import { Option, type Command } from 'commander';
import { userInfo } from 'node:os';
import { UserError } from '../../shared/errors.js';
import { pluralWord } from '../../shared/text/plural.js';
import { createOutput } from '../output.js';
import { jsonOption, projectOption, withProject } from './common.js';

export function registerMark(program: Command): void {
  const command = program
    .command('mark')
    .description('mark datasets as evaluation benchmarks (or back to plain datasets); recorded in the audit log')
    .argument('<datasets...>', 'dataset ids or names')
    .addOption(new Option('--benchmark', 'mark as benchmark').conflicts('dataset'))
    .addOption(new Option('--dataset', 'mark as plain dataset').conflicts('benchmark'));
  projectOption(command);
  jsonOption(command).action((names: string[], options: { project: string; json?: boolean; benchmark?: boolean; dataset?: boolean }) => {
    if (!options.benchmark && !options.dataset) throw new UserError('say what to mark them: --benchmark or --dataset');
    const kind = options.benchmark ? 'benchmark' : 'dataset';
    const out = createOutput(Boolean(options.json));
    const marked = withProject(options.project, (project) => names.map((name) => {
      const id = project.requireDataset(name);
      project.updateDataset(id, { kind }, userInfo().username);
      return id;
    }), { mustExist: true });
    if (out.json) return out.value({ marked, kind });
    out.line(`${marked.join(', ')} marked ${pluralWord(marked.length, kind)}`);
  });
}
