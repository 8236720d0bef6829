/**
 * Electron smoke test: the desktop app starts, shows the graph of a project, and its page has no Node.
 * Runs only where an Electron binary exists (npm's electron package downloads it on install); it says so
 * plainly when skipped. Everything else in the app is tested without Electron (app.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootline } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = join(import.meta.dirname, '../..');

/** The binary's path without requiring `electron`, whose index tries to download a missing binary. */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(ROOT, 'node_modules/electron/dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.warn('Electron smoke test SKIPPED: no Electron binary in node_modules/electron (it could not be downloaded on this machine).');
}

describe.skipIf(!binary)('the desktop app (Electron)', { timeout: 120_000 }, () => {
  it('opens a project, draws its graph, and keeps Node out of the page', async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'electron/build.ts')], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const project = join(tempDir('rootline-electron-'), 'demo.rootline');
    expect(rootline(['demo', '--project', project]).code).toBe(0);
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({ executablePath: binary!, args: [join(ROOT, 'dist/electron/main.cjs'), project, '--no-sandbox'] });
    try {
      const page = await app.firstWindow();
      await page.waitForFunction(() => (window as unknown as { __rootline?: { state(): { nodes: number } } }).__rootline?.state().nodes ?? 0 > 0, null, { timeout: 30_000 });
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
