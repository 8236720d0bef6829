/**
 * Long work in the engine, followed from the app: a job is started, polled for progress and new events
 * until it ends, and can be cancelled. Each view that runs one keeps a job store.
 */
import type { JobEvent, JobView } from '../../../../shared/api/jobs.js';
import { api } from '../../api.js';
import { createStore, type Store } from '../store.js';

const POLL_MS = 250;
const KEEP_EVENTS = 300;

export interface JobState<R> {
  job: JobView<R> | null;
  events: JobEvent[];
  /** The start call's error (a bad folder, a model that does not answer), or the job's own. */
  error: string | null;
}

export interface JobRunner<R> {
  store: Store<JobState<R>>;
  /** Starts the job and follows it; resolves with its last view (or null when it could not start). */
  run(start: () => Promise<JobView<R>>): Promise<JobView<R> | null>;
  cancel(): Promise<void>;
}

export function jobRunner<R>(): JobRunner<R> {
  const store = createStore<JobState<R>>({ job: null, events: [], error: null });
  return {
    store,
    async run(start) {
      store.set({ job: null, events: [], error: null });
      let view: JobView<R>;
      try {
        view = await start();
      } catch (error) {
        store.set({ error: (error as Error).message });
        return null;
      }
      let after = 0;
      for (;;) {
        const events = [...store.get().events, ...view.events].slice(-KEEP_EVENTS);
        after = view.events.at(-1)?.seq ?? after;
        store.set({ job: view, events, error: view.error });
        if (view.status !== 'running') return view;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        try {
          view = (await api.call('job', { id: view.id, after })) as JobView<R>;
        } catch (error) {
          store.set({ error: (error as Error).message });
          return null;
        }
      }
    },
    async cancel() {
      const job = store.get().job;
      if (job?.status === 'running') await api.call('cancelJob', { id: job.id });
    },
  };
}
