/** The app's frame: graph in the middle, a side panel with the audit's views (inspect, review, ingest and trace, analyses, samples, data lineage, mix, licenses, settings). */
import { useEffect, useState } from 'react';
import { isDesktop } from './api.js';
import { Filters } from './components/Filters.js';
import { Legend } from './components/Legend.js';
import { Toolbar } from './components/Toolbar.js';
import { exportGexf, exportJson, exportPng, exportSvg } from './core/export/index.js';
import { graphStore, loadGraph } from './core/graph/index.js';
import { ingestFiles } from './core/runs/index.js';
import { filesFromDrop } from './core/runs/utils.js';
import { useStore } from './core/store.js';
import { Analyses } from './views/Analyses.js';
import { GraphView } from './views/GraphView.js';
import { Inspector } from './views/Inspector.js';
import { Licenses } from './views/Licenses.js';
import { Overlap } from './views/Overlap.js';
import { ReviewQueue } from './views/ReviewQueue.js';
import { Runs } from './views/Runs.js';
import { Samples } from './views/Samples.js';
import { Sampling } from './views/Sampling.js';
import { Settings } from './views/Settings.js';
import { installTestHooks } from './test-hooks.js';

const TABS = { inspector: 'Inspector', review: 'Review', runs: 'Runs', analyses: 'Analyses', samples: 'Samples', overlap: 'Data lineage', mix: 'Mix', licenses: 'Licenses', settings: 'Settings' } as const;
type Tab = keyof typeof TABS;

export function App() {
  const [tab, setTab] = useState<Tab>('inspector');
  const [dragging, setDragging] = useState(false);
  const { error, loading, graph } = useStore(graphStore);

  useEffect(() => {
    void loadGraph();
    installTestHooks();
    window.rootline?.onMenu?.((command) => {
      const actions: Record<string, () => void> = {
        'export-png': () => void exportPng(), 'export-svg': exportSvg, 'export-gexf': exportGexf, 'export-json': exportJson,
        'project-changed': () => void loadGraph(), 'view-review': () => setTab('review'), 'view-analyses': () => setTab('analyses'),
        'view-graph': () => setTab('inspector'), 'import': () => setTab('runs'),
      };
      actions[command]?.();
    });
  }, []);

  // Files and folders can be dropped anywhere on the window.
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = async (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      setDragging(false);
      setTab('runs');
      await ingestFiles(await filesFromDrop(e.dataTransfer));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('dragleave', leave); window.removeEventListener('drop', drop); };
  }, []);

  return (
    <div className={`app ${dragging ? 'dragging' : ''}`}>
      <header>
        <h1>Rootline</h1>
        <Toolbar />
      </header>
      <main>
        <section className="graph-pane">
          <GraphView />
          <Filters />
          <Legend />
          {loading && <p className="overlay-note">Loading the lineage…</p>}
          {error && <p className="overlay-note error">{error}</p>}
          {graph?.order === 0 && <p className="overlay-note">This project is empty. Drop dataset cards or folders here, or use Runs.</p>}
        </section>
        <aside>
          <nav role="tablist">
            {(Object.keys(TABS) as Tab[]).map((t) => (
              <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>{TABS[t]}</button>
            ))}
          </nav>
          <div className="panel">
            {tab === 'inspector' && <Inspector />}
            {tab === 'review' && <ReviewQueue />}
            {tab === 'runs' && <Runs />}
            {tab === 'analyses' && <Analyses />}
            {tab === 'samples' && <Samples />}
            {tab === 'overlap' && <Overlap />}
            {tab === 'mix' && <Sampling />}
            {tab === 'licenses' && <Licenses />}
            {tab === 'settings' && <Settings />}
          </div>
          <footer>{isDesktop ? 'Desktop' : 'Browser mode · 127.0.0.1 only'}</footer>
        </aside>
      </main>
      {dragging && <div className="drop-veil">Drop to ingest</div>}
    </div>
  );
}
