/** A dataset's sketch as bytes for the project file: key sets delta-encoded, records as little-endian words. */
import { decodeKeys, encodeKeys } from './key-set.js';
import type { BandExample, DatasetSketch, SampleQuery } from './types.js';

export interface EncodedSketch {
  meta: string;
  queries: Uint8Array;
  examples: Uint8Array;
  prompts: Uint8Array;
  responses: Uint8Array;
  pairs: Uint8Array;
  bands: Uint8Array;
}

interface SketchMeta {
  samples: number;
  withText: number;
  responseWords: number;
  boilerplate: number;
  bandCount: number;
  limits: { prompts: number; responses: number; pairs: number; bands: number };
}

const QUERY_FIELDS = 5;

export function encodeSketch(sketch: DatasetSketch): EncodedSketch {
  const bandCount = sketch.queries[0]?.bands.length ?? 0;
  const meta: SketchMeta = {
    samples: sketch.samples,
    withText: sketch.withText,
    responseWords: sketch.responseWords,
    boilerplate: sketch.boilerplate,
    bandCount,
    limits: { prompts: sketch.prompts.limit, responses: sketch.responses.limit, pairs: sketch.pairs.limit, bands: sketch.bands.limit },
  };
  const width = QUERY_FIELDS + bandCount;
  const queries = words(sketch.queries.length * width, (put) => {
    for (const q of sketch.queries) {
      put(q.key);
      put(q.response);
      put(q.pair);
      put(q.file);
      put(q.row);
      for (const band of q.bands) put(band);
    }
  });
  const examples = words(sketch.examples.length * 3, (put) => {
    for (const e of sketch.examples) {
      put(e.key);
      put(e.file);
      put(e.row);
    }
  });
  return {
    meta: JSON.stringify(meta),
    queries,
    examples,
    prompts: encodeKeys(sketch.prompts.keys),
    responses: encodeKeys(sketch.responses.keys),
    pairs: encodeKeys(sketch.pairs.keys),
    bands: encodeKeys(sketch.bands.keys),
  };
}

/** The sketch with its key sets emptied, their limits kept: what to hold while many sketches are loaded. */
export function withoutKeySets(sketch: DatasetSketch): DatasetSketch {
  const none = new Uint32Array(0);
  return {
    ...sketch,
    prompts: { keys: none, limit: sketch.prompts.limit },
    responses: { keys: none, limit: sketch.responses.limit },
    pairs: { keys: none, limit: sketch.pairs.limit },
    bands: { keys: none, limit: sketch.bands.limit },
  };
}

/** The sketch back from its bytes; with `keys: false`, without its key sets (their limits kept). */
export function decodeSketch(stored: EncodedSketch, options: { keys?: boolean } = {}): DatasetSketch {
  // A Node Buffer from SQLite reads slower in the decoding loops than a plain Uint8Array over the same bytes.
  const plain = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoded = { ...stored, queries: plain(stored.queries), examples: plain(stored.examples), prompts: plain(stored.prompts), responses: plain(stored.responses), pairs: plain(stored.pairs), bands: plain(stored.bands) };
  const meta = JSON.parse(encoded.meta) as SketchMeta;
  const keys = (bytes: Uint8Array) => (options.keys === false ? new Uint32Array(0) : decodeKeys(bytes));
  const width = QUERY_FIELDS + meta.bandCount;
  const q = readWords(encoded.queries);
  const queries: SampleQuery[] = [];
  for (let i = 0; i + width <= q.length; i += width) {
    queries.push({ key: q[i]!, response: q[i + 1]!, pair: q[i + 2]!, file: q[i + 3]!, row: q[i + 4]!, bands: Array.from(q.subarray(i + QUERY_FIELDS, i + width)) });
  }
  const e = readWords(encoded.examples);
  const examples: BandExample[] = [];
  for (let i = 0; i + 3 <= e.length; i += 3) examples.push({ key: e[i]!, file: e[i + 1]!, row: e[i + 2]! });
  return {
    samples: meta.samples,
    withText: meta.withText,
    responseWords: meta.responseWords,
    boilerplate: meta.boilerplate,
    prompts: { keys: keys(encoded.prompts), limit: meta.limits.prompts },
    responses: { keys: keys(encoded.responses), limit: meta.limits.responses },
    pairs: { keys: keys(encoded.pairs), limit: meta.limits.pairs },
    bands: { keys: keys(encoded.bands), limit: meta.limits.bands },
    queries,
    examples,
  };
}

function words(count: number, fill: (put: (value: number) => void) => void): Uint8Array {
  const bytes = new Uint8Array(count * 4);
  const view = new DataView(bytes.buffer);
  let at = 0;
  fill((value) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  });
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function readWords(bytes: Uint8Array): Uint32Array {
  const count = Math.floor(bytes.byteLength / 4);
  if (LITTLE_ENDIAN) return new Uint32Array(bytes.slice(0, count * 4).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(count);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
