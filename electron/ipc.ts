/** The API over IPC: one channel, requests only from the app's own page, errors as values. */
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_CHANNEL, isApiMethod } from '../shared/api/contract.js';
import { isUserError } from '../shared/errors.js';
import { handle } from '../engine/api/handlers.js';
import type { ProjectSession } from './project-session.js';

export function serveApiOverIpc(session: ProjectSession, appUrl: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, request: unknown) => {
    if (event.senderFrame?.url !== appUrl) return { ok: false, error: 'refused: not the Rootline page', kind: 'user' };
    if (typeof method !== 'string' || !isApiMethod(method)) return { ok: false, error: `no API method "${String(method)}"`, kind: 'user' };
    try {
      return { ok: true, value: await handle(session.requireHandlers(), method, request) };
    } catch (error) {
      return { ok: false, error: (error as Error).message, kind: isUserError(error) ? 'user' : 'internal' };
    }
  });
}

/** The native folder dialog for the page's folder fields; the path goes back to the page, which sends it to the engine to check. */
export function serveFolderPicker(appUrl: string): void {
  ipcMain.handle('rootline:pick-folder', async (event) => {
    if (event.senderFrame?.url !== appUrl) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openDirectory' as const] };
    const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  });
}
