/**
 * The dataset a document describes, and every name it gives it: the caller's word, the card's
 * pretty_name, its first heading (without "Dataset card for"), its folder or file name, and the
 * `org/name` ids it writes for itself. Ingest and tracing read these first, so the cards of a folder can
 * name each other.
 */
import { basename, dirname, extname } from 'node:path';
import { idForName, isHubId, nameKey, shortName } from '../../shared/domain/names.js';
import type { Registry } from '../../shared/registry/resolve.js';
import type { CardMetadata } from './card.js';
import { atxHeading } from './headings.js';

export interface DocumentIdentity {
  name: string;
  id: string;
  /** Other names the document gives its dataset (the name and id excluded). */
  aliases: string[];
}

export interface IdentityInput {
  text: string;
  path?: string;
  metadata?: CardMetadata;
  bodyStart?: number;
  /** The folder a README or card stands for, when the caller knows it. */
  folderName?: string;
  /** The dataset the document describes, when the caller knows it. */
  self?: { name: string; id?: string };
}

const GENERIC_STEM = /^(?:readme|card|dataset|dataset_card|dataset-card|datacard|data_card|index|paper|blog|notes?|description|about|eval|evals|mix|mixture|config|meta|metadata|spec|manifest|info|data)$/i;
const CARD_PREFIX = /^(?:(?:the\s+)?dataset\s+card\s+(?:for|of)\s*:?|dataset\s*card\s*:|dataset\s*:|data\s*card\s*:|card\s*:)\s*/i;
/** "Data statement — crop-faq-v2", "Datasheet: x", "RFC: x", "ADR-019: x — why": the kind of document before the dataset's name. */
const DOCUMENT_KIND_PREFIX = /^(?:data\s*statement|data\s*sheet|datasheet(?:\s+for)?|rfc(?:[-\s]?\d{1,5})?|adr(?:[-\s]?\d{1,5})?|design\s+doc|decision\s+record|proposal|one-pager)\s*(?::|\s[–—-])\s*(?=\S)/i;
/** "KPE-1874: review-comments-clean-v2 — …", "RA-77 — Build substitution-qa-r1": the ticket the page was written for, not the dataset's name. */
const TICKET_PREFIX = /^[A-Z][A-Z0-9]{1,11}-\d{1,6}\s*(?::|\s[–—-])\s*(?=\S)/;

export function identifyDocument(input: IdentityInput, registry: Registry): DocumentIdentity {
  const names = documentNames(input);
  if (input.self) {
    const id = input.self.id ?? registry.lookup(input.self.name)?.id ?? idForName(input.self.name);
    return { name: input.self.name, id, aliases: names.filter((n) => nameKey(n) !== nameKey(input.self!.name) && n !== id) };
  }
  const name = names[0] ?? 'untitled';
  const known = names.map((n) => registry.lookup(n)).find(Boolean);
  const id = known?.id ?? idForName(name);
  return { name, id, aliases: [...new Set(names.slice(1).concat(known ? [known.name] : []))].filter((n) => n !== id && nameKey(n) !== nameKey(name)) };
}

/** Every name the document gives its dataset, the preferred first. */
export function documentNames(input: IdentityInput): string[] {
  const names: string[] = [];
  if (input.metadata?.prettyName) names.push(input.metadata.prettyName.trim());
  const heading = firstHeading(input.text, input.bodyStart ?? 0);
  const folder = input.folderName ?? folderOf(input.path);
  const stem = fileStem(input.path);
  // A page with no title of its own ("## Components" first) is named by its folder or file before its first section.
  const titled = heading !== undefined && heading.depth === 1;
  if (heading && titled) names.push(...headingNames(heading.title));
  if (folder) names.push(folder);
  if (stem) names.push(stem);
  if (heading && !titled) names.push(...headingNames(heading.title));
  names.push(...selfHubIds(input.text.slice(0, 20_000), names));
  names.push(...yamlIds(input.metadata?.raw), ...statedIds(input.text, input.bodyStart ?? 0), ...ownCatalogIds(input.text));
  return [...new Set(names.filter((n) => nameKey(n).length >= 2))];
}

/**
 * A catalog export's own URN, on its labelled header line or row ("| URN | `urn:li:dataset:(hive,cb.chat_sft_v3,PROD)` |"):
 * the table name inside it is the dataset's catalog id.
 */
const OWN_URN = /^[^\n]{0,40}\b(?:URN|urn|Qualified\s+name|Asset\s+id)\b[^\n]{0,40}?`?urn:li:dataset:\([\w-]{1,40},([\w.-]{2,120}),[A-Za-z]{2,12}\)/m;

/** "> **Amundsen** · table `cb_raw.api_specs_2024` · database `s3` · cluster `prod`": a catalog header line naming its own table. */
const OWN_TABLE_LINE = /^[^\n]{0,60}\btable\s+`([\w-]{1,60}\.[\w.-]{1,80})`[^\n]{0,120}\b(?:database|cluster|schema|owner|badges)\b[^\n]*$/im;

/** A page-properties row naming the page's own id or place: "| Registry id | `cai.mix.instruct_v4` |", "| Path | `s3://…/v2/` |". */
const OWN_ID_ROW = /^\|[ \t]*[*_]{0,2}(?:(?:registry|catalog(?:ue)?|dataset|lakehouse|warehouse)[ \t]+)?(?:id|table|path|location)[*_]{0,2}[ \t]*\|[ \t]*`([^`\n]{2,120})`[ \t]*\|/gim;

function ownCatalogIds(text: string): string[] {
  const head = text.slice(0, 5_000);
  const m = OWN_URN.exec(head);
  const table = OWN_TABLE_LINE.exec(head);
  const rows = [...head.matchAll(OWN_ID_ROW)].map((r) => r[1]!).slice(0, 4);
  return [m?.[1], table && !/\b(?:from|built|derived|based|upstream|source)\b/i.test(table[0]) ? table[1] : undefined, ...rows].filter((n): n is string => Boolean(n));
}

/** Front-matter keys that give the dataset's own id: `dataset_id: adverse-events-v3`, `catalog: rd:pv_adverse_events`. */
const OWN_ID_KEY = /^(?:dataset|dataset_id|id|catalog|catalog_id|catalogue|hub_id|repo_id|aliases?|also_known_as|aka)$/i;
/** What can be an id: no spaces, not too long. */
const ID_SHAPED = /^[\w][\w.:/@-]{1,119}$/;

function yamlIds(raw: Record<string, unknown> | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!OWN_ID_KEY.test(key)) continue;
    for (const item of Array.isArray(value) ? value.slice(0, 20) : [value]) if (typeof item === 'string' && ID_SHAPED.test(item.trim())) out.push(item.trim());
  }
  return out;
}

/** A line of labelled ids near the top: "Catalog: `kf:x`", "**ID:** `x`", "a.k.a. `y`", "Location: `s3://…`". */
const ID_LABEL = /^[ \t]*(?:[-*][ \t]+)?[*_]{0,2}(?:catalog(?:ue)?(?:[ \t]+id)?|dataset[ \t]+(?:id|name)|id|hub(?:[ \t]+id)?|location|bucket|storage|a\.?k\.?a\.?|also[ \t]+known[ \t]+as|aliases?|(?:(?:lakehouse|warehouse|hive|delta)[ \t]+)?table|lakehouse|warehouse)[*_]{0,2}[ \t]*:[ \t]*[*_]{0,2}[ \t]*((?:`[^`\n]{2,120}`[ \t,;·|/]*){1,4})/gim;
/** "… Catalog id `dl:underwriting.guidelines_2024`.", "… Lakehouse: `convai.triage_intents_v5`.": an id named so within a sentence. */
const ID_IN_TEXT = /\b(?:(?:catalog(?:ue)?|dataset|hub|registry)[ \t]+id[ \t]*[:=]?|(?:lakehouse|warehouse)(?:[ \t]+table)?[ \t]*[:=])[ \t]*(`[^`\n]{2,120}`)/gi;
/** "This is a snapshot (2025-01-31) of the warehouse table `dwh.claims.coverage_decisions`": the card is that table, taken at a date. */
const SNAPSHOT_OF_TABLE = /(?:^|[.!]\s+|\n)[ \t]*(?:this\s+(?:dataset\s+)?is\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?snapshot\s+(?:\([^()\n]{0,30}\)\s+)?of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?`([a-z][\w-]*(?:\.[a-z][\w-]*){1,3})`/gi;
/** "Source table `dw.trust.seller_reviews` partition `2024q2`": the card is one partition of that table. */
const PARTITION_OF_TABLE = /\btable[ \t]+`([a-z][\w-]*(?:\.[a-z][\w-]*){1,3})`,?[ \t]+partition\b/gi;
/** A line right under the title that opens with code spans: "`cat:content.curriculum_outlines`", "`a` · `b`", "`lake.x` — every message…". */
const ID_LINE = /^[ \t]*((?:`[^`\n]{2,120}`[ \t,;·|/]*){1,4})[ \t]*(?:$|[—–:][ \t]|-[ \t])/;

/** The ids a card states for itself in its first lines (bounded: the first 40 lines after the body starts). */
function statedIds(text: string, bodyStart: number): string[] {
  const lines = text.slice(bodyStart, bodyStart + 6000).split('\n').slice(0, 40);
  const out: string[] = [];
  const spans = (list: string) => [...list.matchAll(/`([^`\n]{2,120})`/g)].map((m) => m[1]!.trim()).filter((id) => ID_SHAPED.test(id));
  const top = lines.join('\n');
  for (const m of top.matchAll(ID_LABEL)) out.push(...spans(m[1]!));
  for (const m of top.matchAll(ID_IN_TEXT)) out.push(...spans(m[1]!));
  for (const m of top.matchAll(SNAPSHOT_OF_TABLE)) out.push(m[1]!);
  for (const m of top.matchAll(PARTITION_OF_TABLE)) out.push(m[1]!);
  for (const m of top.matchAll(PROPERTY_NAME)) if (/[-_.\d]/.test(m[1]!)) out.push(m[1]!);
  const title = lines.findIndex((line) => atxHeading(line, 2)?.title);
  const next = title >= 0 ? lines.slice(title + 1).find((line) => line.trim() !== '') : undefined;
  const line = next !== undefined ? ID_LINE.exec(next) : null;
  if (line) out.push(...spans(line[1]!));
  return out;
}

/** `org/name` ids the document writes for itself ("available as `acme/support-dialogs-v3`"): an org before one of its names. */
function selfHubIds(text: string, names: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const name of names) {
    if (!/^[\w.-]+$/.test(name)) continue;
    const needle = `/${name.toLowerCase()}`;
    for (let at = lower.indexOf(needle), seen = 0; at > 0 && seen < 20; at = lower.indexOf(needle, at + 1), seen++) {
      const after = text[at + needle.length];
      if (after !== undefined && /[\w/-]/.test(after)) continue;
      let start = at;
      while (start > 0 && /[\w.-]/.test(text[start - 1]!)) start--;
      if (start > 0 && /[\w/.@:]/.test(text[start - 1]!)) continue;
      const id = text.slice(start, at + needle.length);
      if (isHubId(id) && nameKey(shortName(id)) === nameKey(name)) out.push(id);
    }
  }
  return out;
}

/** The text of the first level-1 or level-2 heading within the first 20,000 characters of the body. */
/** The card's title: its first level-1 heading (`# x`, or `x` over `===`), else its first level-2 one. */
function firstHeading(text: string, from: number): { title: string; depth: number } | undefined {
  const stop = Math.min(text.length, from + 20_000);
  let second: string | undefined;
  let previous = '';
  for (let at = from; at < stop; ) {
    let end = text.indexOf('\n', at);
    if (end < 0 || end > stop) end = stop;
    const line = text.slice(at, end);
    // "nq-utility-filter" over "=================" is a level-1 heading too.
    if (/^ {0,3}=+[ \t]*$/.test(line) && previous.trim() && !/^\s*(?:[-*+>|#]|\d+[.)])/.test(previous)) return { title: previous.trim(), depth: 1 };
    const heading = atxHeading(line, 2);
    if (heading?.title) {
      if (heading.depth === 1) return { title: heading.title, depth: 1 };
      // "## Components", "## Summary": a section of a page that has no title, not its title.
      if (!SECTION_TITLE.test(heading.title)) second ??= heading.title;
    }
    previous = line;
    at = end + 1;
  }
  return second === undefined ? undefined : { title: second, depth: 2 };
}

const MAX_HEADING = 500;

/** The usual section headings of a card. */
const SECTION_TITLE =
  /^[\W\d]*(?:components?|summary|overview|sources?|data\s+sources?|lineage|upstream|data|description|composition|usage|uses|intended\s+uses?|changelog|change\s+log|history|notes?|schema|details|provenance|contents|motivation|collection(?:\s+process)?|status|properties|background|context|known\s+(?:issues|limitations)|limitations|licen[cs]e|citation|faq|method(?:ology)?|pipeline|construction|processing|splits?|statistics|stats|format|fields|columns|structure|maintenance|contacts?|references|related|see\s+also|decisions?|alternatives(?:\s+considered)?|consequences|how\s+it\s+was\s+(?:built|made))[\s:.]*$/i;
/** A page-properties row (two cells) that names the dataset: "| Name | fleet-chat-sft-v3 |", "| Dataset ID | `x` |". */
const PROPERTY_NAME = /^\|\s*\**(?:name|dataset(?:\s+(?:name|id))?|id|slug|(?:fully\s+)?qualified\s+name|table)\**\s*\|\s*`?([\p{L}\p{N}][\p{L}\p{N}_./:@-]{1,119})`?\s*\|[ \t]*$/gimu;

/** "Dataset Card for Billing Chats v3", "billing-chats-v3: billing transcripts (v3)" → the names in it. */
function headingNames(heading: string): string[] {
  // A title longer than the bound is no name; the bound keeps these patterns linear.
  const plain = heading
    .slice(0, MAX_HEADING)
    .replace(/!?\[([^\]]{0,300})\]\([^()]{0,2000}\)/g, '$1')
    .replace(/<[^<>]{0,200}>/g, '').replace(/[*_`]+(?=\S)|(?<=\S)[*_`]+/g, '').replace(CARD_PREFIX, '').replace(DOCUMENT_KIND_PREFIX, '').replace(TICKET_PREFIX, '').trim();
  if (!plain) return [];
  const out = [plain];
  // An identifier before a colon or dash that explains it ("billing-chats-v3: billing transcripts").
  const head = /^(\S{2,80}?)\s*(?::|\s[–—-]\s|\s\()/.exec(plain)?.[1];
  if (head && head !== plain && /[\p{L}\p{N}][-_./][\p{L}\p{N}]|\p{L}\p{N}/u.test(head)) out.unshift(head.trim());
  // "Composition of booking-change-dialogs-v3", "Rationale traces (review-rationale-cot-v1)": a title in
  // words around one versioned identifier names the dataset by that identifier (a model card's title names a model).
  else if (/\s/.test(plain) && !/^model\s*card\b/i.test(plain)) {
    const ids = new Set([...plain.matchAll(/[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+/gu)].map((m) => m[0]).filter((id) => /\p{N}/u.test(id) && /\p{L}/u.test(id)));
    if (ids.size === 1) out.unshift(...ids);
  }
  return out;
}

function folderOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const stem = basename(path, extname(path));
  return GENERIC_STEM.test(stem) ? basename(dirname(path)) || undefined : undefined;
}

function fileStem(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const stem = basename(path, extname(path));
  return GENERIC_STEM.test(stem) ? undefined : stem;
}
