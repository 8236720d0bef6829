/** Ingest of dropped or picked documents with the built-in extractor, and tracing lineage recursively (with a library and a model). */
import { useEffect } from 'react';
import { ingestFiles, loadExtractors, runsStore } from '../core/runs/index.js';
import { useStore } from '../core/store.js';
import { Trace } from './Trace.js';

export function Runs() {
  const run = useStore(runsStore);
  useEffect(() => void loadExtractors(), []);
  const pick = (list: FileList | null) => void ingestFiles([...(list ?? [])]);
  return (
    <div className="runs" data-testid="runs">
      <label>Extractor{' '}
        <select aria-label="Extractor" value={run.extractor} onChange={(e) => runsStore.set({ extractor: e.target.value })}>
          {run.extractors.map((x) => <option key={x.id} value={x.id} disabled={!x.available}>{x.name}{x.note ? ` — ${x.note}` : ''}</option>)}
        </select>
      </label>
      <div className="dropzone">
        <p>Drop dataset cards, READMEs or folders anywhere on the window, or pick them:</p>
        <label className="button">Files… <input type="file" multiple hidden data-testid="file-input" onChange={(e) => pick(e.target.files)} /></label>
        <label className="button">Folder… <input type="file" hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={(e) => pick(e.target.files)} /></label>
      </div>
      <p className="progress" data-testid="run-status" data-phase={run.phase}>
        {run.phase === 'reading' && `Reading ${run.read} of ${run.total} files…`}
        {run.phase === 'extracting' && `Extracting lineage from ${run.total} files…`}
        {run.phase === 'done' && run.result && `Done: ${run.result.files.filter((f) => f.status === 'ingested').length} ingested, ${run.result.newDatasets} new datasets, ${run.result.newEdges} new edges.`}
        {run.phase === 'failed' && <span className="error">{run.error}</span>}
      </p>
      {run.result && (
        <details open={run.result.files.length <= 8 || run.result.files.some((f) => f.status === 'failed')}>
          <summary>{run.result.files.length} files</summary>
          <table className="files">
            <tbody>
              {run.result.files.map((f) => (
                <tr key={f.file} className={f.status}><td>{f.file}</td><td>{f.status}</td><td>{f.dataset ?? ''}</td><td>{f.message ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <Trace />
    </div>
  );
}
