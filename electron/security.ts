/** Secure defaults for every window: no Node in pages, sandbox, strict CSP, no navigation away, no pop-ups. */
import { session, shell, type BrowserWindow, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY, isAllowedExternal } from './policy.js';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Applies the CSP to every response and refuses every permission (camera, notifications, …). */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}

/** The app's page may not navigate anywhere else; new windows are refused, allowed links open in the browser. */
export function guardWindow(window: BrowserWindow, appUrl: string): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
