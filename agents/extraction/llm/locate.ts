/**
 * Finds a model's quote in the document, so evidence is real text with exact offsets. Matching forgives
 * what copying through a model changes without changing words: runs of whitespace, typographic quotes
 * and dashes, and — at a second level — markdown markup (emphasis, table pipes, link targets).
 */
import { trimOf } from '../../../shared/text/trim.js';

export interface LocatedQuote {
  start: number;
  end: number;
  /** The document's own text between start and end (what is stored as the quote). */
  quote: string;
  /** 1: equal up to whitespace and typography; 2: also up to markdown markup. */
  level: 1 | 2;
}

/** Shorter quotes (after normalisation) match too much to prove anything. */
const MIN_QUOTE_CHARS = 8;

const QUOTE_MARKS = '"“”\'‘’`';

/** A quote without the ellipses a model puts at its ends ("... derived from X …"). */
function withoutEllipses(quote: string): string {
  let out = quote;
  for (const mark of ['...', '…']) {
    if (out.startsWith(mark)) out = out.slice(mark.length).trimStart();
    if (out.endsWith(mark)) out = out.slice(0, -mark.length).trimEnd();
  }
  return out;
}

export function locateQuote(text: string, quote: string, prefer?: { start: number; end: number }): LocatedQuote | undefined {
  const cleaned = withoutEllipses(trimOf(quote.trim(), QUOTE_MARKS)).trim();
  for (const level of [1, 2] as const) {
    const needle = normalize(cleaned, level === 2).text.trim();
    if (needle.length < MIN_QUOTE_CHARS) return undefined;
    const haystack = normalize(text, level === 2);
    const at = bestOccurrence(haystack.text, needle, prefer ? [toNormalized(haystack.map, prefer.start), toNormalized(haystack.map, prefer.end)] : undefined);
    if (at === undefined) continue;
    let start = haystack.map[at]!;
    let end = haystack.map[at + needle.length - 1]! + 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end, quote: text.slice(start, end), level };
  }
  return undefined;
}

/** The occurrence inside the preferred range if there is one, else the first. */
function bestOccurrence(haystack: string, needle: string, prefer?: [number, number]): number | undefined {
  let first: number | undefined;
  for (let at = haystack.indexOf(needle), n = 0; at >= 0 && n < 200; at = haystack.indexOf(needle, at + 1), n++) {
    first ??= at;
    if (!prefer || (at >= prefer[0] && at + needle.length <= prefer[1])) return at;
  }
  return first;
}

function toNormalized(map: number[], offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const TYPOGRAPHY: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"',
  '–': '-', '—': '-', '−': '-', '‐': '-', '‑': '-', '…': '...',
};
const MARKUP = new Set(['*', '_', '`', '#', '>', '[', ']']);

/** The text with whitespace runs as one space and typography folded (and markup dropped), plus where each character came from. */
export function normalize(text: string, dropMarkup: boolean): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!;
    if (dropMarkup) {
      // A link's target is not part of what a reader sees: "[UltraChat](https://…)" reads "UltraChat".
      if (ch === ']' && text[i + 1] === '(') {
        const close = text.indexOf(')', i + 2);
        if (close >= 0 && close - i < 500 && !text.slice(i, close).includes('\n')) {
          i = close;
          continue;
        }
      }
      if (MARKUP.has(ch)) continue;
      if (ch === '|') ch = ' ';
    }
    if (/\s/.test(ch) || ch === '\u200b') {
      if (!space && out.length > 0) {
        out += ' ';
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const folded = TYPOGRAPHY[ch] ?? ch;
    for (const c of folded) {
      out += c;
      map.push(i);
    }
  }
  return { text: out, map };
}
