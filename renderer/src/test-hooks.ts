/** A read-only window onto the app's state for the end-to-end tests and the benchmark (`window.__rootline`). */
import { freeCanvas, shownBoxes } from './core/camera/index.js';
import type { RootlineTestHooks } from './test-hooks-types.js';
import { graphStore } from './core/graph/index.js';
import { currentSigma } from './core/export/index.js';
import { selectionStore } from './core/selection/index.js';
import { viewStore } from './core/view/index.js';
import { viewToCanvas } from './core/export/utils.js';
import { sanitizeMarkdown } from './components/Markdown.js';

export function installTestHooks(): void {
  const hooks: RootlineTestHooks = {
    sanitize: sanitizeMarkdown,
    state() {
      const { graph, firstFrameMs, firstFrameAt, layoutRunning, layout } = graphStore.get();
      const { selected, focus, layered, overlay } = selectionStore.get();
      const visible = (window as unknown as { __rootlineVisible?: () => number }).__rootlineVisible;
      const sigma = currentSigma();
      return {
        nodes: graph?.order ?? 0, edges: graph?.size ?? 0, visibleNodes: visible?.() ?? 0, selected, focus, layered, mode: viewStore.get().mode, layout,
        firstFrameMs, firstFrameAt, layoutRunning, drawnGraphOrder: sigma?.getGraph().order ?? 0, cameraMoving: sigma?.getCamera().isAnimated() ?? false,
        overlay: overlay ? { label: overlay.label, nodes: overlay.nodes } : null,
        litEdges: overlay?.edges ?? [],
        layeredFrameMs: viewStore.get().layeredFrameMs,
      };
    },
    positions() {
      const graph = graphStore.get().graph;
      const out: Record<string, [number, number]> = {};
      graph?.forEachNode((id, a) => void (out[id] = [a.x, a.y]));
      return out;
    },
    boxes() {
      const sigma = currentSigma();
      if (!sigma) return { free: { x1: 0, y1: 0, x2: 0, y2: 0 }, width: 0, height: 0, nodes: [] };
      const { width, height } = sigma.getDimensions();
      return { free: freeCanvas(sigma), width, height, nodes: shownBoxes(sigma) };
    },
    drawnGraph() {
      const graph = currentSigma()?.getGraph();
      return {
        nodes: graph?.mapNodes((id, a) => ({ id, name: String(a.label ?? id) })) ?? [],
        edges: graph?.mapEdges((_e, _a, upstream, downstream) => ({ upstream, downstream })) ?? [],
      };
    },
    inkRatio() {
      const sigma = currentSigma();
      if (!sigma) return 0;
      const canvas = viewToCanvas(sigma, '#ffffff');
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 245 || pixels[i + 1]! < 245 || pixels[i + 2]! < 245) ink++;
      return ink / (pixels.length / 4);
    },
  };
  (window as unknown as { __rootline: RootlineTestHooks }).__rootline = hooks;
}
