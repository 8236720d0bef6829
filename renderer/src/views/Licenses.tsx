/** License classes per dataset, what datasets without a license inherit, and each conflict with its path (lit on the graph on click). */
import { useEffect, useMemo, useState } from 'react';
import type { LicenseClass } from '../../../shared/licenses/classify.js';
import { DatasetName, DatasetPath } from '../components/DatasetName.js';
import { graphStore } from '../core/graph/index.js';
import { licensesStore, loadLicenses, showConflict } from '../core/licenses/index.js';
import { selectionStore, setOverlay } from '../core/selection/index.js';
import { useStore } from '../core/store.js';

const USES: Array<LicenseClass['use']> = ['commercial', 'academic', 'non-commercial', 'unspecified'];
const SHOWN = 100;

export function Licenses() {
  const { report, error, lit } = useStore(licensesStore);
  const { version, names } = useStore(graphStore);
  const { overlay } = useStore(selectionStore);
  const [use, setUse] = useState<string>('all');
  const [all, setAll] = useState(false);
  useEffect(() => void loadLicenses(), [version]);
  const classes = useMemo(() => Object.entries(report?.classes ?? {}).sort(([a], [b]) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b)), [report, names]);
  if (error) return <p className="error">{error}</p>;
  if (!report) return <p className="hint">Reading licenses…</p>;
  const listed = classes.filter(([, c]) => use === 'all' || c.use === use);
  return (
    <div className="licenses" data-testid="licenses">
      <section>
        <h3>Conflicts along the lineage ({report.conflicts.length})</h3>
        {overlay && <p>{overlay.label} <button onClick={() => { setOverlay(null); licensesStore.set({ lit: null }); }}>Clear</button></p>}
        {report.conflicts.length === 0 && <p className="hint">No dataset allows more than its upstream sources do.</p>}
        <ol className="conflicts">
          {report.conflicts.slice(0, all ? undefined : SHOWN).map((c, i) => (
            <li key={`${c.dataset}|${c.upstream}`} className={lit === i ? 'active' : ''}>
              <DatasetName id={c.dataset} /> ({c.declared.license}) <strong>{c.problem}</strong>: <DatasetName id={c.upstream} /> is {c.upstreamLicense.license}
              <div><DatasetPath ids={[c.upstream, ...c.path.map((s) => s.id)]} /> <button className="small" onClick={() => showConflict(c, i)}>Show on graph</button></div>
            </li>
          ))}
        </ol>
        {report.conflicts.length > SHOWN && !all && <button className="link" onClick={() => setAll(true)}>Show all {report.conflicts.length}</button>}
      </section>
      <section>
        <h3>License classes ({classes.length} datasets declare one)</h3>
        <p className="row">
          {['all', ...USES].map((u) => (
            <label key={u}><input type="radio" name="use" checked={use === u} onChange={() => setUse(u)} />{u} ({u === 'all' ? classes.length : classes.filter(([, c]) => c.use === u).length})</label>
          ))}
        </p>
        <table className="classes" data-testid="license-classes">
          <thead><tr><th>dataset</th><th>license</th><th>use</th><th>obligations</th></tr></thead>
          <tbody>
            {listed.slice(0, all ? undefined : SHOWN).map(([id, c]) => (
              <tr key={id}><td><DatasetName id={id} /></td><td>{c.license}</td><td>{c.use}</td><td>{[c.attribution && 'attribution', c.shareAlike && 'share-alike'].filter(Boolean).join(', ') || '—'}</td></tr>
            ))}
          </tbody>
        </table>
        {listed.length > SHOWN && !all && <button className="link" onClick={() => setAll(true)}>Show all {listed.length}</button>}
      </section>
      {report.inherited.length > 0 && (
        <section>
          <h3>No license declared, restricted by upstream sources</h3>
          <ul>{report.inherited.slice(0, all ? undefined : SHOWN).map((i) => <li key={`${i.dataset}|${i.upstream}`}><DatasetName id={i.dataset} />: from <DatasetName id={i.upstream} /> ({i.upstreamLicense.license}, {i.upstreamLicense.use})</li>)}</ul>
        </section>
      )}
    </div>
  );
}
