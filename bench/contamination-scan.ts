/**
 * The n-gram contamination scan against its floor: streaming and parsing the same JSONL without
 * looking at the text. Aim: the scan keeps at least 0.3 of the floor's MB/s.
 *
 *   npm run bench -- contamination-scan [--mb 40]
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { scanContamination } from '../engine/analyses/contamination-scan.js';
import { medianMs, numberArg, randomWords, round, seeded, vocabulary } from './lib/measure.js';

const targetMb = numberArg('--mb', 40);
const random = seeded(7);
const words = vocabulary(random);
const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-scan-'));
const benchFile = join(dir, 'bench.jsonl');
const dataFile = join(dir, 'data.jsonl');

const items = Array.from({ length: 1000 }, (_, i) => ({ id: `b${i}`, question: randomWords(random, words, 25 + Math.floor(random() * 30)) }));
writeFileSync(benchFile, items.map((item) => JSON.stringify(item)).join('\n'));
const out = createWriteStream(dataFile);
let written = 0;
let row = 0;
while (written < targetMb * 1024 * 1024) {
  const leaked = row % 500 === 0 ? ` ${items[(row / 500) % items.length]!.question} ` : ' ';
  const line = `${JSON.stringify({ id: `s${row}`, instruction: randomWords(random, words, 30), output: `${randomWords(random, words, 40)}${leaked}${randomWords(random, words, 20)}` })}\n`;
  out.write(line);
  written += Buffer.byteLength(line);
  row++;
}
await new Promise((resolve) => out.end(resolve));
const mb = statSync(dataFile).size / 1024 / 1024;

const floorMs = await medianMs(async () => {
  const lines = createInterface({ input: createReadStream(dataFile), crlfDelay: Infinity });
  for await (const line of lines) JSON.parse(line);
});
let found = 0;
const scanMs = await medianMs(async () => {
  const [report] = await scanContamination(new Map([['bench', [benchFile]]]), new Map([['data', [dataFile]]]));
  found = report!.datasets[0]!.itemsFound;
});
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      benchmark: 'contamination-scan',
      samples: row,
      megabytes: round(mb, 1),
      benchmarkItems: items.length,
      itemsFound: found,
      floor: { what: 'read + JSON.parse the same JSONL', ms: Math.round(floorMs), mbPerSecond: round(mb / (floorMs / 1000)) },
      scan: { ms: Math.round(scanMs), mbPerSecond: round(mb / (scanMs / 1000)) },
      ratioToFloor: round(floorMs / scanMs, 3),
      aim: '>= 0.3',
    },
    null,
    2,
  ),
);
