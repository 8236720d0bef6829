/** A running job as a person follows it: stage, item, a bar, the time left, its messages, and Cancel. */
import type { JobEvent, JobView } from '../../../shared/api/jobs.js';
import { nameOf } from '../core/graph/index.js';

export function JobProgress({ job, events, onCancel, testId }: { job: JobView<unknown> | null; events: JobEvent[]; onCancel?: () => void; testId: string }) {
  if (!job) return null;
  const { progress } = job;
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="job" data-testid={testId} data-status={job.status}>
      <p className="progress">
        {job.status === 'running' ? `${progress.stage}${progress.item ? `: ${nameOf(progress.item)}` : ''}` : job.status === 'done' ? 'Done.' : job.status === 'cancelled' ? 'Cancelled.' : 'Failed.'}
        {job.status === 'running' && progress.total > 0 && ` (${progress.done} of ${progress.total}${progress.etaSeconds !== null ? `, about ${Math.ceil(progress.etaSeconds)} s left` : ''})`}
        {job.status === 'running' && onCancel && <button className="small" onClick={onCancel}>Cancel</button>}
      </p>
      {job.status === 'running' && <progress max={1} value={share ?? undefined} />}
      {job.error && <p className="error">{job.error}</p>}
      {events.length > 0 && (
        <details className="events">
          <summary>{events.length} messages{events.some((e) => e.level !== 'info') ? ` (${events.filter((e) => e.level !== 'info').length} warnings)` : ''}</summary>
          <ol>{events.map((e) => <li key={e.seq} className={e.level}>{e.message}</li>)}</ol>
        </details>
      )}
    </div>
  );
}
