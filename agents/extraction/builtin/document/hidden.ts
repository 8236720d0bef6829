/**
 * Text a reader of the rendered card never sees: HTML comments, scripts and styles, and elements hidden
 * by an attribute or a style (`hidden`, `display:none`, `aria-hidden`, zero size or opacity, white text).
 * One pass over the document's tags; what it returns is never read for lineage.
 */

export interface Range {
  start: number;
  end: number;
}

const TAG = /<(\/?)([A-Za-z][\w-]{0,30})((?:\s[^<>]{0,2000})?)(\/?)>|<!--/g;
const HIDING_ATTRIBUTE =
  /(?:^|\s)hidden(?:\s|=|$)|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])|aria-hidden\s*=\s*["']?true|(?:^|[\s;"'])color\s*:\s*(?:white|#fff(?:fff)?\b|transparent)|max-height\s*:\s*0(?![.\d]*[1-9])/i;
/** Elements whose content is never shown as text. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'head', 'iframe', 'object']);

export function hiddenRanges(text: string, start = 0, end = text.length): Range[] {
  const ranges: Range[] = [];
  const body = start === 0 && end === text.length ? text : text.slice(start, end);
  let open: { name: string; start: number; depth: number } | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    const at = m.index;
    if (m[0] === '<!--') {
      if (open) continue;
      const close = body.indexOf('-->', at + 4);
      const stop = close < 0 ? body.length : close + 3;
      ranges.push({ start: start + at, end: start + stop });
      TAG.lastIndex = stop;
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const selfClosing = m[4] === '/';
    if (open) {
      if (name !== open.name) continue;
      if (closing) open.depth--;
      else if (!selfClosing) open.depth++;
      if (open.depth === 0) {
        ranges.push({ start: start + open.start, end: start + at + m[0].length });
        open = undefined;
      }
      continue;
    }
    if (closing || selfClosing) continue;
    if (RAW_TEXT.has(name) || HIDING_ATTRIBUTE.test(m[3] ?? '')) open = { name, start: at, depth: 1 };
  }
  // An element never closed hides the rest, as a browser would.
  if (open) ranges.push({ start: start + open.start, end });
  return ranges;
}

/** Whether [start, end) overlaps a range of a sorted, non-overlapping list. */
export function overlapsAny(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (r.end <= start) lo = mid + 1;
    else if (r.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** The ranges of a sorted list that overlap [start, end). */
export function rangesWithin(ranges: readonly Range[], start: number, end: number): Range[] {
  const out: Range[] = [];
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ranges.length && ranges[i]!.start < end; i++) out.push(ranges[i]!);
  return out;
}
