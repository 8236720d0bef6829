/** Search datasets by name, alias or id, with autocomplete; choosing one selects it and moves the camera to it. */
import { useMemo, useState } from 'react';
import { graphStore } from '../core/graph/index.js';
import { selectDataset } from '../core/selection/index.js';
import { currentSigma } from '../core/export/index.js';
import { useStore } from '../core/store.js';

const MAX_SUGGESTIONS = 12;

export function SearchBox() {
  const { data } = useStore(graphStore);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const index = useMemo(() => (data?.nodes ?? []).map((n) => ({ id: n.id, name: n.name, keys: [n.name, n.id, ...n.aliases].map((k) => k.toLowerCase()) })), [data]);
  const suggestions = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const starts = index.filter((e) => e.keys.some((k) => k.startsWith(q)));
    const contains = index.filter((e) => !starts.includes(e) && e.keys.some((k) => k.includes(q)));
    return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  }, [index, query]);

  const choose = (id: string) => {
    selectDataset(id);
    setQuery('');
    const sigma = currentSigma();
    const position = sigma?.getNodeDisplayData(id);
    if (sigma && position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio: 0.3 }, { duration: 400 });
  };

  return (
    <div className="search">
      <input
        type="search"
        aria-label="Search datasets"
        placeholder="Search datasets…"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, suggestions.length - 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          if (e.key === 'Enter' && suggestions[active]) choose(suggestions[active].id);
          if (e.key === 'Escape') setQuery('');
        }}
      />
      {suggestions.length > 0 && (
        <ul className="suggestions" role="listbox">
          {suggestions.map((s, i) => (
            <li key={s.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => choose(s.id)}>
              {s.name} {s.name !== s.id && <small>{s.id}</small>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
