/** The one API client of the renderer: IPC when Electron's preload is there, else HTTP with the session token. */
import { ApiClient, httpTransport, ipcTransport, type IpcBridge } from '../../shared/api/client.js';

declare global {
  interface Window {
    rootline?: IpcBridge & { desktop: true; onMenu?: (listener: (command: string) => void) => void; pickFolder?: () => Promise<string | null> };
  }
}

/** The token arrives in the URL fragment on first load (never sent to the server), then lives in this tab only. */
function sessionToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  const fromQuery = new URLSearchParams(location.search).get('token');
  const token = fromHash ?? fromQuery;
  if (token) {
    sessionStorage.setItem('rootline-token', token);
    history.replaceState(null, '', location.pathname);
    return token;
  }
  return sessionStorage.getItem('rootline-token') ?? '';
}

export const isDesktop = Boolean(window.rootline?.desktop);

export const api = new ApiClient(window.rootline ? ipcTransport(window.rootline) : httpTransport(location.origin, sessionToken()));
