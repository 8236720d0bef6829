/**
 * Proposed edges, least confident first, at the scale of an import: filter by origin, relation,
 * confidence band and dataset, then decide one edge (a accept, r reject, 1–5 relation, j/k move) or the
 * whole filtered set at once — each edge still audit-logged on its own.
 */
import { useEffect } from 'react';
import { RELATIONS, type Relation } from '../../../shared/domain/vocabulary.js';
import { CONFIDENCE_BANDS, originLabel } from '../../../shared/review/filter.js';
import { DatasetName } from '../components/DatasetName.js';
import { DatasetPicker } from '../components/DatasetPicker.js';
import { cancelFiltered, changeRelation, decide, decideFiltered, loadQueue, move, reviewStore, setFilter } from '../core/review/index.js';
import { useStore } from '../core/store.js';
import { EvidencePanel } from './Inspector.js';

export function ReviewQueue() {
  const { queue, page, filter, current, reviewed, confirming, message, error } = useStore(reviewStore);
  const edge = queue[current];

  useEffect(() => void loadQueue(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!edge || (e.target as HTMLElement).closest('input, select, textarea')) return;
      if (e.key === 'a') void decide(edge, 'accepted');
      else if (e.key === 'r') void decide(edge, 'rejected');
      else if (e.key === 'j') move(1);
      else if (e.key === 'k') move(-1);
      else if (/^[1-5]$/.test(e.key)) void changeRelation(edge, RELATIONS[Number(e.key) - 1]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edge]);

  const band = CONFIDENCE_BANDS.findIndex((b) => b.min === filter.minConfidence && b.max === filter.maxConfidence);
  const filtered = Boolean(filter.origins?.length || filter.relations?.length || filter.minConfidence !== undefined || filter.maxConfidence !== undefined || filter.dataset);
  const matching = page?.matching ?? 0;
  return (
    <div className="review" data-testid="review">
      <p>
        <span data-testid="review-count">{filtered ? `${matching} of ${page?.proposed ?? 0} proposed edges match` : `${page?.proposed ?? 0} proposed edges`}</span> · {reviewed} reviewed this session ·
        keys: <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>1</kbd>–<kbd>5</kbd> relation, <kbd>j</kbd>/<kbd>k</kbd> next/previous
      </p>
      <fieldset className="review-filters">
        <legend>Filter</legend>
        <label>Origin <select aria-label="Origin" value={filter.origins?.[0] ?? ''} onChange={(e) => void setFilter({ origins: e.target.value ? [e.target.value] : undefined })}>
          <option value="">any</option>
          {page?.origins.map((o) => <option key={o.origin} value={o.origin}>{originLabel(o.origin)} ({o.count})</option>)}
        </select></label>
        <label>Relation <select aria-label="Relation filter" value={filter.relations?.[0] ?? ''} onChange={(e) => void setFilter({ relations: e.target.value ? [e.target.value as Relation] : undefined })}>
          <option value="">any</option>
          {RELATIONS.map((r) => <option key={r} value={r}>{r}</option>)}
        </select></label>
        <label>Confidence <select aria-label="Confidence band" value={band} onChange={(e) => {
          const b = CONFIDENCE_BANDS[Number(e.target.value)];
          void setFilter({ minConfidence: b?.min, maxConfidence: b?.max });
        }}>
          <option value={-1}>any</option>
          {CONFIDENCE_BANDS.map((b, i) => <option key={b.label} value={i}>{b.label}</option>)}
        </select></label>
        <DatasetPicker label="Dataset" value={filter.dataset ? [filter.dataset] : []} onChange={(ids) => void setFilter({ dataset: ids.at(-1) })} />
      </fieldset>
      {matching > 0 && (
        <div className="row bulk">
          {confirming ? (
            <>
              <strong>{confirming === 'accepted' ? 'Accept' : 'Reject'} all {matching} edges{filtered ? ' that match' : ''}?</strong>
              <button onClick={() => void decideFiltered(confirming)}>Yes, {confirming === 'accepted' ? 'accept' : 'reject'} {matching}</button>
              <button onClick={cancelFiltered}>No</button>
            </>
          ) : (
            <>
              <button onClick={() => void decideFiltered('accepted')}>Accept all {matching}</button>
              <button onClick={() => void decideFiltered('rejected')}>Reject all {matching}</button>
            </>
          )}
        </div>
      )}
      {message && <p className="hint" data-testid="review-message">{message}</p>}
      {error && <p className="error">{error}</p>}
      <ol className="queue">
        {queue.map((e, i) => (
          <li key={e.id} className={i === current ? 'active' : ''} onClick={() => reviewStore.set({ current: i })}>
            <DatasetName id={e.upstream} link={false} /> → <DatasetName id={e.downstream} link={false} /> <span>{e.relation}</span> <span>{e.confidence.toFixed(2)}</span>
            <span className="origin" title={e.source ?? ''}>{e.origins.map(originLabel).join(', ')}{e.source ? ` · ${e.source}` : ''}</span>
          </li>
        ))}
      </ol>
      {matching > queue.length && <p className="hint">Showing the {queue.length} least confident of {matching}; narrow the filter, or decide them all at once.</p>}
      {edge && (
        <div className="decision">
          <button onClick={() => void decide(edge, 'accepted')}>Accept (a)</button>
          <button onClick={() => void decide(edge, 'rejected')}>Reject (r)</button>
          <select aria-label="Relation" value={edge.relation} onChange={(e) => void changeRelation(edge, e.target.value as Relation)}>
            {RELATIONS.map((r, i) => <option key={r} value={r}>{i + 1}. {r}</option>)}
          </select>
          {edge.reasons.length > 0 && <p className="hint">Waits because {edge.reasons.join('; ')}.</p>}
          <EvidencePanel edgeId={edge.id} />
        </div>
      )}
    </div>
  );
}
