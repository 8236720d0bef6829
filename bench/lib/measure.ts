/** Timing helpers for benchmarks: the median of repeated runs after a warm-up, and a seeded generator. */
import { performance } from 'node:perf_hooks';

export async function medianMs(run: () => unknown, repeats = 3): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** A seeded generator (the one sampling uses), so every run measures the same data. */
export { seededRandom as seeded } from '../../shared/sampling/random.js';

export function randomWords(random: () => number, vocabulary: string[], count: number): string {
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = vocabulary[Math.floor(random() * vocabulary.length)]!;
  return out.join(' ');
}

export function vocabulary(random: () => number, size = 5000): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: size }, () => Array.from({ length: 3 + Math.floor(random() * 7) }, () => letters[Math.floor(random() * 26)]).join(''));
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** The number after `--name` on the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}
