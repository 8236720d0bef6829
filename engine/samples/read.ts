/**
 * Streams the records of a dataset file — JSONL (also gzipped), JSON, CSV/TSV or Parquet — one at a
 * time, so a 10 GB file never sits in memory. JSONL is read line by line here, so a broken row is
 * reported with its line number and the rest goes on; JSON, CSV and Parquet are read in place by
 * DuckDB in chunks.
 */
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../shared/errors.js';

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
  row: number;
  message: string;
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

const ID_FIELDS = ['id', 'uid', 'idx', 'sample_id', 'example_id', 'question_id', 'task_id', '_id'];

/** Every record of the file; problems (broken rows) go to `onProblem` and the reading goes on. */
export async function* readSamples(file: string, onProblem: (problem: RowProblem) => void = () => {}): AsyncGenerator<Sample> {
  for await (const batch of readSampleBatches(file, onProblem)) yield* batch;
}

/**
 * The same in batches (a chunk of the file at a time): scanners that touch every record go through
 * far fewer promise hops per record this way.
 */
export async function* readSampleBatches(file: string, onProblem: (problem: RowProblem) => void = () => {}, range?: LineRange): AsyncGenerator<Sample[]> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError('no such data file', file);
  const format = sampleFormat(file);
  if (!format) throw new UserError('not a data file Rootline reads (JSONL, JSON, CSV, TSV, Parquet)', file);
  if (range && (format !== 'jsonl' || file.toLowerCase().endsWith('.gz'))) throw new Error('byte ranges are for plain JSONL files only');
  const batches = format === 'jsonl' ? jsonLineBatches(file, onProblem, range) : duckBatches(file, format);
  for await (const rows of batches) yield rows.map(({ row, record }) => ({ file, row, id: recordId(record, file, row), record }));
}

function recordId(record: SampleRecord, file: string, row: number): string {
  for (const field of ID_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return `${basename(file)}:${row}`;
}

async function* jsonLineBatches(file: string, onProblem: (problem: RowProblem) => void, range?: LineRange): AsyncGenerator<Array<{ row: number; record: SampleRecord }>> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16, ...(range ? { start: range.start, end: range.end - 1 } : {}) });
  const input = file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let row = range?.linesBefore ?? 0;
  const parse = (line: string, out: Array<{ row: number; record: SampleRecord }>) => {
    row++;
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      onProblem({ file, row, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) onProblem({ file, row, message: 'not a JSON object' });
    else out.push({ row, record: value as SampleRecord });
  };
  try {
    for await (const chunk of input) {
      const text = rest + decoder.decode(chunk as Buffer, { stream: true });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      const out: Array<{ row: number; record: SampleRecord }> = [];
      for (const line of lines) parse(line.endsWith('\r') ? line.slice(0, -1) : line, out);
      if (out.length > 0) yield out;
    }
    const out: Array<{ row: number; record: SampleRecord }> = [];
    rest += decoder.decode();
    if (rest) parse(rest.endsWith('\r') ? rest.slice(0, -1) : rest, out);
    if (out.length > 0) yield out;
  } catch (error) {
    throw new UserError(`cannot read line ${row + 1}: ${(error as Error).message}`, file);
  } finally {
    raw.destroy();
  }
}

const READERS: Record<Exclude<SampleFormat, 'jsonl'>, string> = {
  json: "read_json_auto(?, format = 'auto')",
  csv: 'read_csv_auto(?, all_varchar = true)',
  tsv: "read_csv_auto(?, delim = '\\t', all_varchar = true)",
  parquet: 'read_parquet(?)',
};

async function* duckBatches(file: string, format: Exclude<SampleFormat, 'jsonl'>): AsyncGenerator<Array<{ row: number; record: SampleRecord }>> {
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
      throw new UserError(`cannot read as ${format.toUpperCase()}: ${firstLine((error as Error).message)}`, file);
    }
    for await (const rows of result.yieldRowObjectJson()) {
      yield rows.map((record) => ({ row: ++row, record: record as SampleRecord }));
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot read row ${row + 1} as ${format.toUpperCase()}: ${firstLine((error as Error).message)}`, file);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
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
