/**
 * Splits a Hugging Face dataset card into its YAML metadata and its markdown body. The front matter
 * is untrusted: its size, its nesting and how far its aliases expand are bounded (shared/limits.ts)
 * before anything is built from it, and every problem is "file: line N: problem".
 */
import { Composer, CST, Parser, type Document } from 'yaml';
import { UserError } from '../../shared/errors.js';
import { formatBytes, LIMITS } from '../../shared/limits.js';

/** The fields of the Hugging Face dataset-card schema Rootline reads; others stay in `raw`. */
export interface CardMetadata {
  prettyName?: string;
  licenses: string[];
  taskCategories: string[];
  sizeCategories: string[];
  /** `source_datasets` as written, e.g. `original`, `extended|squad`, `openai/gsm8k`, then the names under `upstream:`, `inputs:` and the like. */
  sourceDatasets: string[];
  /** Names listed under keys that say where the data went or what it was checked with (`downstream:`, `used_by:`, `models_rated:`). */
  downstreamNames?: string[];
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
  /** What the reader should know but that did not stop the reading (a front matter never closed). */
  warnings?: string[];
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/gm;
const LONGEST_MESSAGE = 160;

/** A card written as YAML alone (`card.yaml`, `datacard.yml`): the whole file is its metadata. */
const YAML_FILE = /\.ya?ml$/i;

export function parseCard(text: string, path: string): ParsedCard {
  // Its text is read as the card's body too: `description:` and `how:` say in words how the data was made.
  if (YAML_FILE.test(path)) return readYaml(text, path, 0, text.length, 0, true);
  const opening = OPENING.exec(text);
  if (!opening) return { metadata: undefined, bodyStart: 0, yamlStart: 0, yamlEnd: 0 };
  const yamlStart = opening[0].length;
  CLOSING.lastIndex = yamlStart;
  const closing = CLOSING.exec(text);
  if (!closing) {
    return {
      metadata: undefined, bodyStart: 0, yamlStart: 0, yamlEnd: 0,
      warnings: ['line 1: the YAML front matter is never closed (no "---" line after it), so the whole file is read as prose'],
    };
  }
  return readYaml(text, path, yamlStart, Math.max(yamlStart, closing.index - 1), bodyStartAfter(text, closing), false);
}

function readYaml(text: string, path: string, yamlStart: number, yamlEnd: number, bodyStart: number, wholeFile: boolean): ParsedCard {
  const yamlText = text.slice(yamlStart, yamlEnd);
  const what = wholeFile ? 'the YAML card' : 'the YAML front matter';
  const lineOf = (offset: number) => lineAt(text, yamlStart + offset);
  const fail = (offset: number, problem: string): never => {
    throw new UserError(`line ${lineOf(offset)}: ${problem}`, path);
  };
  if (yamlText.length > LIMITS.frontMatterChars) {
    fail(0, `${what} is ${formatBytes(yamlText.length)}, over the ${formatBytes(LIMITS.frontMatterChars)} limit`);
  }

  // The parser works without recursion; the composer and toJS recurse, so the nesting is checked first.
  const tokens = [...new Parser().parse(yamlText)];
  const shape = tokenShape(tokens, LIMITS.frontMatterDepth);
  if (shape.tooDeep !== undefined) fail(shape.tooDeep, `${what} nests deeper than ${LIMITS.frontMatterDepth} levels`);
  const docs: Document.Parsed[] = [...new Composer({ uniqueKeys: false }).compose(tokens, true, yamlText.length)];
  const doc = docs[0];
  if (!doc) return { metadata: undefined, bodyStart, yamlStart, yamlEnd };
  const firstError = doc.errors[0] ?? (docs.length > 1 ? { pos: docs[1]!.range, message: 'more than one YAML document' } : undefined);
  if (firstError) fail(firstError.pos[0], `malformed ${what.slice(4)}: ${shortMessage(firstError.message)}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.frontMatterAliases });
  } catch (error) {
    const excessive = /alias count/i.test((error as Error).message);
    fail(shape.firstAlias ?? 0, excessive
      ? `${what}'s aliases expand to more than ${LIMITS.frontMatterAliases} nodes (a "billion laughs" pattern); refused`
      : `malformed ${what.slice(4)}: ${shortMessage((error as Error).message)}`);
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    fail(0, `${what} is not a mapping of fields`);
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  return {
    metadata: {
      // A YAML card names its dataset in `name:` (front matter keeps `pretty_name`).
      prettyName: firstString(raw.pretty_name) ?? (wholeFile ? [raw.name, raw.dataset, raw.dataset_name, raw.id, raw.title].map(firstString).find((v) => v !== undefined && /\p{L}/u.test(v)) : undefined),
      licenses: strings(raw.license),
      taskCategories: strings(raw.task_categories),
      sizeCategories: strings(raw.size_categories),
      sourceDatasets: [...partNames(raw.source_datasets), ...upstreamNames(raw)],
      downstreamNames: downstreamNames(raw),
      configs: configNames(raw.configs),
      languages: strings(raw.language ?? raw.languages),
      tags: strings(raw.tags),
      annotationsCreators: strings(raw.annotations_creators),
      raw,
    },
    bodyStart,
    yamlStart,
    yamlEnd: yamlStart + yamlText.length,
  };
}

function bodyStartAfter(text: string, closing: RegExpExecArray): number {
  const end = closing.index + closing[0].length;
  return text[end] === '\n' ? end + 1 : end;
}

/** 1-based line of an offset: one native scan per newline. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function shortMessage(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/:\s*$/, '').trim();
  return first.length > LONGEST_MESSAGE ? `${first.slice(0, LONGEST_MESSAGE - 1)}…` : first;
}

/**
 * How deep the YAML collections nest (the offset of the first one past `max`) and where the first
 * alias is, walked with an explicit stack so no input can overflow the call stack here.
 */
function tokenShape(tokens: CST.Token[], max: number): { tooDeep?: number; firstAlias?: number } {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  let firstAlias: number | undefined;
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'alias' && (firstAlias === undefined || token.offset < firstAlias)) firstAlias = token.offset;
    if (token.type === 'document' && token.value) stack.push([token.value, depth]);
    if (!CST.isCollection(token)) continue;
    if (depth + 1 > max) return { tooDeep: token.offset, firstAlias };
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return { firstAlias };
}

/** YAML fields hold a string, a list, or (for per-config values) a mapping of lists. */
function strings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number') return [String(value).trim()].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(strings);
  return [];
}

/** Keys internal cards use for `source_datasets`: `upstream:`, `inputs:`, `lineage: {upstream: […]}`. */
const UPSTREAM_KEY = /^(?:upstreams?|sources|source|inputs?|input_datasets|parents?|derived_from|built_from|depends_on|lineage|components|mixture|blend)$/i;
/** Fields of an upstream mapping that name no source: a model or tool that did the work, a set left out, where the data went. */
const NOT_A_SOURCE_FIELD = /(?:^|_)(?:not|no|non|un)(?:_|$)|unused|excluded|rejected|dropped|removed|superseded|generator|models?|teacher|judge|annotators?|labell?ers?|tools?|owners?|eval\w*|tests?|downstream|used_by|consumers?/i;
/** In a list of mappings (`- name: x\n  rows: 50680`), the field that names the part. */
const NAME_FIELD = /^(?:name|dataset|id|source|path)$/i;

/** The names under the upstream keys of the front matter (one level of nesting, as `lineage: {upstream: […]}`); a mapping's keys are its names. */
function upstreamNames(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!UPSTREAM_KEY.test(key)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      const inner = entries.filter(([k]) => UPSTREAM_KEY.test(k));
      // `inputs: {prompts_from: x, responses: "newly sampled"}`: fields whose values are the names; `{alpaca-v1: 0.3}`: names as keys.
      const fields = entries.length > 0 && entries.every(([k, v]) => typeof v === 'string' && /^[a-z]+(?:_[a-z]+)*$/.test(k));
      // (`generator: gpt-4o-mini`, `earlier_exports_not_used: x` name a model and a set left out.)
      out.push(...(inner.length > 0 ? inner.flatMap(([, v]) => strings(v)) : fields ? entries.filter(([k]) => !NOT_A_SOURCE_FIELD.test(k)).map(([, v]) => String(v)) : Object.keys(value as Record<string, unknown>)));
    } else out.push(...partNames(value));
  }
  // A name, not a note: "crawled from the web" or "internal" under `source:` names no dataset.
  return out.flatMap(upstreamOfChain).filter((name) => name.length <= 120 && name.split(/\s+/).length <= 4 && (/[\p{N}_./:@-]|\p{Lu}/u.test(name))).slice(0, 200);
}

/** Keys whose names are no sources: where the data went, what was evaluated or compared with it. */
const DOWNSTREAM_KEY = /^(?:downstream|used_by|used_in|consumers?|consumed_by|feeds|derivatives?|derived_datasets|children|models_rated|rated_models|evaluated_models|evals?|evaluations?|eval_sets|benchmarks|baselines?|compared_with|related(?:_datasets)?|not_sources|excluded)$/i;

/** The names under those keys, one level down as for the upstream keys. */
function downstreamNames(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (DOWNSTREAM_KEY.test(key)) out.push(...partNames(value));
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) if (DOWNSTREAM_KEY.test(inner)) out.push(...partNames(v));
    }
  }
  return out.filter((name) => name.length <= 120).slice(0, 200);
}

/** `lineage: "org/a-v1 -> org/b-v2"`: a chain names its upstream links; its last is the dataset they made. */
function upstreamOfChain(value: string): string[] {
  const links = value.split(/->|→|=>/).map((link) => link.trim()).filter(Boolean);
  return links.length > 1 ? links.slice(0, -1) : links;
}

/** The names of a list of parts: strings as they are, mappings by their name field (never their counts). */
function partNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.slice(0, 200).flatMap(partNames);
  if (value && typeof value === 'object') {
    const field = Object.entries(value as Record<string, unknown>).find(([k, v]) => NAME_FIELD.test(k) && typeof v === 'string');
    return field ? [String(field[1]).trim()] : [];
  }
  return strings(value);
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
