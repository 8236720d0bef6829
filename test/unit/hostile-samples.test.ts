/** Hostile sample files: each problem names the file (and line), the file or row is skipped, the process survives. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSamples, type RowProblem, type Sample } from '../../engine/samples/read.js';
import { readSampleBatches } from '../../engine/samples/read.js';
import { LIMITS, type Limits } from '../../shared/limits.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const dir = tempDir();

async function read(file: string, limits: Limits = LIMITS): Promise<{ samples: Sample[]; problems: RowProblem[] }> {
  const samples: Sample[] = [];
  const problems: RowProblem[] = [];
  for await (const batch of readSampleBatches(join(dir, file), (p) => problems.push(p), undefined, limits)) samples.push(...batch);
  return { samples, problems };
}

describe('hostile sample files', () => {
  it('refuses a .json file nested 20,000 deep before DuckDB sees it (it crashed the process)', async () => {
    writeFileSync(join(dir, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const { samples, problems } = await read('deep.json');
    expect(samples).toEqual([]);
    expect(problems).toEqual([{ file: join(dir, 'deep.json'), row: 0, message: 'nested deeper than 100 levels; not read', scope: 'file' }]);
  });

  it('reads a .json file whose brackets sit inside strings', async () => {
    writeFileSync(join(dir, 'strings.json'), JSON.stringify([{ text: `${'['.repeat(500)} \\" ${'{'.repeat(500)}` }]));
    const { samples, problems } = await read('strings.json');
    expect(problems).toEqual([]);
    expect(samples).toHaveLength(1);
  });

  it('skips a JSONL record nested too deep and reads the next one', async () => {
    writeFileSync(join(dir, 'deep.jsonl'), `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}\n{"text": "fine"}\n`);
    const { samples, problems } = await read('deep.jsonl');
    expect(samples.map((s) => [s.row, s.record.text])).toEqual([[2, 'fine']]);
    expect(problems).toMatchObject([{ row: 1, message: 'nested deeper than 100 levels' }]);
  });

  it('drops a line over the length limit as it streams, even inside a .gz, and goes on', async () => {
    const long = `{"text": "${'a'.repeat(300_000)}"}`;
    writeFileSync(join(dir, 'long.jsonl.gz'), gzipSync(`{"text": "before"}\n${long}\n{"text": "after"}\n`));
    const { samples, problems } = await read('long.jsonl.gz', { ...LIMITS, sampleLineBytes: 64 * 1024 });
    expect(samples.map((s) => [s.row, s.record.text])).toEqual([[1, 'before'], [3, 'after']]);
    expect(problems).toMatchObject([{ row: 2, message: 'a line longer than 64.0 KB; no record is that large' }]);
  });

  it('stops a .gz that expands past its limit, naming the file and the limit', async () => {
    const lines = `${'{"text": "the same short line"}\n'.repeat(100_000)}`;
    writeFileSync(join(dir, 'bomb.jsonl.gz'), gzipSync(lines));
    const { samples, problems } = await read('bomb.jsonl.gz', { ...LIMITS, gzipExpansion: 10, gzipMinimumBytes: 256 * 1024 });
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThan(100_000);
    expect(problems).toEqual([{
      file: join(dir, 'bomb.jsonl.gz'),
      row: 0,
      scope: 'file',
      message: expect.stringMatching(/^expands to more than 256\.0 KB, the limit for this \.gz file \(10 times its size, never less than 256\.0 KB\); refused as a possible decompression bomb$/),
    }]);
  });

  it('reports the lines of a JSONL file that are not UTF-8 and reads the others', async () => {
    writeFileSync(join(dir, 'latin1.jsonl'), Buffer.concat([Buffer.from('{"text": "ok"}\n{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"text": "also ok"}\n')]));
    const { samples, problems } = await read('latin1.jsonl');
    expect(samples.map((s) => s.record.text)).toEqual(['ok', 'also ok']);
    expect(problems).toMatchObject([{ row: 2, message: 'not valid UTF-8 (first bad byte at offset 13 of the line); convert the file to UTF-8' }]);
  });

  it('keeps the rows of a broken CSV that fit and reports the others by line', async () => {
    writeTree(dir, { 'broken.csv': 'id,text\n1,hello world\n2,fine row\n3,too,many,columns\n4\n5,last row\n' });
    const { samples, problems } = await read('broken.csv');
    // The header is read as two columns: the file is not taken for one column called "id,text".
    expect(samples.map((s) => s.record)).toEqual([{ id: '1', text: 'hello world' }, { id: '2', text: 'fine row' }, { id: '5', text: 'last row' }]);
    expect(problems.map((p) => [p.row, p.message.split(':')[0]])).toEqual([[4, 'a broken row'], [5, 'a broken row']]);
  });

  it('reports the rows of a CSV that are not UTF-8', async () => {
    writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('id,text\n1,ok\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n3,fine\n')]));
    const { samples, problems } = await read('latin1.csv');
    expect(samples.map((s) => s.record.text)).toEqual(['ok', 'fine']);
    expect(problems).toMatchObject([{ row: 3, message: expect.stringMatching(/^a broken row: .*not utf-8 encoded/i) }]);
  });

  it('skips a file that is no CSV at all, and a gzip file that is not gzip', async () => {
    writeFileSync(join(dir, 'noise.csv'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'fake.jsonl.gz'), '{"text": "not compressed"}\n');
    for (const file of ['noise.csv', 'fake.jsonl.gz']) {
      const { samples, problems } = await read(file);
      expect(samples).toEqual([]);
      expect(problems).toMatchObject([{ file: join(dir, file), scope: 'file', message: expect.stringMatching(/^cannot read/) }]);
    }
  });

  it('still reads ordinary files the same way: BOM, CRLF, a last line without a newline', async () => {
    writeFileSync(join(dir, 'plain.jsonl'), '\uFEFF{"id": "x1", "text": "one"}\r\n\r\n{"id": "x2", "text": "two"}');
    const rows: Array<[number, string]> = [];
    for await (const s of readSamples(join(dir, 'plain.jsonl'))) rows.push([s.row, s.id]);
    expect(rows).toEqual([[1, 'x1'], [3, 'x2']]);
  });
});
