/** JSON Lines reading that keeps going past a broken line and says which lines were broken. */
import { readFileSync } from 'node:fs';
import { decodeText } from '../../agents/documents/read.js';

export interface LineProblem {
  file: string;
  line: number;
  message: string;
}

export function readJsonLines(file: string): { rows: Array<{ line: number; value: unknown }>; problems: LineProblem[] } {
  const text = decodeText(readFileSync(file), file);
  const rows: Array<{ line: number; value: unknown }> = [];
  const problems: LineProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      rows.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (error) {
      problems.push({ file, line: index + 1, message: `not valid JSON (${(error as Error).message})` });
    }
  });
  return { rows, problems };
}
