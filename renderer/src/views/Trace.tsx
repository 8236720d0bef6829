/** Trace lineage recursively from seed datasets, with a library folder and a model; follow the run, cancel it, resume it. */
import { useEffect } from 'react';
import { DatasetName } from '../components/DatasetName.js';
import { DatasetPicker } from '../components/DatasetPicker.js';
import { FolderField } from '../components/FolderField.js';
import { JobProgress } from '../components/JobProgress.js';
import { rememberFolder } from '../core/settings/index.js';
import { useStore } from '../core/store.js';
import { cancelTrace, findModels, loadRuns, modelsStore, resumeRun, runsList, startTrace, traceForm, traceJob } from '../core/tracing/index.js';

const number = (value: string) => (value.trim() === '' ? null : Math.max(1, Math.floor(Number(value))));

export function Trace() {
  const form = useStore(traceForm);
  const models = useStore(modelsStore);
  const { runs } = useStore(runsList);
  const trace = useStore(traceJob.store);
  useEffect(() => {
    void findModels();
    void loadRuns();
  }, []);
  const set = (patch: Partial<typeof form>) => traceForm.set(patch);
  const running = trace.job?.status === 'running';
  const choices = models.providers.flatMap((p) => (p.provider === 'builtin' ? [] : p.models.map((m) => ({ value: `${p.provider}:${m}`, label: `${p.provider === 'ollama' ? 'Ollama' : 'OpenAI-compatible'}: ${m}` }))));
  return (
    <section className="trace" data-testid="trace">
      <h3>Trace lineage</h3>
      <DatasetPicker label="Seed datasets" value={form.seeds} onChange={(seeds) => set({ seeds })} />
      <FolderField label="Library of cards" purpose="library" value={form.library} onChange={(library, check) => { set({ library }); if (check) rememberFolder('library', check.path); }} />
      <div className="row">
        <label>Model <select aria-label="Model" value={form.model} onChange={(e) => set({ model: e.target.value })}>
          <option value="builtin">Built-in extractor (no model)</option>
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select></label>
        {form.model !== 'builtin' && <label><input type="checkbox" checked={form.hybrid} onChange={(e) => set({ hybrid: e.target.checked })} /> hybrid (the model confirms the built-in extractor’s candidates)</label>}
      </div>
      <details className="model-servers">
        <summary>Model servers {models.looking ? '(looking…)' : ''}</summary>
        <ul className="providers" data-testid="providers">
          {models.providers.map((p) => <li key={p.provider}><strong>{p.provider}</strong> {p.state}{p.endpoint ? ` at ${p.endpoint}` : ''}: {p.models.length ? p.models.join(', ') : p.message}</li>)}
        </ul>
        <label>Ollama address <input type="text" placeholder="http://127.0.0.1:11434" value={form.ollamaHost} onChange={(e) => set({ ollamaHost: e.target.value })} /></label>
        <label>OpenAI-compatible server <input type="text" placeholder="http://127.0.0.1:8000/v1" value={form.openaiBaseURL} onChange={(e) => set({ openaiBaseURL: e.target.value })} /></label>
        <button onClick={() => void findModels()}>Look for models</button>
        {models.error && <p className="error">{models.error}</p>}
      </details>
      <div className="row budgets">
        <label>Depth <input type="number" min={1} max={50} value={form.maxDepth} onChange={(e) => set({ maxDepth: number(e.target.value) ?? 3 })} /></label>
        <label>Datasets <input type="number" min={1} placeholder="∞" value={form.maxDatasets ?? ''} onChange={(e) => set({ maxDatasets: number(e.target.value) })} /></label>
        <label>Model calls <input type="number" min={1} placeholder="∞" value={form.maxCalls ?? ''} onChange={(e) => set({ maxCalls: number(e.target.value) })} /></label>
        <label>Minutes <input type="number" min={1} placeholder="∞" value={form.maxMinutes ?? ''} onChange={(e) => set({ maxMinutes: number(e.target.value) })} /></label>
      </div>
      <button disabled={running || form.seeds.length === 0} onClick={() => void startTrace()}>Start tracing</button>
      {trace.error && !trace.job && <p className="error">{trace.error}</p>}
      <JobProgress job={trace.job} events={trace.events} onCancel={() => void cancelTrace()} testId="trace-job" />
      {trace.job?.result && (
        <p data-testid="trace-summary">
          Run #{trace.job.result.runId} {trace.job.result.status}{trace.job.result.stopReason ? ` (${trace.job.result.stopReason})` : ''}: {trace.job.result.datasetsTraced} datasets traced, {trace.job.result.newEdges} new edges,
          {' '}{trace.job.result.modelCalls} model calls, {trace.job.result.droppedClaims} claims dropped by the evidence guard; {trace.job.result.reviewQueue} edges await review.
        </p>
      )}
      {runs.length > 0 && (
        <>
          <h4>Runs in this project</h4>
          <table className="runs-list" data-testid="runs-list">
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>#{r.id}</td>
                  <td>{r.seeds.map((s, i) => <span key={s}>{i > 0 && ', '}<DatasetName id={s} /></span>)}</td>
                  <td>{r.extractor}</td>
                  <td>{r.status}{r.stopReason ? `: ${r.stopReason}` : ''} · {r.queue.done} done, {r.queue.pending} waiting</td>
                  <td>{r.resumable && <button disabled={running} onClick={() => void resumeRun(r.id)}>Resume</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
