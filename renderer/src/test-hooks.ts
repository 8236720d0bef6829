/** A read-only window onto the app's state for the end-to-end tests and the benchmark (`window.__rootline`). */
import { graphStore } from './core/graph/index.js';
import { currentSigma } from './core/export/index.js';
import { selectionStore } from './core/selection/index.js';
import { viewToCanvas } from './core/export/utils.js';
import { sanitizeMarkdown } from './components/Markdown.js';

export interface RootlineTestHooks {
  state(): { nodes: number; edges: number; visibleNodes: number; selected: string | null; focus: string | null; firstFrameMs: number | null; firstFrameAt: number | null; layoutRunning: boolean; litEdges: string[] };
  /** Share of pixels in the rendered view that differ from the background: 0 means a blank picture. */
  inkRatio(): number;
  /** The card renderer, so tests can feed it hostile markdown. */
  sanitize(markdown: string, offline: boolean): string;
}

export function installTestHooks(): void {
  const hooks: RootlineTestHooks = {
    sanitize: sanitizeMarkdown,
    state() {
      const { graph, firstFrameMs, firstFrameAt, layoutRunning } = graphStore.get();
      const { selected, focus, overlay } = selectionStore.get();
      const visible = (window as unknown as { __rootlineVisible?: () => number }).__rootlineVisible;
      return { nodes: graph?.order ?? 0, edges: graph?.size ?? 0, visibleNodes: visible?.() ?? 0, selected, focus, firstFrameMs, firstFrameAt, layoutRunning, litEdges: overlay?.edges ?? [] };
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
