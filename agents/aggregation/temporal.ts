/** Temporal sanity: a dataset cannot be built from one released after it. Dates are YYYY, YYYY-MM or YYYY-MM-DD. */

/** True when `upstream` was released after `downstream`, compared at the precision both dates have. */
export function releasedAfter(upstream: string | null | undefined, downstream: string | null | undefined): boolean {
  if (!upstream || !downstream) return false;
  const a = upstream.split('-');
  const b = downstream.split('-');
  const precision = Math.min(a.length, b.length, 3);
  for (let i = 0; i < precision; i++) {
    const x = Number(a[i]);
    const y = Number(b[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (x !== y) return x > y;
  }
  return false;
}

/** The earlier of two dates (the paper settles a release date as the earlier of hub creation and paper). */
export function earlierDate(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return releasedAfter(a, b) ? b : a;
}
