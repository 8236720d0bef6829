/** Reads one document file safely: size limit, binary and encoding checks, a sha256 of the bytes. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../../shared/errors.js';
import { formatBytes, LIMITS } from '../../shared/limits.js';

export { formatBytes } from '../../shared/limits.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = LIMITS.documentBytes;

export interface ReadDocument {
  path: string;
  text: string;
  sha256: string;
  bytes: number;
}

export interface ReadOptions {
  maxBytes?: number;
  /** How the bytes are read; tests pass a failing one to see a read error reported. */
  readFile?: (path: string) => Buffer;
}

export function readDocument(path: string, options: ReadOptions = {}): ReadDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError('not a regular file', path);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(describeFsError(error), path);
  }
  if (size > maxBytes) {
    throw new UserError(`document is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`, path);
  }
  let bytes: Buffer;
  try {
    bytes = (options.readFile ?? readFileSync)(path);
  } catch (error) {
    throw new UserError(`cannot read: ${describeFsError(error)}`, path);
  }
  return { path, text: decodeText(bytes, path), sha256: sha256(bytes), bytes: bytes.length };
}

/**
 * UTF-8 text or a user error: binary content (a NUL byte anywhere, found by one native scan) and other
 * encodings are refused, not guessed.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new UserError('empty file', path);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UserError(`binary file (a NUL byte at offset ${nul}); expected a text document`, path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new UserError(`not valid UTF-8 (first bad byte at offset ${offset}); convert it to UTF-8 first`, path);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new UserError('empty file (only whitespace)', path);
  return text.replace(/\r\n?/g, '\n');
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let j = 1; j < length; j++) if ((bytes[i + j]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  return (error as Error).message;
}
