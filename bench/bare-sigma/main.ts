// The floor for the app's graph view: sigma's defaults on the same nodes and edges, nothing else.
import Graph from 'graphology';
import Sigma from 'sigma';

interface BareInput { nodes: Array<{ id: string; name: string }>; edges: Array<{ upstream: string; downstream: string }> }

(window as unknown as { showGraph(data: BareInput): Promise<number> }).showGraph = (data) => {
  const started = performance.now();
  const graph = new Graph({ allowSelfLoops: true });
  let i = 0;
  for (const node of data.nodes) {
    const angle = (i++ * 2.399) % (Math.PI * 2);
    graph.addNode(node.id, { label: node.name, x: Math.cos(angle) * i, y: Math.sin(angle) * i, size: 3, color: '#3b7dd8' });
  }
  for (const edge of data.edges) if (graph.hasNode(edge.upstream) && graph.hasNode(edge.downstream)) graph.mergeEdge(edge.upstream, edge.downstream);
  new Sigma(graph, document.getElementById('graph')!);
  // Sigma renders inside its constructor; the frame reaches the screen at the next paint, as in the app.
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - started)));
};
