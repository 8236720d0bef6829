/** Builds the renderer once before the test files run in parallel, so no two of them build it at once. */
import { ensureRendererBuilt } from '../../cli/renderer-build.js';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
