/** The application menu: projects (new, open, recent), import, export, views. Commands reach the page as `rootline:menu`. */
import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { ingestPaths } from '../engine/ingest/ingest.js';
import type { ProjectSession } from './project-session.js';

export const MENU_CHANNEL = 'rootline:menu';
const PROJECT_FILTER = [{ name: 'Rootline project', extensions: ['rootline'] }];

export function buildMenu(session: ProjectSession, window: BrowserWindow): void {
  const send = (command: string) => window.webContents.send(MENU_CHANNEL, command);
  const openProject = (file: string) => {
    session.open(file);
    window.setTitle(`Rootline — ${file}`);
    send('project-changed');
    buildMenu(session, window);
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'New Project…', accelerator: 'CmdOrCtrl+N',
          click: async () => {
            const { filePath, canceled } = await dialog.showSaveDialog(window, { filters: PROJECT_FILTER, defaultPath: 'audit.rootline' });
            if (!canceled && filePath) openProject(filePath);
          },
        },
        {
          label: 'Open Project…', accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const { filePaths, canceled } = await dialog.showOpenDialog(window, { filters: PROJECT_FILTER, properties: ['openFile'] });
            if (!canceled && filePaths[0]) openProject(filePaths[0]);
          },
        },
        { label: 'Open Recent', submenu: session.recent().map((file) => ({ label: file, click: () => openProject(file) })) },
        { type: 'separator' },
        {
          label: 'Import Documents…', accelerator: 'CmdOrCtrl+I',
          click: async () => {
            const project = session.current;
            if (!project) return;
            const { filePaths, canceled } = await dialog.showOpenDialog(window, { properties: ['openFile', 'openDirectory', 'multiSelections'] });
            if (canceled || !filePaths.length) return;
            const report = ingestPaths(project, filePaths);
            send('project-changed');
            if (report.failed) void dialog.showMessageBox(window, { type: 'warning', message: `${report.failed} file(s) could not be read`, detail: report.files.filter((f) => f.status === 'failed').map((f) => `${f.path}: ${f.message}`).join('\n') });
          },
        },
        {
          label: 'Export',
          submenu: [
            { label: 'Graph as GEXF…', click: () => send('export-gexf') },
            { label: 'Graph as JSON…', click: () => send('export-json') },
            { label: 'View as PNG…', click: () => send('export-png') },
            { label: 'View as SVG…', click: () => send('export-svg') },
          ],
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Graph and Inspector', accelerator: 'CmdOrCtrl+1', click: () => send('view-graph') },
        { label: 'Review Queue', accelerator: 'CmdOrCtrl+2', click: () => send('view-review') },
        { label: 'Analyses', accelerator: 'CmdOrCtrl+3', click: () => send('view-analyses') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, { role: 'toggleDevTools' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
