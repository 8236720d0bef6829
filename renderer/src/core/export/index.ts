/** Export actions, bound to the graph on screen. */
import type Sigma from 'sigma';
import { graphStore } from '../graph/index.js';
import { download, graphToGexf, graphToJson, viewToPng, viewToSvg } from './utils.js';

let activeSigma: Sigma | null = null;
export const registerSigma = (sigma: Sigma | null) => (activeSigma = sigma);
export const currentSigma = () => activeSigma;

const background = () => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';

export async function exportPng(): Promise<void> {
  if (activeSigma) download('rootline-graph.png', await viewToPng(activeSigma, background()), 'image/png');
}

export function exportSvg(): void {
  if (activeSigma) download('rootline-graph.svg', viewToSvg(activeSigma, background()), 'image/svg+xml');
}

export function exportGexf(): void {
  const data = graphStore.get().data;
  if (data) download('rootline-graph.gexf', graphToGexf(data), 'application/xml');
}

export function exportJson(): void {
  const data = graphStore.get().data;
  if (data) download('rootline-graph.json', graphToJson(data), 'application/json');
}
