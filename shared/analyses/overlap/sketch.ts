/**
 * Builds a dataset's sketch from its records, one at a time: for every record the fingerprints of its
 * normalized prompt, response and the pair, and the LSH band keys of its prompt (one-permutation
 * MinHash over word shingles, template shingles left out); a bottom-k sample of records with all their keys; and a few records per
 * band to show near matches with. Memory is bounded by the caps, whatever the number of records.
 */
import { BandHasher } from '../near-duplicates/one-permutation.js';
import { mix32 } from '../text/hash.js';
import { GramBuffer } from '../text/ngrams.js';
import type { SampleSides } from '../text/fields.js';
import { BottomK } from './bottom-k.js';
import { KeyCollector, withoutKeys } from './key-set.js';
import { TemplateShingles } from './template-shingles.js';
import type { BandExample, DatasetSketch, SampleQuery, SketchParams } from './types.js';
import { DEFAULT_SKETCH } from './types.js';

const TWO_32 = 0x100000000;

/** A 53-bit text hash folded to a 32-bit key; 0 is kept for "none". */
export function keyOf(hash53: number): number {
  const low = hash53 % TWO_32;
  const high = Math.floor(hash53 / TWO_32);
  return mix32((low ^ mix32(high + 0x27d4eb2f)) >>> 0) || 1;
}

export function pairKey(prompt: number, response: number): number {
  return response === 0 ? prompt : mix32((prompt ^ mix32((response + 0x165667b1) >>> 0)) >>> 0) || 1;
}

export class SketchBuilder {
  private readonly promptText = new GramBuffer();
  private readonly responseText = new GramBuffer();
  private readonly hasher: BandHasher;
  private readonly bandOut: Uint32Array;
  private readonly prompts: KeyCollector;
  private readonly responses: KeyCollector;
  private readonly pairs: KeyCollector;
  private readonly bands: KeyCollector;
  private readonly queries: BottomK<SampleQuery>;
  private readonly examples: Array<BottomK<BandExample>>;
  private readonly lengths: number[];
  private readonly template: TemplateShingles;
  /** Records of a file's warm-up, waiting for its template shingles to be known. */
  private readonly warmup: Array<Omit<SampleQuery, 'bands'> & { shingles: Int32Array }> = [];
  private warmFile = -1;
  private kept = new Int32Array(256);
  private samples = 0;
  private withText = 0;
  private responseWords = 0;

  constructor(readonly params: SketchParams = DEFAULT_SKETCH) {
    this.hasher = new BandHasher({ bands: params.bands, rows: params.rows });
    this.bandOut = new Uint32Array(params.bands);
    this.prompts = new KeyCollector(params.cap);
    this.responses = new KeyCollector(params.cap);
    this.pairs = new KeyCollector(params.cap);
    this.bands = new KeyCollector(params.cap * params.bands);
    this.queries = new BottomK(params.queries);
    this.examples = Array.from({ length: params.bands }, () => new BottomK<BandExample>(params.examplesPerBand));
    this.lengths = [params.shingle];
    this.template = new TemplateShingles(params.templateWarmup, params.templateShare);
  }

  add(sides: SampleSides, file: number, row: number): void {
    this.samples++;
    // A record with an answer and no question (a bare `output`) is compared on what it has.
    const prompt = sides.prompt || sides.response;
    const response = sides.prompt ? sides.response : '';
    const shingles = this.params.shingle === 2 ? this.promptText.fillPairs(prompt) : this.promptText.fill(prompt, this.lengths);
    const words = this.promptText.words;
    if (words === 0) return;
    this.withText++;
    const key = keyOf(this.promptText.whole);
    this.responseText.hashWhole(response);
    const responseKey = this.responseText.words > 0 ? keyOf(this.responseText.whole) : 0;
    this.responseWords += this.responseText.words;
    const pair = pairKey(key, responseKey);
    this.prompts.push(key);
    if (responseKey) this.responses.push(responseKey);
    this.pairs.push(pair);
    if (words < this.params.minNearWords || shingles === 0) return this.offer(key, responseKey, pair, file, row, false);
    if (file !== this.warmFile) {
      this.flushWarmup();
      this.warmFile = file;
      this.template.startFile();
    }
    if (!this.template.warming) return this.addNear(this.promptText.lows, shingles, key, responseKey, pair, file, row);
    this.warmup.push({ key, response: responseKey, pair, file, row, shingles: this.promptText.lows.slice(0, shingles) });
    if (this.template.observe(this.promptText.lows, shingles)) this.flushWarmup();
  }

  /** Band keys from the shingles that are not template. */
  private addNear(shingles: Int32Array, count: number, key: number, response: number, pair: number, file: number, row: number): void {
    if (this.kept.length < count) this.kept = new Int32Array(count * 2);
    const kept = this.template.keep(shingles, count, this.kept);
    if (!this.hasher.bandKeys(this.kept, kept, this.bandOut)) return this.offer(key, response, pair, file, row, false);
    for (let band = 0; band < this.bandOut.length; band++) {
      const bandKey = this.bandOut[band]! || 1;
      this.bandOut[band] = bandKey;
      this.bands.push(bandKey);
      const examples = this.examples[band]!;
      if (examples.wants(bandKey)) examples.offer({ key: bandKey, file, row });
    }
    this.offer(key, response, pair, file, row, true);
  }

  private offer(key: number, response: number, pair: number, file: number, row: number, near: boolean): void {
    if (!this.queries.wants(key)) return;
    this.queries.offer({ key, response, pair, file, row, bands: near ? Array.from(this.bandOut) : new Array<number>(this.bandOut.length).fill(0) });
  }

  private flushWarmup(): void {
    this.template.settle();
    const waiting = this.warmup.splice(0);
    for (const w of waiting) this.addNear(w.shingles, w.shingles.length, w.key, w.response, w.pair, w.file, w.row);
  }

  finish(): DatasetSketch {
    this.flushWarmup();
    const minCount = Math.max(this.params.repeatMin, Math.ceil(this.params.repeatShare * this.samples));
    const prompts = this.prompts.finish(minCount);
    const responses = this.responses.finish(minCount);
    const pairs = this.pairs.finish(minCount);
    const bands = this.bands.finish(this.params.bandRepeatMin);
    const boilerplate = new Set([...prompts.repeated, ...bands.repeated]);
    const queries = this.queries
      .finish()
      .filter((q) => !prompts.repeated.has(q.key))
      .map((q) => ({ ...q, bands: q.bands.map((k) => (bands.repeated.has(k) ? 0 : k)) }));
    const examples = this.examples.flatMap((band) => band.finish()).filter((e) => !bands.repeated.has(e.key));
    return {
      samples: this.samples,
      withText: this.withText,
      responseWords: this.withText ? this.responseWords / this.withText : 0,
      prompts: withoutKeys(prompts.set, prompts.repeated),
      // A canned answer repeated across the dataset says nothing about where its prompts came from.
      responses: withoutKeys(responses.set, responses.repeated),
      pairs: withoutKeys(pairs.set, pairs.repeated),
      bands: withoutKeys(bands.set, bands.repeated),
      boilerplate: boilerplate.size + responses.repeated.size,
      queries,
      examples,
    };
  }
}
