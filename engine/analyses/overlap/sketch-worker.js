// Entry of a sketching worker thread. Workers do not inherit the parent's loader: in the compiled CLI
// (dist/node) the compiled worker sits beside this file; from the sources, tsx is registered first, as
// bin/rootline.js does for the CLI.
import { existsSync } from 'node:fs';

const compiled = new URL('./sketch-worker-main.js', import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./sketch-worker-main.ts');
}
