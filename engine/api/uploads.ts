/**
 * Files dropped on the app go through the normal ingest: they are streamed into a temporary folder under
 * their relative paths, so a dropped folder is still one dataset and every check of `ingestPaths` (size,
 * encoding, front matter) applies. Names are checked before a byte is written, sizes while writing; no
 * message ever names the temporary folder. The document text is kept in the project.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UPLOAD_LIMITS, type IngestResult } from '../../shared/api/contract.js';
import { UserError } from '../../shared/errors.js';
import { ingestPaths } from '../ingest/ingest.js';
import type { Project } from '../project.js';

/** How a stored document read from an upload names its origin. */
export const DROPPED = 'dropped:';

/** Any upload folder, this one's or an earlier one's (a message may name the file a duplicate came from). */
const UPLOAD_FOLDER = new RegExp(`${escapeRegExp(join(tmpdir(), 'rootline-upload-'))}[^\\\\/]+[\\\\/]?`, 'g');

/** An upload refused for what it holds: 400 for a bad name, 413 for too much. */
export class UploadRefused extends UserError {
  constructor(message: string, readonly status: 400 | 413) {
    super(message);
  }
}

export type UploadLimits = { [K in keyof typeof UPLOAD_LIMITS]: number };

const MB = 1024 * 1024;

export class UploadFolder {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private bytes = 0;

  private constructor(readonly root: string, private readonly limits: UploadLimits) {}

  static create(limits: UploadLimits = UPLOAD_LIMITS): UploadFolder {
    return new UploadFolder(mkdtempSync(join(tmpdir(), 'rootline-upload-')), limits);
  }

  get count(): number {
    return this.files.size;
  }

  /** Streams one file to disk; refuses a bad name before writing and a file over the limits as it grows. */
  async write(name: string, content: Readable): Promise<void> {
    const full = this.reserve(name);
    let size = 0;
    const count = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        this.bytes += chunk.length;
        const refused = this.overLimit(name, size);
        done(refused ?? null, refused ? undefined : chunk);
      },
    });
    try {
      await pipeline(content, count, createWriteStream(full, { flags: 'wx' }));
    } catch (error) {
      throw this.explain(error, name);
    }
  }

  /** The same for bytes already in memory (Electron's IPC). */
  writeBytes(name: string, bytes: Uint8Array): void {
    const full = this.reserve(name);
    this.bytes += bytes.length;
    const refused = this.overLimit(name, bytes.length);
    if (refused) throw refused;
    try {
      writeFileSync(full, bytes, { flag: 'wx' });
    } catch (error) {
      throw this.explain(error, name);
    }
  }

  /** Ingests everything written, naming each file as it was dropped. */
  ingest(project: Project): IngestResult {
    if (!this.files.size) throw new UploadRefused('the upload holds no files', 400);
    const tops = [...new Set([...this.files].map((name) => join(this.root, name.split('/')[0]!)))].sort();
    const report = ingestPaths(project, tops);
    // The temporary folder is removed afterwards: the documents keep the name they were dropped under.
    const dropped = (path: string) => relative(this.root, path).split(sep).join('/') || path;
    for (const file of report.files) if (file.status === 'ingested') project.documents.relocate(resolve(file.path), `${DROPPED}${dropped(file.path)}`);
    return {
      files: report.files.map((f) => ({ file: dropped(f.path), status: f.status, dataset: f.dataset, message: withoutUploadFolder(f.message) })),
      newDatasets: report.newDatasets,
      newEdges: report.newEdges,
    };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Checks a name (relative, no `..`, no control characters, parts within file-system limits, no file
   * that is also a folder) and records it; returns where it will be written. */
  private reserve(name: string): string {
    const refuse = (why: string) => new UploadRefused(`refused file name "${printable(name)}": ${why}`, 400);
    if (this.files.size >= this.limits.files) throw new UploadRefused(`the upload holds more than ${this.limits.files} files; drop fewer at a time`, 413);
    // Control characters, including NUL and newlines: they break file names and every message that shows them.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(name)) throw refuse('it contains control characters');
    if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) throw refuse('it must be a relative path inside what was dropped');
    const parts = name.split(/[\\/]+/).filter((p) => p && p !== '.');
    if (!parts.length) throw refuse('it is empty');
    if (parts.includes('..')) throw refuse('it must be a relative path inside what was dropped');
    if (Buffer.byteLength(name) > this.limits.nameBytes) throw refuse(`it is longer than ${this.limits.nameBytes} bytes`);
    const long = parts.find((p) => Buffer.byteLength(p) > this.limits.namePartBytes);
    if (long) throw refuse(`"${printable(long.slice(0, 40))}…" is longer than ${this.limits.namePartBytes} bytes, the most a file system allows`);
    const path = parts.join('/');
    if (this.files.has(path)) throw refuse('a file of that name was already sent');
    if (this.folders.has(path)) throw refuse('a folder of that name was already sent');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (this.files.has(folder)) throw refuse(`"${printable(folder)}" was sent as a file, so it cannot be a folder too`);
    }
    for (let i = 1; i < parts.length; i++) this.folders.add(parts.slice(0, i).join('/'));
    this.files.add(path);
    const full = join(this.root, ...parts);
    mkdirSync(dirname(full), { recursive: true });
    return full;
  }

  private overLimit(name: string, size: number): UploadRefused | undefined {
    if (size > this.limits.fileBytes) return new UploadRefused(`"${printable(name)}" is larger than ${this.limits.fileBytes / MB} MB, the most one uploaded file may hold`, 413);
    if (this.bytes > this.limits.requestBytes) return new UploadRefused(`the upload is larger than ${this.limits.requestBytes / MB} MB; drop fewer files at a time`, 413);
    return undefined;
  }

  /** A file-system error as the person who dropped the file can understand it, without the temporary path. */
  private explain(error: unknown, name: string): Error {
    if (error instanceof UploadRefused) return error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return new UploadRefused(`refused file name "${printable(name)}": another file has the same name (names that differ only in case are one name here)`, 400);
    if (code === 'ENAMETOOLONG' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EINVAL') {
      return new UploadRefused(`refused file name "${printable(name)}": this machine cannot store a file under that name`, 400);
    }
    return error as Error;
  }
}

/** A message without any temporary upload folder in it. */
export function withoutUploadFolder(message: string | undefined): string | undefined {
  return message?.replace(UPLOAD_FOLDER, '');
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 300);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
