/**
 * Names the document's structure puts forward: the head of a list item (its bold or code text, or the
 * words before a colon or dash), the name cell of a table row (the column a header calls dataset,
 * source, component…, or the first column of a mixture table), and the quoted names of a
 * `datasets = [...]` list in a config.
 */
import type { Unit } from '../document/units.js';
import { STORAGE_URI } from './mention.js';

export interface StructuralName {
  name: string;
  start: number;
  end: number;
  /** Named as a component by the structure itself (a config list). */
  listed?: boolean;
  /** A table a query joins: a part only when it is a card of the folder. */
  joined?: boolean;
}

const NAME_COLUMN = /\b(?:datasets?|sources?|subsets?|corpus|corpora|collections?|origins?|components?|constituents?|ingredients?|parts?|inputs?|upstream|parents?|sets?|mixture|from|provenance|shards?)\b/i;
const PLAIN_NAME_COLUMN = /^\s*(?:name|data|id|dataset\s+id|slug)\s*$/i;
/** Columns that describe fields or results, not data: a schema table or a results table names no source. */
const NOT_COMPOSITION = /^\s*(?:field|column|key|attribute|feature|property|type|metric|model|split|language|label|task|benchmark|score|accuracy|file|path|version|date|owner|license|description)s?\s*$/i;
const SHARE_OR_COUNT = /^[\s|*_~`]*(?:~|≈|<|>)?\s*[\d.,]+\s*(?:%|[kmb]\b|k\s|rows|examples|items|samples)?|\bshare\b|\bweight\b|%|\b(?:rows|examples|items|samples|count|size|#|n)\b/i;

const SCHEMA_HEADER = /^\s*(?:field|column|key|attribute|feature|property|variable)s?(?:\s+names?)?\s*$/i;

/** A column of results: "| eval set | metric | v5 |", "| variant | arena win rate |", "| model | nDCG@10 | MRR |". */
const METRIC_HEADER =
  /(?:^|[\s(/])(?:metrics?|ndcg(?:@\d+)?|mrr(?:@\d+)?|map@\d+|recall@\d+|precision@\d+|p@\d+|hits?@\d+|accuracy|acc\.?|f1|bleu|rouge(?:-\w+)?|chrf|comet|exact\s+match|auc|win\s*rate|faithfulness|correctness|hallucination(?:\s+rate)?|over-refusal|perplexity|pass@\d+|Δ|delta)(?=$|[\s)/,])/i;

/** A first column of categories of the data: "| subject | items |", "| locale | articles |", "| policy area | prompts |". */
const CATEGORY_HEADER = /^\s*(?:subjects?|topics?|categor(?:y|ies)|intents?|domains?|locales?|languages?|genres?|classes|labels?|(?:policy|subject|topic)\s+areas?|regions?|markets?|countr(?:y|ies)|stages?|steps?)\s*$/i;

/** Whether a table's first column holds categories of the data, whose plain names are values, not datasets. */
export function isCategoryTable(header: readonly string[]): boolean {
  return CATEGORY_HEADER.test(header[0] ?? '');
}

/** Whether a table reports results (a column of metrics), so its rows are evaluation sets, models and variants, not parts. */
export function isResultsTable(header: readonly string[]): boolean {
  return header.some((h) => METRIC_HEADER.test(h));
}

/** Whether a table has a column of shares or counts beside its first ("| Benchmark | Share |"): a mixture's table. */
export function hasShareColumn(header: readonly string[]): boolean {
  return header.slice(1).some((h) => SHARE_OR_COUNT.test(h));
}

/** Whether a table's header names its components and their shares or counts: "| source | share |", "| part | rows |". */
export function isComponentsTable(header: readonly string[]): boolean {
  const column = nameColumn(header);
  return column >= 0 && header.some((h, i) => i !== column && SHARE_OR_COUNT.test(h));
}

/** A property table's value column: "| Field | Value |" holds one record's properties, not a schema. */
const VALUE_HEADER = /^\s*(?:values?|details?|entry|setting|info(?:rmation)?)\s*$/i;

/** "| Page properties | |", "| Property | Value |": one record's properties, whose rows are no parts of a whole. */
export function isPropertyTable(header: readonly string[]): boolean {
  return header.length === 2 && (/^\s*(?:page\s+)?(?:propert(?:y|ies)|fields?|keys?|attributes?|metadata|info|details|facts)\s*$/i.test(header[0] ?? '') || /^\s*(?:values?)?\s*$/i.test(header[1] ?? ''));
}

/** Whether a table's header says its rows are the fields of a record (a schema), not components or a record's properties. */
export function isSchemaHeader(header: readonly string[]): boolean {
  if (TYPE_HEADER.test(header[1] ?? '') && /^\s*(?:name|field\s+name|column\s+name)\s*$/i.test(header[0] ?? '')) return true;
  return SCHEMA_HEADER.test(header[0] ?? '') && !VALUE_HEADER.test(header[1] ?? '');
}

/** "| name | type | description |": a column of types makes the names fields. */
const TYPE_HEADER = /^\s*(?:type|dtype|data\s+type|format|kind)\s*$/i;

/** The name column of each table, by its header (shared by its rows): read once per table, not per row. */
const nameColumns = new WeakMap<readonly string[], number>();

/** The column of a table that names its components, if the header says which. */
export function nameColumn(header: readonly string[]): number {
  let column = nameColumns.get(header);
  if (column === undefined) nameColumns.set(header, (column = findNameColumn(header)));
  return column;
}

function findNameColumn(header: readonly string[]): number {
  let column = header.findIndex((h) => NAME_COLUMN.test(h) && !NOT_COMPOSITION.test(h));
  if (column < 0) column = header.findIndex((h) => PLAIN_NAME_COLUMN.test(h));
  // "| Part | Weight |" and headerless mixtures: a first column beside shares or counts.
  if (column < 0 && header.length >= 2 && !NOT_COMPOSITION.test(header[0]!) && header.slice(1).some((h) => SHARE_OR_COUNT.test(h))) column = 0;
  return column;
}

/** Whether a span lies in the name cell of its table row (the column the header names, else the first). */
export function inNameCell(unit: Unit, start: number, end: number): boolean {
  const cell = unit.cells?.[Math.max(0, nameColumn(unit.header ?? []))];
  return cell !== undefined && start >= cell.start && end <= cell.end;
}

/**
 * "| [triage-hard-negatives](…) | 15,000 | benign-but-noisy |": in a row of a components table whose name
 * cell holds a part, the other cells describe that part — a name in them is a part only when its own
 * cell says it was taken ("from X", "X subset").
 */
export function describesTheRowsPart(unit: Unit, start: number, end: number): boolean {
  const cell = unit.cells?.find((c) => start >= c.start && end <= c.end);
  if (!cell) return false;
  return !/\b(?:from|of|sampled|taken|subset|plus|with|and)\b/i.test(unit.reading.slice(cell.start - unit.start, cell.end - unit.start));
}

export function itemHead(unit: Unit): StructuralName | undefined {
  if (unit.kind === 'table-row') {
    const column = nameColumn(unit.header ?? []);
    const cell = column >= 0 ? unit.cells?.[column] : undefined;
    return cell ? trimmedName(cell.reading, cell.start) : undefined;
  }
  if (unit.kind !== 'list-item' || unit.hasChildren) return undefined;
  const text = unit.text;
  const strong = /^\s*(?:\*\*|__|`)([^*_`\n]{2,80})(?:\*\*|__|`)/.exec(text);
  if (strong) return trimmedName(unit.reading.slice(strong.index + strong[0].indexOf(strong[1]!), strong.index + strong[0].indexOf(strong[1]!) + strong[1]!.length), unit.start + strong.index + strong[0].indexOf(strong[1]!));
  const lead = /^([^:–—(\n]{2,80}?)(?:\s*[:–—(]|\s+-\s|$)/.exec(unit.reading);
  return lead?.[1] ? trimmedName(lead[1], unit.start) : undefined;
}

/** `datasets = ['squad', 'HotpotQA', …]`, `sources: [a, b]` in a config or script line. */
export function assignedNames(unit: Unit): StructuralName[] {
  const assigned = /\b(?:datasets?|data_sources|sources|source_datasets|subsets|mixture|components|inputs|upstream)\w*\s*[=:]\s*\[([^\]\n]{0,2000})\]?/i.exec(unit.text);
  if (assigned?.[1] === undefined) return [];
  const listStart = assigned.index + assigned[0].indexOf('[') + 1;
  const out: StructuralName[] = [];
  for (const q of assigned[1].matchAll(/['"]([^'"\n]{2,80})['"]|(?<=^|,)\s*([\w./-]{2,80})\s*(?=,|$)/g)) {
    const name = q[1] ?? q[2]!;
    const at = unit.start + listStart + q.index + q[0].indexOf(name);
    out.push({ name, start: at, end: at + name.length, listed: true });
  }
  return out;
}

/** `load_dataset("openbmb/UltraFeedback", split="train")`: a dataset a card's code loads, unless it is a file loader or an evaluation split. */
export function loadedNames(unit: Unit): StructuralName[] {
  const text = unit.text;
  if (!text.includes('load_dataset')) return [];
  const out: StructuralName[] = [];
  for (const call of text.matchAll(/\bload_dataset\(\s*(?:path\s*=\s*)?(['"])([^'"\n]{2,120})\1([^)\n]{0,200})/g)) {
    const name = call[2]!;
    if (FILE_LOADER.test(name) || /\bsplit\s*=\s*['"](?:test|validation|val|dev|eval)\b/i.test(call[3]!)) continue;
    const at = unit.start + call.index + call[0].indexOf(name, call[0].indexOf(call[1]!));
    out.push({ name, start: at, end: at + name.length, listed: true });
  }
  return out;
}

/**
 * Tables a query in a card's code reads (`FROM crm.requests_2024 r`, and a card's table it joins), not those of a
 * subquery that filters rows (`NOT IN (SELECT id FROM triage.eval_gold_ids)`, `AND EXISTS (SELECT 1 FROM …`), and the files a script
 * reads (`pd.read_parquet("s3://…/council-tax-qa-v1/train.parquet")`).
 */
export function queriedNames(unit: Unit): StructuralName[] {
  const text = unit.text;
  const out: StructuralName[] = [];
  // A table a filter subquery reads only decides which rows stay (`AND x IN (SELECT id FROM roster)`).
  const filters = (at: number) => unit.filterFrom !== undefined && at >= unit.filterFrom;
  if (/\b(?:FROM|JOIN)\s/i.test(text) && !/\bNOT\s+(?:IN|EXISTS)\s*\(|\bEXCEPT\b/i.test(text)) {
    for (const m of text.matchAll(/\b(FROM|JOIN)\s+([a-z_][\w-]*(?:\.[a-z_][\w-]*){1,2})\b/gi)) {
      const at = unit.start + m.index + m[0].length - m[2]!.length;
      // A JOIN adds a lookup's columns or filters (`JOIN ref.lcsh_authorities a`): a part only when it is a card of the folder.
      if (!filters(at)) out.push({ name: m[2]!, start: at, end: at + m[2]!.length, listed: true, joined: /^join$/i.test(m[1]!) });
    }
    // dbt: `FROM {{ ref('int_kyc_pages') }}`, `FROM {{ source('kyc', 'kyc_verified_fields') }}` (a JOIN
    // often only filters, which the card's prose says when it does not).
    for (const m of text.matchAll(/\bFROM\s+\{\{\s*(?:ref\(\s*(['"])([\w.-]{2,120})\1|source\(\s*(['"])[\w.-]{1,80}\3\s*,\s*(['"])([\w.-]{2,120})\4)\s*\)\s*\}\}/gi)) {
      const name = m[2] ?? m[5]!;
      const at = unit.start + m.index + m[0].lastIndexOf(name);
      if (!filters(at)) out.push({ name, start: at, end: at + name.length, listed: true });
    }
  }
  for (const m of text.matchAll(/\b(?:read_parquet|read_csv|read_json|read_table|read_feather|read_orc|parquet|csv|json|load)\(\s*(['"])([^'"\n]{3,300})\1/g)) {
    if (!STORAGE_URI.test(m[2]!)) continue;
    const at = unit.start + m.index + m[0].indexOf(m[2]!);
    out.push({ name: m[2]!, start: at, end: at + m[2]!.length, listed: true });
  }
  return out;
}

/** After a row's name: a share or count of nothing, or a note that it left ("n/a  0%  <- dropped"). */
const LEFT_IN_ROW = /\b(?:dropped|removed|excluded|none|n\/a)\b|(?<![\d.])0(?:\.0+)?\s*%/i;

/**
 * The first cell of a row of a plain-text table in a code block, under a header whose first column names
 * parts ("component   rows   share" over "lp-chat-synth-v1   14,920   36%").
 */
export function alignedRowNames(unit: Unit): StructuralName[] {
  if (unit.kind !== 'code-line' || !unit.header) return [];
  const m = /^([A-Za-z0-9][\w./:@-]{1,119})\s{2,}(\S.*)$/.exec(unit.text);
  if (!m || LEFT_IN_ROW.test(m[2]!)) return [];
  return [{ name: m[1]!, start: unit.start, end: unit.start + m[1]!.length, listed: true }];
}

/** `"voicebot-sft-v2": load_chat("s3://…")`: a dict of parts by name, each loaded by a call. */
const LOADED_BY_KEY = /^(['"])([A-Za-z0-9][\w./@:-]{1,119})(?:\+[\w-]+)?\1\s*:\s*(?:[\w.]+\(\s*)*[\w.]*(?:load|read|table)\w*\(/;

export function keyedLoadNames(unit: Unit): StructuralName[] {
  if (unit.kind !== 'code-line') return [];
  const m = LOADED_BY_KEY.exec(unit.text);
  // A key that names a part as its card would (`kb-qa-mix-2025-q1`, `slots-train.v3`), not a label (`"calls"`) or a
  // hub dataset that `load_dataset` names itself.
  if (!m || !/[-_.\d]/.test(m[2]!) || unit.text.includes('load_dataset')) return [];
  const at = unit.start + 1;
  return [{ name: m[2]!, start: at, end: at + m[2]!.length, listed: true }];
}

/** Keys of a config whose nested lines are parts: `mixture:`, `components:`, `sources:`. */
const PARTS_KEY = /^(?:mixture|mix|blend|components|parts|sources|datasets|upstream|inputs|data_sources)$/i;

const JSON_PART = /^\s*(?:-\s*)?\{\s*(["']?)(?:name|dataset|id|source)\1\s*:\s*(["']?)(?<name>[A-Za-z0-9][\w./:@-]{1,119})\2/;
const YAML_PART = /^\s*(?:-\s*(?:(?:name|dataset|id|source)\s*:\s*)?|)(['"]?)(?<name>[A-Za-z0-9][\w./:@-]{1,119})\1\s*,?\s*(?::\s*(?:\{[^}\n]{0,200}\}|[\d.]+%?)?\s*(?:#.*)?|#.*)?$/;

/** `  - name: airport-ops-qa-cot`, `  - safety-seed-v1`, `  safety-seed-v1: {weight: 0.1}`, `{"id": "x", "weight": 0.4},` under a parts key. */
export function mappingNames(unit: Unit): StructuralName[] {
  if (!unit.codeKey || !PARTS_KEY.test(unit.codeKey)) return [];
  const m = JSON_PART.exec(unit.text) ?? YAML_PART.exec(unit.text);
  const name = m?.groups?.name;
  if (!m || !name || /^(?:name|weight|weights|rows|share|seed|total_rows|total|ratio|split|filter|tables|columns|tests|meta|freshness|config|schema|database|description|tags|loader|identifier|quoting|external|models|versions?|warn_after|error_after|loaded_at_field)$/i.test(name)) return [];
  const at = unit.start + m.index + m[0].indexOf(name);
  return [{ name, start: at, end: at + name.length, listed: true }];
}

/** The `datasets` library's loaders of local files: `load_dataset("json", data_files=…)`. */
const FILE_LOADER = /^(?:json|csv|parquet|text|arrow|pandas|imagefolder|audiofolder|videofolder|webdataset|sql|xml|generator)$/i;

function trimmedName(reading: string, at: number): StructuralName | undefined {
  const leading = reading.length - reading.trimStart().length;
  const name = reading.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 80 || name.split(' ').length > 8 || /^[\d.,%\s]+$/.test(name)) return undefined;
  return { name, start: at + leading, end: at + leading + reading.trim().length };
}
