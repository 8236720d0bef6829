#!/usr/bin/env node
// The `rootline` command: loads the TypeScript CLI through tsx, so `npx rootline` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
