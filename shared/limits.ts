/**
 * Every bound Rootline puts on the files it reads, in one place (README "Reliability and security"
 * lists them). A file over a limit is reported with its name and the limit, skipped, and the rest of
 * the batch goes on; no parser sees input these bounds have not checked.
 */

const MB = 1024 * 1024;

export const LIMITS = {
  /** A document (card, README, paper as text); `--max-bytes` raises it. */
  documentBytes: 10 * MB,
  /** The YAML front matter of a card, in characters. */
  frontMatterChars: 1 * MB,
  /** Nesting of YAML collections in the front matter (real cards stay under 15). */
  frontMatterDepth: 64,
  /** Resolved YAML aliases per front matter, counting the nodes they expand to (the `yaml` package's guard). */
  frontMatterAliases: 100,
  /** One line (one record) of a JSONL sample file, in bytes. */
  sampleLineBytes: 32 * MB,
  /** Nesting of arrays and objects in a JSON or JSONL sample record. */
  sampleJsonDepth: 100,
  /** How far a gzipped sample file may expand: this many times its own size … */
  gzipExpansion: 100,
  /** … but always at least this much. */
  gzipMinimumBytes: 256 * MB,
  /** Bad rows of one sample file reported one by one; the rest are counted. */
  reportedRowProblems: 20,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/** The most a gzipped file of `compressedBytes` may expand to. */
export function gzipLimit(compressedBytes: number, limits: Pick<Limits, 'gzipExpansion' | 'gzipMinimumBytes'> = LIMITS): number {
  return Math.max(limits.gzipMinimumBytes, compressedBytes * limits.gzipExpansion);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / 1024 / MB).toFixed(1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
