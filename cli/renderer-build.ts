/**
 * Builds the renderer with Vite when dist/renderer is missing or older than its sources, so
 * `npx rootline serve` works right after `npm ci` with no build step to remember.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const ROOT = PACKAGE_ROOT;
export const RENDERER_SOURCES = join(ROOT, 'renderer');
export const RENDERER_DIST = join(ROOT, 'dist/renderer');

export async function ensureRendererBuilt(options: { log?: (line: string) => void; force?: boolean } = {}): Promise<string> {
  const index = join(RENDERER_DIST, 'index.html');
  const stale = options.force || !existsSync(index) || statSync(index).mtimeMs < newestSource();
  if (stale) {
    options.log?.('building the app (first run or sources changed)…');
    const { build } = await import('vite');
    await build({ configFile: join(RENDERER_SOURCES, 'vite.config.ts'), logLevel: 'warn' });
  }
  return RENDERER_DIST;
}

/** The newest modification time among the renderer's sources and the shared code it imports. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(RENDERER_SOURCES);
  walk(join(ROOT, 'shared'));
  return newest;
}
