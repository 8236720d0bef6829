/** Above the graph: search, zoom to fit, layout, exports. */
import { exportGexf, exportJson, exportPng, exportSvg, currentSigma } from '../core/export/index.js';
import { graphStore, startLayout, stopLayout } from '../core/graph/index.js';
import { focusOn, selectionStore } from '../core/selection/index.js';
import { useStore } from '../core/store.js';
import { SearchBox } from './SearchBox.js';

export function Toolbar() {
  const { graph, layoutRunning } = useStore(graphStore);
  const { focus } = useStore(selectionStore);
  return (
    <div className="toolbar">
      <SearchBox />
      <button onClick={() => void currentSigma()?.getCamera().animatedReset({ duration: 300 })}>Zoom to fit</button>
      <button onClick={() => (layoutRunning ? stopLayout() : startLayout())}>{layoutRunning ? 'Stop layout' : 'Run layout'}</button>
      {focus && <button onClick={() => focusOn(null)}>Leave focus</button>}
      <span className="spacer" />
      <span className="count" data-testid="counts">{graph ? `${graph.order} datasets · ${graph.size} edges` : ''}</span>
      <button onClick={() => void exportPng()}>PNG</button>
      <button onClick={exportSvg}>SVG</button>
      <button onClick={exportGexf}>GEXF</button>
      <button onClick={exportJson}>JSON</button>
    </div>
  );
}
