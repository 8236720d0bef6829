// Entry of a sketching worker thread: registers tsx (workers do not inherit the parent's loader) and runs
// the TypeScript worker, as bin/rootline.js does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./sketch-worker-main.ts');
