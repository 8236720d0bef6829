/**
 * Cuts a markdown document into the units the extractor reads: sentences of paragraphs, list items,
 * table rows and headings, each with exact offsets into the document text and the section it sits in.
 */
import type { List, ListItem, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type UnitKind = 'sentence' | 'list-item' | 'table-row' | 'heading' | 'code-line';

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  /** The exact document text between start and end. */
  text: string;
  /** The headings above the unit, outermost first. */
  section: string[];
  /** For list items and table rows: the paragraph that introduced the list or table (often the cue). */
  lead?: Span;
  /** For table rows: the header cells, and the row's cells with offsets. */
  header?: string[];
  cells?: Array<{ text: string; start: number; end: number }>;
  /** For list items: the depth of nesting (0 = top level). */
  depth?: number;
  /** For list items: the item holds a nested list, so it names a group ("Extractive QA"), not a dataset. */
  hasChildren?: boolean;
}

/** Abbreviations after which Intl.Segmenter wrongly ends a sentence. */
const NO_BREAK_AFTER = /(?:\bet al|\be\.g|\bi\.e|\betc|\bvs|\bFig|\bFigs|\bTab|\bEq|\bSec|\bNo|\bapprox|\bresp)\.\s*$/i;

const MARKDOWN_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

export function documentUnits(text: string, bodyStart = 0): Unit[] {
  const body = text.slice(bodyStart);
  const tree: Root = fromMarkdown(body, MARKDOWN_OPTIONS);
  const units: Unit[] = [];
  const headings: Array<{ depth: number; text: string }> = [];
  let lastParagraph: Span | undefined;

  const offsets = (node: Nodes): [number, number] | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : [start + bodyStart, end + bodyStart];
  };
  const section = () => headings.map((h) => h.text);

  const visitList = (list: List, depth: number, lead: Span | undefined) => {
    for (const item of list.children as ListItem[]) {
      const head = item.children[0];
      const range = head ? offsets(head) : undefined;
      const hasChildren = item.children.some((child) => child.type === 'list');
      if (range) units.push({ kind: 'list-item', start: range[0], end: range[1], text: text.slice(...range), section: section(), lead, depth, hasChildren });
      // A nested list is introduced by the same sentence as its parent: the parent item is a group label.
      for (const child of item.children.slice(1)) {
        if (child.type === 'list') visitList(child, depth + 1, lead);
        else visitBlock(child);
      }
    }
  };

  const visitTable = (table: Table, lead: Span | undefined) => {
    const [headerRow, ...rows] = table.children;
    const header = headerRow ? headerRow.children.map((cell) => sliceOf(cell).trim()) : [];
    for (const row of rows) {
      const range = offsets(row);
      if (!range) continue;
      const cells = row.children.flatMap((cell) => {
        const r = offsets(cell);
        return r ? [{ text: text.slice(...r), start: r[0], end: r[1] }] : [];
      });
      units.push({ kind: 'table-row', start: range[0], end: range[1], text: text.slice(...range), section: section(), lead, header, cells });
    }
  };

  const sliceOf = (node: Nodes): string => {
    const range = offsets(node);
    return range ? text.slice(...range) : '';
  };

  const visitBlock = (node: Nodes): void => {
    switch (node.type) {
      case 'heading': {
        const range = offsets(node);
        const title = sliceOf(node).replace(/^#+\s*|\s*#+\s*$/g, '').trim();
        while (headings.length > 0 && headings[headings.length - 1]!.depth >= node.depth) headings.pop();
        headings.push({ depth: node.depth, text: title });
        if (range) units.push({ kind: 'heading', start: range[0], end: range[1], text: text.slice(...range), section: section() });
        lastParagraph = undefined;
        return;
      }
      case 'paragraph': {
        const range = offsets(node);
        if (!range) return;
        for (const sentence of sentences(text, range[0], range[1])) units.push({ ...sentence, kind: 'sentence', section: section() });
        lastParagraph = { text: text.slice(...range), start: range[0], end: range[1] };
        return;
      }
      case 'list':
        visitList(node, 0, lastParagraph);
        lastParagraph = undefined;
        return;
      case 'table':
        visitTable(node, lastParagraph);
        lastParagraph = undefined;
        return;
      case 'blockquote':
        for (const child of node.children) visitBlock(child);
        return;
      case 'code': {
        // BibTeX is citation, never lineage; other code (configs, dataset lists) is read line by line.
        const range = offsets(node);
        if (!range || /^\s*@\w+\s*\{/m.test(node.value) || node.lang === 'bibtex') return;
        let offset = range[0];
        for (const line of text.slice(...range).split('\n')) {
          if (line.trim() && !/^\s*(```|~~~)/.test(line)) units.push({ kind: 'code-line', start: offset, end: offset + line.length, text: line, section: section() });
          offset += line.length + 1;
        }
        return;
      }
      default:
        // html (scripts, styles, raw markup), thematic breaks, definitions: not read as text.
        return;
    }
  };

  for (const node of tree.children) visitBlock(node);
  return units;
}

/** Sentences of `text[start, end)` with their offsets, split by Intl.Segmenter, mended at abbreviations. */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentences(text: string, start: number, end: number): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let pending: { start: number; end: number } | undefined;
  // A line break inside a paragraph is a space to markdown, but a hard sentence break to UAX #29.
  for (const part of segmenter.segment(text.slice(start, end).replace(/\n/g, ' '))) {
    const s = start + part.index;
    const e = s + part.segment.length;
    pending = pending ? { start: pending.start, end: e } : { start: s, end: e };
    if (NO_BREAK_AFTER.test(text.slice(pending.start, pending.end))) continue;
    out.push(trimmed(text, pending.start, pending.end));
    pending = undefined;
  }
  if (pending) out.push(trimmed(text, pending.start, pending.end));
  return out.filter((s) => s.text.length > 0);
}

function trimmed(text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
}
