/**
 * Quotas over root sources: how many samples of a budget each root gets. Uniform shares the budget
 * equally; proportional follows how many samples each root can offer; capped is uniform with no root
 * above `cap` of the budget. Every strategy gives what a root cannot use to the others (water-filling),
 * so the budget is met whenever enough samples exist.
 */
export type QuotaStrategy = 'uniform' | 'proportional' | 'capped';

export function allocateQuotas(available: Map<string, number>, budget: number, strategy: QuotaStrategy, cap = 0.2): Map<string, number> {
  const roots = [...available.keys()].sort();
  const quotas = new Map(roots.map((r) => [r, 0]));
  const total = roots.reduce((s, r) => s + available.get(r)!, 0);
  let left = Math.min(budget, total);
  const limit = (root: string) => Math.min(available.get(root)!, strategy === 'capped' ? Math.max(1, Math.floor(cap * budget)) : Infinity);
  let open = roots.filter((r) => limit(r) > 0);
  while (left > 0 && open.length > 0) {
    const weights = open.map((r) => (strategy === 'proportional' ? available.get(r)! - quotas.get(r)! : 1));
    const weightSum = weights.reduce((s, w) => s + w, 0);
    let given = 0;
    open.forEach((root, i) => {
      const share = Math.floor((left * weights[i]!) / weightSum);
      const room = limit(root) - quotas.get(root)!;
      const take = Math.min(share, room);
      quotas.set(root, quotas.get(root)! + take);
      given += take;
    });
    // Remainders of the integer division go one by one, in name order, so results are reproducible.
    if (given === 0) {
      for (const root of open) {
        if (left - given === 0) break;
        if (quotas.get(root)! < limit(root)) {
          quotas.set(root, quotas.get(root)! + 1);
          given++;
        }
      }
    }
    left -= given;
    open = open.filter((r) => quotas.get(r)! < limit(r));
    if (given === 0) break;
  }
  return quotas;
}
