export type Theme = 'light' | 'dark';

export interface SettingsState {
  /** On by default: rendered cards show no remote image (the engine's own offline policy is separate). */
  offline: boolean;
  theme: Theme;
  /** Edges under this confidence are listed first in review and drawn thin. */
  reviewThreshold: number;
  /** Hubs with more upstream sources than this have their single-use sources collapsed. */
  fanInLimit: number;
  /** How many labels the overview draws (labels never overlap; the most connected datasets come first). */
  labelDensity: number;
  /** The folders last used on this machine, so the next audit starts from them. */
  folders: { samples: string; benchmarks: string; library: string };
}
