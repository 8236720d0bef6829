/** The API over IPC: one channel, requests only from the app's own page, errors as values. */
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_CHANNEL, isApiMethod, isUploadMethod } from '../shared/api/contract.js';
import { isUserError } from '../shared/errors.js';
import { handle, handleUpload } from '../engine/api/handlers.js';
import { UploadFolder } from '../engine/api/uploads.js';
import type { ProjectSession } from './project-session.js';

export function serveApiOverIpc(session: ProjectSession, appUrl: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, request: unknown) => {
    if (event.senderFrame?.url !== appUrl) return { ok: false, error: 'refused: not the Rootline page', kind: 'user' };
    if (typeof method !== 'string' || !isApiMethod(method)) return { ok: false, error: `no API method "${String(method)}"`, kind: 'user' };
    try {
      if (!isUploadMethod(method)) return { ok: true, value: await handle(session.requireHandlers(), method, request) };
      // An upload's files arrive as bytes (shared/api/client.ts, ipcTransport) and go through the same folder and checks as over HTTP.
      const { files, ...rest } = (request ?? {}) as { files?: unknown };
      const folder = UploadFolder.create();
      try {
        for (const file of Array.isArray(files) ? files : []) {
          const { name, bytes } = (file ?? {}) as { name?: unknown; bytes?: unknown };
          if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) return { ok: false, error: 'each file needs a name and its bytes', kind: 'user' };
          folder.writeBytes(name, bytes);
        }
        return { ok: true, value: await handleUpload(session.requireHandlers(), method, rest, folder) };
      } finally {
        folder.dispose();
      }
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
