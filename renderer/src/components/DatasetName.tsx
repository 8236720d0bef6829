/** A dataset as lists show it: its name, with its id on hover (and as a link that selects it). */
import { graphStore } from '../core/graph/index.js';
import { selectDataset } from '../core/selection/index.js';
import { useStore } from '../core/store.js';

export function DatasetName({ id, link = true }: { id: string; link?: boolean }) {
  const { names } = useStore(graphStore);
  const name = names.get(id) ?? id;
  const title = name === id ? id : `${name} (${id})`;
  if (!link) return <span className="dataset-name" title={title}>{name}</span>;
  return <button className="link dataset-name" title={title} onClick={() => selectDataset(id)}>{name}</button>;
}

/** A lineage path as names: a → b → c. */
export function DatasetPath({ ids }: { ids: string[] }) {
  return (
    <span className="path">
      {ids.map((id, i) => <span key={`${id}-${i}`}>{i > 0 && ' → '}<DatasetName id={id} /></span>)}
    </span>
  );
}
