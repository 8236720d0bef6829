/** Runs the first layout off the page's thread (core/graph/layout.ts). */
import { computeLayout, type LayoutInput } from './layout.js';

self.onmessage = (event: MessageEvent<LayoutInput>) => {
  self.postMessage(computeLayout(event.data));
};
