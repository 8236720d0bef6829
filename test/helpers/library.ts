/**
 * A fixed library of dataset cards for tracing tests: copies of five of the bundled sample cards, so that
 * cards added to samples/ later do not change what a trace reaches.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES, tempDir } from './temp.js';

export const TRACE_CARDS = ['acme-general-chat', 'acme-math-tutor', 'metamathqa.md', 'ultrafeedback.md', 'openhermes-2.5.md'];

/** A temporary folder holding the trace cards (Acme General Chat and what it is built from). */
export function traceLibrary(): string {
  const dir = tempDir('rootline-library-');
  for (const card of TRACE_CARDS) cpSync(join(SAMPLES, card), join(dir, card), { recursive: true });
  return dir;
}
