/** The user's settings, kept in local storage on this machine. */
import { createStore } from '../store.js';
import type { SettingsState } from './types.js';

const KEY = 'rootline-settings';
const DEFAULTS: SettingsState = { offline: true, theme: 'light', reviewThreshold: 0.7, fanInLimit: 25, labelDensity: 0.5, folders: { samples: '', benchmarks: '', library: '' } };

function saved(): Partial<SettingsState> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<SettingsState>;
  } catch {
    return {};
  }
}

export const settingsStore = createStore<SettingsState>({ ...DEFAULTS, ...saved() });
settingsStore.subscribe(() => {
  const state = settingsStore.get();
  localStorage.setItem(KEY, JSON.stringify(state));
  document.documentElement.dataset.theme = state.theme;
});
document.documentElement.dataset.theme = settingsStore.get().theme;

export const updateSettings = (patch: Partial<SettingsState>) => settingsStore.set(patch);
export const rememberFolder = (purpose: keyof SettingsState['folders'], path: string) => settingsStore.set((s) => ({ folders: { ...s.folders, [purpose]: path } }));
