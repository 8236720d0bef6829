/** Debian's Chromium for the end-to-end tests, headless, with software WebGL (sigma needs WebGL). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumCandidates, findChromium, INSTALL_COMMAND } from '../../bin/chromium.js';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // SwiftShader: WebGL in software, which is what sigma gets on a machine without a GPU.
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/** Where Chromium is; a missing browser is an error (`npm test`'s pretest installs it), never a silent skip. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(`Chromium not found (looked in ${chromiumCandidates().join(', ')}); install it with "${INSTALL_COMMAND}" or set CHROMIUM_PATH`);
  return found;
}

/** A fresh profile per launch, removed on close; downloads are accepted so exports can be checked. */
export async function launchChromium(): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rootline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  // Nothing may leave the machine: any request beyond 127.0.0.1 fails the test that made it.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|blob:)/, (route) => route.abort('blockedbyclient'));
  return {
    browser: context.browser()!,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
