/**
 * Contamination and duplicates in the samples themselves: which benchmark items appear in which training
 * samples (with the lineage path that explains it, when the graph has one), and exact and near
 * duplicates within and across datasets — every match with its ids.
 */
import type { DuplicatesView, SampleContaminationView } from '../../../shared/api/audit.js';
import { DatasetName, DatasetPath } from '../components/DatasetName.js';
import { FolderField } from '../components/FolderField.js';
import { JobProgress } from '../components/JobProgress.js';
import { contaminationJob, duplicatesJob, scanContamination, scanDuplicates, scanForm } from '../core/scans/index.js';
import { setOverlay } from '../core/selection/index.js';
import { rememberFolder } from '../core/settings/index.js';
import { useStore } from '../core/store.js';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function Samples() {
  const form = useStore(scanForm);
  const contamination = useStore(contaminationJob.store);
  const duplicates = useStore(duplicatesJob.store);
  return (
    <div className="samples" data-testid="samples">
      <FolderField label="Training samples" purpose="samples" value={form.samples} onChange={(samples, check) => { scanForm.set({ samples }); if (check) rememberFolder('samples', check.path); }} />
      <section>
        <h3>Benchmark items in the samples</h3>
        <FolderField label="Benchmark files" purpose="benchmarks" value={form.benchmarks} onChange={(benchmarks, check) => { scanForm.set({ benchmarks }); if (check) rememberFolder('benchmarks', check.path); }} />
        <div className="row">
          <label>n-gram <input type="number" min={3} max={50} value={form.ngram} onChange={(e) => scanForm.set({ ngram: Number(e.target.value) || 13 })} /></label>
          <button disabled={!form.samples || !form.benchmarks || contamination.job?.status === 'running'} onClick={() => void scanContamination()}>Scan for contamination</button>
        </div>
        {contamination.error && !contamination.job && <p className="error">{contamination.error}</p>}
        <JobProgress job={contamination.job} events={contamination.events} onCancel={() => void contaminationJob.cancel()} testId="contamination-job" />
        {contamination.job?.result && <ContaminationResult result={contamination.job.result} />}
      </section>
      <section>
        <h3>Duplicates</h3>
        <div className="row">
          <label>Near-duplicate similarity ≥ <input type="number" min={0.5} max={1} step={0.05} value={form.threshold} onChange={(e) => scanForm.set({ threshold: Number(e.target.value) || 0.8 })} /></label>
          <button disabled={!form.samples || duplicates.job?.status === 'running'} onClick={() => void scanDuplicates()}>Find duplicates</button>
        </div>
        {duplicates.error && !duplicates.job && <p className="error">{duplicates.error}</p>}
        <JobProgress job={duplicates.job} events={duplicates.events} onCancel={() => void duplicatesJob.cancel()} testId="duplicates-job" />
        {duplicates.job?.result && <DuplicatesResult result={duplicates.job.result} />}
      </section>
    </div>
  );
}

function ContaminationResult({ result }: { result: SampleContaminationView }) {
  return (
    <div data-testid="contamination-result">
      {result.unresolved.length > 0 && <p className="hint">{result.unresolved.length} files belong to no dataset of the project and were skipped.</p>}
      {result.benchmarks.map((b) => {
        const found = b.datasets.filter((d) => d.itemsFound > 0);
        return (
          <div key={b.benchmark} className="benchmark">
            <h4><DatasetName id={b.benchmark} />: {b.items} items{b.skippedShortItems ? ` (${b.skippedShortItems} too short to check)` : ''}; {found.length ? `found in ${found.length} datasets` : 'found in no dataset'}</h4>
            {found.map((d) => (
              <div key={d.dataset} className="contaminated" data-testid="contaminated-dataset">
                <p>
                  <DatasetName id={d.dataset} />: <strong>{d.itemsFound} items</strong> ({percent(d.ratio)} of the benchmark) in {d.samples} samples —{' '}
                  {d.path ? <>confirmed by the lineage: <DatasetPath ids={[b.benchmark, ...d.path]} /> <button className="small" onClick={() => setOverlay({ nodes: [b.benchmark, ...d.path!], edges: [b.benchmark, ...d.path!].slice(1).map((to, i) => `${[b.benchmark, ...d.path!][i]}->${to}`), label: `${b.benchmark} in the samples of ${d.dataset}` })}>Show on graph</button></> : 'no lineage path in the graph: a source the cards do not name'}
                </p>
                <table className="hits">
                  <thead><tr><th>benchmark item</th><th>text</th><th>found in samples</th><th>match</th></tr></thead>
                  <tbody>
                    {d.hits.map((h) => <tr key={h.item}><td>{h.item}</td><td>{h.text}</td><td>{h.samples.join(', ')}</td><td>{h.exact ? 'exact' : `${percent(h.overlap)} of its n-grams`}</td></tr>)}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

function DuplicatesResult({ result }: { result: DuplicatesView }) {
  const within = result.nearPairs.filter((p) => p.a.dataset === p.b.dataset);
  return (
    <div data-testid="duplicates-result">
      <table>
        <thead><tr><th>dataset</th><th>samples</th><th>exact duplicates</th><th>in near-duplicate pairs</th></tr></thead>
        <tbody>
          {result.perDataset.map((d) => <tr key={d.dataset}><td><DatasetName id={d.dataset} /></td><td>{d.samples}</td><td>{d.exactDuplicates} ({percent(d.exactDuplicateRate)})</td><td>{d.nearDuplicates} ({percent(d.nearDuplicateRate)})</td></tr>)}
        </tbody>
      </table>
      {result.exactGroups.length > 0 && (
        <>
          <h4>Exact copies</h4>
          <ul>{result.exactGroups.slice(0, 50).map((g, i) => <li key={i}>{g.map((s) => `${s.dataset}:${s.id}`).join(' = ')}</li>)}</ul>
        </>
      )}
      {within.length > 0 && (
        <>
          <h4>Near-duplicates within a dataset</h4>
          <ul>{within.slice(0, 50).map((p, i) => <li key={i}>{p.a.dataset}: {p.a.id} ~ {p.b.id} ({p.similarity.toFixed(2)})</li>)}</ul>
        </>
      )}
      {result.crossDataset.length > 0 && (
        <>
          <h4>Shared across datasets</h4>
          <ul>{result.crossDataset.map((c) => <li key={c.datasets.join('|')}><DatasetName id={c.datasets[0]} /> ↔ <DatasetName id={c.datasets[1]} />: {c.exactShared} exact, {c.nearShared} near; e.g. {c.examples.slice(0, 5).map((e) => `${e.a} = ${e.b}`).join(', ')}</li>)}</ul>
        </>
      )}
    </div>
  );
}
