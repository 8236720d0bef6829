/**
 * Vendi score on 100k × 256-d embeddings (aim: under 3 s), beside two floors measured in the same run:
 * one pass over the data (the least any metric must do) and a bare XᵀX over the same rows.
 *
 *   npm run bench -- vendi [--rows 100000 --dimension 256]
 */
import { performance } from 'node:perf_hooks';
import { vendiScoreParallel } from '../engine/sampling/vendi-parallel.js';
import { centroidDistance, vendiScore } from '../shared/sampling/diversity.js';
import { numberArg, round, seeded } from './lib/measure.js';

const rows = numberArg('--rows', 100_000);
const dimension = numberArg('--dimension', 256);
const random = seeded(5);
// Items around 64 cluster centres, so the score is neither 1 nor the dimension.
const centres = Array.from({ length: 64 }, () => Float64Array.from({ length: dimension }, () => random() * 2 - 1));
const data = Array.from({ length: rows }, () => {
  const centre = centres[Math.floor(random() * centres.length)]!;
  return Float64Array.from(centre, (v) => v + (random() - 0.5) * 0.8);
});

const time = async (run: () => unknown) => {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};

const pass = await time(() => {
  let sum = 0;
  for (const row of data) for (let i = 0; i < dimension; i++) sum += row[i]!;
  return sum;
});
const gram = await time(() => {
  const c = new Float64Array(dimension * dimension);
  for (const x of data) {
    for (let i = 0; i < dimension; i++) {
      const xi = x[i]!;
      const base = i * dimension;
      for (let j = i; j < dimension; j++) c[base + j]! += xi * x[j]!;
    }
  }
  return c[0];
});
const vendi = await time(() => vendiScoreParallel(data));
const vendiOneThread = await time(() => vendiScore(data));
const centroid = await time(() => centroidDistance(data));

console.log(
  JSON.stringify(
    {
      benchmark: 'vendi',
      rows,
      dimension,
      vendiScore: round(vendi.value as number),
      centroidDistance: round(centroid.value as number, 4),
      vendi: { seconds: round(vendi.ms / 1000, 3), oneThreadSeconds: round(vendiOneThread.ms / 1000, 3), sameScore: Math.abs((vendi.value as number) - (vendiOneThread.value as number)) < 1e-6 },
      centroidDistanceTime: { seconds: round(centroid.ms / 1000, 3) },
      floors: { onePassSeconds: round(pass.ms / 1000, 3), bareRowByRowGramSeconds: round(gram.ms / 1000, 3) },
      ratioToBareGram: round(gram.ms / vendi.ms, 3),
      aim: '< 3 s',
    },
    null,
    2,
  ),
);
