/**
 * Splits a long document for a model's context window: by markdown section, sections packed together up
 * to a size, an oversized section cut at paragraph (then line, then word) breaks, and every chunk after
 * the first repeating the end of the one before it, so a list and the sentence that introduces it are
 * read together.
 */
import { atxHeading } from '../../documents/headings.js';

export interface Chunk {
  index: number;
  /** Offsets into the document text: the chunk is exactly text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** The headings above the chunk's first line, outermost first. */
  section: string[];
}

export interface ChunkOptions {
  maxChars?: number;
  overlapChars?: number;
}

export function splitDocument(text: string, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 6000;
  const overlap = Math.min(options.overlapChars ?? 400, Math.floor(maxChars / 4));
  if (text.length <= maxChars) return [{ index: 0, start: 0, end: text.length, text, section: [] }];

  const headings = headingLines(text);
  // Pieces no longer than maxChars, each starting at a section, paragraph, line or word boundary.
  const sectionStarts = [0, ...headings.map((h) => h.start).filter((s) => s > 0), text.length];
  const pieces: Array<[number, number]> = [];
  for (let i = 0; i + 1 < sectionStarts.length; i++) pieces.push(...cut(text, sectionStarts[i]!, sectionStarts[i + 1]!, maxChars - overlap));

  // Packed greedily into chunks; a chunk after the first begins `overlap` characters earlier, at a line or word start.
  const spans: Array<[number, number]> = [];
  let current: [number, number] | undefined;
  for (const piece of pieces) {
    if (current && piece[1] - current[0] <= maxChars - overlap) current[1] = piece[1];
    else {
      if (current) spans.push(current);
      current = [piece[0], piece[1]];
    }
  }
  if (current) spans.push(current);

  return spans.map(([start, end], index) => {
    const from = index === 0 ? start : backToBoundary(text, Math.max(0, start - overlap), start);
    return { index, start: from, end, text: text.slice(from, end), section: headingsAbove(headings, from) };
  });
}

interface Heading {
  start: number;
  depth: number;
  title: string;
}

/** ATX headings outside fenced code blocks. */
function headingLines(text: string): Heading[] {
  const headings: Heading[] = [];
  let inFence = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence) {
      const heading = atxHeading(line);
      if (heading) headings.push({ start: offset, depth: heading.depth, title: heading.title });
    }
    offset += line.length + 1;
  }
  return headings;
}

function headingsAbove(headings: Heading[], offset: number): string[] {
  const trail: Heading[] = [];
  for (const heading of headings) {
    if (heading.start > offset) break;
    while (trail.length > 0 && trail[trail.length - 1]!.depth >= heading.depth) trail.pop();
    trail.push(heading);
  }
  return trail.map((h) => h.title);
}

/** [start, end) cut into pieces of at most `limit` characters at the best boundary available. */
function cut(text: string, start: number, end: number, limit: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  while (end - from > limit) {
    const window = text.slice(from, from + limit);
    let at = window.lastIndexOf('\n\n');
    if (at < limit / 3) at = window.lastIndexOf('\n');
    if (at < limit / 3) at = window.search(/\s\S*$/);
    if (at < limit / 3) at = limit;
    pieces.push([from, from + at]);
    from += at;
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}

/** The first line start (else word start) at or after `from`, before `limit`. */
function backToBoundary(text: string, from: number, limit: number): number {
  const line = text.indexOf('\n', from);
  if (line >= 0 && line + 1 < limit) return line + 1;
  const space = text.slice(from, limit).search(/\s/);
  return space >= 0 ? from + space + 1 : from;
}
