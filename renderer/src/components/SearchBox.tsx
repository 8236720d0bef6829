/**
 * Search datasets by name, alias or id, with autocomplete: it says how many match and reaches all of
 * them; choosing one selects it (the graph frames it with its neighbours).
 */
import { useMemo, useState } from 'react';
import { graphStore } from '../core/graph/index.js';
import { selectDataset } from '../core/selection/index.js';
import { useStore } from '../core/store.js';

const FIRST_SUGGESTIONS = 12;

export function SearchBox() {
  const { data } = useStore(graphStore);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [limit, setLimit] = useState(FIRST_SUGGESTIONS);
  const index = useMemo(() => (data?.nodes ?? []).map((n) => ({ id: n.id, name: n.name, keys: [n.name, n.id, ...n.aliases].map((k) => k.toLowerCase()) })), [data]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const starts = index.filter((e) => e.keys.some((k) => k.startsWith(q)));
    const startSet = new Set(starts);
    const contains = index.filter((e) => !startSet.has(e) && e.keys.some((k) => k.includes(q)));
    return [...starts, ...contains];
  }, [index, query]);
  const suggestions = matches.slice(0, limit);

  const choose = (id: string) => {
    selectDataset(id);
    setQuery('');
  };

  return (
    <div className="search">
      <input
        type="search"
        aria-label="Search datasets"
        placeholder="Search datasets…"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); setLimit(FIRST_SUGGESTIONS); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            const next = Math.min(active + 1, matches.length - 1);
            if (next >= limit) setLimit(limit + FIRST_SUGGESTIONS);
            setActive(next);
          }
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          if (e.key === 'Enter' && matches[active]) choose(matches[active].id);
          if (e.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() && (
        <div className="suggestions" data-testid="suggestions">
          <p className="match-count" data-testid="match-count">{matches.length === 0 ? 'No dataset matches' : matches.length === 1 ? '1 dataset matches' : `${matches.length} datasets match`}</p>
          <ul role="listbox">
            {suggestions.map((s, i) => (
              <li key={s.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => choose(s.id)} title={s.id}>
                {s.name} {s.name !== s.id && <small>{s.id}</small>}
              </li>
            ))}
          </ul>
          {matches.length > suggestions.length && (
            <button className="link more" onMouseDown={(e) => { e.preventDefault(); setLimit(matches.length); }}>Show all {matches.length}</button>
          )}
        </div>
      )}
    </div>
  );
}
