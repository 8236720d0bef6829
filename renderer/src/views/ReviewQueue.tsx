/** Proposed edges, least confident first: accept (a), reject (r), relation 1–5, move with j/k. */
import { useEffect } from 'react';
import { RELATIONS } from '../../../shared/domain/vocabulary.js';
import { changeRelation, decide, loadQueue, move, reviewStore } from '../core/review/index.js';
import { useStore } from '../core/store.js';
import { EvidencePanel } from './Inspector.js';

export function ReviewQueue() {
  const { queue, current, reviewed, error } = useStore(reviewStore);
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

  return (
    <div className="review" data-testid="review">
      <p>{queue.length} proposed edges · {reviewed} reviewed this session · keys: <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>1</kbd>–<kbd>5</kbd> relation, <kbd>j</kbd>/<kbd>k</kbd> next/previous</p>
      {error && <p className="error">{error}</p>}
      <ol className="queue">
        {queue.map((e, i) => (
          <li key={e.id} className={i === current ? 'active' : ''} onClick={() => reviewStore.set({ current: i })}>
            {e.upstream} → {e.downstream} <span>{e.relation}</span> <span>{e.confidence.toFixed(2)}</span>
          </li>
        ))}
      </ol>
      {edge && (
        <div className="decision">
          <button onClick={() => void decide(edge, 'accepted')}>Accept (a)</button>
          <button onClick={() => void decide(edge, 'rejected')}>Reject (r)</button>
          <select aria-label="Relation" value={edge.relation} onChange={(e) => void changeRelation(edge, e.target.value as (typeof RELATIONS)[number])}>
            {RELATIONS.map((r, i) => <option key={r} value={r}>{i + 1}. {r}</option>)}
          </select>
          <EvidencePanel edgeId={edge.id} />
        </div>
      )}
    </div>
  );
}
