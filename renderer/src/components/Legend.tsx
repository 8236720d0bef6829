/** What the colours and sizes mean; folded into a button so it never hides the graph unasked. */
import { BENCHMARK_COLOR, DOMAIN_COLORS, RELATION_COLORS } from '../core/graph/utils.js';
import { useStore } from '../core/store.js';
import { setLegendOpen, viewStore } from '../core/view/index.js';

export function Legend() {
  const { legendOpen } = useStore(viewStore);
  // One element either way, so the free canvas follows its size as it opens and closes.
  return (
    <div className="legend-box" data-overlay>
      {legendOpen ? (
        <div className="legend" aria-label="Legend">
          <button className="small legend-close" aria-expanded onClick={() => setLegendOpen(false)}>Hide legend</button>
          <strong>Datasets</strong>
          {Object.entries(DOMAIN_COLORS).map(([domain, color]) => <span key={domain}><i style={{ background: color }} />{domain}</span>)}
          <span><i style={{ background: BENCHMARK_COLOR }} />Benchmark (left column)</span>
          <small>size: downstream datasets · (+N): datasets not shown, double-click to show</small>
          <strong>Relations</strong>
          {Object.entries(RELATION_COLORS).map(([relation, color]) => <span key={relation}><i className="line" style={{ background: color }} />{relation}</span>)}
        </div>
      ) : (
        <button className="legend-toggle" aria-expanded={false} onClick={() => setLegendOpen(true)}>Legend</button>
      )}
    </div>
  );
}
