// Where the compiled CLI lives and whether it is current: shared by bin/rootline.js (which runs it when it
// is) and bin/build-cli.js (which writes it). Plain JavaScript, so checking costs no TypeScript loader.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const COMPILED = join(ROOT, 'dist/node');
/** The folders the CLI's code comes from (the renderer and Electron are built apart). */
export const SOURCE_FOLDERS = ['shared', 'agents', 'engine', 'cli'];

/** Every source file the build compiles: TypeScript and JavaScript modules, tests left out. */
export function sourceFiles(root = ROOT) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) files.push(full);
    }
  };
  for (const folder of SOURCE_FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  return files;
}

/** What the build saw: how many sources, and the newest modification time among them. */
export function sourceState(files = sourceFiles()) {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return { files: files.length, newest };
}

export function writtenInfo(state) {
  return JSON.stringify({ ...state, node: process.version }, null, 2);
}

/**
 * The compiled entry point's URL when the build exists and no source was added, removed or changed since
 * (ROOTLINE_FROM_SOURCES=1 asks for the sources anyway); else undefined.
 */
export function currentCompiledMain(root = ROOT, env = process.env) {
  try {
    const info = join(root, 'dist/node/build-info.json');
    if (env.ROOTLINE_FROM_SOURCES === '1' || !existsSync(info)) return undefined;
    const built = JSON.parse(readFileSync(info, 'utf8'));
    const now = sourceState(sourceFiles(root));
    if (built.files !== now.files || now.newest > built.newest) return undefined;
    return pathToFileURL(join(root, 'dist/node/cli/main.js')).href;
  } catch {
    return undefined;
  }
}
