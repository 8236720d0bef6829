/** A trace's budget: how many datasets, model calls and seconds one invocation may spend. */

export interface BudgetLimits {
  datasets?: number;
  modelCalls?: number;
  seconds?: number;
}

export interface BudgetUsage {
  datasets: number;
  modelCalls: number;
  seconds: number;
}

/** Which limit is spent, in words, or undefined while there is budget left. */
export function budgetSpent(limits: BudgetLimits, usage: BudgetUsage): string | undefined {
  if (limits.datasets !== undefined && usage.datasets >= limits.datasets) return `dataset budget spent (${usage.datasets} of ${limits.datasets})`;
  if (limits.modelCalls !== undefined && usage.modelCalls >= limits.modelCalls) return `model-call budget spent (${usage.modelCalls} of ${limits.modelCalls})`;
  if (limits.seconds !== undefined && usage.seconds >= limits.seconds) return `time budget spent (${Math.round(usage.seconds)} of ${limits.seconds} s)`;
  return undefined;
}

/** Seconds left at the current pace for `remaining` datasets, once at least one is done. */
export function estimateSeconds(doneSeconds: number[], remaining: number): number | undefined {
  if (doneSeconds.length === 0) return undefined;
  const recent = doneSeconds.slice(-20);
  return Math.round((recent.reduce((a, b) => a + b, 0) / recent.length) * remaining);
}
