/** Patterns per domain as a chart, the contamination overlay, the redundancy of a selected mix. */
import { useEffect } from 'react';
import { DatasetName, DatasetPath } from '../components/DatasetName.js';
import { DatasetPicker } from '../components/DatasetPicker.js';
import { analysesStore, loadContamination, loadPatterns, runRedundancy, setMix, showBlastRadius } from '../core/analyses/index.js';
import { graphStore } from '../core/graph/index.js';
import { selectionStore, setOverlay } from '../core/selection/index.js';
import { useStore } from '../core/store.js';
import { DOMAIN_COLORS } from '../core/graph/utils.js';

export function Analyses() {
  const a = useStore(analysesStore);
  const { version } = useStore(graphStore);
  useEffect(() => {
    void loadPatterns();
    void loadContamination();
  }, [version]);
  return (
    <div className="analyses" data-testid="analyses">
      {a.error && <p className="error">{a.error}</p>}
      <PatternsChart />
      <Contamination />
      <Redundancy />
    </div>
  );
}

function PatternsChart() {
  const { patterns } = useStore(analysesStore);
  if (!patterns) return null;
  const rows = patterns.domains;
  const maxDepth = Math.max(1, ...rows.map((r) => r.avgDepth));
  return (
    <section>
      <h3>Patterns per domain</h3>
      <svg className="chart" viewBox={`0 0 320 ${rows.length * 34 + 20}`} role="img" aria-label="Average depth and leaf share per domain">
        {rows.map((r, i) => (
          <g key={r.domain} transform={`translate(0 ${i * 34 + 10})`}>
            <text x={0} y={12} fontSize={11}>{r.domain}</text>
            <rect x={80} y={2} height={10} width={(r.avgDepth / maxDepth) * 140} fill={DOMAIN_COLORS[r.domain] ?? DOMAIN_COLORS.Other} />
            <text x={84 + (r.avgDepth / maxDepth) * 140} y={11} fontSize={9}>depth {r.avgDepth.toFixed(2)}</text>
            <rect x={80} y={15} height={8} width={r.leafShare * 140} fill="#94a3b8" />
            <text x={84 + r.leafShare * 140} y={23} fontSize={9}>leaves {(r.leafShare * 100).toFixed(0)}% · {r.shape}</text>
          </g>
        ))}
      </svg>
    </section>
  );
}

function Contamination() {
  const { contamination } = useStore(analysesStore);
  const { overlay } = useStore(selectionStore);
  return (
    <section>
      <h3>Contamination (benchmarks and their blast radius)</h3>
      {overlay && <p>{overlay.label} <button onClick={() => setOverlay(null)}>Clear overlay</button></p>}
      {contamination?.length === 0 && <p className="hint">No benchmark reaches a training dataset.</p>}
      <ul>
        {contamination?.map((r) => (
          <li key={r.benchmark}>
            <button className="link" title={r.benchmark} onClick={() => showBlastRadius(r)}>{r.benchmarkName}</button> reaches {r.datasets.length} datasets
            <ul>{r.datasets.slice(0, 8).map((d) => <li key={d.id}><DatasetPath ids={[r.benchmark, ...d.path]} /> <small>({d.split} split)</small></li>)}</ul>
            {r.datasets.length > 8 && <small className="hint">… and {r.datasets.length - 8} more (all lit on the graph)</small>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Redundancy() {
  const { mix, redundancy } = useStore(analysesStore);
  return (
    <section>
      <h3>Redundancy of a training mix</h3>
      <DatasetPicker label="Mix" value={mix} onChange={setMix} />
      <div className="row">
        <button disabled={mix.length < 2} onClick={() => void runRedundancy()}>Analyse</button>
        <button onClick={() => setMix([])}>Clear</button>
      </div>
      {redundancy && (
        <div>
          <p>Redundancy score <strong>{redundancy.score.toFixed(2)}</strong>{redundancy.missing.length > 0 && ` · not in the project: ${redundancy.missing.join(', ')}`}</p>
          <ul>
            {redundancy.sharedAncestry.map((s) => <li key={s.members.join('|')}><DatasetName id={s.members[0]} /> and <DatasetName id={s.members[1]} /> share {s.ancestors.map((a, i) => <span key={a}>{i > 0 && ', '}<DatasetName id={a} /></span>)}</li>)}
            {redundancy.nested.map((n) => <li key={`${n.included}|${n.via}`}><DatasetName id={n.included} /> is included directly and through <DatasetName id={n.via} /></li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
