/** The shapes of `window.__rootline` (no imports with effects: the tests and the benchmark read them in Node). */
import type { Rect } from './core/camera/utils.js';

export interface AppState {
  nodes: number;
  edges: number;
  visibleNodes: number;
  selected: string | null;
  focus: string | null;
  layered: boolean;
  mode: string;
  layout: string;
  firstFrameMs: number | null;
  firstFrameAt: number | null;
  layoutRunning: boolean;
  /** Nodes in the graph sigma draws now (the layered view is its own graph). */
  drawnGraphOrder: number;
  cameraMoving: boolean;
  /** Milliseconds from asking for the layered view to its first frame. */
  layeredFrameMs: number | null;
  /** What an analysis lights on the graph (a blast radius, a license conflict's path), or null. */
  overlay: { label: string; nodes: string[] } | null;
  /** The edges the overlay lights, as "upstream->downstream". */
  litEdges: string[];
}

export interface RootlineTestHooks {
  state(): AppState;
  /** The overview's positions, as kept in the project: id → [x, y]. */
  positions(): Record<string, [number, number]>;
  /** Every shown node's disc and drawn label in viewport pixels, and the free canvas (no panel over it). */
  boxes(): { free: Rect; width: number; height: number; nodes: Array<{ id: string; node: Rect; label: Rect | null }> };
  /** The graph sigma draws now (the layered view is its own graph), as the bare sigma page takes it. */
  drawnGraph(): { nodes: Array<{ id: string; name: string }>; edges: Array<{ upstream: string; downstream: string }> };
  /** Share of pixels in the rendered view that differ from the background: 0 means a blank picture. */
  inkRatio(): number;
  /** The card renderer, so tests can feed it hostile markdown. */
  sanitize(markdown: string, offline: boolean): string;
}
