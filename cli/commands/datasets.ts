/** `rootline datasets`: list the datasets of a project, by domain, roots or leaves. */
import { count } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import { createOutput } from '../output.js';
import { jsonOption, projectOption, withProject } from './common.js';

export function registerDatasets(program: Command): void {
  const command = program
    .command('datasets')
    .description('list datasets: all, in a domain, the root sources (no upstream) or the leaves (no downstream)')
    .option('--domain <domain>', 'only datasets in this domain (Math, Code, General, Science or your own)')
    .option('--roots', 'only root sources: datasets with no upstream')
    .option('--leaves', 'only leaves: datasets nothing else derives from')
    .option('--domains', 'list the domains and how many datasets carry each');
  projectOption(command);
  jsonOption(command).action((options: { project: string; json?: boolean; domain?: string; roots?: boolean; leaves?: boolean; domains?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    withProject(options.project, (project) => {
      if (options.domains) {
        const counts = project.datasets.domainCounts();
        if (out.json) return out.value(counts);
        for (const c of counts) out.line(`${c.domain}\t${c.datasets}`);
        return;
      }
      let ids = project.datasets.all().map((d) => d.id);
      const keep = (list: string[]) => {
        const set = new Set(list);
        ids = ids.filter((id) => set.has(id));
      };
      if (options.domain) keep(project.datasets.inDomain(options.domain));
      if (options.roots) keep(project.lineage.roots());
      if (options.leaves) keep(project.lineage.leaves());
      const datasets = ids.map((id) => project.datasets.get(id)!);
      if (out.json) return out.value(datasets);
      for (const d of datasets) out.line(`${d.id}\t${d.kind}\t${d.domains.join(',')}`);
      out.line(count(datasets.length, 'dataset'));
    }, { mustExist: true });
  });
}
