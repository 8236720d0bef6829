/** Splits a Hugging Face dataset card into its YAML metadata and its markdown body. */
import { parseDocument } from 'yaml';
import { UserError } from '../../shared/errors.js';

/** The fields of the Hugging Face dataset-card schema Rootline reads; others stay in `raw`. */
export interface CardMetadata {
  prettyName?: string;
  licenses: string[];
  taskCategories: string[];
  sizeCategories: string[];
  /** `source_datasets` as written, e.g. `original`, `extended|squad`, `openai/gsm8k`. */
  sourceDatasets: string[];
  configs: string[];
  languages: string[];
  tags: string[];
  annotationsCreators: string[];
  raw: Record<string, unknown>;
}

export interface ParsedCard {
  metadata: CardMetadata | undefined;
  /** Offset of the body (after the closing `---`) in the document text. */
  bodyStart: number;
  /** Offset and length of the YAML block in the document text, when there is one. */
  yamlStart: number;
  yamlEnd: number;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function parseCard(text: string, path: string): ParsedCard {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { metadata: undefined, bodyStart: 0, yamlStart: 0, yamlEnd: 0 };
  const yamlText = match[1] ?? '';
  const yamlStart = match[0].indexOf(yamlText);
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = (firstError.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening `---` line
    throw new UserError(`malformed YAML front matter at line ${line}: ${firstError.message.split('\n')[0]}`, path);
  }
  const value: unknown = doc.toJS();
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    throw new UserError('the YAML front matter is not a mapping of fields', path);
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  return {
    metadata: {
      prettyName: firstString(raw.pretty_name),
      licenses: strings(raw.license),
      taskCategories: strings(raw.task_categories),
      sizeCategories: strings(raw.size_categories),
      sourceDatasets: strings(raw.source_datasets),
      configs: configNames(raw.configs),
      languages: strings(raw.language ?? raw.languages),
      tags: strings(raw.tags),
      annotationsCreators: strings(raw.annotations_creators),
      raw,
    },
    bodyStart: match[0].length,
    yamlStart,
    yamlEnd: yamlStart + yamlText.length,
  };
}

/** YAML fields hold a string, a list, or (for per-config values) a mapping of lists. */
function strings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number') return [String(value).trim()].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(strings);
  return [];
}

function firstString(value: unknown): string | undefined {
  return strings(value)[0];
}

function configNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((config) => (config && typeof config === 'object' ? (config as Record<string, unknown>).config_name : undefined))
    .filter((name): name is string => typeof name === 'string');
}
