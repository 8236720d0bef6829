/**
 * License propagation along lineage: a dataset inherits the restrictions of every upstream source. A
 * dataset whose declared license allows more than an upstream's (commercial use over a non-commercial
 * source, no share-alike over a share-alike source) is flagged, with the path from that source.
 */
import type { LineageGraph } from '../graph/lineage-graph.js';
import { downwardPath, reachable, type PathStep } from '../analyses/paths.js';
import { classifyLicenses, USE_RANK, type LicenseClass } from './classify.js';
import { count, pluralWord } from '../text/plural.js';

export interface LicenseConflict {
  dataset: string;
  declared: LicenseClass;
  upstream: string;
  upstreamLicense: LicenseClass;
  /** From the upstream source down to the dataset. */
  path: PathStep[];
  problem: 'allows commercial use of non-commercial data' | 'allows more than an academic-only source' | 'drops a share-alike obligation';
}

export interface LicenseReport {
  classes: Record<string, LicenseClass>;
  conflicts: LicenseConflict[];
  /** Datasets with no declared license that inherit a restriction from upstream. */
  inherited: Array<{ dataset: string; upstream: string; upstreamLicense: LicenseClass }>;
}

export function licenseReport(graph: LineageGraph): LicenseReport {
  const classes: Record<string, LicenseClass> = {};
  graph.forEachNode((node, attributes) => {
    const cls = classifyLicenses(attributes.license);
    if (cls) classes[node] = cls;
  });
  const conflicts: LicenseConflict[] = [];
  const inherited: LicenseReport['inherited'] = [];
  graph.forEachNode((node) => {
    const declared = classes[node];
    for (const ancestor of reachable(graph, node, 'upstream')) {
      const upstreamLicense = classes[ancestor.id];
      if (!upstreamLicense || upstreamLicense.use === 'unspecified' && !upstreamLicense.shareAlike) continue;
      if (!declared || declared.use === 'unspecified') {
        if (upstreamLicense.use !== 'commercial' || upstreamLicense.shareAlike) inherited.push({ dataset: node, upstream: ancestor.id, upstreamLicense });
        continue;
      }
      const problem = conflictOf(declared, upstreamLicense);
      if (problem) conflicts.push({ dataset: node, declared, upstream: ancestor.id, upstreamLicense, path: downwardPath(ancestor.path, node), problem });
    }
  });
  return { classes, conflicts, inherited };
}

function conflictOf(declared: LicenseClass, upstream: LicenseClass): LicenseConflict['problem'] | undefined {
  if (declared.use === 'commercial' && upstream.use === 'non-commercial') return 'allows commercial use of non-commercial data';
  if (USE_RANK[declared.use] > USE_RANK[upstream.use] && upstream.use === 'academic') return 'allows more than an academic-only source';
  if (upstream.shareAlike && !declared.shareAlike) return 'drops a share-alike obligation';
  return undefined;
}


/** What a report without conflicts means: nothing to judge when no dataset declares a license. */
export function noConflictSummary(report: LicenseReport, datasets: number): string {
  const licensed = Object.keys(report.classes).length;
  if (licensed === 0) return `None of the ${count(datasets, 'dataset')} has license information, so no license conflict can be judged.`;
  return `No license conflicts along the lineage (${licensed} of ${count(datasets, 'dataset')} ${pluralWord(licensed, 'declares', 'declare')} a license).`;
}
