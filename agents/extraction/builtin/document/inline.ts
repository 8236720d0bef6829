/**
 * What a reader sees of a span of markdown: the same text with markup, URLs, image alt text, link
 * titles, tags and hidden ranges blanked to spaces (so every offset still points into the document),
 * plus the links and code spans it holds, and whether its letters are disguised (zero-width characters
 * inside words, full-width Latin letters) — a way to slip instructions past a reader.
 */
import { overlapsAny, rangesWithin, type Range } from './hidden.js';
import { trimEndOf } from '../../../../shared/text/trim.js';

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

const AUTOLINK = /<((?:https?|ftp):\/\/[^\s<>]{1,2000})>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'`|]{1,2000}/g;
const TAG = /<\/?[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,2000})?\/?>/g;
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
  if (raw.includes('](')) inlineLinks(scan);
  if (definitions.size > 0 && raw.includes('][')) referenceLinks(scan, definitions);
  if (raw.includes('<')) {
    for (const m of raw.matchAll(AUTOLINK)) addUrl(scan, m.index, m[0].length, m[1]!);
    if (/<(?:a|code)\b/i.test(raw)) htmlInline(scan);
    for (const m of raw.matchAll(TAG)) if (!inLiteral(scan, m.index)) scan.blank.push({ start: m.index, end: m.index + m[0].length });
  }
  if (raw.includes('://') || raw.includes('www.')) {
    const linked = [...scan.links].sort((a, b) => a.start - b.start);
    for (const m of raw.matchAll(BARE_URL)) {
      const url = trimEndOf(m[0], '.,;:!?');
      if (!overlapsAny(linked, start + m.index, start + m.index + 1)) addUrl(scan, m.index, url.length, url);
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

/** Code spans: a run of backticks closed by a run of the same length within 300 characters (one pass over the runs). */
function codeSpans(scan: InlineScan): void {
  const raw = scan.raw;
  const runs: Array<{ start: number; length: number }> = [];
  for (let at = raw.indexOf('`'); at >= 0; ) {
    let end = at;
    while (raw[end] === '`') end++;
    runs.push({ start: at, length: end - at });
    at = raw.indexOf('`', end);
  }
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    for (let j = i + 1; j < runs.length && runs[j]!.start - open.start <= 300; j++) {
      const close = runs[j]!;
      if (close.length !== open.length) continue;
      const content = raw.slice(open.start + open.length, close.start);
      if (content.includes('\n\n') || content.length === 0) break;
      const end = close.start + close.length;
      scan.literal.push({ start: open.start, end });
      scan.blank.push({ start: open.start, end: open.start + open.length }, { start: close.start, end });
      if (visible(scan, open.start, end)) scan.code.push({ start: scan.start + open.start + open.length, end: scan.start + close.start });
      i = j;
      break;
    }
  }
}

/** Whether an offset is inside a code span (the spans are in order: a binary search). */
function inLiteral(scan: InlineScan, at: number): boolean {
  const spans = scan.literal;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else if (spans[mid]!.start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

function visible(scan: InlineScan, s: number, e: number): boolean {
  return !overlapsAny(scan.hidden, scan.start + s, scan.start + e);
}

/**
 * `[label](url "title")` and `![alt](src)`, found from each "](" with bounded scans either side; a
 * destination scan that found no end is not repeated by the next "](" inside it, so the pass is linear.
 */
function inlineLinks(scan: InlineScan): void {
  const raw = scan.raw;
  let openUntil = -1;
  for (let close = raw.indexOf(']('); close >= 0; close = raw.indexOf('](', close + 1)) {
    const open = labelOpening(raw, close);
    if (open < 0 || close + 2 <= openUntil) continue;
    let at = close + 2;
    while (at < raw.length && (raw[at] === ' ' || raw[at] === '\t')) at++;
    const angle = raw[at] === '<';
    if (angle) at++;
    const urlStart = at;
    while (at < raw.length && at - urlStart < 2000 && !/[\s)>]/.test(raw[at]!)) at++;
    const url = raw.slice(urlStart, at);
    if (angle && raw[at] === '>') at++;
    while (at < raw.length && (raw[at] === ' ' || raw[at] === '\t')) at++;
    const quote = raw[at];
    if (quote === '"' || quote === "'" || quote === '(') {
      const closing = quote === '(' ? ')' : quote;
      // A title is searched for within 500 characters: an unclosed one does not send every link to the end.
      const inTitle = raw.slice(at + 1, at + 501).indexOf(closing);
      const titleEnd = inTitle < 0 ? -1 : at + 1 + inTitle;
      if (titleEnd > 0 && !raw.slice(at + 1, titleEnd).includes('\n')) at = titleEnd + 1;
      while (at < raw.length && (raw[at] === ' ' || raw[at] === '\t')) at++;
    }
    if (raw[at] !== ')') {
      openUntil = at;
      continue;
    }
    const end = at + 1;
    if (inLiteral(scan, open)) continue;
    if (raw[open - 1] === '!') scan.blank.push({ start: open - 1, end });
    else addLink(scan, open, raw.slice(open + 1, close), end, url);
  }
}

/** `[label][ref]` with a definition `[ref]: url` in the document. */
function referenceLinks(scan: InlineScan, definitions: ReadonlyMap<string, string>): void {
  const raw = scan.raw;
  for (let close = raw.indexOf(']['); close >= 0; close = raw.indexOf('][', close + 1)) {
    const open = labelOpening(raw, close);
    if (open < 0) continue;
    const refEnd = raw.indexOf(']', close + 2);
    if (refEnd < 0 || refEnd - close > 200 || raw.slice(close + 2, refEnd).includes('\n')) continue;
    const label = raw.slice(open + 1, close);
    const url = definitions.get(referenceKey(raw.slice(close + 2, refEnd) || label));
    if (url && !inLiteral(scan, open)) {
      if (raw[open - 1] === '!') scan.blank.push({ start: open - 1, end: refEnd + 1 });
      else addLink(scan, open, label, refEnd + 1, url);
    }
  }
}

/** The "[" that opens the label ending at `close`, within 500 characters and the same line, or -1. */
function labelOpening(raw: string, close: number): number {
  for (let at = close - 1; at >= 0 && close - at <= 500; at--) {
    const c = raw[at];
    if (c === '[') return at;
    if (c === ']' || c === '\n') return -1;
  }
  return -1;
}

function addLink(scan: InlineScan, at: number, label: string, end: number, url: string): void {
  const labelStart = at + 1;
  const labelEnd = labelStart + label.length;
  scan.blank.push({ start: at, end: labelStart }, { start: labelEnd, end });
  if (visible(scan, at, end)) scan.links.push({ start: scan.start + at, end: scan.start + end, label, labelStart: scan.start + labelStart, labelEnd: scan.start + labelEnd, url });
}

/** `<code>x</code>` and `<a href="../x/README.md">x</a>`, as cards pasted from HTML write them. */
const HTML_CODE = /<code\b[^<>]{0,200}>([^<]{1,300})<\/code\s*>/gi;
const HTML_LINK = /<a\s[^<>]{0,500}?\bhref\s*=\s*(["'])([^"'<>\s]{1,2000})\1[^<>]{0,500}>((?:<code>)?[^<]{0,300}(?:<\/code>)?)<\/a\s*>/gi;

function htmlInline(scan: InlineScan): void {
  const raw = scan.raw;
  for (const m of raw.matchAll(HTML_CODE)) {
    const start = m.index + m[0].indexOf('>') + 1;
    if (!inLiteral(scan, m.index) && visible(scan, start, start + m[1]!.length)) scan.code.push({ start: scan.start + start, end: scan.start + start + m[1]!.length });
  }
  for (const m of raw.matchAll(HTML_LINK)) {
    if (inLiteral(scan, m.index)) continue;
    const inner = m[3]!;
    const label = inner.replace(/^<code>|<\/code>$/g, '');
    const labelStart = m.index + m[0].lastIndexOf('</a') - inner.length + inner.indexOf(label);
    const end = m.index + m[0].length;
    if (visible(scan, m.index, end)) scan.links.push({ start: scan.start + m.index, end: scan.start + end, label, labelStart: scan.start + labelStart, labelEnd: scan.start + labelStart + label.length, url: m[2]! });
  }
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

function referenceKey(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The link reference definitions of a definitions block: `[label]: url "title"`. */
export function readDefinitions(text: string, start: number, end: number, into: Map<string, string>): void {
  for (const m of text.slice(start, end).matchAll(/^[ \t]*\[([^\]\n\r]{1,200})\]:[ \t]*<?([^\s>]{1,2000})>?/gm)) {
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
