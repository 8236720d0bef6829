/**
 * Streams the records of a dataset file — JSONL (also gzipped), JSON, CSV/TSV or Parquet — one at a
 * time, so a 10 GB file never sits in memory. JSONL is read line by line here, on bytes, so a broken row
 * is reported with its line number and the rest goes on; JSON, CSV and Parquet are read in place by
 * DuckDB in chunks. Every file is bounded before a parser sees it (shared/limits.ts): line length,
 * nesting depth, how far a .gz expands, and UTF-8; a file past a bound is reported and skipped.
 */
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { firstInvalidUtf8 } from '../../agents/documents/read.js';
import { UserError } from '../../shared/errors.js';
import { formatBytes, gzipLimit, LIMITS, type Limits } from '../../shared/limits.js';

export type SampleRecord = Record<string, unknown>;

export interface Sample {
  file: string;
  /** 1-based line (JSONL) or row number. */
  row: number;
  /** The record's own id field when it has one, else `file-name:row`. */
  id: string;
  record: SampleRecord;
}

export interface RowProblem {
  file: string;
  /** The line (JSONL, CSV) or row the problem is at; 0 for the file as a whole. */
  row: number;
  message: string;
  /** `file`: reading stopped here, the rest of the file (all of it, at row 0) is skipped. */
  scope?: 'row' | 'file';
}

export type SampleFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | 'parquet';

export const SAMPLE_EXTENSIONS: Record<string, SampleFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.parquet': 'parquet',
};

export function sampleFormat(file: string): SampleFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return SAMPLE_EXTENSIONS[extname(name)];
}

/**
 * A part of a plain JSONL file for one worker: bytes [start, end) that begin and end on line breaks,
 * and the number of lines before `start` (so rows keep their numbers in the whole file).
 */
export interface LineRange {
  start: number;
  end: number;
  linesBefore: number;
}

type ReadLimits = Pick<Limits, 'sampleLineBytes' | 'sampleJsonDepth' | 'gzipExpansion' | 'gzipMinimumBytes' | 'reportedRowProblems'>;

const ID_FIELDS = ['id', 'uid', 'idx', 'sample_id', 'example_id', 'question_id', 'task_id', '_id'];

/** Every record of the file; problems (broken rows, a file past a limit) go to `onProblem` and the reading goes on. */
export async function* readSamples(file: string, onProblem: (problem: RowProblem) => void = () => {}): AsyncGenerator<Sample> {
  for await (const batch of readSampleBatches(file, onProblem)) yield* batch;
}

/**
 * The same in batches (a chunk of the file at a time): scanners that touch every record go through
 * far fewer promise hops per record this way. A file that is missing or of an unknown kind is a user
 * error; a file whose content cannot be read is reported through `onProblem` and yields what it could.
 */
export async function* readSampleBatches(file: string, onProblem: (problem: RowProblem) => void = () => {}, range?: LineRange, limits: ReadLimits = LIMITS): AsyncGenerator<Sample[]> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError('no such data file', file);
  const format = sampleFormat(file);
  if (!format) throw new UserError('not a data file Rootline reads (JSONL, JSON, CSV, TSV, Parquet)', file);
  if (range && (format !== 'jsonl' || isGzip(file))) throw new Error('byte ranges are for plain JSONL files only');
  const batches = format === 'jsonl' ? jsonLineBatches(file, onProblem, limits, range) : duckBatches(file, format, onProblem, limits);
  for await (const rows of batches) yield rows.map(({ row, record }) => ({ file, row, id: recordId(record, file, row), record }));
}

function recordId(record: SampleRecord, file: string, row: number): string {
  for (const field of ID_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return `${basename(file)}:${row}`;
}

const isGzip = (file: string) => file.toLowerCase().endsWith('.gz');

/** Stops reading a file: its problem is reported once, and the reader ends. */
class FileStop extends Error {}

type Row = { row: number; record: SampleRecord };

/**
 * JSONL on bytes: lines are cut at byte 10, each complete run of lines is decoded as strict UTF-8 at once
 * (line by line only when that fails, to name the bad line), and a line longer than the limit is
 * dropped as it streams, so memory stays bounded by the limit whatever the file holds.
 */
async function* jsonLineBatches(file: string, onProblem: (problem: RowProblem) => void, limits: ReadLimits, range?: LineRange): AsyncGenerator<Row[]> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16, ...(range ? { start: range.start, end: range.end - 1 } : {}) });
  const gzip = isGzip(file);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const maxExpanded = gzip ? gzipLimit(statSync(file).size, limits) : Infinity;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let row = range?.linesBefore ?? 0;
  let expanded = 0;
  // The unfinished line: its pieces (joined once, at its end) and their length; `tooLong` once past the limit.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;

  const parse = (line: string, out: Row[]) => {
    row++;
    if (row === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      onProblem({ file, row, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) onProblem({ file, row, message: 'not a JSON object' });
    else if (line.length > 2 * limits.sampleJsonDepth && nestedDeeperThan(value, limits.sampleJsonDepth)) {
      onProblem({ file, row, message: `nested deeper than ${limits.sampleJsonDepth} levels` });
    } else out.push({ row, record: value as SampleRecord });
  };
  const decodeLine = (bytes: Buffer, out: Row[]) => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      row++;
      onProblem({ file, row, message: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)} of the line); convert the file to UTF-8` });
      return;
    }
    parse(text, out);
  };
  /** Whole lines within one chunk: one decode for all of them, unless a line is not UTF-8. */
  const decodeLines = (bytes: Buffer, out: Row[]) => {
    let text: string | undefined;
    try {
      text = decoder.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      for (let start = 0; start <= bytes.length; ) {
        const end = bytes.indexOf(10, start);
        const stop = end < 0 ? bytes.length : end;
        finishLine(bytes.subarray(start, stop), out);
        start = stop + 1;
      }
      return;
    }
    for (const line of text.split('\n')) {
      if (line.length * 3 > limits.sampleLineBytes && Buffer.byteLength(line) > limits.sampleLineBytes) lineTooLong();
      else parse(line, out);
    }
  };
  const lineTooLongMessage = `a line longer than ${formatBytes(limits.sampleLineBytes)}; no record is that large`;
  const lineTooLong = () => {
    row++;
    onProblem({ file, row, message: lineTooLongMessage });
  };
  const finishLine = (bytes: Buffer, out: Row[]) => {
    if (bytes.length > limits.sampleLineBytes) lineTooLong();
    else decodeLine(bytes, out);
  };
  /** Ends the line under way with `piece` (the bytes up to its line break). */
  const endPending = (piece: Buffer, out: Row[]) => {
    if (tooLong) {
      row++; // reported when it passed the limit
    } else {
      finishLine(pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]), out);
    }
    pending = [];
    pendingBytes = 0;
    tooLong = false;
  };
  const addPending = (piece: Buffer) => {
    if (tooLong) return;
    pendingBytes += piece.length;
    if (pendingBytes > limits.sampleLineBytes) {
      tooLong = true;
      pending = [];
      onProblem({ file, row: row + 1, message: lineTooLongMessage });
    } else pending.push(Buffer.from(piece));
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      expanded += chunk.length;
      if (expanded > maxExpanded) {
        throw new FileStop(bombMessage(maxExpanded, limits));
      }
      const out: Row[] = [];
      const first = chunk.indexOf(10);
      if (first < 0) {
        addPending(chunk);
        continue;
      }
      const last = chunk.lastIndexOf(10);
      endPending(chunk.subarray(0, first), out);
      if (last > first) decodeLines(chunk.subarray(first + 1, last), out);
      if (last + 1 < chunk.length) addPending(chunk.subarray(last + 1));
      if (out.length > 0) yield out;
    }
    const out: Row[] = [];
    if (tooLong || pendingBytes > 0) endPending(Buffer.alloc(0), out);
    if (out.length > 0) yield out;
  } catch (error) {
    if (error instanceof FileStop) onProblem({ file, row: 0, message: error.message, scope: 'file' });
    else if (error instanceof UserError) throw error;
    else onProblem({ file, row: row + 1, message: `cannot read line ${row + 1}: ${(error as Error).message}`, scope: 'file' });
  } finally {
    raw.destroy();
  }
}

function bombMessage(maxExpanded: number, limits: ReadLimits): string {
  return `expands to more than ${formatBytes(maxExpanded)}, the limit for this .gz file (${limits.gzipExpansion} times its size, never less than ${formatBytes(limits.gzipMinimumBytes)}); refused as a possible decompression bomb`;
}

/** True when arrays and objects nest deeper than `max` (the record itself is level 1); no recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    const children = Array.isArray(node) ? node : Object.values(node as object);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The nesting depth of a JSON text, read as it streams (strings and escapes skipped), stopping as soon
 * as it passes `max`: DuckDB's JSON reader recurses and crashes the process on deep input.
 */
async function jsonDepthPasses(file: string, max: number, limits: ReadLimits): Promise<boolean> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  const gzip = isGzip(file);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const maxExpanded = gzip ? gzipLimit(statSync(file).size, limits) : Infinity;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expanded = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      expanded += chunk.length;
      if (expanded > maxExpanded) throw new FileStop(bombMessage(maxExpanded, limits));
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === 0x5c) escaped = true;
          else if (byte === 0x22) inString = false;
        } else if (byte === 0x22) inString = true;
        else if (byte === 0x5b || byte === 0x7b) {
          if (++depth > max) return true;
        } else if (byte === 0x5d || byte === 0x7d) depth--;
      }
    }
    return false;
  } finally {
    raw.destroy();
  }
}

const READERS: Record<Exclude<SampleFormat, 'jsonl'>, string> = {
  json: "read_json_auto(?, format = 'auto')",
  // The delimiter is fixed by the extension: a sniffer that falls back to "one column" hides a broken file.
  // Rows that do not fit are kept out and listed in `reject_errors` with their line numbers.
  csv: "read_csv_auto(?, delim = ',', all_varchar = true, store_rejects = true)",
  tsv: "read_csv_auto(?, delim = '\\t', all_varchar = true, store_rejects = true)",
  parquet: 'read_parquet(?)',
};

async function* duckBatches(file: string, format: Exclude<SampleFormat, 'jsonl'>, onProblem: (problem: RowProblem) => void, limits: ReadLimits): AsyncGenerator<Row[]> {
  const kind = format.toUpperCase();
  if (format === 'json') {
    // The file is one array of records: its records may nest as deep as a JSONL record, one level below it.
    try {
      if (await jsonDepthPasses(file, limits.sampleJsonDepth + 1, limits)) {
        onProblem({ file, row: 0, message: `nested deeper than ${limits.sampleJsonDepth} levels; not read`, scope: 'file' });
        return;
      }
    } catch (error) {
      onProblem({ file, row: 0, message: error instanceof FileStop ? error.message : `cannot read: ${(error as Error).message}`, scope: 'file' });
      return;
    }
  }
  // Loaded on first use: DuckDB's native module is large, and JSONL (the common case) does not need it.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  let row = 0;
  try {
    let result;
    try {
      const prepared = await connection.prepare(`SELECT * FROM ${READERS[format]}`);
      prepared.bindVarchar(1, file);
      result = await prepared.stream();
    } catch (error) {
      onProblem({ file, row: 0, message: `cannot read as ${kind}: ${duckMessage(error)}`, scope: 'file' });
      return;
    }
    for await (const rows of result.yieldRowObjectJson()) {
      yield rows.map((record) => ({ row: ++row, record: record as SampleRecord }));
    }
    if (format === 'csv' || format === 'tsv') await reportRejectedRows(connection, file, onProblem, limits);
  } catch (error) {
    onProblem({ file, row: row + 1, message: `cannot read row ${row + 1} as ${kind}: ${duckMessage(error)}`, scope: 'file' });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows DuckDB kept out of a CSV file, by line: the first few one by one, the rest counted. */
async function reportRejectedRows(connection: { runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): unknown[] }> }, file: string, onProblem: (problem: RowProblem) => void, limits: ReadLimits): Promise<void> {
  const result = await connection.runAndReadAll('SELECT line, min(error_message) AS message FROM reject_errors GROUP BY line ORDER BY line');
  const rejected = result.getRowObjectsJson() as Array<{ line: string | number; message: string }>;
  for (const { line, message } of rejected.slice(0, limits.reportedRowProblems)) onProblem({ file, row: Number(line), message: `a broken row: ${firstLine(message)}` });
  const more = rejected.length - limits.reportedRowProblems;
  if (more > 0) onProblem({ file, row: Number(rejected[limits.reportedRowProblems]!.line), message: `and ${more} more broken rows from here on` });
}

function duckMessage(error: unknown): string {
  return firstLine((error as Error).message).replace(/^[A-Za-z ]+ Error: /, '');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Cuts a plain JSONL file into `parts` byte ranges on line breaks, with the line count before each.
 * One pass over the bytes (a native search for "\n"), far cheaper than parsing them.
 */
export function lineRanges(file: string, parts: number): LineRange[] {
  const size = statSync(file).size;
  const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor(((k + 1) * size) / parts));
  const cuts: Array<{ at: number; lines: number }> = [];
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let position = 0;
    let lines = 0;
    let next = 0;
    while (position < size && next < targets.length) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      for (let i = chunk.indexOf(10, 0); i >= 0 && i < read; i = chunk.indexOf(10, i + 1)) {
        lines++;
        while (next < targets.length && position + i >= targets[next]!) {
          cuts.push({ at: position + i + 1, lines });
          next++;
        }
      }
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  const bounds = [{ at: 0, lines: 0 }, ...cuts.filter((c) => c.at < size), { at: size, lines: -1 }];
  const ranges: LineRange[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    if (bounds[k + 1]!.at > bounds[k]!.at) ranges.push({ start: bounds[k]!.at, end: bounds[k + 1]!.at, linesBefore: bounds[k]!.lines });
  }
  return ranges;
}
