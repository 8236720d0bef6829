/** An ATX heading line ("## Data sources ##") read in linear time: its depth and its title, or undefined. */

export interface AtxHeading {
  depth: number;
  title: string;
}

export function atxHeading(line: string, maxDepth = 6): AtxHeading | undefined {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  let depth = 0;
  while (line.charCodeAt(at + depth) === 35) depth++;
  if (depth === 0 || depth > maxDepth) return undefined;
  const rest = at + depth;
  if (rest < line.length && line[rest] !== ' ' && line[rest] !== '\t') return undefined;
  let end = line.length;
  while (end > rest && /[ \t\r]/.test(line[end - 1]!)) end--;
  // A closing run of #s is not part of the title when a space stands before it.
  let hashes = end;
  while (hashes > rest && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === rest || /[ \t]/.test(line[hashes - 1]!))) end = hashes;
  return { depth, title: line.slice(rest, end).trim() };
}
