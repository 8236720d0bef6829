// Entry of the contamination worker thread: registers tsx (workers do not inherit the parent's loader)
// and runs the TypeScript worker, as bin/rootline.js does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./contamination-worker-main.ts');
