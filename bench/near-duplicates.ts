/**
 * MinHash LSH near-duplicate search on 100k records, beside its floor: reading the same file and
 * splitting every record into words. Aim: under 20 s on a 2-core machine.
 *
 *   npm run bench -- near-duplicates [--records 100000]
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { scanDuplicates } from '../engine/analyses/duplicates-scan.js';
import { sampleText } from '../shared/analyses/text/fields.js';
import { words } from '../shared/analyses/text/normalize.js';
import { medianMs, numberArg, randomWords, round, seeded, vocabulary } from './lib/measure.js';

const records = numberArg('--records', 100_000);
const random = seeded(11);
const vocab = vocabulary(random);
const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-dup-'));
const file = join(dir, 'data.jsonl');
const out = createWriteStream(file);
const planted: string[] = [];
for (let i = 0; i < records; i++) {
  let text = randomWords(random, vocab, 40 + Math.floor(random() * 40));
  // Every 50th record repeats an earlier one with its last word changed: a known near-duplicate.
  if (i % 50 === 49 && planted.length > 0) {
    const source = planted[planted.length - 1]!.split(' ');
    text = [...source.slice(0, -1), 'changed'].join(' ');
  }
  if (i % 50 === 0) planted.push(text);
  out.write(`${JSON.stringify({ id: `r${i}`, text })}\n`);
}
await new Promise((resolve) => out.end(resolve));
const mb = statSync(file).size / 1024 / 1024;

const floorMs = await medianMs(async () => {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) words(sampleText(JSON.parse(line) as Record<string, unknown>).text);
}, 1);
let pairs = 0;
const searchMs = await medianMs(async () => {
  pairs = (await scanDuplicates(new Map([['data', [file]]]))).nearPairs.length;
}, 1);
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      benchmark: 'near-duplicates',
      records,
      megabytes: round(mb, 1),
      plantedNearDuplicates: Math.floor(records / 50),
      nearPairsFound: pairs,
      floor: { what: 'read + parse + split into words', seconds: round(floorMs / 1000) },
      minhashLsh: { seconds: round(searchMs / 1000) },
      ratioToFloor: round(floorMs / searchMs, 3),
      aim: '< 20 s',
    },
    null,
    2,
  ),
);
