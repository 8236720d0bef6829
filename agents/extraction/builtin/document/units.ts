/**
 * The units the extractor reads: sentences of paragraphs, list items (with the paragraph that
 * introduced their list), table rows (with the header) and code lines, each with exact offsets, what a
 * reader sees of it, its links and code spans, the headings above it and the block ("region") it
 * belongs to — a text addressed to the tool silences its whole region.
 */
import { htmlTableRows } from './html-table.js';
import { hiddenRanges, rangesWithin, type Range } from './hidden.js';
import { isDisguised, readDefinitions, readInline, type Link } from './inline.js';
import { parseBlocks, type Block, type Cell, type Line } from './markdown.js';
import { sentenceSpans } from './sentences.js';
import { filterSubqueryStarts } from './sql-filters.js';

export interface Span {
  text: string;
  /** The text as a reader sees it, same length: markup, URLs and hidden parts blanked. */
  reading: string;
  start: number;
  end: number;
}

export type UnitKind = 'sentence' | 'list-item' | 'table-row' | 'heading' | 'code-line';

export interface Unit extends Span {
  kind: UnitKind;
  /** The headings above the unit, outermost first. */
  section: string[];
  /** For list items and table rows: the paragraph that introduced the list or table. */
  lead?: Span;
  /** For code lines: the YAML key the line is nested under (`mixture` for `  - name: x`). */
  codeKey?: string;
  /** For table rows: the header cells as a reader sees them, and the row's cells. */
  header?: string[];
  cells?: Span[];
  /** For list items: the depth of nesting (0 = top level), and whether the item holds a nested list. */
  depth?: number;
  hasChildren?: boolean;
  links: Link[];
  code: Range[];
  /** Units of one top-level block (or one `<details>` element) share a region. */
  region: number;
  /** Letters disguised from a reader (zero-width characters inside words, full-width Latin). */
  disguised: boolean;
  /** For code lines: from a fenced block (a config or listing) rather than an indented one. */
  fenced?: boolean;
  /** For code lines of a query: the document offset from which the line is inside a filter subquery (`IN (SELECT …`). */
  filterFrom?: number;
}

export interface DocumentView {
  text: string;
  units: Unit[];
  /** Ranges no reader sees (comments, scripts, hidden elements). */
  hidden: Range[];
}

export function readDocumentView(original: string, bodyStart = 0): DocumentView {
  // Line ends of a text given as it is (not read from disk): CR before LF becomes a space and a lone CR
  // a LF, so lines end at LF as everywhere else while every offset still points into the original text.
  const text = original.includes('\r') ? original.replace(/\r(?!\n)/g, '\n').replace(/\r/g, ' ') : original;
  const blocks = parseBlocks(text, bodyStart, text.length);
  const hidden = hiddenRanges(text, bodyStart, text.length);
  const definitions = new Map<string, string>();
  collectDefinitions(text, blocks, definitions);
  const builder = new UnitBuilder(text, hidden, definitions);
  builder.visitTopLevel(blocks);
  return { text, units: builder.units, hidden };
}

function collectDefinitions(text: string, blocks: Block[], into: Map<string, string>): void {
  for (const block of blocks) {
    if (block.kind === 'definitions') readDefinitions(text, block.start, block.end, into);
    else if (block.kind === 'quote') collectDefinitions(text, block.children, into);
    else if (block.kind === 'list') for (const item of block.items) collectDefinitions(text, item.children, into);
  }
}

class UnitBuilder {
  readonly units: Unit[] = [];
  private readonly headings: Array<{ depth: number; text: string }> = [];
  private region = 0;
  private detailsDepth = 0;

  constructor(
    private readonly text: string,
    private readonly hidden: Range[],
    private readonly definitions: Map<string, string>,
  ) {}

  visitTopLevel(blocks: Block[]): void {
    this.visit(blocks, undefined, 0);
  }

  /** `<details>` … `</details>` around markdown: one region, opened and closed by HTML blocks. */
  private trackDetails(start: number, end: number): void {
    const html = this.text.slice(start, end);
    const opens = html.match(/<details\b/gi)?.length ?? 0;
    const closes = html.match(/<\/details\s*>/gi)?.length ?? 0;
    this.detailsDepth = Math.max(0, this.detailsDepth + opens - closes);
    // "<details><summary>Considered and dropped</summary>": what the element holds, as a heading would say it.
    // (The section array changes only then: units under one heading share it, and passes compare it by identity.)
    if (opens > closes) {
      const summary = SUMMARY.exec(html)?.[1]?.replace(/<[^<>]{0,200}>/g, ' ').replace(/\s+/g, ' ').trim();
      this.summaries.push(summary ?? '');
      if (summary) this.currentSection = this.sectionNow();
    } else if (closes > opens) {
      const left = this.summaries.splice(Math.max(0, this.summaries.length - (closes - opens)));
      if (left.some(Boolean)) this.currentSection = this.sectionNow();
    }
  }

  /** The summaries of the `<details>` elements the units are in, innermost last. */
  private readonly summaries: string[] = [];

  private sectionNow(): string[] {
    const headings = this.headings.map((h) => h.text);
    const summaries = this.summaries.filter(Boolean);
    return summaries.length > 0 ? [...headings, ...summaries] : headings;
  }

  /** The current headings; a new array only when they change, shared by the units under them. */
  private currentSection: string[] = [];

  private span(start: number, end: number, gaps: Range[] = []): Span & { inline: ReturnType<typeof readInline> } {
    const inline = readInline(this.text, start, end, this.hidden, this.definitions, gaps);
    return { text: this.text.slice(start, end), reading: inline.reading, start, end, inline };
  }

  private unit(kind: UnitKind, span: ReturnType<UnitBuilder['span']>, extra?: Partial<Unit>): Unit {
    const unit: Unit = {
      kind,
      text: span.text,
      reading: span.reading,
      start: span.start,
      end: span.end,
      section: this.currentSection,
      links: span.inline.links,
      code: span.inline.code,
      region: this.region,
      disguised: span.inline.disguised,
    };
    if (extra) Object.assign(unit, extra);
    this.units.push(unit);
    return unit;
  }

  /** A heading or code line is one unit, or several when longer than MAX_UNIT (a minified line, a runaway heading). */
  private unitInPieces(kind: UnitKind, span: ReturnType<UnitBuilder['span']>, extra?: Partial<Unit>): void {
    for (const piece of unitPieces(span.reading, span.start, span.start, span.end)) {
      this.unit(kind, piece.start === span.start && piece.end === span.end ? span : slice(span, piece.start, piece.end), extra);
    }
  }

  /** Blocks of one container; `lead` is the paragraph that introduced an enclosing list. */
  private visit(blocks: Block[], inheritedLead: Span | undefined, depth: number): void {
    let lastParagraph: Span | undefined;
    for (const block of blocks) {
      if (depth === 0) {
        if (this.detailsDepth === 0) this.region++;
        if (block.kind === 'html') this.trackDetails(block.start, block.end);
      }
      switch (block.kind) {
        case 'heading': {
          const title = this.span(block.titleStart, block.titleEnd);
          while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.depth >= block.depth) this.headings.pop();
          this.headings.push({ depth: block.depth, text: title.reading.replace(/\s+/g, ' ').trim() });
          this.currentSection = this.sectionNow();
          // Python pasted without a fence turns its comments into headings: `# datasets = ['squad', …]` is code.
          if (CODE_ASSIGNMENT.test(title.text)) this.unitInPieces('code-line', { ...title, reading: blankHidden(title.text, title.start, this.hidden) }, { fenced: true, links: [] });
          else this.unitInPieces('heading', title);
          lastParagraph = undefined;
          break;
        }
        case 'paragraph': {
          const paragraph = this.span(block.start, block.end, lineGaps(block.lines));
          let last: Range | undefined;
          // "**Licence notes.** The general-chat block derives from …": a bold lead-in heads its paragraph.
          const heading = this.currentSection;
          const opening = paragraph.text.slice(0, 160);
          const leadIn = BOLD_LEAD_IN.exec(opening.slice(0, 80));
          if (leadIn) this.currentSection = [...heading, (leadIn[1] ?? leadIn[2])!.trim()];
          else if (CITATION_LEAD_IN.test(opening.slice(0, 40)) || BIBLIOGRAPHY_ENTRY.test(opening)) this.currentSection = [...heading, 'References'];
          for (const sentence of withTheirLinks(sentenceSpans(paragraph.reading, block.start), paragraph.inline.links)) {
            for (const piece of unitPieces(paragraph.reading, block.start, sentence.start, sentence.end)) {
              this.unit('sentence', slice(paragraph, piece.start, piece.end));
              last = piece;
            }
          }
          this.currentSection = heading;
          // A list's lead is what comes just before it: in a paragraph too long to be one unit, its last
          // sentence (or that sentence's last piece).
          lastParagraph = block.end - block.start <= MAX_UNIT || !last ? paragraph : slice(paragraph, last.start, last.end);
          break;
        }
        case 'list':
          this.visitList(block, lastParagraph ?? inheritedLead, depth);
          lastParagraph = undefined;
          break;
        case 'table':
          this.visitTable(block, lastParagraph);
          lastParagraph = undefined;
          break;
        case 'quote':
          this.visit(block.children, inheritedLead, depth);
          lastParagraph = undefined;
          break;
        case 'code':
          this.visitCode(block);
          lastParagraph = undefined;
          break;
        case 'html':
          if (depth > 0) this.trackDetails(block.start, block.end);
          if (HTML_TABLE.test(this.text.slice(block.start, Math.min(block.end, block.start + 20_000)))) {
            this.visitHtmlTable(block.start, block.end, lastParagraph);
            lastParagraph = undefined;
          }
          break;
        default:
          break;
      }
    }
  }

  private visitList(list: Extract<Block, { kind: 'list' }>, lead: Span | undefined, depth: number): void {
    for (const item of list.items) {
      const [head, ...rest] = item.children;
      const hasChildren = rest.some((child) => child.kind === 'list');
      if (head?.kind === 'paragraph') {
        const item = this.span(head.start, head.end, lineGaps(head.lines));
        const [first, ...more] = unitPieces(item.reading, head.start, head.start, head.end);
        this.unit('list-item', first!.end === head.end ? item : slice(item, first!.start, first!.end), { lead, depth, hasChildren });
        for (const piece of more) this.unit('sentence', slice(item, piece.start, piece.end));
      } else if (head) {
        rest.unshift(head);
      }
      // A nested list is introduced by the same sentence as its parent: the parent item names a group.
      for (const child of rest) {
        if (child.kind === 'list') this.visitList(child, lead, depth + 1);
        else this.visit([child], lead, depth + 1);
      }
    }
  }

  /** An HTML table: its first row of `<th>` cells is the header, as a markdown table's first row is. */
  private visitHtmlTable(start: number, end: number, lead: Span | undefined): void {
    const rows = htmlTableRows(this.text, start, end);
    const headed = rows[0]?.cells.every((cell) => cell.header) ?? false;
    const header = headed ? rows[0]!.cells.map((cell) => this.span(cell.start, Math.min(cell.end, cell.start + MAX_HEADER_CELL)).reading.trim()) : [];
    for (const row of rows.slice(headed ? 1 : 0, MAX_TABLE_ROWS)) this.tableRow(row, lead, header);
  }

  private visitTable(table: Extract<Block, { kind: 'table' }>, lead: Span | undefined): void {
    // A header is a few words; a runaway one is read up to the bound.
    const header = table.header.map((cell) => this.span(cell.start, Math.min(cell.end, cell.start + MAX_HEADER_CELL)).reading.trim());
    for (const row of table.rows.slice(0, MAX_TABLE_ROWS)) this.tableRow(row, lead, header);
  }

  private tableRow(row: { start: number; end: number; cells: Cell[] }, lead: Span | undefined, header: string[]): void {
    // A row longer than a unit (a long note in its last column) is read up to the bound: its first
    // cells, where the name is, stay whole.
    const end = row.end - row.start > MAX_UNIT ? unitPieces(this.text, 0, row.start, row.end)[0]!.end : row.end;
    const cells = row.cells
      .filter((cell) => cell.start < end)
      .map((cell) => {
        const { inline: _inline, ...span } = this.span(cell.start, Math.min(cell.end, end));
        return span;
      });
    this.unit('table-row', this.span(row.start, end), { lead, header, cells });
  }

  private visitCode(code: Extract<Block, { kind: 'code' }>): void {
    // BibTeX is citation, never lineage.
    if (code.info.toLowerCase() === 'bibtex' || /^[ \t]*@\w+[ \t]*\{/m.test(this.text.slice(code.start, code.end))) return;
    // The key a line is nested under (YAML `mixture:` above `  - name: x`, JSON `"datasets": [` above
    // `{"id": "x"}`), so the parts of a mixture are read.
    let key: { name: string; indent: number } | undefined;
    const filters = filterSubqueryStarts(code.lines.map((line) => this.text.slice(line.start, line.end)));
    const isContent = (raw: string) => raw.trim() !== '' && !/^\s*(```|~~~)/.test(raw);
    // A plain-text table pasted or printed in the block ("component   rows   share", pandas' "part" over its counts):
    // its header goes with every row below it, as a markdown table's does.
    const headerAt = code.lines.findIndex((line) => isContent(this.text.slice(line.start, line.end)));
    const headerLine = headerAt < 0 ? '' : this.text.slice(code.lines[headerAt]!.start, code.lines[headerAt]!.end);
    const aligned = code.fenced && ALIGNED_HEADER.test(headerLine) ? headerLine.trim().split(/\s{2,}/) : undefined;
    code.lines.forEach((line, index) => {
      const raw = this.text.slice(line.start, line.end);
      if (!isContent(raw)) return;
      const header = index > headerAt ? aligned : undefined;
      const indent = raw.length - raw.trimStart().length;
      if (key && indent <= key.indent) key = undefined;
      let opens = /^\s*(["']?)([A-Za-z_][\w-]{0,40})\1\s*:\s*[[{]?\s*$/.exec(raw);
      // dbt's `sources:` declares schemas and their `tables:`, not parts of a mixture.
      if (opens && /^sources$/i.test(opens[2]!) && declaresTables(this.text, code.lines.slice(index + 1, index + 40), indent)) opens = null;
      const start = line.start + indent;
      const end = line.start + raw.trimEnd().length;
      const span = this.span(start, end);
      // Code is literal: a reader sees its characters, not markup.
      const filter = filters[index];
      const filterFrom = filter === undefined ? undefined : Math.max(start, line.start + filter);
      this.unitInPieces('code-line', { ...span, reading: blankHidden(span.text, start, this.hidden) }, { fenced: code.fenced, links: [], codeKey: key?.name, filterFrom, ...(header ? { header } : {}) });
      if (opens) key = { name: opens[2]!, indent };
    });
  }
}

/** The text of a `<details>` element's `<summary>` (bounded). */
const SUMMARY = /<summary\b[^<>]{0,200}>([^]{0,300}?)<\/summary\s*>/i;

/** The header of a plain-text table whose first column names parts, columns two or more spaces apart. */
const ALIGNED_HEADER = /^\s*(?:parts?|components?|sources?|datasets?|origin|inputs?|set|subset|name)(?:\s{2,}[A-Za-z%#][\w%#./()-]{0,20})*\s*$/i;

/** Whether the lines nested under a key (deeper than `indent`) hold a `tables:` key: a dbt source declaration. */
function declaresTables(text: string, lines: ReadonlyArray<{ start: number; end: number }>, indent: number): boolean {
  for (const line of lines) {
    const raw = text.slice(line.start, line.end);
    if (!raw.trim()) continue;
    if (raw.length - raw.trimStart().length <= indent) return false;
    if (/^\s*tables\s*:/.test(raw)) return true;
  }
  return false;
}

/** A paragraph's bold opening phrase that ends in a full stop or colon: "**How it was built.**", "__Sources:__". */
const BOLD_LEAD_IN = /^\s*(?:\*\*|__)([^*_\n]{2,60}?)[.:](?:\*\*|__)|^\s*(?:\*\*|__)([^*_\n]{2,60}?)(?:\*\*|__)[.:]/;

/** "References: Cobbe et al. (2021)…", "Ref.: …": a paragraph of citations heads itself like a References section. */
const CITATION_LEAD_IN = /^\s*(?:references?|refs?\.?|citations?|bibliography|cite\s+as)\s*:/i;

/** "[1] Wang, Y. et al. (2023). Self-Instruct: …", "Caswell, I., Chelba, C. (2019). …": an entry of a bibliography. */
const BIBLIOGRAPHY_ENTRY = /^\s*(?:\[\d{1,3}\]|\^\d{1,3}|\d{1,3}[.)]|[¹²³⁴⁵⁶⁷⁸⁹])?\s*[A-Z][\p{L}'’-]{1,30},\s+(?:[A-Z]\.\s*){1,3}(?:,|and\b|&|et\s+al\.?|\()[^\n]{0,120}?\(?(?:19|20)\d{2}[a-z]?\)?[.,]/u;

const HTML_TABLE = /<table\b/i;

/** A line of code that assigns a list: `datasets = [`, `# SOURCES = (`. */
const CODE_ASSIGNMENT = /^[#\s]{0,8}[A-Za-z_][\w.]{0,60}\s*=\s*[[(]/;

/**
 * A unit longer than this is read in pieces cut at spaces: no sentence of a card is so long, and every
 * pass over a unit stays bounded (a 9 MB paragraph is 4,500 units of 2,000 characters, not one).
 */
const MAX_UNIT = 2000;
/** Characters of a table's header cell read at most. */
const MAX_HEADER_CELL = 200;
/** Rows of one table read at most (a components table has tens). */
const MAX_TABLE_ROWS = 10_000;

/** [start, end) of `reading` (which starts at document offset `offset`) cut at spaces into parts of at most MAX_UNIT. */
export function unitPieces(reading: string, offset: number, start: number, end: number): Range[] {
  if (end - start <= MAX_UNIT) return [{ start, end }];
  const out: Range[] = [];
  let at = start;
  while (at < end) {
    let cut = Math.min(end, at + MAX_UNIT);
    if (cut < end) {
      // The last space in the second half of the piece: the search never goes back further.
      const space = lastSpaceAbove(reading, cut - offset, at + MAX_UNIT / 2 - offset);
      if (space >= 0) cut = space + offset;
    }
    out.push({ start: at, end: cut });
    at = cut;
    while (at < end && reading.charCodeAt(at - offset) === 32) at++;
  }
  return out;
}

function lastSpaceAbove(text: string, from: number, floor: number): number {
  for (let i = Math.min(from, text.length - 1); i > floor; i--) if (text.charCodeAt(i) === 32) return i;
  return -1;
}

/**
 * Sentences widened to the links a reader sees only as blanks at their edges: "[Foo](…) is merged" opens
 * with a bracket the sentence's trimming left out, "By Jon Durbin: https://huggingface.co/datasets/…"
 * ends in a URL, and a paragraph that is one bare URL has no words at all. A link that starts outside
 * every sentence joins the sentence it runs into, else the one before it (else the first); a paragraph
 * of links alone is one sentence. Both lists are sorted, so this is one pass.
 */
function withTheirLinks(sentences: Range[], links: readonly Link[]): Range[] {
  if (links.length === 0) return sentences;
  if (sentences.length === 0) return [{ start: links[0]!.start, end: links[links.length - 1]!.end }];
  const out = sentences.map((s) => ({ ...s }));
  let next = 0;
  for (const link of links) {
    while (next < out.length && out[next]!.start <= link.start) next++;
    const before = next > 0 ? out[next - 1]! : undefined;
    if (before && link.start < before.end) continue;
    const after = out[next];
    if (after && (link.end > after.start || !before)) after.start = link.start;
    else if (before) before.end = Math.max(before.end, link.end);
  }
  return out;
}

/** Between the lines of a block inside a quote or list: the container's markers and indentation. */
function lineGaps(lines: Line[]): Range[] {
  const gaps: Range[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previousEnd = lines[i - 1]!.end;
    if (lines[i]!.start > previousEnd + 1) gaps.push({ start: previousEnd + 1, end: lines[i]!.start });
  }
  return gaps;
}

/** A sentence of a paragraph already read: its part of the reading text, links and code spans. */
function slice(paragraph: ReturnType<UnitBuilder['span']>, start: number, end: number): ReturnType<UnitBuilder['span']> {
  const from = start - paragraph.start;
  const text = paragraph.text.slice(from, end - paragraph.start);
  return {
    text,
    reading: paragraph.reading.slice(from, end - paragraph.start),
    start,
    end,
    inline: {
      reading: '',
      links: startingWithin(paragraph.inline.links, start, end),
      code: startingWithin(paragraph.inline.code, start, end),
      disguised: isDisguised(text),
    },
  };
}

/** The items of `sorted` (by start) that start in [start, end): a binary search, so cutting a long paragraph with many links stays linear. */
function startingWithin<T extends { start: number }>(sorted: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < sorted.length && sorted[last]!.start < end) last++;
  return sorted.slice(lo, last);
}

function blankHidden(text: string, start: number, hidden: Range[]): string {
  let out = text;
  for (const r of rangesWithin(hidden, start, start + text.length)) {
    const s = Math.max(0, r.start - start);
    const e = Math.min(text.length, r.end - start);
    out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  }
  return out;
}
