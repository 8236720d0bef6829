/** What the colours and sizes mean. */
import { BENCHMARK_COLOR, DOMAIN_COLORS, RELATION_COLORS } from '../core/graph/utils.js';

export function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      <strong>Datasets</strong>
      {Object.entries(DOMAIN_COLORS).map(([domain, color]) => <span key={domain}><i style={{ background: color }} />{domain}</span>)}
      <span><i style={{ background: BENCHMARK_COLOR }} />Benchmark (left column)</span>
      <small>size: downstream datasets</small>
      <strong>Relations</strong>
      {Object.entries(RELATION_COLORS).map(([relation, color]) => <span key={relation}><i className="line" style={{ background: color }} />{relation}</span>)}
    </div>
  );
}
