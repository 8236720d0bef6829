/** How commands print: human text by default, one JSON document (or JSON lines) with --json. */
export interface Output {
  json: boolean;
  /** Human output (stdout). */
  line(text?: string): void;
  /** A machine-readable value (stdout), one per line. */
  value(value: unknown): void;
  /** Warnings and progress, never mixed into stdout. */
  warn(text: string): void;
}

export function createOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  return {
    json,
    line: (text = '') => {
      if (!json) stdout.write(`${text}\n`);
    },
    value: (value) => stdout.write(`${JSON.stringify(value)}\n`),
    warn: (text) => stderr.write(`${text}\n`),
  };
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
