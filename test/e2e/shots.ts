/** Where the end-to-end tests put their screenshots: docs/screenshots with ROOTLINE_SCREENSHOTS=docs (how the committed ones are made), another folder when it names one, else a temporary folder. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

export function screenshotDir(): string {
  const wanted = process.env.ROOTLINE_SCREENSHOTS;
  const dir = wanted === 'docs' ? join(import.meta.dirname, '../../docs/screenshots') : wanted || tempDir('rootline-shots-');
  mkdirSync(dir, { recursive: true });
  return dir;
}
