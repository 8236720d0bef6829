/**
 * The sampling wizard (`rootline sample` in the app): 1 candidates and samples, 2 budget, strategy and
 * seed, 3 the quota per root before drawing, 4 the draw and its diversity against the uniform baseline,
 * 5 the sample list saved as JSONL or CSV.
 */
import type { SamplingPlanView, SamplingView } from '../../../shared/api/audit.js';
import { DatasetName, DatasetPath } from '../components/DatasetName.js';
import { DatasetPicker } from '../components/DatasetPicker.js';
import { FolderField } from '../components/FolderField.js';
import { JobProgress } from '../components/JobProgress.js';
import { drawJob, drawSample, editForm, exportSampleList, exportStatus, planJob, planQuotas, samplingForm } from '../core/sampling/index.js';
import { rememberFolder } from '../core/settings/index.js';
import { useStore } from '../core/store.js';

export function Sampling() {
  const form = useStore(samplingForm);
  const plan = useStore(planJob.store);
  const draw = useStore(drawJob.store);
  const exported = useStore(exportStatus);
  const ready = Boolean(form.samples) && form.budget > 0;
  return (
    <div className="sampling" data-testid="sampling">
      <section>
        <h3>1 · Candidates and samples</h3>
        <DatasetPicker label="Candidate datasets" value={form.candidates} onChange={(candidates) => editForm({ candidates })} />
        {form.candidates.length === 0 && <p className="hint">No candidates: every dataset with sample files in the folder.</p>}
        <FolderField label="Sample files" purpose="samples" value={form.samples} onChange={(samples, check) => { editForm({ samples }); if (check) rememberFolder('samples', check.path); }} />
      </section>
      <section>
        <h3>2 · Budget, strategy, seed</h3>
        <div className="row">
          <label>Budget <input type="number" min={1} value={form.budget} onChange={(e) => editForm({ budget: Number(e.target.value) })} /></label>
          <label>Strategy <select value={form.strategy} onChange={(e) => editForm({ strategy: e.target.value as typeof form.strategy })}>
            <option value="uniform">uniform: the same quota per root</option>
            <option value="proportional">proportional to what each root offers</option>
            <option value="capped">capped: proportional, no root above a share</option>
          </select></label>
          {form.strategy === 'capped' && <label>Cap <input type="number" min={0.01} max={1} step={0.05} value={form.cap} onChange={(e) => editForm({ cap: Number(e.target.value) })} /></label>}
          <label>Seed <input type="number" min={0} value={form.seed} onChange={(e) => editForm({ seed: Number(e.target.value) })} /></label>
        </div>
        <label><input type="checkbox" checked={form.keepBenchmarkLineage} onChange={(e) => editForm({ keepBenchmarkLineage: e.target.checked })} /> keep datasets whose lineage carries a benchmark</label>
        <label><input type="checkbox" checked={form.compare} onChange={(e) => editForm({ compare: e.target.checked })} /> compare with a uniform sample of the candidates</label>
      </section>
      <section>
        <h3>3 · Quota per root source</h3>
        <button disabled={!ready || plan.job?.status === 'running'} onClick={() => void planQuotas()}>Plan quotas</button>
        {plan.error && !plan.job && <p className="error">{plan.error}</p>}
        <JobProgress job={plan.job} events={plan.events} onCancel={() => void planJob.cancel()} testId="sampling-plan" />
        {plan.job?.result && <Quotas plan={plan.job.result} />}
      </section>
      <section>
        <h3>4 · Draw</h3>
        <button disabled={!ready || draw.job?.status === 'running'} onClick={() => void drawSample()}>Draw the sample</button>
        {draw.error && !draw.job && <p className="error">{draw.error}</p>}
        <JobProgress job={draw.job} events={draw.events} onCancel={() => void drawJob.cancel()} testId="sampling-draw" />
        {draw.job?.result && <Drawn result={draw.job.result} />}
      </section>
      {draw.job?.status === 'done' && (
        <section>
          <h3>5 · Export the sample list</h3>
          <div className="row">
            <button onClick={() => void exportSampleList('jsonl')}>Save JSONL (with provenance)</button>
            <button onClick={() => void exportSampleList('csv')}>Save CSV of ids</button>
          </div>
          {exported.message && <p className="hint" data-testid="export-status">{exported.message}</p>}
          {exported.error && <p className="error">{exported.error}</p>}
        </section>
      )}
    </div>
  );
}

function Quotas({ plan }: { plan: SamplingPlanView | SamplingView }) {
  const drawn = 'samples' in plan;
  return (
    <>
      <table className="quotas" data-testid="quotas">
        <thead><tr><th>root source</th><th>quota</th>{drawn && <th>chosen</th>}<th>available</th><th>drawn from</th></tr></thead>
        <tbody>
          {plan.roots.map((r) => (
            <tr key={r.root}>
              <td><DatasetName id={r.root} /></td><td>{r.quota}</td>{drawn && <td>{r.chosen}</td>}<td>{r.available}</td>
              <td>{r.pools.map((p) => (p.dataset === r.root ? 'its own files' : <DatasetPath key={p.dataset} ids={p.path} />))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.excluded.length > 0 && (
        <ul className="excluded">{plan.excluded.map((e) => <li key={e.dataset}>left out <DatasetName id={e.dataset} />: {e.reason}</li>)}</ul>
      )}
    </>
  );
}

function Drawn({ result }: { result: SamplingView }) {
  return (
    <>
      <p data-testid="drawn-summary">{result.samples} samples from {result.roots.filter((r) => r.chosen > 0).length} root sources; dropped {result.dropped.exactDuplicates} exact and {result.dropped.nearDuplicates} near duplicates.</p>
      <Quotas plan={result} />
      {result.comparison && <DiversityChart comparison={result.comparison} />}
    </>
  );
}

/** Vendi score and centroid distance of the lineage-aware sample beside the uniform baseline (the paper's comparison). */
function DiversityChart({ comparison }: { comparison: NonNullable<SamplingView['comparison']> }) {
  const rows = [
    { metric: 'Vendi score', a: comparison.lineageAware.vendi, b: comparison.uniform.vendi, digits: 2 },
    { metric: 'centroid distance', a: comparison.lineageAware.centroidDistance, b: comparison.uniform.centroidDistance, digits: 4 },
  ];
  return (
    <figure>
      <svg className="chart" viewBox="0 0 320 130" role="img" aria-label="Diversity of the lineage-aware sample and the uniform baseline">
        {rows.map((r, i) => {
          const max = Math.max(r.a, r.b, 1e-9);
          return (
            <g key={r.metric} transform={`translate(0 ${i * 62 + 4})`}>
              <text x={0} y={10} fontSize={11}>{r.metric}</text>
              <rect x={96} y={16} height={14} width={(r.a / max) * 160} fill="#16a34a" />
              <text x={100 + (r.a / max) * 160} y={27} fontSize={10}>{r.a.toFixed(r.digits)}</text>
              <rect x={96} y={34} height={14} width={(r.b / max) * 160} fill="#94a3b8" />
              <text x={100 + (r.b / max) * 160} y={45} fontSize={10}>{r.b.toFixed(r.digits)}</text>
              <text x={0} y={27} fontSize={9}>lineage-aware</text>
              <text x={0} y={45} fontSize={9}>uniform baseline</text>
            </g>
          );
        })}
      </svg>
      <figcaption>{comparison.lineageAware.items} vs {comparison.uniform.items} items, in one embedding space (higher is more diverse).</figcaption>
    </figure>
  );
}
