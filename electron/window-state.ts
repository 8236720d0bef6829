/** The window's size, position and maximized state, remembered between runs in the user's data folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState extends Rectangle {
  maximized: boolean;
}

const DEFAULT: WindowState = { x: 0, y: 0, width: 1280, height: 800, maximized: false };
const file = () => join(app.getPath('userData'), 'window-state.json');

export function loadWindowState(): WindowState {
  try {
    const saved = { ...DEFAULT, ...(JSON.parse(readFileSync(file(), 'utf8')) as Partial<WindowState>) };
    // A window saved on a screen that is gone opens on the primary screen instead.
    const visible = screen.getAllDisplays().some(({ workArea: a }) => saved.x >= a.x && saved.y >= a.y && saved.x < a.x + a.width && saved.y < a.y + a.height);
    return visible ? saved : { ...saved, x: DEFAULT.x, y: DEFAULT.y };
  } catch {
    return DEFAULT;
  }
}

export function rememberWindowState(window: BrowserWindow): void {
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    writeFileSync(file(), JSON.stringify(state));
  };
  window.on('close', save);
}
