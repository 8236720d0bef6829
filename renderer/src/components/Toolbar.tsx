/** Above the graph: search, summary or all, zoom to fit, layout, what is shown, exports and the report. */
import { exportGexf, exportJson, exportPng, exportReport, exportSvg, currentSigma } from '../core/export/index.js';
import { graphStore, startLayout, stopLayout } from '../core/graph/index.js';
import { focusOn, selectionStore } from '../core/selection/index.js';
import { useStore } from '../core/store.js';
import { setMode, viewStore } from '../core/view/index.js';
import { fitShown } from '../core/camera/index.js';
import { SearchBox } from './SearchBox.js';

export function Toolbar() {
  const { graph, layoutRunning, layout } = useStore(graphStore);
  const { focus, layered } = useStore(selectionStore);
  const { mode, counts } = useStore(viewStore);
  const fit = () => {
    const sigma = currentSigma();
    if (sigma) void fitShown(sigma);
  };
  return (
    <div className="toolbar">
      <SearchBox />
      {!layered && (
        <select aria-label="Show" value={mode} onChange={(e) => setMode(e.target.value as 'summary' | 'all')}>
          <option value="summary">Summary</option>
          <option value="all">All datasets</option>
        </select>
      )}
      <button onClick={fit}>Zoom to fit</button>
      <button disabled={layout === 'computing' || layered} title="Re-lay the whole map (positions are kept otherwise)" onClick={() => (layoutRunning ? stopLayout() : startLayout())}>{layoutRunning ? 'Stop layout' : 'Run layout'}</button>
      {focus && <button onClick={() => focusOn(null)}>Leave focus</button>}
      <span className="spacer" />
      <span className="count" data-testid="counts">
        {graph ? `${counts.nodes === counts.totalNodes ? counts.nodes : `${counts.nodes} of ${counts.totalNodes}`} datasets · ${counts.edges === counts.totalEdges ? counts.edges : `${counts.edges} of ${counts.totalEdges}`} edges` : ''}
        {layout === 'computing' ? ' · laying out…' : ''}
      </span>
      <button onClick={() => void exportPng()}>PNG</button>
      <button onClick={exportSvg}>SVG</button>
      <button onClick={exportGexf}>GEXF</button>
      <button onClick={exportJson}>JSON</button>
      <button onClick={() => void exportReport()} title="The HTML audit report: summary, review status, patterns, contamination, redundancy, licenses">Report</button>
    </div>
  );
}
