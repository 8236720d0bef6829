/** The best of a few runs of `run`, in milliseconds: for comparing costs measured in the same test run. */
export function bestMillis(run: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
