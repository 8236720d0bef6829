/** Review at the scale of an import: the queue filtered and paged, and one decision for a filtered set. */
import type { ReviewQueuePage } from '../../shared/api/audit.js';
import { matchesReviewFilter } from '../../shared/review/filter.js';
import type { Project } from '../project.js';
import { decideFiltered } from '../review/bulk.js';
import { reviewQueue } from '../review/queue.js';
import type { MethodHandlers } from './types.js';

/** Edges the app lists at once; the rest are counted, and decided by the filtered action. */
const DEFAULT_PAGE = 200;

export function reviewHandlers(project: Project, actor: string): MethodHandlers<'reviewQueue' | 'reviewFiltered'> {
  return {
    reviewQueue: ({ limit, ...filter }) => {
      const all = reviewQueue(project);
      const origins = new Map<string, number>();
      for (const item of all) for (const origin of item.origins) origins.set(origin, (origins.get(origin) ?? 0) + 1);
      const matching = all.filter((item) => matchesReviewFilter(item, filter));
      const page: ReviewQueuePage = {
        items: matching.slice(0, limit ?? DEFAULT_PAGE).map((item) => ({
          id: item.id,
          upstream: item.upstream,
          downstream: item.downstream,
          relation: item.relation,
          confidence: item.confidence,
          status: 'proposed',
          origins: item.origins,
          source: item.evidence[0]?.location ?? null,
          reasons: item.reasons,
        })),
        matching: matching.length,
        proposed: all.length,
        origins: [...origins].map(([origin, count]) => ({ origin, count })).sort((a, b) => b.count - a.count),
      };
      return page;
    },
    reviewFiltered: ({ filter, status }) => {
      const decided = decideFiltered(project, filter, status, actor);
      return { decided: decided.length, proposed: project.edges.proposed().length };
    },
  };
}
