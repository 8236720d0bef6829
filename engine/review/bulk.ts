/**
 * One decision for every proposed edge a filter selects (an import's 2,306 edges need not be clicked one
 * by one). Each edge is still its own audit entry, as if decided alone; all of them land together or none.
 */
import type { ReviewFilter } from '../../shared/review/filter.js';
import type { Project } from '../project.js';
import { reviewQueue } from './queue.js';

export function decideFiltered(project: Project, filter: ReviewFilter, status: 'accepted' | 'rejected', actor: string): number[] {
  return project.transaction(() => {
    const ids = reviewQueue(project, undefined, filter).map((item) => item.id);
    for (const id of ids) project.reviewEdge(id, status, actor);
    return ids;
  });
}
