/** The sandboxed preload: exposes one call into the engine and the menu's commands, nothing of Node or Electron. */
import { contextBridge, ipcRenderer } from 'electron';

// Literal copies of shared/api/contract.ts: a sandboxed preload can only require electron itself.
const IPC_CHANNEL = 'rootline:api';
const MENU_CHANNEL = 'rootline:menu';
const PICK_FOLDER_CHANNEL = 'rootline:pick-folder';

contextBridge.exposeInMainWorld('rootline', {
  desktop: true,
  call: (method: string, request: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, request),
  pickFolder: () => ipcRenderer.invoke(PICK_FOLDER_CHANNEL),
  onMenu: (listener: (command: string) => void) => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: string) => listener(command));
  },
});
