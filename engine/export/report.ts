/**
 * The audit report: one self-contained, printable HTML file (no script, no external resource) with the
 * project's summary, structural patterns as a chart, contamination with its paths, redundancy of the
 * largest mixes, license conflicts and the review status. Every value from the project is escaped.
 */
import { count } from '../../shared/text/plural.js';
import { contaminationMap } from '../../shared/analyses/contamination/index.js';
import type { PathStep } from '../../shared/analyses/paths.js';
import { structuralPatterns } from '../../shared/analyses/patterns/index.js';
import { structuralRedundancy } from '../../shared/analyses/redundancy/structural.js';
import { licenseReport, noConflictSummary } from '../../shared/licenses/conflicts.js';
import { lineageGraphOf } from '../analyses/graph.js';
import type { Project } from '../project.js';
import { writeFileAtomic, type WriteOptions } from './atomic.js';
import { xmlEscape as escape } from './xml.js';

export function auditReportHtml(project: Project, options: { title?: string; now?: Date } = {}): string {
  const graph = lineageGraphOf(project);
  const patterns = structuralPatterns(graph);
  const contamination = contaminationMap(graph);
  const licenses = licenseReport(graph);
  const edges = project.edges.all({ withEvidence: false });
  const status = { proposed: 0, accepted: 0, rejected: 0 };
  for (const e of edges) status[e.status]++;
  const lowConfidence = edges.filter((e) => e.status === 'proposed' && e.confidence < 0.7).sort((a, b) => a.confidence - b.confidence);
  // Redundancy of each mix in the project: the direct upstream of every dataset with three or more sources.
  const mixes = graph.filterNodes((node) => graph.inNeighbors(node).filter((n) => n !== node).length >= 3)
    .map((node) => ({ node, report: structuralRedundancy(graph, graph.inNeighbors(node).filter((n) => n !== node)) }))
    .filter((m) => m.report.nested.length > 0 || m.report.score > 0)
    .sort((a, b) => b.report.score - a.report.score)
    .slice(0, 10);
  const title = options.title ?? `Rootline audit — ${project.file}`;
  const path = (start: string, steps: PathStep[]) => escape([start, ...steps.map((s) => `→ ${s.id} (${s.relation})`)].join(' '));

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escape(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccd;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #dde;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f8}.num{text-align:right}.muted{color:#667}.bad{color:#a11}.path{font-family:ui-monospace,monospace;font-size:12px}
@media print{body{margin:1cm;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
</style></head><body>
<h1>${escape(title)}</h1>
<p class="muted">Generated ${escape((options.now ?? new Date()).toISOString())} by Rootline from ${escape(project.file)}.</p>

<h2>Summary</h2>
<table><tr><th>datasets</th><td class="num">${project.datasets.count()}</td><th>edges</th><td class="num">${edges.length}</td><th>documents</th><td class="num">${project.documents.count()}</td></tr>
<tr><th>root sources</th><td class="num">${project.lineage.roots().length}</td><th>benchmarks</th><td class="num">${graph.filterNodes((_n, a) => a.kind === 'benchmark').length}</td><th>cycles</th><td class="num">${project.lineage.cycles().length}</td></tr></table>

<h2>Review status</h2>
<p>${status.accepted} accepted, ${status.rejected} rejected, ${status.proposed} proposed (${lowConfidence.length} below 0.7 await a person).</p>
${lowConfidence.length ? `<table><tr><th>upstream</th><th>downstream</th><th>relation</th><th class="num">confidence</th></tr>${lowConfidence.slice(0, 50).map((e) => `<tr><td>${escape(e.upstream)}</td><td>${escape(e.downstream)}</td><td>${escape(e.relation)}</td><td class="num">${e.confidence.toFixed(2)}</td></tr>`).join('')}</table>` : ''}

<h2>Structural patterns per domain</h2>
${depthChart(patterns.domains)}
<table><tr><th>domain</th><th class="num">datasets</th><th class="num">avg depth</th><th class="num">avg in</th><th class="num">avg out</th><th class="num">leaf share</th><th class="num">max depth</th><th>shape</th></tr>
${patterns.domains.map((d) => `<tr><td>${escape(d.domain)}</td><td class="num">${d.datasets}</td><td class="num">${d.avgDepth.toFixed(2)}</td><td class="num">${d.avgInDegree.toFixed(2)}</td><td class="num">${d.avgOutDegree.toFixed(2)}</td><td class="num">${(d.leafShare * 100).toFixed(1)}%</td><td class="num">${d.maxDepth}</td><td>${d.shape}</td></tr>`).join('\n')}
</table>

<h2>Benchmark contamination</h2>
${contamination.length === 0 ? '<p>No dataset is downstream of a benchmark.</p>' : contamination.map((r) => `<h3>${escape(r.name)} <span class="muted">(${escape(r.benchmark)})</span> reaches ${count(r.datasets.length, 'dataset')}</h3>
<table><tr><th>dataset</th><th>split</th><th>path</th></tr>${r.datasets.slice(0, 100).map((d) => `<tr><td>${escape(d.id)}</td><td>${d.split === 'unknown' ? 'not stated' : d.split}</td><td class="path">${path(r.benchmark, d.path)}</td></tr>`).join('')}</table>${r.datasets.length > 100 ? `<p class="muted">… and ${r.datasets.length - 100} more</p>` : ''}`).join('\n')}

<h2>Structural redundancy of mixes</h2>
${mixes.length === 0 ? '<p>No mix includes data twice.</p>' : mixes.map(({ node, report }) => `<h3>${escape(node)} <span class="muted">score ${report.score.toFixed(2)}</span></h3>
<ul>${report.nested.map((n) => `<li>${escape(n.included)} directly and inside ${escape(n.via)}: <span class="path">${path(n.included, n.path)}</span></li>`).join('')}
${report.sharedAncestry.slice(0, 10).map((s) => `<li>${escape(s.members[0])} and ${escape(s.members[1])} share ${s.ancestors.map((a) => escape(a.ancestor)).join(', ')}</li>`).join('')}</ul>`).join('\n')}

<h2>Licenses</h2>
${licenses.conflicts.length === 0 ? `<p>${escape(noConflictSummary(licenses, graph.order))}</p>` : `<table><tr><th>dataset</th><th>declared</th><th>problem</th><th>upstream</th><th>path</th></tr>${licenses.conflicts.map((c) => `<tr><td>${escape(c.dataset)}</td><td>${escape(c.declared.license)}</td><td class="bad">${escape(c.problem)}</td><td>${escape(c.upstream)} (${escape(c.upstreamLicense.license)})</td><td class="path">${path(c.upstream, c.path)}</td></tr>`).join('')}</table>`}
</body></html>
`;
}

/** Average depth per domain as an inline SVG bar chart (no script, prints as drawn). */
function depthChart(domains: Array<{ domain: string; avgDepth: number; leafShare: number }>): string {
  if (domains.length === 0) return '';
  const width = 560;
  const bar = 22;
  const max = Math.max(...domains.map((d) => d.avgDepth), 0.01);
  const rows = domains.slice(0, 12).map((d, i) => {
    const w = Math.round((d.avgDepth / max) * (width - 220));
    return `<text x="0" y="${i * (bar + 6) + 16}" font-size="12">${escape(d.domain)}</text><rect x="120" y="${i * (bar + 6)}" width="${w}" height="${bar}" fill="#4c72b0"/><text x="${126 + w}" y="${i * (bar + 6) + 16}" font-size="12">${d.avgDepth.toFixed(2)} deep, ${(d.leafShare * 100).toFixed(0)}% leaves</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rows.length * (bar + 6)}" role="img" aria-label="average lineage depth per domain">${rows.join('')}</svg>`;
}

export function writeAuditReport(project: Project, out: string, options: WriteOptions = {}): void {
  writeFileAtomic(out, auditReportHtml(project), options);
}
