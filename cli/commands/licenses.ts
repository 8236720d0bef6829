/** `rootline licenses`: license classes, what each dataset inherits from upstream, and the conflicts. */
import type { Command } from 'commander';
import { lineageGraphOf } from '../../engine/analyses/graph.js';
import { licenseReport, noConflictSummary } from '../../shared/licenses/conflicts.js';
import { createOutput } from '../output.js';
import { pathText } from './analyze.js';
import { jsonOption, projectOption, withProject } from './common.js';

export function registerLicenses(program: Command): void {
  const command = program
    .command('licenses')
    .description('flag datasets whose license allows more than an upstream source allows, with the path');
  projectOption(command);
  jsonOption(command).action((options: { project: string; json?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const { report, datasets } = withProject(options.project, (project) => {
      const graph = lineageGraphOf(project);
      return { report: licenseReport(graph), datasets: graph.order };
    }, { mustExist: true });
    if (out.json) return out.value(report);
    if (report.conflicts.length === 0) out.line(noConflictSummary(report, datasets));
    for (const c of report.conflicts) {
      out.line(`${c.dataset} (${c.declared.license}) ${c.problem}: ${c.upstream} is ${c.upstreamLicense.license}`);
      out.line(`  ${pathText(c.upstream, c.path)}`);
    }
    const inherited = new Map<string, string[]>();
    for (const i of report.inherited) inherited.set(i.dataset, [...(inherited.get(i.dataset) ?? []), `${i.upstream} (${i.upstreamLicense.license})`]);
    if (inherited.size > 0) {
      out.line();
      out.line('No license declared, but restricted by upstream sources:');
      for (const [dataset, sources] of inherited) out.line(`  ${dataset}: ${sources.join(', ')}`);
    }
  });
}
