/** How commands print: human text by default, one JSON document (or JSON lines) with --json. */
import { printableName, printableText } from '../shared/text/printable.js';

export interface Output {
  json: boolean;
  /** Human output (stdout). */
  line(text?: string): void;
  /** A machine-readable value (stdout), one per line. */
  value(value: unknown): void;
  /** Warnings and progress, never mixed into stdout. */
  warn(text: string): void;
}

/**
 * Every line goes through `printableText`, so a name or a card that carries terminal escapes cannot
 * rewrite the screen; JSON already escapes C0 controls, and C1 controls are escaped the same way.
 */
export function createOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Output {
  return {
    json,
    line: (text = '') => {
      if (!json) stdout.write(`${printableText(text)}\n`);
    },
    value: (value) => stdout.write(`${jsonLine(value)}\n`),
    warn: (text) => stderr.write(`${printableText(text)}\n`),
  };
}

/** JSON with C1 controls and bidi overrides written as \u escapes: the same value, safe on a terminal. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A row problem of a data file as one warning line: `! file:line: message (skipped)`. */
export function problemLine(problem: { file: string; row: number; message: string; scope?: 'row' | 'file' }): string {
  const where = problem.row > 0 ? `${printableName(problem.file)}:${problem.row}` : printableName(problem.file);
  return `! ${where}: ${problem.message} (${problem.scope === 'file' ? (problem.row > 0 ? 'the rest of the file skipped' : 'file skipped') : 'skipped'})`;
}

/** Box-drawing tree lines: `render(children, label)` for a nested structure. */
export function treeLines<T>(roots: T[], children: (node: T) => T[], label: (node: T) => string, prefix = ''): string[] {
  const lines: string[] = [];
  roots.forEach((node, index) => {
    const last = index === roots.length - 1;
    lines.push(`${prefix}${last ? '└─ ' : '├─ '}${label(node)}`);
    lines.push(...treeLines(children(node), children, label, `${prefix}${last ? '   ' : '│  '}`));
  });
  return lines;
}
