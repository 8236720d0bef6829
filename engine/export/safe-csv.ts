/**
 * CSV for every writer (graph exports, sample lists). Spreadsheets run a cell that starts with `=`,
 * `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|…`), and tab or carriage return can smuggle one
 * past a first check; such cells get a leading single quote, as OWASP advises for CSV injection.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of a cell, made inert for spreadsheets. Numbers stay numbers; only text is changed. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV with a header, every text cell neutralized. */
export function safeCsv(rows: object[], columns?: string[]): string {
  return stringify(rows, { header: true, ...(columns ? { columns } : {}), cast: { string: neutralizeCell } });
}
