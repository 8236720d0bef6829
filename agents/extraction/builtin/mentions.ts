/**
 * Finds the dataset names a unit mentions: Hugging Face links and ids, GitHub links, well-known
 * datasets by any spelling, the head of a list item, the name cell of a table row, and name-like
 * phrases. Offsets are absolute (into the document text). Deciding which mentions are sources is not
 * this module's job.
 */
import { cleanHubId, HUB_DATASET_URL, hubIdFromUrl } from '../../../shared/domain/hub.js';
import { isHubId } from '../../../shared/domain/names.js';
import type { Registry } from '../../../shared/registry/resolve.js';
import type { KnownDataset } from '../../../shared/registry/types.js';
import type { Unit } from './units.js';

export type MentionSignal = 'yaml' | 'hub-link' | 'hub-id' | 'github' | 'registry' | 'list-head' | 'table-cell' | 'phrase';

export interface Mention {
  /** The name as written (link text where a link has one). */
  name: string;
  /** A hub id when the mention carries one. */
  hubId?: string;
  known?: KnownDataset;
  start: number;
  end: number;
  signal: MentionSignal;
  /** Named as a component by the document's structure (a `datasets = [...]` list), cue or no cue. */
  listed?: boolean;
}

const HUB_LINK = HUB_DATASET_URL;
const MARKDOWN_LINK = /\[([^\]\n]{1,200})\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
/** Link texts that name nothing: "here", "link", "Dataset Link", a bare URL. */
const GENERIC_LABEL = /^(?:https?:.*|(?:the\s+)?(?:dataset\s+|data\s+|hf\s+|hub\s+)?(?:link|here|this|dataset|data|hf|hugging\s*face(?:\s+hub)?|hub|page|source|repo|repository|github|download|🤗)(?:\s+link)?)$/i;
const ANY_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'`|]+/g;
const GITHUB_LINK = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)/g;
const BARE_HUB_ID = /(?<![\w/.@:-])([A-Za-z0-9][\w.-]*[A-Za-z0-9]\/[A-Za-z0-9][\w.-]*[A-Za-z0-9])(?![\w/-]|\.\w)/g;
const FILE_LIKE = /\.(?:json|jsonl|csv|tsv|parquet|py|ipynb|md|txt|gz|zip|tar|yaml|yml|arrow|png|jpg|pdf|html?)$/i;
/** Word pairs with a slash that are prose, not ids. */
const PROSE_PAIR = /^(?:[a-z]+)\/(?:[a-z]+)$/;

/** Capitalised words that begin sentences or phrases but never name a dataset on their own. */
const PHRASE_STOPWORDS = new Set(
  ('a an the this that these those we our us it its they their in on of for from to by with and or as at into onto via ' +
    'then finally first second third next moreover additionally however specifically further furthermore also each all both ' +
    'some many most other others such which where when while here there using based following including namely respectively ' +
    'table tables figure figures section appendix total note notes data dataset datasets source sources subset subsets ' +
    'train training test testing validation dev split splits question questions answer answers instruction instructions ' +
    'prompt prompts response responses sample samples example examples task tasks general english chinese none no not ' +
    'only every any one two three several various new our your its lastly finally firstly secondly thirdly besides meanwhile ' +
    'therefore thus hence overall additionally notably importantly similarly likewise instead otherwise images image ' +
    'documents document videos video charts chart pdf pdfs text texts').split(' '),
);

export function findMentions(unit: Unit, registry: Registry): Mention[] {
  const text = unit.text;
  const base = unit.start;
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([ts, te]) => s < te && e > ts);
  const add = (mention: Mention, claim: [number, number] = [mention.start - base, mention.end - base]) => {
    mentions.push(mention);
    taken.push(claim);
  };

  // Markdown links: the link text names the dataset, the URL may carry its hub id.
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const [whole, label = '', url = ''] = m;
    const hub = hubIdFromUrl(url);
    const start = base + m.index;
    const labelStart = start + 1;
    const plainLabel = stripMarkup(label);
    if (hub) {
      const named = plainLabel && !GENERIC_LABEL.test(plainLabel);
      add({ name: named ? plainLabel : hub, hubId: hub, known: registry.lookup(hub), start: labelStart, end: labelStart + label.length, signal: 'hub-link' }, [m.index, m.index + whole.length]);
    } else if (GITHUB_LINK.test(url)) {
      GITHUB_LINK.lastIndex = 0;
      const named = plainLabel && !GENERIC_LABEL.test(plainLabel);
      add({ name: named ? plainLabel : repoName(url), known: registry.lookup(plainLabel), start: labelStart, end: labelStart + label.length, signal: 'github' }, [m.index, m.index + whole.length]);
    } else {
      // A link elsewhere (paper, blog): its text may still be a dataset name; the URL is not.
      taken.push([m.index + 2 + label.length, m.index + whole.length]);
    }
  }
  for (const m of text.matchAll(HUB_LINK)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const hub = cleanHubId(m[1] ?? '');
    if (!hub) continue;
    add({ name: hub, hubId: hub, known: registry.lookup(hub), start: base + m.index, end: base + m.index + m[0].length, signal: 'hub-link' });
  }
  for (const m of text.matchAll(GITHUB_LINK)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const repo = (m[2] ?? '').replace(/\.git$/, '');
    add({ name: repo, known: registry.lookup(repo), start: base + m.index, end: base + m.index + m[0].length, signal: 'github' });
  }
  // Other URLs are never names; mask them before looking for ids and words.
  for (const m of text.matchAll(ANY_URL)) if (!overlaps(m.index, m.index + m[0].length)) taken.push([m.index, m.index + m[0].length]);

  for (const m of text.matchAll(BARE_HUB_ID)) {
    const id = m[1] ?? '';
    if (overlaps(m.index, m.index + id.length) || !isHubId(id) || FILE_LIKE.test(id) || /^\d/.test(id)) continue;
    const known = registry.lookup(id);
    if (!known && (PROSE_PAIR.test(id) || !/[a-z0-9_-]/.test(id))) continue;
    add({ name: id, hubId: id, known, start: base + m.index, end: base + m.index + id.length, signal: 'hub-id' });
  }

  for (const r of registry.mentions(text)) {
    if (overlaps(r.start, r.end) || continuesAsAnotherName(text, r.start, r.end)) continue;
    add({ name: r.written, known: r.known, start: base + r.start, end: base + r.end, signal: 'registry' });
  }

  // `datasets = ['squad', 'HotpotQA', …]` in a config or script: each quoted name is a listed component.
  const assigned = /\b(?:datasets?|data_sources|sources|subsets|mixture|components)\w*\s*[=:]\s*\[([^\]]*)\]?/i.exec(text);
  if (assigned?.[1] !== undefined) {
    const listStart = assigned.index + assigned[0].indexOf('[') + 1;
    for (const q of assigned[1].matchAll(/['"]([^'"\n]{2,80})['"]/g)) {
      const at = listStart + q.index + 1;
      if (overlaps(at, at + q[1]!.length)) continue;
      add({ name: q[1]!, known: registry.lookup(q[1]!), start: base + at, end: base + at + q[1]!.length, signal: 'list-head', listed: true });
    }
  }

  const head = unit.hasChildren ? undefined : itemHead(unit);
  if (head && !overlaps(head.start - base, head.end - base)) {
    add({ name: head.name, known: registry.lookup(head.name), start: head.start, end: head.end, signal: unit.kind === 'table-row' ? 'table-cell' : 'list-head' });
  }

  // In a row of pipes, only the first cell names data; the others hold counts, fields and notes.
  const firstCellEnd = unit.kind === 'table-row' || (text.match(/\|/g)?.length ?? 0) >= 2 ? firstCellEndOf(text) : text.length;
  const authorLine = /^\s*(?:by|authors?:?|created by|curated by)\s/i.test(text);
  for (const found of namePhrases(text)) {
    if (overlaps(found.start, found.end) || found.start >= firstCellEnd || authorLine || unit.hasChildren) continue;
    // "LVLM’s capacities": a possessive names an owner, not data.
    if (/['’]s$/.test(found.name)) continue;
    if (CITATION_AFTER.test(text.slice(found.end, found.end + 40))) continue;
    const phrase = withoutFootnoteMark(found, registry);
    if (FILE_LIKE.test(phrase.name)) continue;
    add({ name: phrase.name, known: registry.lookup(phrase.name), start: base + phrase.start, end: base + phrase.end, signal: 'phrase' });
  }
  return pairLabelsWithLinks(mentions.sort((a, b) => a.start - b.start), registry);
}

/**
 * "the Open Assistant dataset, which you can find here: https://huggingface.co/datasets/OpenAssistant/oasst1"
 * and "**X** : [Dataset Link](…)": a name with a bare or unlabelled hub link right after it is that hub
 * dataset, written by its name.
 */
function pairLabelsWithLinks(mentions: Mention[], registry: Registry): Mention[] {
  const out: Mention[] = [];
  for (const mention of mentions) {
    const previous = out[out.length - 1];
    const unlabelled = mention.signal === 'hub-link' && mention.hubId !== undefined && mention.name === mention.hubId;
    if (unlabelled && previous && previous.signal !== 'hub-link' && mention.start - previous.end <= 60) {
      out[out.length - 1] = { ...previous, hubId: mention.hubId, known: registry.lookup(mention.hubId!), signal: 'hub-link' };
      continue;
    }
    out.push(mention);
  }
  return out;
}


function repoName(url: string): string {
  return url.replace(/\/+$/, '').split('/').pop()?.replace(/\.git$/, '') ?? url;
}

/** After an author's name in a citation: "Kazemi et al.", "Liu & Yao, 2024", "Wang, 2023". */
const CITATION_AFTER = /^(?:\s+et\s+al\b|\s*(?:&|and)\s+\p{Lu}[\p{L}-]+,?\s*\(?\d{4}|,\s*\d{4}[a-z]?\b|\s*\(\d{4}[a-z]?\))/u;

/** Words after a name that make it a method, model, tool or place rather than data. */
export const NOT_DATA_AFTER =
  /^(?:['’]s\b|[\s-]+(?:phase|stage|step|method|methods|model|models|approach|pipeline|framework|algorithm|paper|team|project|platform|search|api|sdk|library|tool|toolkit|website|engine|prompting|technique|strategy|loss|objective|series|family|score|metric|license|format|style|template|architecture|encoder|tokenizer|judge|annotators?|interface|challenges?|competitions?|companies|company|university|institute|editor|parameters|users|students|teachers|workers|researchers|authors|capabilities|abilities|skills|performance)\b)/i;

/** "Library1", "Magicoder-OSS-Instruct1": a footnote digit glued to a name (kept when the registry knows the name with it). */
function withoutFootnoteMark(phrase: { name: string; start: number; end: number }, registry: Registry) {
  if (!/\p{L}\d$/u.test(phrase.name) || registry.lookup(phrase.name)) return phrase;
  const stripped = { name: phrase.name.slice(0, -1), start: phrase.start, end: phrase.end - 1 };
  return /\p{Ll}\d$/u.test(phrase.name) || registry.lookup(stripped.name) ? stripped : phrase;
}

function firstCellEndOf(text: string): number {
  const cells = text.split('|');
  let offset = 0;
  for (const cell of cells) {
    offset += cell.length + 1;
    if (cell.trim()) return offset - 1;
  }
  return text.length;
}

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

/** Markdown emphasis, code and link syntax removed, whitespace folded. */
export function stripMarkup(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{1,200}>/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name a list item or table row is about: bold or code text, else the text before a colon, a dash
 * or a parenthesis. For table rows, the cell under a "dataset"/"source"/"name" column.
 */
function itemHead(unit: Unit): { name: string; start: number; end: number } | undefined {
  if (unit.kind === 'table-row') {
    const header = unit.header ?? [];
    let column = header.findIndex((h) => /\b(?:datasets?|sources?|subsets?|corpus|corpora|collections?|origin)\b/i.test(h));
    if (column < 0) column = header.findIndex((h) => /^\s*(?:name|data)\s*$/i.test(h));
    const cell = column >= 0 ? unit.cells?.[column] : undefined;
    if (!cell) return undefined;
    return trimmedName(cell.text, cell.start);
  }
  if (unit.kind !== 'list-item') return undefined;
  const text = unit.text;
  const strong = /^\s*(?:\*\*|__|`)([^*_`\n]{2,80})(?:\*\*|__|`)/.exec(text);
  if (strong) {
    const at = unit.start + strong.index + strong[0].indexOf(strong[1]!);
    return trimmedName(strong[1]!, at);
  }
  const lead = /^([^:–—(\n]{2,80}?)(?:\s*[:–—(]|\s+-\s|$)/.exec(text);
  if (!lead?.[1]) return undefined;
  return trimmedName(lead[1], unit.start);
}

function trimmedName(raw: string, at: number): { name: string; start: number; end: number } | undefined {
  // Table cells may carry their pipes.
  const inner = /^[\s|]*([\s\S]*?)[\s|]*$/.exec(raw)?.[1] ?? raw;
  at += raw.indexOf(inner);
  raw = inner;
  const leading = raw.length - raw.trimStart().length;
  const name = stripMarkup(raw);
  if (!name || name.length > 80 || name.split(' ').length > 8) return undefined;
  if (/^[\d.,%\s]+$/.test(name)) return undefined;
  return { name, start: at + leading, end: at + raw.trimEnd().length };
}

/**
 * Name-like phrases: runs of capitalised, CamelCase, ALL-CAPS or digit-bearing words ("Social Bias
 * Inference Corpus", "OpenWebMath", "SciQ", "WikiHow"), with leading function words dropped.
 */
export function namePhrases(text: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’]*(?:[-_.][\p{L}\p{N}]+)*/gu;
  let run: Array<{ text: string; start: number; end: number }> = [];
  const flush = () => {
    while (run.length > 0 && PHRASE_STOPWORDS.has(run[0]!.text.toLowerCase())) run.shift();
    while (run.length > 0 && PHRASE_STOPWORDS.has(run[run.length - 1]!.text.toLowerCase()) && !/^(?:Data|Dataset|Corpus|Collection|QA)$/.test(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0 && run.length <= 6) {
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      out.push({ name: text.slice(start, end), start, end });
    }
    run = [];
  };
  let previousEnd = 0;
  for (const m of text.matchAll(word)) {
    const token = { text: m[0], start: m.index, end: m.index + m[0].length };
    const gap = text.slice(previousEnd, token.start);
    const nameLike = /^\p{Lu}/u.test(token.text) || /\p{N}/u.test(token.text) || /\p{Ll}\p{Lu}/u.test(token.text);
    const joiner = run.length > 0 && /^(?:of|for|the|de)$/.test(token.text) && !/[,;:()]/.test(gap);
    if (run.length > 0 && (/[,;:()[\]"|]/.test(gap) || gap.length > 2 || gap.includes('\n'))) flush();
    if (nameLike || joiner) run.push(token);
    else flush();
    previousEnd = token.end;
  }
  flush();
  // A trailing joiner ("X and") is not part of the name.
  return out
    .map((p) => {
      const trimmed = p.name.replace(/\s+(?:of|for|the|de)$/i, '');
      return { name: trimmed, start: p.start, end: p.start + trimmed.length };
    })
    .filter((p) => p.name.length >= 2)
    .filter((p) => !/^\d{4}[a-z]?$/.test(p.name) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$/i.test(p.name))
    // A lone Title-case word opening the sentence is just capitalised ("Completions come from…").
    .filter((p) => !(/^\p{Lu}\p{Ll}+$/u.test(p.name) && /^[\s*_>#|-]*$/.test(text.slice(0, p.start))))
    .filter((p) => !/^\d/.test(p.name) || /^\d+[A-Za-z]/.test(p.name))
    // An acronym in parentheses after lower-case words abbreviates a method or term: "backward reasoning (FOBAR)".
    .filter((p) => !(/^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(p.name) && /\p{Ll}\s*\($/u.test(text.slice(Math.max(0, p.start - 3), p.start)) && text[p.end] === ')'));
}
