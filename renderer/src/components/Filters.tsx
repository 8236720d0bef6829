/** Filters: domains, relations, review status, confidence, years. */
import { RELATIONS, EDGE_STATUSES } from '../../../shared/domain/vocabulary.js';
import { filtersStore, resetFilters, toggleIn } from '../core/filters/index.js';
import { DOMAIN_COLORS } from '../core/graph/utils.js';
import { useStore } from '../core/store.js';

export function Filters() {
  const f = useStore(filtersStore);
  const year = (value: string) => (value ? Number(value) : null);
  return (
    <details className="filters" data-overlay>
      <summary>Filters</summary>
      <fieldset><legend>Domains</legend>
        {[...Object.keys(DOMAIN_COLORS), 'Benchmark'].map((d) => (
          <label key={d}><input type="checkbox" checked={!f.hiddenDomains.includes(d)} onChange={() => filtersStore.set({ hiddenDomains: toggleIn(f.hiddenDomains, d) })} />{d}</label>
        ))}
      </fieldset>
      <fieldset><legend>Relations</legend>
        {RELATIONS.map((r) => (
          <label key={r}><input type="checkbox" checked={!f.hiddenRelations.includes(r)} onChange={() => filtersStore.set({ hiddenRelations: toggleIn(f.hiddenRelations, r) })} />{r}</label>
        ))}
      </fieldset>
      <fieldset><legend>Review status</legend>
        {EDGE_STATUSES.map((s) => (
          <label key={s}><input type="checkbox" checked={f.statuses.includes(s)} onChange={() => filtersStore.set({ statuses: toggleIn(f.statuses, s) })} />{s}</label>
        ))}
      </fieldset>
      <label>Confidence ≥ {f.minConfidence.toFixed(2)}
        <input type="range" min={0} max={1} step={0.05} value={f.minConfidence} onChange={(e) => filtersStore.set({ minConfidence: Number(e.target.value) })} />
      </label>
      <label>Years <input type="number" placeholder="from" value={f.yearFrom ?? ''} onChange={(e) => filtersStore.set({ yearFrom: year(e.target.value) })} />
        – <input type="number" placeholder="to" value={f.yearTo ?? ''} onChange={(e) => filtersStore.set({ yearTo: year(e.target.value) })} /></label>
      <button onClick={resetFilters}>Reset filters</button>
    </details>
  );
}
