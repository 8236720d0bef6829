/**
 * Candidates: every name a unit mentions that could be a dataset, in order of how specific the
 * evidence of the name is — links, code spans, identifiers, names of the corpus and the registry, the
 * structure's named items, then name-like phrases — each span claimed once. Deciding which candidates
 * are sources is the judge's job.
 */
import { isHubId } from '../../../../shared/domain/names.js';
import { wordTokens, type WordToken } from '../../../../shared/registry/name-index.js';
import type { Registry } from '../../../../shared/registry/resolve.js';
import type { Corpus, CorpusDataset } from '../../corpus.js';
import type { Link } from '../document/inline.js';
import type { Unit } from '../document/units.js';
import { identifiers, isNeverAName, isProsePair, type Identifier } from './identifiers.js';
import { linkMentions } from './links.js';
import { isSpecific, STORAGE_URI, type Mention, type MentionSignal } from './mention.js';
import { namePhrases } from './phrases.js';
import { alignedRowNames, assignedNames, isSchemaHeader, itemHead, keyedLoadNames, loadedNames, mappingNames, queriedNames } from './structure.js';

export interface CandidateContext {
  registry: Registry;
  corpus: Corpus;
  documentPath?: string;
}

/** What a code span holds when it is a name: an identifier or a few words, no operators. */
const CODE_NAME = /^(?:[A-Za-z][a-z]{1,9}:\/\/|\/(?=[\w.-]+\/[\w.-]+\/))?[\p{L}\p{N}][\p{L}\p{N}_./@:-]*(?: [\p{L}\p{N}][\p{L}\p{N}_./-]*){0,5}$/u;
/** Words around a code span that make it a field, a column, a config or a value. */
const FIELD_WORDS = String.raw`(?:fields?|reasons?|columns?|cols?|tables?|configs?|configuration|keys?|sides?|labels?|attributes?|propert(?:y|ies)|flags?|space|queues?|values?|tags?|schema|parameters?|params?|arguments?|args?|options?|variables?|vars?|roles?|buckets?|prefix|env|modes?|settings?|templates?|enums?|types?|classes|class|categor(?:y|ies)|strings?|partitions?|statuses|status|outcomes?|targets?|metrics?|scores?|groups?|channels?|intents?|packages?|modules?|librar(?:y|ies)|namespaces?|director(?:y|ies)|folders?|dirs?|functions?|methods?|endpoints?|commands?|files?|languages?|slices?)`;
const FIELD_BEFORE = new RegExp(String.raw`\b(?:the\s+)?(?:${FIELD_WORDS}|classifiers?|models?|clients?|tools?|scripts?|checkpoints?|judges?|scorers?|detectors?|taggers?|filters?|simulators?|system\s+prompts?|prompt\s+templates?|rubrics?|jobs?|dags?|asset\s+ids?|fork\s+of|tagged|(?:re)?labell?ed|marked|flagged)\s*(?:as\s+)?[:=(—–]?\s*$`, 'i');
/** `wh.analytics.headline_experiments`, `bq.service.workshop_tickets`: a schema-qualified table. */
const WAREHOUSE_TABLE = /^[a-z][\w-]*(?:\.[a-z][\w-]*){1,3}$/i;
const TABLE_BEFORE = /\b(?:tables?|views?)\s*[:=(—–]?\s*$/i;
const FIELD_AFTER = new RegExp(String.raw`^\s*(?:${FIELD_WORDS}|(?:service\s+)?accounts?|=|:\s*\w|(?:used\s+)?as\s+\*?(?:chosen|rejected|prompts?|responses?|targets?|inputs?|labels?)\b)\b`, 'i');
/**
 * Written as a name: an identifier, or words that each start with a capital or a digit ("Acme Tickets",
 * "Dolly 15k", "Financial PhraseBank") — not a description ("contains PII", "heavy shorthand", "Real part (30%)").
 */
const WRITTEN_AS_NAME = /^(?:[\p{L}\p{N}]+[-_./][\p{L}\p{N}][\p{L}\p{N}_./-]*|(?:[\p{Lu}\p{N}][\p{L}\p{N}'’&.+-]*)(?:\s+(?:of|for|the|and|de|[\p{Lu}\p{N}][\p{L}\p{N}'’&.+-]*))+|\p{L}*(?:\p{Ll}\p{Lu}|\p{N})[\p{L}\p{N}]*)$/u;
const LOCAL_PATH = /^(?:\.{0,2}\/)?(?:data|src|scripts?|configs?|docs?|tests?|lib|bin|tmp|raw|processed|shards?|splits?|files)\//i;
const MAX_NAME = 120;
/** Whether a list item's head is written as a name; a head longer than any name is not one (and is not searched). */
function writtenAsName(name: string): boolean {
  return name.length <= MAX_NAME && WRITTEN_AS_NAME.test(name);
}

/** Snake-case names of fields: `ticket_id`, `created_at`, `target_human`. */
const FIELD_NAME = /^[a-z]+(?:_[a-z]+)*_(?:ids?|at|date|time|ts|name|type|text|count|flag|key|code|url|path|label|score|status|num|no|idx|index|len|length|human|role|turns?|side|source|target|lang|language|split|hash)$/;
/** A dataset's identifier: words joined by - _ . / :, or letters with digits. */
const IDENTIFIER_SHAPED = /[\p{L}\p{N}][-_./:][\p{L}\p{N}]|\p{L}\p{N}|\p{N}\p{L}/u;
const FILE_LIKE = /\.(?:jsonl|json|csv|tsv|parquet|arrow|py|ipynb|md|txt|tmx|tbx|xliff|xlf|gz|zip|tar|yaml|yml|png|jpe?g|pdf|html?|sh|js|ts|jinja2?|j2|tmpl|bin|pt|safetensors|onnx|ckpt|pkl|toml|ini|cfg|sha256|md5|sha1|sig|lock)$/i;
/** The card of the corpus a `schema.table` name's table part names. */
export function catalogTableIn(corpus: Corpus, name: string): CorpusDataset | undefined {
  const table = CATALOG_TABLE.exec(name)?.[1];
  return table ? corpus.lookup(table) : undefined;
}

/** `schema.table` or `db.schema.table` with identifier parts (not `kb-articles.v5`): the table part. */
const CATALOG_TABLE = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?\.([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)$/;

/** The one card of the corpus a code line's trailing comment (`# x`, `-- x`, `// x`) names after a position, with where it stands. */
function commentedCard(unit: Unit, after: number, context: CandidateContext): { name: string; start: number; end: number } | undefined {
  const text = unit.text.slice(after - unit.start);
  const comment = /(?:^|\s)(?:#|--|\/\/)\s*(.{2,160})$/.exec(text);
  if (!comment) return undefined;
  const body = comment[1]!;
  const names = [...body.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]/gu)].filter((m) => context.corpus.lookup(m[0]));
  if (names.length !== 1) return undefined;
  const start = after + comment.index + comment[0].length - body.length + names[0]!.index;
  return { name: names[0]![0], start, end: start + names[0]![0].length };
}

const HUB_SCHEME = /^(?:hf|huggingface):(?:\/\/(?:datasets\/)?)?(?=[\w.-]+\/[\w.-]+$)/i;

/** A pipeline's prompts, models, tokenizers, configs and scripts: `prompts/rationale_r1`, `tokenizers/deberta-v3-base/`. */
const TOOL_PATH = /^(?:\.\/)?(?:prompts?|models?|tokenizers?|configs?|scripts?|checkpoints?|src|lib|tools?|templates?|notebooks?)\//i;

export function findMentions(unit: Unit, tokens: readonly WordToken[], context: CandidateContext): Mention[] {
  const found = new Found(context, unit.start, unit.end);
  // A row of a schema table (`| field | meaning |`) describes a column: its code spans are field names and values.
  // (So is a sentence about columns: "Columns match the raw export plus `redaction_version`.")
  const schemaRow = (unit.kind === 'table-row' && isSchemaHeader(unit.header ?? [])) || (unit.kind !== 'code-line' && /^[\W_]*(?:columns?|fields?|schema)\b(?!\s+of\b)/i.test(unit.reading));
  const reading = unit.reading;
  const base = unit.start;
  // Code is read only for the dataset lists of configs.
  if (unit.kind === 'code-line') {
    // A part loaded under its name is named by its key, not again by the path it is loaded from.
    const keyed = keyedLoadNames(unit);
    for (const listed of [...assignedNames(unit), ...loadedNames(unit), ...(keyed.length > 0 ? keyed : queriedNames(unit)), ...mappingNames(unit), ...alignedRowNames(unit)]) {
      if (listed.joined && !context.corpus.lookup(listed.name) && !catalogTableIn(context.corpus, listed.name)) continue;
      // "s3://…/council-tax-qa-v1/train.parquet": the folder of a card of the corpus names its dataset.
      const part = STORAGE_URI.test(listed.name) ? corpusFolderIn(listed.name, context) : undefined;
      // `hf:OpenAssistant/oasst1`, `hf://datasets/org/name`: the hub id without its scheme.
      const hub = HUB_SCHEME.exec(listed.name)?.[0].length ?? 0;
      // `load("s3://…/corpus/v1/")  # mro-retrieval-corpus-v1`: the comment names the card the code reads.
      // (A hub id names its dataset itself.)
      const commented = part || isHubId(listed.name) || context.corpus.lookup(listed.name) ? undefined : commentedCard(unit, listed.end, context);
      if (commented) found.identify(commented.name, commented.start, commented.end, 'list-head', { listed: true });
      else if (part) found.identify(part.name, listed.start + part.offset, listed.start + part.offset + part.name.length, 'list-head', { listed: true });
      else found.identify(listed.name.slice(hub), listed.start + hub, listed.end, 'list-head', { listed: true });
    }
    return found.mentions;
  }

  for (const mention of linkMentions(unit.links, context, (link) => reading.slice(link.labelStart - base, link.labelEnd - base).replace(/\s+/g, ' ').trim())) {
    // A link's whole syntax is claimed, so its text is not read again as a phrase.
    const link = unit.links.find((l) => mention.start >= l.start && mention.end <= l.end)!;
    found.add(mention, link.start, link.end);
  }

  let fields = 0;
  const fieldSpans: Array<{ start: number; end: number }> = [];
  let lastField: number | undefined;
  const codeNames: Mention[] = [];
  for (const code of unit.code) {
    if (schemaRow) {
      found.claim(code.start, code.end);
      continue;
    }
    const raw = unit.text.slice(code.start - base, code.end - base);
    const name = raw.trim();
    // `a-v1 -> a-v2`: a lineage chain in backticks names each of its links.
    if (found.free(code.start, code.end) && name.length <= 300 && ARROW.test(name)) {
      const at = code.start + raw.indexOf(name);
      let from = 0;
      for (const arrow of [...name.matchAll(ARROWS), { index: name.length, 0: '' }]) {
        const part = name.slice(from, arrow.index);
        const trimmed = part.trim();
        if (trimmed && CODE_NAME.test(trimmed) && !FILE_LIKE.test(trimmed)) {
          const start = at + from + part.indexOf(trimmed);
          found.identify(trimmed, start, start + trimmed.length, 'code');
        }
        from = arrow.index + arrow[0].length;
      }
      found.claim(code.start, code.end);
      continue;
    }
    // `[VIN]`, `<NAME>`, `superseded_by IS NULL`: a placeholder or an expression, never a name.
    if (found.free(code.start, code.end) && (PLACEHOLDER.test(name) || EXPRESSION.test(name))) {
      found.claim(code.start, code.end);
      continue;
    }
    if (!found.free(code.start, code.end) || name.length > 80 || !CODE_NAME.test(name) || FILE_LIKE.test(name)) continue;
    // `data/python`, `src/…`: a folder inside a dataset or a repository.
    if (LOCAL_PATH.test(name)) {
      found.claim(code.start, code.end);
      continue;
    }
    // `ticket_id` in "the `ticket_id` field", config `main`, space `HELP`: a field, config or value, not data —
    // and not read again as an identifier.
    // "the analytics table `wh.analytics.headline_experiments`": a warehouse table is data, not a field.
    const warehouseTable = WAREHOUSE_TABLE.test(name) && TABLE_BEFORE.test(reading.slice(Math.max(0, code.start - base - 30), code.start - base - 1));
    // "`is_civic` = keyword list …": a plain snake_case word defined by an equals sign is a column.
    const defined = /^[a-z]+(?:_[a-z]+)+$/.test(name) && /^\s?=\s/.test(reading.slice(code.end - base + 1, code.end - base + 4));
    // "the quarantine prefix `gs://…/2024/`", "the output directory `/mnt/data/…/`": a place data is read from is no field.
    const location = STORAGE_URI.test(name) || /^\/(?:[\w.-]+\/){2,}/.test(name);
    const field = !location && (defined || (!warehouseTable && (FIELD_BEFORE.test(reading.slice(Math.max(0, code.start - base - 30), code.start - base - 1)) || FIELD_AFTER.test(reading.slice(code.end - base + 1, code.end - base + 30)))));
    // A plain word in backticks is a value or a keyword unless the corpus or the registry knows it.
    const known = context.corpus.lookup(name) ?? context.registry.lookup(name);
    // "configs `a` (1k), `b` (61k) and `c`": the names listed after a field are fields too.
    const afterField = lastField !== undefined && code.start - lastField <= 60 && /^[\s`*_]*(?:\([^()]{0,40}\))?\s*(?:,|and|or|;|(?:is|are|in|=|==)\s+(?:(?:one|any)\s+of|among)?)\s*(?:and\s+|or\s+)?[\s`]*$/.test(unit.reading.slice(lastField - base, code.start - base));
    if (field || afterField || ((!IDENTIFIER_SHAPED.test(name) || FIELD_NAME.test(name)) && !known)) {
      found.claim(code.start, code.end);
      fields++;
      fieldSpans.push(code);
      lastField = code.end + 1;
      continue;
    }
    const at = code.start + raw.indexOf(name);
    // Backticks are a deliberate name: `gold_answers` is one, even unknown.
    const before = found.mentions.length;
    found.identify(name, at, at + name.length, 'code');
    // (A span that is never a name is claimed, not identified.)
    if (found.mentions.length > before) codeNames.push(found.mentions[found.mentions.length - 1]!);
  }
  // "`ticket_id`, `queue`, `channel`, `agent_notes`": in a list of code spans that are mostly fields, all are fields.
  // (Only the code names of that list: a table named earlier in the sentence is not one of its fields.)
  // ("(`ocr_text`, `kv_pairs`) comes from `int_kyc_pages`": a name right after "from" is where the fields came from.)
  if (fields >= 2 && fields >= codeNames.length) found.drop(codeNames.filter((m) => !m.corpus && !m.known && !/\b(?:from|of)\s*$/i.test(reading.slice(Math.max(0, m.start - base - 14), m.start - base)) && fieldSpans.some((f) => Math.abs(f.start - m.end) <= 40 || Math.abs(m.start - f.end) <= 40)));

  // A list item's bold or code head is one name, whatever it holds ("**ChatDoctor HealthCareMagic-100k**").
  const head = itemHead(unit);
  const boldHead = head && unit.kind === 'list-item' && /^\s*(?:\*\*|__)/.test(unit.text);
  if (head && boldHead && found.free(head.start, head.end)) {
    const known = context.corpus.lookup(head.name) ?? context.registry.lookup(head.name);
    // "**few-shot**:", "**topics**:" head what a list says, not a dataset.
    const english = identifiers(head.name, wordTokens(head.name)).some((id) => id.compound && id.text === head.name);
    if (known || (writtenAsName(head.name) && !english)) found.identify(head.name, head.start, head.end, 'list-head');
    // (A bold sentence, "**everything in x-v4 is carried over verbatim**", is read for the names in it.)
    else if (head.name.split(/\s+/).length <= 3) found.claim(head.start, head.end);
  }

  // Names of the corpus and the registry, unless they cut an identifier short ("GSM8K" in "gsm8k-rephrased-v2").
  const ids = identifiers(reading, tokens);
  if (context.corpus.size > 0) {
    for (const m of context.corpus.matches(reading, tokens)) {
      if (found.free(base + m.start, base + m.end) && !cutsIdentifier(ids, m.start, m.end)) found.add({ name: m.written, start: base + m.start, end: base + m.end, signal: 'corpus', corpus: m.value });
    }
  }
  for (const m of context.registry.mentions(reading, tokens)) {
    // "given the stack, logs and linked bug": "The Stack" or "The Pile" written in lower case is the phrase.
    if (/^the\s/.test(m.written) && m.written === m.written.toLowerCase()) continue;
    if (found.free(base + m.start, base + m.end) && !cutsIdentifier(ids, m.start, m.end) && !continuesAsAnotherName(reading, m.start, m.end) && !straddlesLink(unit.links, base + m.start, base + m.end)) {
      found.add({ name: m.written, start: base + m.start, end: base + m.end, signal: 'registry', known: m.known });
    }
  }
  for (const id of ids) {
    if (!found.free(base + id.start, base + id.end) || FIELD_NAME.test(id.text)) continue;
    // `ricoig16k/train-*`, `HME100K/composed`: a folder or split inside a dataset, not an `org/name` id.
    if (PATH_IN_DATASET.test(id.text) && !context.corpus.lookup(id.text) && !context.registry.lookup(id.text)) {
      found.claim(base + id.start, base + id.end);
      continue;
    }
    const named = withoutFootnoteMark({ name: id.text, start: id.start, end: id.end }, context);
    found.identify(named.name, base + named.start, base + named.end, isHubId(named.name) ? 'hub-id' : 'identifier', { compound: id.compound });
  }

  // The name a list item or table row is about, when it is written as a name.
  if (head && !boldHead && found.free(head.start, head.end) && (writtenAsName(head.name) || context.corpus.lookup(head.name) || context.registry.lookup(head.name))) {
    found.identify(head.name, head.start, head.end, unit.kind === 'table-row' ? 'table-cell' : 'list-head');
  }

  // In a row of pipes, only the name column names data; the others hold counts, fields and notes.
  if (unit.kind !== 'table-row' && !unit.hasChildren && !AUTHOR_LINE.test(reading)) {
    for (const phrase of namePhrases(reading, tokens)) {
      if (!found.free(base + phrase.start, base + phrase.end)) continue;
      // "LVLM’s capacities": a possessive names an owner, not data.
      if (/['’]s$/.test(phrase.name) || CITATION_AFTER.test(reading.slice(phrase.end, phrase.end + 40))) continue;
      const named = withoutFootnoteMark(phrase, context);
      found.identify(named.name, base + named.start, base + named.end, 'phrase');
    }
  }
  return pairNamesWithIds(found.mentions.sort((a, b) => a.start - b.start), unit);
}

const PLACEHOLDER = /^[[<{][\w .-]{1,40}[\]>}]$/;
const EXPRESSION = /\s(?:IS|NOT|NULL|AND|OR|IN|LIKE|BETWEEN)(?:\s|$)|[=<>!]=?/;
const PATH_IN_DATASET = /^[^/\s]+\/(?:train|test|dev|val|valid|validation|composed|data|images?|default|all|raw|processed|main|shards?|parquet|json)(?:[-_*]\S*)?$/i;


/**
 * "ChatDoctor HealthCareMagic-100k (`lavita/ChatDoctor-HealthCareMagic-100k`)", "Halden Med SFT v5
 * (`halden/halden-med-sft-v5`)": a name with an id in parentheses right after it is the dataset of that id.
 */
const ARROW = /\s(?:->|→|=>)\s/;
const ARROWS = /\s(?:->|→|=>)\s/g;

function pairNamesWithIds(mentions: Mention[], unit: Unit): Mention[] {
  const out: Mention[] = [];
  for (const mention of mentions) {
    const previous = out[out.length - 1];
    // "ClauseBankV2 (`s3://…/v2/`)": where the dataset named before it is kept.
    if (previous && STORAGE_URI.test(mention.name) && /^[\s`]*\([\s`]*$/.test(unit.reading.slice(previous.end - unit.start, mention.start - unit.start))) continue;
    // "`techpubs_xml_2024_11` — the November dump from Tech Pubs at `s3://…/2024-11/`": where that dataset is kept.
    const named = STORAGE_URI.test(mention.name) ? findLast(out, (m) => m.signal !== 'phrase') : undefined;
    if (named && /^[\s`]*(?:[—–(]|-\s)[^.;()]{0,100}\b(?:at|in|under)[\s`'"]*$/.test(unit.reading.slice(named.end - unit.start, mention.start - unit.start))) continue;
    // "call-intents-v1 (2022 IVR set, …)": an unknown phrase in the parentheses after a name describes it.
    if (previous && mention.signal === 'phrase' && !mention.known && !mention.corpus && /^\s*\([^()]*$/.test(unit.reading.slice(previous.end - unit.start, mention.start - unit.start))) continue;
    // "[tutor-session-logs-2024](…) (`lake.tutoring.session_turns`)", "ShareGPT (the `…_split` dump)", "(the ~90k "…_split" dump)": another name of the dataset just named, in brackets.
    if (previous && isSpecific(previous) && !isSpecific(mention) && (mention.signal === 'code' || mention.signal === 'identifier') && /^[\s`]*\([\s`]*(?:(?:the|its|our|their)\s+[\s`]*)?(?:~?\d[\d.,]*\s*[kKmM]?\s+)?["'“]?$/.test(unit.reading.slice(previous.end - unit.start, mention.start - unit.start))) continue;
    const identifies = mention.hubId || mention.corpus || mention.known;
    if (previous && identifies) {
      const gap = unit.reading.slice(previous.end - unit.start, mention.start - unit.start);
      // ("[lims-v2](…) (Spider rows included)": a name that more words follow inside the brackets is not another name of the linked card.)
      const link = unit.links.find((l) => mention.start >= l.start && mention.end <= l.end);
      const closes = previous.signal !== 'card-link' || /^[\s`'"*]*[),;/]/.test(unit.reading.slice((link?.end ?? mention.end) - unit.start, (link?.end ?? mention.end) - unit.start + 6));
      if (gap.length <= 60 && closes && /^\s*\(\s*(?:[\w\s.,-]{0,30},\s*)?$/.test(gap)) {
        // An exact id in parentheses wins over the family name before it ("UltraFeedback (binarized, `org/x`)").
        if (!(previous.hubId || previous.corpus || previous.known) || (mention.hubId && !previous.hubId && previous.signal !== 'card-link')) {
          out[out.length - 1] = { ...previous, hubId: mention.hubId, corpus: mention.corpus, known: mention.known };
          continue;
        }
        // "PubMedQA (`pqa_artificial`, 9,000 questions)": a config or part of the dataset named before it.
        if (!mention.hubId && (mention.signal === 'code' || mention.signal === 'identifier') && !mention.corpus) continue;
      }
    }
    out.push(mention);
  }
  return out;
}

/** The last segment of a path that names a dataset of the corpus, with its offset in the path. */
function corpusFolderIn(path: string, context: CandidateContext): { name: string; offset: number } | undefined {
  const parts = path.split('/');
  let offset = path.length;
  for (let i = parts.length - 1; i >= 0; i--) {
    offset -= parts[i]!.length + (i < parts.length - 1 ? 1 : 0);
    if (parts[i]!.length >= 3 && context.corpus.lookup(parts[i]!)) return { name: parts[i]!, offset };
  }
  return undefined;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

const AUTHOR_LINE = /^\s*(?:by|authors?:?|created by|curated by|maintained by|owner:?|owners:?|contact:?)\s/i;

/** The mentions of one unit and the spans they claim. */
class Found {
  readonly mentions: Mention[] = [];
  /** One flag per character of the unit: claimed or not (checking a span costs its length, not the number of claims). */
  private readonly taken: Uint8Array;

  constructor(
    private readonly context: CandidateContext,
    private readonly base: number,
    end: number,
  ) {
    this.taken = new Uint8Array(Math.max(0, end - base));
  }

  free(start: number, end: number): boolean {
    const to = Math.min(end, this.base + this.taken.length);
    for (let i = Math.max(start, this.base); i < to; i++) if (this.taken[i - this.base]) return false;
    return true;
  }

  add(mention: Mention, claimStart = mention.start, claimEnd = mention.end): void {
    this.mentions.push(mention);
    this.claim(claimStart, claimEnd);
  }

  drop(mentions: readonly Mention[]): void {
    for (const mention of mentions) {
      const i = this.mentions.indexOf(mention);
      if (i >= 0) this.mentions.splice(i, 1);
    }
  }

  /** A span that names nothing and must not be read as a name by a later pass. */
  claim(start: number, end: number): void {
    this.taken.fill(1, Math.max(0, start - this.base), Math.max(0, end - this.base));
  }

  /**
   * A warehouse or catalog table named with its schema (`cb.kb_qa_v3`, `CB_CAI.PRIVACY.COMPLAINTS_ANON_V2`)
   * is the card of the folder its table part names (`kb-qa-v3`), when there is one.
   */
  private catalogTableInCorpus(name: string): CorpusDataset | undefined {
    return catalogTableIn(this.context.corpus, name);
  }

  /** A written name, resolved against the corpus first, then the registry. */
  identify(name: string, start: number, end: number, signal: MentionSignal, extra?: Partial<Mention>): void {
    // `train.jsonl`, `export.py`: a file, not a dataset (a link to one names its folder's dataset instead).
    if (FILE_LIKE.test(name) || TOOL_PATH.test(name)) {
      this.claim(start, end);
      return;
    }
    const inCorpus = this.context.corpus.size > 0 ? (this.context.corpus.lookup(name) ?? this.catalogTableInCorpus(name)) : undefined;
    const known = inCorpus ? undefined : this.context.registry.lookup(name);
    if (!inCorpus && !known && isNeverAName(name)) {
      this.claim(start, end);
      return;
    }
    const mention: Mention = { name, start, end, signal: inCorpus && signal === 'identifier' ? 'corpus' : signal, corpus: inCorpus, known };
    if (isHubId(name) && !isProsePair(name)) mention.hubId = name;
    else if (signal === 'hub-id') mention.signal = 'identifier';
    if (extra) Object.assign(mention, extra);
    this.add(mention);
  }
}

function cutsIdentifier(ids: readonly Identifier[], s: number, e: number): boolean {
  for (const id of ids) if (s < id.end && e > id.start && (s > id.start || e < id.end)) return true;
  return false;
}

/** "the [Stack Overflow Data Dump](…)" is no "The Stack": a name read across a link's edge is two texts run together. */
function straddlesLink(links: readonly Link[], s: number, e: number): boolean {
  for (const link of links) if ((s < link.labelStart && e > link.labelStart) || (s < link.labelEnd && e > link.labelEnd)) return true;
  return false;
}

/** After an author's name in a citation: "Kazemi et al.", "Liu & Yao, 2024", "Wang, 2023". */
const CITATION_AFTER = /^(?:\s+et\s+al\b|\s*(?:&|and)\s+\p{Lu}[\p{L}-]+,?\s*\(?\d{4}|,\s*\d{4}[a-z]?\b|\s*\(\d{4}[a-z]?\))/u;

/**
 * "corpus6", "ShareGPT2", "Magicoder-OSS-Instruct1": a paper's footnote digit glued to a word. Kept when
 * the name with the digit is known, and when the word is one internal names end in before a number
 * ("batch1", "v3", "rc2", "part4").
 */
function withoutFootnoteMark(phrase: { name: string; start: number; end: number }, context: CandidateContext) {
  if (phrase.name.length > MAX_NAME) return phrase;
  const m = /(\p{L}+)\d$/u.exec(phrase.name);
  if (!m || /\p{N}\p{L}*\d$/u.test(phrase.name.slice(-m[0].length - 1)) || VERSION_WORD.test(m[1]!) || m[1]!.length < 3) return phrase;
  if (context.registry.lookup(phrase.name) || context.corpus.lookup(phrase.name)) return phrase;
  const stripped = { name: phrase.name.slice(0, -1), start: phrase.start, end: phrase.end - 1 };
  return /\p{Ll}\d$/u.test(phrase.name) || context.registry.lookup(stripped.name) || context.corpus.lookup(stripped.name) ? stripped : phrase;
}

/** Words an internal name ends in before its number. */
const VERSION_WORD = /^(?:v|r|rc|q|h|batch|set|part|round|wave|split|shard|phase|stage|step|run|release|rev|version|cohort|gen|beta|alpha|pilot|draft|lot|chunk|pack|tier|level|grade|k|x|b|m|t)$/i;

/** "GSM8K-Aug" is not GSM8K: a name that goes on past the known one is another dataset. */
function continuesAsAnotherName(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 2), start);
  if (/[\w]-$|[\w]_$|\/$/.test(before)) return true;
  // "Airoboros 2.2" is a version the registry does not name; "TREC CAsT" is another dataset.
  if (/^\s+v?\d+(?:\.\d+)+\b/.test(after) || /^\s+(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu})[\p{L}\d]*/u.test(after)) return true;
  const suffix = /^[-_]([A-Za-z0-9]+)/.exec(after);
  if (!suffix) return false;
  return !/^(?:train|test|dev|val|validation|style|format|like|based|derived|level|type|en|zh|v\d|\d+k?)$/i.test(suffix[1] ?? '');
}
