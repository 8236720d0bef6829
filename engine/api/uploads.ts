/**
 * Files dropped on the app (names + text) go through the normal ingest: they are written to a temporary
 * folder with their relative paths, so a dropped folder is still one dataset, and every check of
 * `ingestPaths` (size, encoding, front matter) applies. The document text is kept in the project.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { IngestResult, UploadedFile } from '../../shared/api/contract.js';
import { UserError } from '../../shared/errors.js';
import { ingestPaths } from '../ingest/ingest.js';
import type { Project } from '../project.js';

/** How a stored document read from an upload names its origin. */
export const DROPPED = 'dropped:';

/** Any upload folder, this one's or an earlier one's (a message may name the file a duplicate came from). */
const UPLOAD_FOLDER = new RegExp(`${escapeRegExp(join(tmpdir(), 'rootline-upload-'))}[^\\\\/]+[\\\\/]`, 'g');

export function ingestUploads(project: Project, files: UploadedFile[]): IngestResult {
  const root = mkdtempSync(join(tmpdir(), 'rootline-upload-'));
  try {
    const tops = new Set<string>();
    for (const file of files) {
      const parts = safeParts(file.name);
      const full = join(root, ...parts);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, file.text, 'utf8');
      tops.add(join(root, parts[0]!));
    }
    const report = ingestPaths(project, [...tops].sort());
    // The temporary folder is removed below: the documents keep the name they were dropped under.
    const dropped = (path: string) => relative(root, path).split(sep).join('/') || path;
    for (const file of report.files) if (file.status === 'ingested') project.documents.relocate(resolve(file.path), `${DROPPED}${dropped(file.path)}`);
    return {
      files: report.files.map((f) => ({
        file: dropped(f.path),
        status: f.status,
        dataset: f.dataset,
        message: f.message?.replace(UPLOAD_FOLDER, ''),
      })),
      newDatasets: report.newDatasets,
      newEdges: report.newEdges,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A relative path's segments; absolute paths and `..` are refused so nothing lands outside the folder. */
function safeParts(name: string): string[] {
  const parts = name.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (!parts.length || parts.some((p) => p === '..' || p.includes('\0') || /^[a-zA-Z]:$/.test(p)) || /^[\\/]/.test(name)) {
    throw new UserError(`refused file name "${name}": it must be a relative path inside what was dropped`);
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
