/**
 * Electron's main process: one window on the built renderer, the API over IPC, menus, dialogs.
 * The page gets no Node; it calls the engine only through the preload's `rootline.call`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { serveApiOverIpc, serveFolderPicker } from './ipc.js';
import { buildMenu } from './menu.js';
import { ProjectSession } from './project-session.js';
import { guardWindow, hardenSession, secureWebPreferences } from './security.js';
import { loadWindowState, rememberWindowState } from './window-state.js';

// Bundled next to main.cjs in dist/electron; the renderer is built into dist/renderer.
// The bundle is CommonJS, where import.meta is empty.
const here = typeof __dirname === 'string' ? __dirname : import.meta.dirname;
const RENDERER_INDEX = join(here, '../renderer/index.html');
const PRELOAD = join(here, 'preload.cjs');
const APP_URL = pathToFileURL(RENDERER_INDEX).href;

const session = new ProjectSession();

function startingProject(): string {
  const fromArgs = process.argv.find((arg) => arg.endsWith('.rootline'));
  return fromArgs ?? session.recent().find((file) => existsSync(file)) ?? join(app.getPath('documents'), 'rootline.rootline');
}

async function createWindow(): Promise<void> {
  const state = loadWindowState();
  const window = new BrowserWindow({
    ...state, minWidth: 1024, minHeight: 640, show: false, title: 'Rootline',
    webPreferences: secureWebPreferences(PRELOAD),
  });
  if (state.maximized) window.maximize();
  rememberWindowState(window);
  guardWindow(window, APP_URL);
  session.open(startingProject());
  buildMenu(session, window);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
}

app.enableSandbox();
void app.whenReady().then(async () => {
  hardenSession();
  serveApiOverIpc(session, APP_URL);
  serveFolderPicker(APP_URL);
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  session.close();
  if (process.platform !== 'darwin') app.quit();
});
