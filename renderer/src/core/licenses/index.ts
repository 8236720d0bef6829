/** License classes per dataset and the conflicts along lineage paths (the engine's licenseReport), with a path lit on the graph. */
import type { LicenseConflict, LicenseReport } from '../../../../shared/licenses/conflicts.js';
import { api } from '../../api.js';
import { setOverlay } from '../selection/index.js';
import { createStore } from '../store.js';
import { nameOf } from '../graph/index.js';

export const licensesStore = createStore<{ report: LicenseReport | null; error: string | null; lit: number | null }>({ report: null, error: null, lit: null });

export async function loadLicenses(): Promise<void> {
  try {
    licensesStore.set({ report: await api.call('licenses'), error: null });
  } catch (error) {
    licensesStore.set({ error: (error as Error).message });
  }
}

/** Lights the conflict's path, from the upstream source down to the dataset, on the graph. */
export function showConflict(conflict: LicenseConflict, index: number): void {
  const nodes = [conflict.upstream, ...conflict.path.map((s) => s.id)];
  const edges = nodes.slice(1).map((to, i) => `${nodes[i]}->${to}`);
  setOverlay({ nodes, edges, label: `License conflict: ${nameOf(conflict.dataset)} ${conflict.problem} of ${nameOf(conflict.upstream)}` });
  licensesStore.set({ lit: index });
}
