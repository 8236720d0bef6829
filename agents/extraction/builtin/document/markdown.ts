/**
 * A linear block scanner for the markdown of dataset cards: headings, paragraphs, lists, tables, code,
 * HTML blocks and block quotes, each with exact offsets into the document text. It follows CommonMark
 * and GFM closely enough for cards (not every corner of the spec), reads every line a bounded number of
 * times, and stops nesting at MAX_DEPTH, past which containers are read as paragraphs.
 */

/** A line of a container: `start` is where its content begins (after quote markers or indentation). */
export interface Line {
  start: number;
  end: number;
}

export interface Cell {
  start: number;
  end: number;
}

export type Block =
  | { kind: 'heading'; depth: number; start: number; end: number; titleStart: number; titleEnd: number }
  | { kind: 'paragraph'; start: number; end: number; lines: Line[] }
  | { kind: 'list'; start: number; end: number; items: ListItem[] }
  | { kind: 'table'; start: number; end: number; header: Cell[]; rows: Array<{ start: number; end: number; cells: Cell[] }> }
  | { kind: 'code'; start: number; end: number; fenced: boolean; info: string; lines: Line[] }
  | { kind: 'html'; start: number; end: number }
  | { kind: 'quote'; start: number; end: number; children: Block[] }
  | { kind: 'definitions'; start: number; end: number };

export interface ListItem {
  start: number;
  end: number;
  children: Block[];
}

/** Containers nested deeper than this are read as plain paragraphs (a 1 MB nested list stays linear). */
const MAX_DEPTH = 12;

function lineSpans(text: string, start = 0, end = text.length): Line[] {
  const lines: Line[] = [];
  let at = start;
  while (at <= end) {
    let next = text.indexOf('\n', at);
    if (next < 0 || next > end) next = end;
    lines.push({ start: at, end: next });
    if (next >= end) break;
    at = next + 1;
  }
  return lines;
}

export function parseBlocks(text: string, start = 0, end = text.length): Block[] {
  return new Scanner(text).blocks(lineSpans(text, start, end), 0);
}

const FENCE = /^(`{3,}|~{3,})[ \t]*([^\n]*)/;
const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^([-+*])([ \t]+|$)/;
const ORDERED = /^(\d{1,9})([.)])([ \t]+|$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const DEFINITION = /^\[[^\]\n]{1,200}\]:[ \t]*\S/;
/** HTML blocks: comments, raw-text elements, block-level tags (CommonMark types 1, 2 and 6). */
const HTML_RAW = /^<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_BLOCK_TAG =
  /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|template|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** Any other tag alone on its line opens an HTML block too (type 7), but cannot interrupt a paragraph. */
const HTML_ANY_TAG = /^(?:<[A-Za-z][\w-]*(?:\s[^<>]{0,500})?\/?>|<\/[A-Za-z][\w-]*\s*>)[ \t]*$/;

/** A table's delimiter row (`| --- | :-: |`): cells of dashes with optional colons. Read cell by cell, not by one regex, whose nested space runs would backtrack. */
function isDelimiterRow(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  if (!row.includes('-')) return false;
  return row.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}
const DELIMITER_CELL = /^:?-+:?$/;

class Scanner {
  constructor(private readonly text: string) {}

  /** Columns of indentation at the start of a line (a tab counts 4) and where the content begins. */
  private indent(line: Line): { columns: number; content: number } {
    let columns = 0;
    let at = line.start;
    while (at < line.end) {
      const c = this.text.charCodeAt(at);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else break;
      at++;
    }
    return { columns, content: at };
  }

  private isBlank(line: Line): boolean {
    return this.indent(line).content >= line.end;
  }

  /** The line without up to `columns` of indentation. */
  private dedent(line: Line, columns: number): Line {
    let removed = 0;
    let at = line.start;
    while (at < line.end && removed < columns) {
      const c = this.text.charCodeAt(at);
      if (c === 32) removed++;
      else if (c === 9) removed += 4 - (removed % 4);
      else break;
      at++;
    }
    return { start: at, end: line.end };
  }

  private rest(line: Line): string {
    const { content } = this.indent(line);
    return this.text.slice(content, line.end);
  }

  blocks(lines: Line[], depth: number): Block[] {
    const out: Block[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (this.isBlank(line)) {
        i++;
        continue;
      }
      const { columns } = this.indent(line);
      if (columns >= 4) {
        i = this.indentedCode(lines, i, out);
        continue;
      }
      const rest = this.rest(line);
      const c = rest.charCodeAt(0);
      if ((c === 96 || c === 126) && FENCE.test(rest)) {
        i = this.fencedCode(lines, i, out);
        continue;
      }
      if (c === 35) {
        const atx = ATX.exec(rest);
        if (atx) {
          out.push(this.atxHeading(line, atx[1]!.length));
          i++;
          continue;
        }
      }
      if (c === 60) {
        const end = this.htmlBlock(lines, i, rest, false);
        if (end > i) {
          out.push({ kind: 'html', start: line.start, end: lines[end - 1]!.end });
          i = end;
          continue;
        }
      }
      if ((c === 45 || c === 42 || c === 95) && THEMATIC.test(rest)) {
        i++;
        continue;
      }
      if (c === 62 && depth < MAX_DEPTH) {
        i = this.quote(lines, i, depth, out);
        continue;
      }
      if (depth < MAX_DEPTH && this.listMarker(rest)) {
        i = this.list(lines, i, depth, out);
        continue;
      }
      if (i + 1 < lines.length && rest.includes('|') && isDelimiterRow(this.rest(lines[i + 1]!))) {
        const table = this.table(lines, i);
        if (table) {
          out.push(table.block);
          i = table.next;
          continue;
        }
      }
      i = this.paragraph(lines, i, depth, out);
    }
    return out;
  }

  private atxHeading(line: Line, hashes: number): Block {
    const { content } = this.indent(line);
    let titleStart = content + hashes;
    let titleEnd = line.end;
    while (titleStart < titleEnd && /[ \t]/.test(this.text[titleStart]!)) titleStart++;
    while (titleEnd > titleStart && /[ \t]/.test(this.text[titleEnd - 1]!)) titleEnd--;
    // A closing run of #s is not part of the title.
    let hashEnd = titleEnd;
    while (hashEnd > titleStart && this.text[hashEnd - 1] === '#') hashEnd--;
    if (hashEnd < titleEnd && (hashEnd === titleStart || /[ \t]/.test(this.text[hashEnd - 1]!))) {
      titleEnd = hashEnd;
      while (titleEnd > titleStart && /[ \t]/.test(this.text[titleEnd - 1]!)) titleEnd--;
    }
    return { kind: 'heading', depth: hashes, start: content, end: line.end, titleStart, titleEnd };
  }

  private indentedCode(lines: Line[], i: number, out: Block[]): number {
    const body: Line[] = [];
    let j = i;
    let lastText = i;
    while (j < lines.length && (this.isBlank(lines[j]!) || this.indent(lines[j]!).columns >= 4)) {
      if (!this.isBlank(lines[j]!)) lastText = j;
      body.push(this.dedent(lines[j]!, 4));
      j++;
    }
    const kept = body.slice(0, lastText - i + 1);
    out.push({ kind: 'code', start: lines[i]!.start, end: lines[lastText]!.end, fenced: false, info: '', lines: kept });
    return lastText + 1;
  }

  private fencedCode(lines: Line[], i: number, out: Block[]): number {
    const open = lines[i]!;
    const { columns } = this.indent(open);
    const match = FENCE.exec(this.rest(open))!;
    const fence = match[1]!;
    const body: Line[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const rest = this.rest(lines[j]!);
      if (this.indent(lines[j]!).columns < 4 && rest.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)[ \t]*$/.test(rest)) break;
      body.push(this.dedent(lines[j]!, columns));
    }
    const closed = j < lines.length;
    const endLine = closed ? lines[j]! : lines[lines.length - 1]!;
    out.push({ kind: 'code', start: open.start, end: endLine.end, fenced: true, info: match[2]!.trim().split(/\s/)[0] ?? '', lines: body });
    return closed ? j + 1 : lines.length;
  }

  /** The end (exclusive line index) of an HTML block starting at line i, or i when none starts there. */
  private htmlBlock(lines: Line[], i: number, rest: string, inParagraph: boolean): number {
    if (rest.startsWith('<!--')) return this.until(lines, i, '-->');
    const raw = HTML_RAW.exec(rest);
    if (raw) return this.until(lines, i, `</${raw[1]!.toLowerCase()}>`, true);
    if (rest.startsWith('<?')) return this.until(lines, i, '?>');
    if (HTML_BLOCK_TAG.test(rest) || (!inParagraph && HTML_ANY_TAG.test(rest))) {
      let j = i + 1;
      while (j < lines.length && !this.isBlank(lines[j]!)) j++;
      return j;
    }
    return i;
  }

  /** Lines from i through the first that contains `closing` (or to the end). */
  private until(lines: Line[], i: number, closing: string, ignoreCase = false): number {
    for (let j = i; j < lines.length; j++) {
      const slice = this.text.slice(lines[j]!.start, lines[j]!.end);
      if ((ignoreCase ? slice.toLowerCase() : slice).includes(closing)) return j + 1;
    }
    return lines.length;
  }

  private quote(lines: Line[], i: number, depth: number, out: Block[]): number {
    const inner: Line[] = [];
    let j = i;
    let lazyOk = false;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const { columns, content } = this.indent(line);
      if (columns < 4 && this.text.charCodeAt(content) === 62) {
        let at = content + 1;
        if (this.text.charCodeAt(at) === 32 || this.text.charCodeAt(at) === 9) at++;
        const stripped = { start: at, end: line.end };
        inner.push(stripped);
        lazyOk = !this.isBlank(stripped);
        continue;
      }
      // A paragraph inside the quote goes on over lines without the marker ("lazy" lines).
      if (lazyOk && !this.isBlank(line) && !this.startsBlock(this.rest(line))) {
        inner.push(line);
        continue;
      }
      break;
    }
    out.push({ kind: 'quote', start: lines[i]!.start, end: lines[j - 1]!.end, children: this.blocks(inner, depth + 1) });
    return j;
  }

  private listMarker(rest: string): { width: number; bullet: string } | undefined {
    const bullet = BULLET.exec(rest);
    if (bullet) return { width: 1 + this.markerGap(bullet[2]!), bullet: bullet[1]! };
    const ordered = ORDERED.exec(rest);
    if (ordered) return { width: ordered[1]!.length + 1 + this.markerGap(ordered[3]!), bullet: ordered[2]! };
    return undefined;
  }

  /** Spaces after a list marker; five or more mean one space and indented code. */
  private markerGap(gap: string): number {
    if (gap === '') return 1;
    const columns = gap.replace(/\t/g, '    ').length;
    return columns > 4 ? 1 : columns;
  }

  private list(lines: Line[], i: number, depth: number, out: Block[]): number {
    const items: ListItem[] = [];
    let j = i;
    let bulletOfList: string | undefined;
    while (j < lines.length) {
      const line = lines[j]!;
      if (this.isBlank(line)) {
        // A blank line between items keeps the list going when the next line is another item.
        let k = j;
        while (k < lines.length && this.isBlank(lines[k]!)) k++;
        if (k < lines.length && this.indent(lines[k]!).columns < 4 && this.listMarker(this.rest(lines[k]!))?.bullet === bulletOfList) {
          j = k;
          continue;
        }
        break;
      }
      const { columns } = this.indent(line);
      const marker = columns < 4 ? this.listMarker(this.rest(line)) : undefined;
      if (!marker || (bulletOfList !== undefined && marker.bullet !== bulletOfList)) break;
      bulletOfList = marker.bullet;
      const contentColumn = columns + marker.width;
      const content = this.indent(line).content;
      const firstContent = { start: Math.min(line.end, content + marker.width), end: line.end };
      const itemLines: Line[] = [firstContent];
      let k = j + 1;
      let lastText = j;
      let inParagraph = !this.isBlank(firstContent);
      while (k < lines.length) {
        const next = lines[k]!;
        if (this.isBlank(next)) {
          itemLines.push(next);
          inParagraph = false;
          k++;
          continue;
        }
        const ind = this.indent(next).columns;
        if (ind >= contentColumn) {
          itemLines.push(this.dedent(next, contentColumn));
          inParagraph = true;
          lastText = k;
          k++;
          continue;
        }
        const nextRest = this.rest(next);
        if (inParagraph && !this.startsBlock(nextRest) && !this.listMarker(nextRest)) {
          itemLines.push(next);
          lastText = k;
          k++;
          continue;
        }
        break;
      }
      const kept = itemLines.slice(0, lastText - j + 1);
      items.push({ start: line.start, end: lines[lastText]!.end, children: this.blocks(kept, depth + 1) });
      j = lastText + 1;
    }
    out.push({ kind: 'list', start: lines[i]!.start, end: items[items.length - 1]!.end, items });
    return j;
  }

  /** Whether a line (without its indentation) opens a block that ends a paragraph. */
  private startsBlock(rest: string): boolean {
    const c = rest.charCodeAt(0);
    if (c === 35) return ATX.test(rest);
    if (c === 96 || c === 126) return FENCE.test(rest);
    if (c === 62) return true;
    if (c === 60) return rest.startsWith('<!--') || HTML_RAW.test(rest) || HTML_BLOCK_TAG.test(rest);
    if ((c === 45 || c === 42 || c === 95) && THEMATIC.test(rest)) return true;
    const bullet = BULLET.exec(rest);
    if (bullet && bullet[2] !== '') return true;
    const ordered = ORDERED.exec(rest);
    return Boolean(ordered && ordered[1] === '1' && ordered[3] !== '');
  }

  private table(lines: Line[], i: number): { block: Block; next: number } | undefined {
    const header = this.cells(lines[i]!);
    const delimiter = this.cells(lines[i + 1]!);
    if (header.length === 0 || header.length !== delimiter.length) return undefined;
    const rows: Array<{ start: number; end: number; cells: Cell[] }> = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const rest = this.rest(line);
      if (this.isBlank(line) || !rest.includes('|') || (this.startsBlock(rest) && !rest.startsWith('|'))) break;
      const { content } = this.indent(line);
      rows.push({ start: content, end: trimEnd(this.text, content, line.end), cells: this.cells(line) });
    }
    const start = this.indent(lines[i]!).content;
    const end = rows.length > 0 ? rows[rows.length - 1]!.end : lines[i + 1]!.end;
    return { block: { kind: 'table', start, end, header, rows }, next: j };
  }

  /** The cells of a table line: split at pipes that are not escaped, outer pipes dropped, trimmed. */
  private cells(line: Line): Cell[] {
    const { content } = this.indent(line);
    const end = trimEnd(this.text, content, line.end);
    const cells: Cell[] = [];
    let cellStart = content;
    if (this.text[cellStart] === '|') cellStart++;
    for (let at = cellStart; at <= end; at++) {
      const atEnd = at === end;
      if (!atEnd && (this.text[at] !== '|' || this.text[at - 1] === '\\')) continue;
      if (atEnd && at === cellStart && this.text[end - 1] === '|') break;
      const s = trimStart(this.text, cellStart, at);
      cells.push({ start: s, end: trimEnd(this.text, s, at) });
      cellStart = at + 1;
      if (atEnd) break;
      if (at + 1 === end) break;
    }
    return cells;
  }

  private paragraph(lines: Line[], i: number, depth: number, out: Block[]): number {
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (this.isBlank(line)) break;
      const rest = this.rest(line);
      if (this.indent(line).columns < 4) {
        if (SETEXT.test(rest)) {
          const first = lines[i]!;
          out.push({ kind: 'heading', depth: rest.startsWith('=') ? 1 : 2, start: this.indent(first).content, end: line.end, titleStart: this.indent(first).content, titleEnd: trimEnd(this.text, first.start, lines[j - 1]!.end) });
          return j + 1;
        }
        if (depth < MAX_DEPTH ? this.startsBlock(rest) : false) break;
        if (rest.includes('|') && j + 1 < lines.length && isDelimiterRow(this.rest(lines[j + 1]!))) break;
      }
    }
    const first = lines[i]!;
    const start = this.indent(first).content;
    const end = trimEnd(this.text, start, lines[j - 1]!.end);
    const all = this.text.slice(start, end);
    // Link reference definitions are targets, not text.
    if (DEFINITION.test(all) && all.split('\n').every((l) => DEFINITION.test(l.trim()) || /^\s+\S/.test(l))) out.push({ kind: 'definitions', start, end });
    else out.push({ kind: 'paragraph', start, end, lines: lines.slice(i, j).map((l, k) => (k === 0 ? { start, end: l.end } : { start: this.indent(l).content, end: l.end })) });
    return j;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  return start;
}
