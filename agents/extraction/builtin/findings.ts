/** What the extractor found in one place of a document, and how findings of one dataset merge into one source. */
import { idForName, isHubId, nameKey, shortName } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import type { EvidenceSpan, ExtractedSource } from '../types.js';
import { STORAGE_URI, type Mention } from './candidates/mention.js';
import { versionLabel } from './judge/names.js';

export interface Finding {
  mention: Mention;
  relation: Relation;
  /** The relation was read from the words, not defaulted: it outvotes defaulted ones when merging. */
  explicitRelation: boolean;
  /** The words say the items were taken as they are: a transformation stated for the section does not apply. */
  asIs?: boolean;
  /** The headings the finding sits under, for section-level relation words. */
  section: string;
  confidence: number;
  evidence: EvidenceSpan[];
  /** Which words governed it (for explanations and tests). */
  signal: string;
  /** Found in YAML, a table row or a list item rather than a sentence. */
  structured?: boolean;
  /** Found in a row of a table: a components table's rows are the parts of one whole. */
  tableRow?: boolean;
  /** Its relation is the one its list's lead says of every item ("Built from (sampling weights):"). */
  fromLead?: boolean;
  /** The name a list item opens with ("- X — 15,000 dialogues"): the items of a list of parts. */
  itemHead?: boolean;
  /** A part of a config's dataset list (`datasets: [{"id": "x", "weight": 0.4}]`). */
  configPart?: boolean;
  /** Named as where the prompts (questions, inputs) came from: "prompts kept from X", "| input | X, unchanged |". */
  promptSide?: boolean;
}

const identities = new WeakMap<Mention, { id: string; name: string; key: string }>();

/** The dataset a mention names: a corpus dataset, a well-known one, a hub id, or a new one by its written name. */
function identityOf(mention: Mention): { id: string; name: string; key: string } {
  let identity = identities.get(mention);
  if (!identity) {
    const { id, name } = mention.corpus ?? mention.known ?? (mention.hubId ? { id: mention.hubId, name: mention.name } : { id: idForName(mention.name), name: mention.name });
    identity = { id, name, key: nameKey(id) };
    identities.set(mention, identity);
  }
  return identity;
}

/** One source per dataset: highest confidence, relation voted by confidence, evidence joined. */
export function merge(findings: Finding[], text = ''): ExtractedSource[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = identityOf(finding.mention).key;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  // A written name that is the short name of a hub id found in the same document is that dataset.
  const byShortName = new Map<string, Finding[]>();
  // (A code call's `load_dataset("casehold/casehold")` names a hub id too.)
  for (const group of groups.values()) {
    for (const f of group) {
      const hubId = f.mention.hubId ?? (isHubId(f.mention.name) ? f.mention.name : undefined);
      if (hubId) byShortName.set(nameKey(shortName(hubId)), group);
    }
  }
  for (const [key, group] of groups) {
    if (group.some((f) => f.mention.hubId || f.mention.known || f.mention.corpus)) continue;
    const target = byShortName.get(key);
    if (target && target !== group) {
      target.push(...group);
      groups.delete(key);
    }
  }
  joinTableAliases(groups, text);
  joinYamlSpellings(groups);
  joinFamilyNames(groups, text);
  joinStoragePaths(groups);
  dropTakenThroughCards(groups);
  return [...groups.values()]
    .map((group) => {
      const best = group.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      const votes = new Map<Relation, number>();
      // A relation read from the words outweighs a defaulted one (YAML source_datasets says nothing of how).
      for (const f of group) votes.set(f.relation, (votes.get(f.relation) ?? 0) + f.confidence * (f.explicitRelation ? 1 : 0.3));
      const relation = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const identified = group.find((f) => f.mention.corpus) ?? group.find((f) => f.mention.known || f.mention.hubId) ?? best;
      // The card's words first: a YAML list line says less to a reader than the sentence about the source.
      const evidence = dedupeSpans(group.sort((a, b) => Number(a.signal === 'yaml') - Number(b.signal === 'yaml') || b.confidence - a.confidence).flatMap((f) => f.evidence)).slice(0, 5);
      const { id, name } = identityOf(identified.mention);
      return {
        id,
        name,
        relation,
        confidence: best.confidence,
        evidence,
        signals: [...new Set(group.map((f) => f.signal))],
        structured: group.some((f) => f.structured),
      };
    })
    .sort((a, b) => b.confidence - a.confidence || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Hub-style cards list `source_datasets` in their own spelling (`lec/ehs-safety-manuals`,
 * `extended|outage-calls-redacted`, `billing_emails_scrubbed`) and link the same dataset's card in the
 * prose: a YAML name that resolves to nothing and shares its words with exactly one card of the folder
 * the prose names is that card. Tables and paths stay datasets of their own (`dwh.fsm.work_orders`).
 */
function joinYamlSpellings(groups: Map<string, Finding[]>): void {
  const cards = [...groups.values()].filter((g) => g.some((f) => f.mention.corpus) && !g.some((f) => f.signal === 'yaml'));
  if (cards.length === 0) return;
  for (const [key, group] of groups) {
    if (!group.every((f) => f.signal === 'yaml' && !f.mention.corpus && !f.mention.known)) continue;
    const written = shortName(group[0]!.mention.name);
    if (/[.:]/.test(written)) continue;
    const words = wordsOf(written);
    const needed = Math.min(2, words.size);
    const matches = cards.filter((card) => {
      const corpus = card.find((f) => f.mention.corpus)!.mention.corpus!;
      if (differentVersions(written, corpus.id)) return false;
      const theirs = new Set([corpus.id, corpus.name, ...corpus.aliases].flatMap((n) => [...wordsOf(shortName(n))]));
      return needed > 0 && [...words].filter((w) => theirs.has(w)).length >= needed;
    });
    if (matches.length !== 1) continue;
    matches[0]!.push(...group);
    groups.delete(key);
  }
}

/**
 * "UltraChat 200k (`HuggingFaceH4/ultrachat_200k`) … (UltraChat was added late …)": a registry family's
 * short name written after a longer name that begins with it is the same dataset said again, not the
 * family. Written first ("Alpaca and Alpaca-GPT4"), both are meant, unless the longer name follows as
 * the release taken ("a slice of UltraFeedback, taken from the binarised release (`…/ultrafeedback_binarized`)").
 */
function joinFamilyNames(groups: Map<string, Finding[]>, text: string): void {
  for (const [key, group] of groups) {
    // (The family said once more in a plain word — "licence MIT (ultrachat)" — is still the family.)
    if (!group.some((f) => f.mention.known) || !group.every((f) => !f.mention.corpus && !f.mention.hubId)) continue;
    // (A phrase paired with the family's name, "licence MIT (ultrachat)", is not how the family is written.)
    const written = new Set(group.filter((f) => f.signal !== 'phrase' || group.length === 1).map((f) => nameKey(f.mention.name)));
    if (written.size !== 1) continue;
    const family = [...written][0]!;
    const firstSaid = Math.min(...group.map((f) => f.mention.start));
    // "`HuggingFaceH4/ultrafeedback_binarized` … UltraFeedback here is the binarized release": an id's name part counts.
    const beginsWithFamily = (written: string) => [nameKey(written), nameKey(shortName(written))].some((k) => k.startsWith(family) && k.length > family.length);
    const releaseOf = (f: Finding) => group.some((said) => f.mention.start > said.mention.end && f.mention.start - said.mention.end <= 160 && RELEASE_TAKEN.test(text.slice(said.mention.end, f.mention.start)));
    // "**MultiWOZ 2.2** (`multi_woz_v22`)": the longer name in apposition right after the family's is the one meant.
    const apposed = (f: Finding) => group.some((said) => f.mention.start > said.mention.end && f.mention.start - said.mention.end <= 24 && APPOSITION.test(text.slice(said.mention.end, f.mention.start)));
    const longer = [...groups].filter(([other, g]) => other !== key && g.some((f) => (f.mention.start < firstSaid || releaseOf(f) || apposed(f)) && beginsWithFamily(f.mention.name)));
    if (longer.length !== 1) continue;
    // Said again in passing: its words do not outvote those of the longer name.
    longer[0]![1].push(...group.map((f) => ({ ...f, explicitRelation: false })));
    groups.delete(key);
  }
}

/**
 * "[cmms-workorders-raw](…) … exported to `s3://fab-ml-raw/cmms/workorders/`": a storage path whose last folders spell
 * a card the document also names is where that card's data lives — one dataset, not two.
 */
function joinStoragePaths(groups: Map<string, Finding[]>): void {
  const cards = [...groups].filter(([, g]) => g.some((f) => f.mention.corpus));
  if (cards.length === 0) return;
  for (const [key, group] of groups) {
    if (!group.every((f) => !f.mention.corpus && !f.mention.known && STORAGE_URI.test(f.mention.name))) continue;
    const folders = group[0]!.mention.name.replace(/^[a-z0-9]+:\/\/[^/]+\/?/i, '').split('/').filter(Boolean).map(nameKey).filter((s) => s.length > 0 && !/^(?:v?\d+|\d{4}(?:q\d|h\d|-\d{2})?)$/.test(s));
    if (folders.length === 0) continue;
    const spelled = [folders.slice(-2).join(''), folders[folders.length - 1]!].filter((s) => s.length >= 6);
    const matches = cards.filter(([, g]) => {
      const card = g.find((f) => f.mention.corpus)!.mention.corpus!;
      const keys = [card.id, card.name, ...card.aliases].map(nameKey);
      return spelled.some((s) => keys.some((k) => k.startsWith(s) || s.startsWith(k)));
    });
    if (matches.length !== 1) continue;
    matches[0]![1].push(...group);
    groups.delete(key);
  }
}

/**
 * "[gsm8k-bw-mirror](…) — our copy of GSM8K", "MS MARCO passages, taken from our msmarco-mirror": a public set named
 * beside the card of the folder it was taken through (a card named after it) came through that card, so it is that
 * card's source, not this one's. Only a public set named in prose: a hub id or a link says the set itself was taken.
 */
function dropTakenThroughCards(groups: Map<string, Finding[]>): void {
  const cards = [...groups.values()].flatMap((g) => g.filter((f) => f.mention.corpus).map((f) => nameKey(f.mention.corpus!.id)));
  if (cards.length === 0) return;
  for (const [key, group] of groups) {
    if (!group.every((f) => f.mention.known && !f.mention.corpus && !f.mention.hubId && f.signal === 'registry')) continue;
    const names = new Set(group.map((f) => nameKey(f.mention.name)).concat(nameKey(shortName(group[0]!.mention.known!.id))));
    if ([...names].some((n) => n.length >= 4 && cards.some((card) => card !== n && card.startsWith(n)))) groups.delete(key);
  }
}

/** "`intake_chatlogs_2023`, table `LEXDW.RAW.INTAKE_CHAT_2023`", "`x` (restricted landing table `Y`)": one dataset by its two names. */
const TABLE_APPOSITION = /[`'"*]?\s*[(,]\s*(?:[\w-]+\s+){0,3}?table\s+[`'"]?$/i;

function joinTableAliases(groups: Map<string, Finding[]>, text: string): void {
  if (!text) return;
  for (const [key, group] of groups) {
    const f = group.find((g) => !g.structured && TABLE_APPOSITION.test(text.slice(Math.max(0, g.mention.start - 60), g.mention.start)));
    if (!f || f.mention.corpus || f.mention.known) continue;
    const before = text.slice(Math.max(0, f.mention.start - 60), f.mention.start);
    const headEnd = f.mention.start - (before.length - before.search(TABLE_APPOSITION));
    const target = [...groups].find(([other, g]) => other !== key && g.some((h) => h.mention.end <= headEnd && h.mention.end >= headEnd - 2));
    if (!target) continue;
    target[1].push(...group);
    groups.delete(key);
  }
}

/** Between a name and its id in apposition: a version, then a parenthesis, comma or dash ("MultiWOZ 2.2 (`multi_woz_v22`"). */
const APPOSITION = /^[\s*_`]*(?:v?\d+(?:\.\d+)*\s*)?[*_`]*\s*[(,—–]\s*(?:(?:hf|the|hub|its|a)\s+)?(?:[\w.-]+\s+){0,2}?[`'"]?$/i;

/** Between a family's name and a longer one: the release, version or config taken, and no second dataset. */
const RELEASE_TAKEN = /^(?![^]*\b(?:and|or|plus|with|vs)\b)[^]*\b(?:release|version|variant|edition|copy|mirror|config|configuration|port|re-?upload)\b[^]*$/i;

function wordsOf(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w)));
}

/** "kb-articles-v4" and "kb-articles-v5": one line, two versions, two datasets. */
function differentVersions(a: string, b: string): boolean {
  const va = versionLabel(a)?.slice(1);
  const vb = versionLabel(b)?.slice(1);
  return va !== undefined && vb !== undefined && va !== vb;
}

function dedupeSpans(spans: EvidenceSpan[]): EvidenceSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
