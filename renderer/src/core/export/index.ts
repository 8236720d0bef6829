/** Export actions, bound to the graph on screen, and saving a file where the user says. */
import type Sigma from 'sigma';
import { api } from '../../api.js';
import { graphStore } from '../graph/index.js';
import { download, graphToGexf, graphToJson, viewToPng, viewToSvg } from './utils.js';

let activeSigma: Sigma | null = null;
export const registerSigma = (sigma: Sigma | null) => (activeSigma = sigma);
export const currentSigma = () => activeSigma;

const background = () => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';

interface SavePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string; types?: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<{ createWritable(): Promise<{ write(data: Blob | string): Promise<void>; close(): Promise<void> }> }>;
}

/**
 * Saves a file: the browser's save dialog where it has one (File System Access), else a download —
 * which Electron turns into its native save dialog. Automated browsers get the download, which they can
 * catch; the picker would wait for a person.
 */
export async function saveFile(name: string, content: Blob | string, type: string): Promise<void> {
  const picker = (window as unknown as SavePickerWindow).showSaveFilePicker;
  if (picker && !navigator.webdriver && !window.rootline) {
    const extension = name.slice(name.lastIndexOf('.'));
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: type, accept: { [type]: [extension] } }] });
      const writable = await handle.createWritable();
      await writable.write(content);
      await writable.close();
      return;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      // No permission or no support after all: fall back to a download.
    }
  }
  download(name, content, type);
}

export async function exportPng(): Promise<void> {
  if (activeSigma) await saveFile('rootline-graph.png', await viewToPng(activeSigma, background()), 'image/png');
}

export function exportSvg(): void {
  if (activeSigma) void saveFile('rootline-graph.svg', viewToSvg(activeSigma, background()), 'image/svg+xml');
}

export function exportGexf(): void {
  const data = graphStore.get().data;
  if (data) void saveFile('rootline-graph.gexf', graphToGexf(data), 'application/xml');
}

export function exportJson(): void {
  const data = graphStore.get().data;
  if (data) void saveFile('rootline-graph.json', graphToJson(data), 'application/json');
}

/** The HTML audit report, made by the engine (the same as `rootline report`). */
export async function exportReport(): Promise<void> {
  const report = await api.call('report');
  await saveFile(report.name, report.html, 'text/html');
}
