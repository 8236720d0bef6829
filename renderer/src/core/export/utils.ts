/** Exports of the view and the graph: PNG and SVG of what is on screen, GEXF and JSON of the data. */
import { DirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import type Sigma from 'sigma';
import type { GraphData } from '../../../../shared/api/contract.js';

export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Sigma's layers composed on one canvas; rendered and copied in the same task (no preserveDrawingBuffer). */
export function viewToCanvas(sigma: Sigma, background: string): HTMLCanvasElement {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement('canvas');
  output.width = width * ratio;
  output.height = height * ratio;
  const context = output.getContext('2d')!;
  context.fillStyle = background;
  context.fillRect(0, 0, output.width, output.height);
  sigma.refresh();
  for (const canvas of Object.values(sigma.getCanvases())) context.drawImage(canvas, 0, 0, output.width, output.height);
  return output;
}

export async function viewToPng(sigma: Sigma, background: string): Promise<Blob> {
  const canvas = viewToCanvas(sigma, background);
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The visible nodes and edges as they are drawn, in viewport coordinates. */
export function viewToSvg(sigma: Sigma, background: string): string {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, `<rect width="100%" height="100%" fill="${background}"/>`];
  graph.forEachEdge((edge, _a, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    const s = sigma.getNodeDisplayData(source);
    const t = sigma.getNodeDisplayData(target);
    if (!data || data.hidden || !s || !t || s.hidden || t.hidden) return;
    const a = sigma.graphToViewport(s);
    const b = sigma.graphToViewport(t);
    parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${data.color}" stroke-width="${Math.max(0.5, data.size)}"/>`);
  });
  const ratio = sigma.getCamera().ratio;
  graph.forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = sigma.graphToViewport(data);
    const r = Math.max(1, sigma.scaleSize(data.size, ratio));
    parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${data.color}"/>`);
    if (data.label && (data.forceLabel || data.highlighted)) parts.push(`<text x="${(p.x + r + 2).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-family="sans-serif" font-size="12">${escapeXml(data.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The project's graph as GEXF 1.3 (Gephi): datasets with their metadata, edges with relation, confidence, status. */
export function graphToGexf(data: GraphData): string {
  const graph = new DirectedGraph({ allowSelfLoops: true });
  for (const node of data.nodes) {
    graph.addNode(node.id, { label: node.name, domains: node.domains.join(';'), kind: node.kind, releaseDate: node.releaseDate ?? '', license: node.license ?? '' });
  }
  for (const edge of data.edges) {
    if (graph.hasNode(edge.upstream) && graph.hasNode(edge.downstream) && !graph.hasEdge(edge.upstream, edge.downstream)) {
      graph.addDirectedEdgeWithKey(String(edge.id), edge.upstream, edge.downstream, { relation: edge.relation, confidence: edge.confidence, status: edge.status });
    }
  }
  return writeGexf(graph);
}

export function graphToJson(data: GraphData): string {
  return JSON.stringify(data, null, 2);
}
