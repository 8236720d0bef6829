/**
 * What a reader sees of a span of markdown: the same text with markup, URLs, image alt text, link
 * titles, tags and hidden ranges blanked to spaces (so every offset still points into the document),
 * plus the links and code spans it holds, and whether its letters are disguised (zero-width characters
 * inside words, full-width Latin letters) — a way to slip instructions past a reader.
 */
import { overlapsAny, rangesWithin, type Range } from './hidden.js';

export interface Link {
  /** The whole link syntax. */
  start: number;
  end: number;
  label: string;
  labelStart: number;
  labelEnd: number;
  url: string;
}

export interface Inline {
  /** The span's text, same length, with what a reader does not see as words turned to spaces. */
  reading: string;
  links: Link[];
  /** Contents of `code` spans (absolute offsets). */
  code: Range[];
  disguised: boolean;
}

const IMAGE = /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[[^\]\n]{0,500}\]\[[^\]\n]{0,200}\]/g;
const LINK = /\[([^\]\n]{0,500})\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?\s*\)/g;
const REFERENCE_LINK = /\[([^\]\n]{1,500})\]\[([^\]\n]{0,200})\]/g;
const AUTOLINK = /<((?:https?|ftp):\/\/[^\s<>]{1,2000})>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'`|]{1,2000}/g;
const TAG = /<\/?[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,2000})?\/?>/g;
const CODE_SPAN = /(`+)([^`\n][\s\S]{0,300}?)\1(?!`)/g;
const EMPHASIS = /\*+|~~+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|\\(?=[!-/:-@[-`{-~])/gu;
/** Zero-width and invisible format characters between two letters or digits. */
const INVISIBLE_IN_WORD = /[\p{L}\p{N}][\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]+[\p{L}\p{N}]/u;
const UNUSUAL_CHARACTER = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\uFF10-\uFF5A]/;
const FULL_WIDTH_LATIN = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{2}/;

export function readInline(text: string, start: number, end: number, hidden: readonly Range[], definitions: ReadonlyMap<string, string>, gaps: readonly Range[] = []): Inline {
  const raw = text.slice(start, end);
  const scan: InlineScan = { raw, start, hidden, blank: [], links: [], code: [], literal: [] };
  for (const r of rangesWithin(hidden, start, end)) scan.blank.push({ start: Math.max(0, r.start - start), end: Math.min(raw.length, r.end - start) });
  for (const g of gaps) scan.blank.push({ start: g.start - start, end: g.end - start });
  // Each pattern runs only when its first character is in the text.
  if (raw.includes('`')) codeSpans(scan);
  if (raw.includes('[')) {
    for (const m of raw.matchAll(IMAGE)) if (!inLiteral(scan, m.index)) scan.blank.push({ start: m.index, end: m.index + m[0].length });
    for (const m of raw.matchAll(LINK)) addLink(scan, m, m[1]!, m[2]!);
    if (definitions.size > 0) {
      for (const m of raw.matchAll(REFERENCE_LINK)) {
        const url = definitions.get(referenceKey(m[2] || m[1]!));
        if (url) addLink(scan, m, m[1]!, url);
      }
    }
  }
  if (raw.includes('<')) {
    for (const m of raw.matchAll(AUTOLINK)) addUrl(scan, m.index, m[0].length, m[1]!);
    for (const m of raw.matchAll(TAG)) if (!inLiteral(scan, m.index)) scan.blank.push({ start: m.index, end: m.index + m[0].length });
  }
  if (raw.includes('://') || raw.includes('www.')) {
    for (const m of raw.matchAll(BARE_URL)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const at = start + m.index;
      if (!scan.links.some((l) => at >= l.start && at < l.end)) addUrl(scan, m.index, url.length, url);
    }
  }
  if (MARKUP_CHARACTER.test(raw)) for (const m of raw.matchAll(EMPHASIS)) if (!inLiteral(scan, m.index)) scan.blank.push({ start: m.index, end: m.index + m[0].length });
  return { reading: blanked(raw, scan.blank), links: scan.links.sort((a, b) => a.start - b.start), code: scan.code, disguised: isDisguised(raw) };
}

interface InlineScan {
  raw: string;
  start: number;
  hidden: readonly Range[];
  /** Relative ranges to blank. */
  blank: Range[];
  links: Link[];
  code: Range[];
  /** Relative ranges of code spans, whose content is literal. */
  literal: Range[];
}

const MARKUP_CHARACTER = /[*_~\\]/;

function codeSpans(scan: InlineScan): void {
  for (const m of scan.raw.matchAll(CODE_SPAN)) {
    const open = m[1]!.length;
    const end = m.index + m[0].length;
    scan.literal.push({ start: m.index, end });
    scan.blank.push({ start: m.index, end: m.index + open }, { start: end - open, end });
    if (visible(scan, m.index, end)) scan.code.push({ start: scan.start + m.index + open, end: scan.start + end - open });
  }
}

function inLiteral(scan: InlineScan, at: number): boolean {
  for (const r of scan.literal) if (at >= r.start && at < r.end) return true;
  return false;
}

function visible(scan: InlineScan, s: number, e: number): boolean {
  return !overlapsAny(scan.hidden, scan.start + s, scan.start + e);
}

function addLink(scan: InlineScan, m: RegExpMatchArray, label: string, url: string): void {
  const at = m.index!;
  if (inLiteral(scan, at) || scan.raw[at - 1] === '!') return;
  const labelStart = at + 1;
  const labelEnd = labelStart + label.length;
  const end = at + m[0].length;
  scan.blank.push({ start: at, end: labelStart }, { start: labelEnd, end });
  if (visible(scan, at, end)) scan.links.push({ start: scan.start + at, end: scan.start + end, label, labelStart: scan.start + labelStart, labelEnd: scan.start + labelEnd, url });
}

/** A URL written out (autolink or bare): never a name itself, but a link. */
function addUrl(scan: InlineScan, at: number, length: number, url: string): void {
  if (inLiteral(scan, at)) return;
  scan.blank.push({ start: at, end: at + length });
  const s = scan.start + at;
  if (visible(scan, at, at + length)) scan.links.push({ start: s, end: s + length, label: '', labelStart: s, labelEnd: s, url });
}

/** Letters a reader cannot tell from plain ones: invisible characters inside words, full-width Latin. */
export function isDisguised(text: string): boolean {
  return UNUSUAL_CHARACTER.test(text) && (INVISIBLE_IN_WORD.test(text) || FULL_WIDTH_LATIN.test(text));
}

export function referenceKey(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The link reference definitions of a definitions block: `[label]: url "title"`. */
export function readDefinitions(text: string, start: number, end: number, into: Map<string, string>): void {
  for (const m of text.slice(start, end).matchAll(/^[ \t]*\[([^\]\n]{1,200})\]:[ \t]*<?([^\s>]{1,2000})>?/gm)) {
    const key = referenceKey(m[1]!);
    if (!into.has(key)) into.set(key, m[2]!);
  }
}

function blanked(raw: string, ranges: Range[]): string {
  if (ranges.length === 0) return raw;
  ranges.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    const s = Math.max(r.start, at);
    if (r.end <= s) continue;
    out += raw.slice(at, s) + ' '.repeat(r.end - s);
    at = r.end;
  }
  return out + raw.slice(at);
}
