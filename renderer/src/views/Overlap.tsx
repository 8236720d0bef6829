/** Lineage from the data: the edges the sample files show that no card states, and the stated ones they contradict. */
import { overlapSummary, contradictionSummary, percent } from '../../../shared/analyses/overlap/statement.js';
import { graphStore } from '../core/graph/index.js';
import { overlapStore, runOverlap, setFolder, setMinContainment, showOnGraph } from '../core/overlap/index.js';
import type { OverlapEdgeView } from '../core/overlap/types.js';
import { selectDataset, selectEdge, selectionStore, setOverlay } from '../core/selection/index.js';
import { useStore } from '../core/store.js';

export function Overlap() {
  const { folder, minContainment, running, result, error } = useStore(overlapStore);
  const { overlay } = useStore(selectionStore);
  const { data } = useStore(graphStore);
  const name = (id: string) => data?.nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <div className="overlap" data-testid="overlap">
      <p className="hint">Reads the sample files of every dataset under a folder (JSONL, JSON, CSV, Parquet) and finds which datasets hold which others’ samples. New edges are proposed for review; stated edges the data contradicts are flagged.</p>
      <div className="row">
        <input aria-label="Samples folder" value={folder} placeholder="folder of sample files (default: serve --samples)" onChange={(e) => setFolder(e.target.value)} />
        <label>min. containment <input type="number" min={0} max={1} step={0.01} value={minContainment} onChange={(e) => setMinContainment(Number(e.target.value))} /></label>
        <button disabled={running} onClick={() => void runOverlap()}>{running ? 'Reading…' : 'Find lineage in the data'}</button>
      </div>
      {error && <p className="error">{error}</p>}
      {overlay && result && <p>{overlay.label} <button onClick={() => setOverlay(null)}>Clear overlay</button></p>}
      {result && (
        <>
          <p className="meta" data-testid="overlap-summary">
            {result.datasets.length} datasets with samples in {result.folder} ({result.datasets.filter((d) => d.read).length} read now, the rest unchanged){result.unresolved.length > 0 && ` · ${result.unresolved.length} files of datasets not in the project`}
          </p>
          <EdgeSection title="Found in the data, stated by no card" kind="discovered" edges={result.discovered} name={name} />
          <EdgeSection title="Stated by a card, contradicted by the data" kind="contradicted" edges={result.contradicted} name={name} />
          <EdgeSection title="Stated by a card, confirmed by the data" kind="confirmed" edges={result.confirmed} name={name} />
          <EdgeSection title="Explained by other lineage" kind="explained" edges={result.explained} name={name} />
        </>
      )}
    </div>
  );
}

function EdgeSection({ title, kind, edges, name }: { title: string; kind: string; edges: OverlapEdgeView[]; name: (id: string) => string }) {
  if (edges.length === 0) return null;
  return (
    <section>
      <h3>{title} ({edges.length}) {kind !== 'explained' && <button className="small" onClick={() => showOnGraph(edges, title)}>light on graph</button>}</h3>
      <ul className="edges" data-testid={`overlap-${kind}`}>
        {edges.map((e) => (
          <li key={`${e.upstream}->${e.downstream}`} data-edge={`${e.upstream}->${e.downstream}`}>
            <button className="link" onClick={() => { selectDataset(e.downstream); if (e.edgeId !== null) selectEdge(e.edgeId); }}>{name(e.upstream)} → {name(e.downstream)}</button>
            {e.edgeId !== null && <><span className="relation">{e.relation}</span> <span className={`status ${e.status}`}>{e.status}</span></>}
            <small>
              {kind === 'contradicted' ? contradictionSummary(name(e.upstream), name(e.downstream), e.overlap)
                : kind === 'explained' ? `${percent(Math.max(e.overlap.upstreamInDownstream.share, e.overlap.downstreamInUpstream.share))} shared, through ${(e.via ?? []).map(name).join(' → ')}`
                : overlapSummary(name(e.upstream), name(e.downstream), e.overlap)}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
