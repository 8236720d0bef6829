/** Offline mode, thresholds, theme. */
import { settingsStore, updateSettings } from '../core/settings/index.js';
import { useStore } from '../core/store.js';

export function Settings() {
  const s = useStore(settingsStore);
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      <label><input type="checkbox" checked={s.offline} onChange={(e) => updateSettings({ offline: e.target.checked })} /> Offline mode: no remote images in cards, nothing leaves this machine</label>
      <label>Theme <select value={s.theme} onChange={(e) => updateSettings({ theme: e.target.value as 'light' | 'dark' })}><option value="light">Light</option><option value="dark">Dark</option></select></label>
      <label>Low-confidence threshold {s.reviewThreshold.toFixed(2)} <input type="range" min={0} max={1} step={0.05} value={s.reviewThreshold} onChange={(e) => updateSettings({ reviewThreshold: Number(e.target.value) })} /></label>
      <label>Collapse fan-ins above <input type="number" min={2} value={s.fanInLimit} onChange={(e) => updateSettings({ fanInLimit: Number(e.target.value) || 25 })} /> sources</label>
      <label>Label density {s.labelDensity.toFixed(1)} <input type="range" min={0.1} max={3} step={0.1} value={s.labelDensity} onChange={(e) => updateSettings({ labelDensity: Number(e.target.value) })} /></label>
    </form>
  );
}
