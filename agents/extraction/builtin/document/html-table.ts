/**
 * The rows and cells of an HTML `<table>` pasted into a card (wiki and Notion exports write components
 * tables this way), with offsets into the document: one pass over the table's tags.
 */
import type { Range } from './hidden.js';

export interface HtmlRow extends Range {
  cells: Array<Range & { header: boolean }>;
}

const TABLE_TAG = /<(\/?)(table|thead|tbody|tfoot|tr|td|th)\b[^<>]{0,500}>/gi;

/** Rows of the tables in [start, end) of `text`; a cell ends at its closing tag or where the next cell or row starts. */
export function htmlTableRows(text: string, start: number, end: number): HtmlRow[] {
  const rows: HtmlRow[] = [];
  const html = text.slice(start, end);
  let row: HtmlRow | undefined;
  let cell: { start: number; header: boolean } | undefined;
  const closeCell = (at: number) => {
    if (row && cell) row.cells.push({ start: start + cell.start, end: start + at, header: cell.header });
    cell = undefined;
  };
  const closeRow = (at: number, rowEnd = at) => {
    closeCell(at);
    if (row && row.cells.length > 0) rows.push({ ...row, end: start + rowEnd });
    row = undefined;
  };
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(html); m; m = TABLE_TAG.exec(html)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const after = m.index + m[0].length;
    if (tag === 'td' || tag === 'th') {
      closeCell(m.index);
      if (!closing) {
        if (!row) row = { start: start + m.index, end: start + m.index, cells: [] };
        cell = { start: after, header: tag === 'th' };
      }
    } else if (tag === 'tr') {
      closeRow(m.index, closing ? after : m.index);
      if (!closing) row = { start: start + m.index, end: start + m.index, cells: [] };
    } else {
      closeRow(m.index);
    }
  }
  closeRow(html.length);
  return rows;
}
