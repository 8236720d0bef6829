// Worker for vendi-parallel.ts: adds items k0..k1 of XᵀX (column-major, shared memory) into its own
// d × d block and posts it back. Plain JavaScript so a worker needs no TypeScript loader; the loop is
// the same as addGramBlock in shared/sampling/diversity.ts.
import { parentPort, workerData } from 'node:worker_threads';

const { buffer, n, d, k0, k1 } = workerData;
const columns = new Float64Array(buffer);
const gram = new Float64Array(d * d);
const BLOCK = 4096;
for (let b0 = k0; b0 < k1; b0 += BLOCK) {
  const b1 = Math.min(k1, b0 + BLOCK);
  for (let i = 0; i < d; i++) {
    const a = i * n;
    for (let j = i; j < d; j++) {
      const b = j * n;
      let s0 = 0;
      let s1 = 0;
      let k = b0;
      for (; k + 1 < b1; k += 2) {
        s0 += columns[a + k] * columns[b + k];
        s1 += columns[a + k + 1] * columns[b + k + 1];
      }
      if (k < b1) s0 += columns[a + k] * columns[b + k];
      gram[i * d + j] += s0 + s1;
    }
  }
}
parentPort.postMessage(gram, [gram.buffer]);
