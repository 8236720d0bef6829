/** Temporary folders and project files for tests, removed after each test file. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { Project } from '../../engine/project.js';

export function tempDir(prefix = 'rootline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (path → content) under a folder and returns the folder. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const PAPER_DATA = join(import.meta.dirname, '../../../shared/data/paper-lineage');
export const DPI_DATA = join(import.meta.dirname, '../../../shared/data/dpi');
export const SAMPLES = join(import.meta.dirname, '../../samples/cards');

/** A maker of new, empty project files in one temporary folder. */
export function freshProjects(): () => Project {
  const dir = tempDir('rootline-projects-');
  let count = 0;
  return () => Project.open(join(dir, `project-${++count}.rootline`));
}
