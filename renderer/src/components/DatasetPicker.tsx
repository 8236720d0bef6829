/** Datasets chosen by name (with autocomplete over the project), or the one selected on the graph; shown as removable chips. */
import { useId, useState } from 'react';
import { graphStore } from '../core/graph/index.js';
import { selectionStore } from '../core/selection/index.js';
import { useStore } from '../core/store.js';
import { DatasetName } from './DatasetName.js';

export function DatasetPicker({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { data, names } = useStore(graphStore);
  const { selected } = useStore(selectionStore);
  const [pick, setPick] = useState('');
  const list = useId();
  const add = (text: string) => {
    const typed = text.trim();
    if (!typed) return;
    // A name typed or chosen from the list; an unknown one goes as written and the engine names the problem.
    const id = data?.nodes.find((n) => n.id === typed || n.name === typed || n.aliases.includes(typed))?.id ?? typed;
    if (!value.includes(id)) onChange([...value, id]);
    setPick('');
  };
  return (
    <div className="picker">
      <div className="row">
        <label>{label}{' '}
          <input list={list} value={pick} placeholder="dataset name…" onChange={(e) => setPick(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add(pick)} />
        </label>
        <datalist id={list}>{data?.nodes.map((n) => <option key={n.id} value={n.name}>{n.name === n.id ? '' : n.id}</option>)}</datalist>
        <button onClick={() => add(pick)}>Add</button>
        {selected && !value.includes(selected) && <button onClick={() => onChange([...value, selected])}>Add {names.get(selected) ?? selected}</button>}
      </div>
      {value.length > 0 && (
        <ul className="chips">
          {value.map((id) => <li key={id}><DatasetName id={id} /> <button className="small" aria-label={`Remove ${names.get(id) ?? id}`} onClick={() => onChange(value.filter((v) => v !== id))}>×</button></li>)}
        </ul>
      )}
    </div>
  );
}
