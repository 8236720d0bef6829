/** The selected dataset: metadata, summary, upstream and downstream with relations, and each edge's evidence. */
import { useEffect, useState } from 'react';
import type { DatasetDetail, EdgeDetail, GraphEdge } from '../../../shared/api/contract.js';
import type { Document } from '../../../shared/domain/model.js';
import { api } from '../api.js';
import { DatasetName } from '../components/DatasetName.js';
import { Markdown } from '../components/Markdown.js';
import { graphStore } from '../core/graph/index.js';
import { focusOn, selectEdge, selectionStore, setLayered, showLayered } from '../core/selection/index.js';
import { settingsStore } from '../core/settings/index.js';
import { useStore } from '../core/store.js';
import { reveal, toggleGroup, viewStore } from '../core/view/index.js';

export function Inspector() {
  const { selected, selectedEdge, focus, focusDepth, layered } = useStore(selectionStore);
  const { version } = useStore(graphStore);
  const { mode } = useStore(viewStore);
  const [detail, setDetail] = useState<DatasetDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDetail(null);
    if (!selected) return;
    api.call('dataset', { id: selected }).then(setDetail, (e: Error) => setError(e.message));
  }, [selected, version]);

  if (!selected) return <p className="hint">Select a dataset on the graph or search for one.</p>;
  if (error) return <p className="error">{error}</p>;
  if (!detail) return <p className="hint">Loading…</p>;
  const d = detail.dataset;
  return (
    <div className="inspector" data-testid="inspector">
      <h2>{d.name}</h2>
      <p className="meta">{d.id} · {d.kind} · {d.domains.join(', ') || 'no domain'} · {d.visibility}</p>
      <dl>
        {d.releaseDate && <><dt>Released</dt><dd>{d.releaseDate}</dd></>}
        {d.license && <><dt>License</dt><dd>{d.license}</dd></>}
        {d.size && <><dt>Size</dt><dd>{d.size}</dd></>}
        {d.languages.length > 0 && <><dt>Languages</dt><dd>{d.languages.join(', ')}</dd></>}
        {d.url && <><dt>URL</dt><dd className="url">{d.url}</dd></>}
      </dl>
      {d.summary && <Markdown text={d.summary} offline={settingsStore.get().offline} />}
      <div className="row">
        <button onClick={() => focusOn(focus === d.id ? null : d.id)}>{focus === d.id ? 'Leave focus' : 'Focus on lineage'}</button>
        <label>depth <input type="number" min={1} max={20} value={focusDepth} onChange={(e) => focusOn(focus, Number(e.target.value))} /></label>
        {focus === d.id && <label><input type="checkbox" checked={layered} onChange={(e) => setLayered(e.target.checked)} />layered</label>}
        {!(focus === d.id && layered) && <button onClick={() => showLayered(d.id)}>Lineage in layers</button>}
        {mode === 'summary' && !layered && <button onClick={() => reveal([d.id, ...detail.upstream.map((e) => e.upstream), ...detail.downstream.map((e) => e.downstream)])}>Keep its neighbours shown</button>}
        {detail.upstream.length > 0 && <button onClick={() => showLayered(d.id, 1)}>Show all {detail.upstream.length} sources</button>}
      </div>
      {focus === d.id && layered && <LayeredGroups />}
      <EdgeList title={`Upstream (${detail.upstream.length})`} edges={detail.upstream} other={(e) => e.upstream} />
      <EdgeList title={`Downstream (${detail.downstream.length})`} edges={detail.downstream} other={(e) => e.downstream} />
      {selectedEdge !== null && <EvidencePanel edgeId={selectedEdge} />}
    </div>
  );
}

/** The groups a large layer was folded into: each opens in place (as on the graph, by a click). */
function LayeredGroups() {
  const { groups, openedGroups } = useStore(viewStore);
  if (!groups.length) return null;
  return (
    <section className="groups" data-testid="layered-groups">
      <p className="hint">Large layers are grouped so every label can be read; open a group here or by clicking it on the graph.</p>
      <div className="row">
        {groups.map((g) => (
          <button key={g.key} aria-pressed={openedGroups.includes(g.key)} onClick={() => toggleGroup(g.key)}>
            {openedGroups.includes(g.key) ? `Close ${g.label.replace(/ · .*/, '')}` : g.label}
          </button>
        ))}
      </div>
    </section>
  );
}

function EdgeList({ title, edges, other }: { title: string; edges: GraphEdge[]; other: (e: GraphEdge) => string }) {
  const { selectedEdge } = useStore(selectionStore);
  return (
    <section>
      <h3>{title}</h3>
      <ul className="edges">
        {edges.map((e) => (
          <li key={e.id} className={e.id === selectedEdge ? 'active' : ''}>
            <DatasetName id={other(e)} />
            <span className="relation">{e.relation}</span> <span>{e.confidence.toFixed(2)}</span> <span className={`status ${e.status}`}>{e.status}</span>
            <button className="small" onClick={() => selectEdge(e.id)}>evidence</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EvidencePanel({ edgeId }: { edgeId: number }) {
  const [edge, setEdge] = useState<EdgeDetail | null>(null);
  const [document, setDocument] = useState<{ doc: Document; start: number | null; end: number | null } | null>(null);
  useEffect(() => {
    setDocument(null);
    api.call('edge', { id: edgeId }).then(setEdge, () => setEdge(null));
  }, [edgeId]);
  if (!edge) return null;
  return (
    <section className="evidence" data-testid="evidence">
      <h3>Evidence: <DatasetName id={edge.upstream} /> → <DatasetName id={edge.downstream} /></h3>
      {edge.evidence.map((ev, i) => (
        <figure key={i}>
          {ev.kind === 'data' ? <p className="from-data" data-testid="data-evidence">{ev.quote}</p> : <blockquote>{ev.quote}</blockquote>}
          <figcaption>
            {ev.relation} · {ev.confidence.toFixed(2)} · agent {ev.agent}{ev.model ? ` · model ${ev.model}` : ''} {ev.origin && `· ${ev.origin}`}
            {ev.documentId !== null && (
              <button className="small" onClick={() => api.call('document', { id: ev.documentId! }).then((doc) => setDocument({ doc, start: ev.start, end: ev.end }))}>open document</button>
            )}
          </figcaption>
        </figure>
      ))}
      {document && <DocumentView {...document} />}
    </section>
  );
}

/** The stored document as plain text (offsets refer to it), the quote marked and scrolled into view. */
function DocumentView({ doc, start, end }: { doc: Document; start: number | null; end: number | null }) {
  const hasQuote = start !== null && end !== null && end <= doc.text.length;
  return (
    <div className="document">
      <p className="meta">{doc.location} · {doc.kind}</p>
      <pre>
        {hasQuote ? <>{doc.text.slice(0, start)}<mark ref={(m) => m?.scrollIntoView({ block: 'center' })}>{doc.text.slice(start, end)}</mark>{doc.text.slice(end)}</> : doc.text}
      </pre>
    </div>
  );
}
