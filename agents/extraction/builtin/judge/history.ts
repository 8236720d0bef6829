/**
 * A card's changelog: entries that open with a version label ("v3 —", "| **v4 (current)** |",
 * "r1 — 150 questions"). The card describes one version — the entry marked current, or the version in
 * the dataset's own name — and the other entries are its history: an entry that says its version was
 * retired names no source of this one, and a name an earlier entry gives that the card elsewhere says
 * left the data (Dolly, "no longer in the mix") is no source either.
 */
import type { DroppedMention } from '../../types.js';
import type { Unit } from '../document/units.js';
import { DENIED_REASON, SEEDED } from './judge.js';
import { versionLabel } from './names.js';

export interface Changelog {
  /** Entries of versions other than the one the card describes. */
  earlier: ReadonlySet<Unit>;
  /** Of those, the entries that say their version was retired, deleted or not carried over. */
  retired: ReadonlySet<Unit>;
}

const NO_CHANGELOG: Changelog = { earlier: new Set(), retired: new Set() };

/** A version label opening an entry: "v3", "**v4 (current)**", "| r2 |", "2.1 —". */
const ENTRY = /^[\s*_|>#-]{0,8}(?:version\s+)?([vr]\d+(?:\.\d+)*(?![\w.-]*[a-z]{2})\b|\d+\.\d+(?:\.\d+)?(?=\s*(?:[—–:|(]|-\s|\*\*)))/i;
/** Words right after the label that make it the version the card describes. */
const CURRENT = /^[^.;:—–|]{0,12}?(?:\bcurrent\b|\bthis\s+(?:card|version|release|one)\b|\bthis\b\s*\)|\bdescribed\s+here\b|\blatest\b)/i;
/** The version itself was retired: "Retired; …", "retired with v4, none of its rows kept", "Deprecated — not carried over". */
const RETIRED =
  /(?:^|[.;—–(:|]\s*)(?:retired|deprecated|withdrawn|superseded|deleted|not\s+(?:carried\s+over|reused|kept))\b|\b(?:retired|deprecated|deleted|withdrawn)\s+(?:with|in|when|after|by)\b|\bnone\s+of\s+its\s+(?:rows|items|data|examples|pairs)\b/i;

/** A release heading of a changelog: "## 5.1.0 — 2025-02-27", "## [3.2.0] - 2025-04-11", "### v4 (current)". */
const VERSION_HEADING = /^[\s*_#]{0,8}(?:version\s+|release\s+)?\[?(v?\d+(?:\.\d+){1,3}|[vr]\d+)\]?(?=$|[\s—–:|(,*-])/i;
/** A changelog's list of what left: "### Removed", "Deprecated". */
const REMOVAL_HEADING = /^[\s*_#]*(?:removed|deprecated|dropped|retired|deleted|removals?)[\s*_:]*$/i;
const removals = new WeakMap<readonly string[], boolean>();

/** Whether the unit sits under a changelog's "Removed" or "Deprecated" heading. */
export function isRemovalSection(section: readonly string[]): boolean {
  let verdict = removals.get(section);
  if (verdict === undefined) removals.set(section, (verdict = section.some((h) => REMOVAL_HEADING.test(h))));
  return verdict;
}

export function readChangelog(units: readonly Unit[], ownNames: readonly string[]): Changelog {
  const byUnit = readEntryChangelog(units, ownNames);
  const byHeading = readHeadingChangelog(units, ownNames);
  if (byHeading.earlier.size === 0) return byUnit;
  return { earlier: new Set([...byUnit.earlier, ...byHeading.earlier]), retired: new Set([...byUnit.retired, ...byHeading.retired]) };
}

/**
 * A changelog written as release headings: the card describes the release marked current, the one in
 * its own name, or else the highest; what other releases' entries name is their history.
 */
function readHeadingChangelog(units: readonly Unit[], ownNames: readonly string[]): Changelog {
  const release = new Map<Unit, { label: string; heading: string }>();
  const labels = new Map<string, string>();
  for (const unit of units) {
    for (let i = unit.section.length - 1; i >= 0; i--) {
      const m = VERSION_HEADING.exec(unit.section[i]!);
      if (!m) continue;
      const label = m[1]!.toLowerCase().replace(/^v/, '');
      release.set(unit, { label, heading: unit.section[i]! });
      labels.set(label, unit.section[i]!);
      break;
    }
  }
  if (labels.size < 2) return NO_CHANGELOG;
  const own = ownNames.map(versionLabel).find((v) => v !== undefined)?.slice(1);
  const marked = [...labels].find(([, heading]) => CURRENT.test(heading.replace(VERSION_HEADING, '')))?.[0];
  const current = marked ?? (own !== undefined && labels.has(own) ? own : [...labels.keys()].sort(compareVersions).at(-1)!);
  const earlier = new Set([...release].filter(([, r]) => r.label !== current).map(([unit]) => unit));
  return { earlier, retired: new Set([...earlier].filter((unit) => RETIRED.test(unit.reading))) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^[vr]/i, '').split('.').map(Number);
  const pb = b.replace(/^[vr]/i, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function readEntryChangelog(units: readonly Unit[], ownNames: readonly string[]): Changelog {
  const entries: Array<{ unit: Unit; label: string; current: boolean }> = [];
  for (const unit of units) {
    if (unit.kind !== 'list-item' && unit.kind !== 'table-row' && unit.kind !== 'sentence') continue;
    const m = ENTRY.exec(unit.reading);
    if (!m) continue;
    entries.push({ unit, label: m[1]!.toLowerCase(), current: CURRENT.test(unit.reading.slice(m[0].length)) });
  }
  if (entries.length < 2) return NO_CHANGELOG;
  const own = ownNames.map(versionLabel).find((v) => v !== undefined);
  // With none marked and no entry of its own version, a list of dotted releases ("2.1.0 —", "2.0.0 —") describes its highest.
  const dotted = entries.filter((e) => /^\d+\.\d+/.test(e.label)).map((e) => e.label);
  const highest = dotted.length >= 2 && dotted.length === entries.length ? [...dotted].sort(compareVersions).at(-1) : undefined;
  const current = entries.find((e) => e.current)?.label ?? (own && entries.some((e) => e.label === own) ? own : highest);
  if (!current) return NO_CHANGELOG;
  const earlier = new Set(entries.filter((e) => e.label !== current).map((e) => e.unit));
  return { earlier, retired: new Set([...earlier].filter((unit) => RETIRED.test(unit.reading))) };
}

/**
 * The names a negative cue denied anywhere in the card (for an earlier entry's names), those said to
 * have given it nothing at all ("we did not pull anything from X"), and of the denied the
 * ones said to have left the data in their own clause ("X was pulled", "the YAML still lists X, but …
 * removed") — a front-matter parent the prose removes. "X's explanations were dropped" removes a part of X, not X.
 */
export function namesThatLeft(dropped: readonly DroppedMention[], text: string, keyOf: (name: string) => string): { denied: Set<string>; removed: Set<string>; corrected: Set<string>; refused: Set<string> } {
  // "The original GSM8K solutions are not used" denies a part of GSM8K, not GSM8K.
  const deniedDrops = dropped.filter((d) => d.reason === DENIED_REASON && !PART_AFTER.test(text.slice(d.end, d.end + 40)));
  const removed = deniedDrops.filter((d) => !/^['’]s\b/.test(text.slice(d.end, d.end + 3)) && REMOVED_NEAR.test(clauseAround(text, d.start, d.end)));
  const corrected = dropped.filter((d) => correctsTheLineage(text, d.start, d.end));
  const refused = deniedDrops.filter((d) => (NOTHING_TAKEN_FROM.test(text.slice(Math.max(0, d.start - 100), d.start)) && !/^['’]s\b/.test(text.slice(d.end, d.end + 3))) || (HAS_NO_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)) && DATA_AFTER.test(text.slice(d.end, d.end + 30)) && !SEEDED.test(text.slice(Math.max(0, d.start - 300), d.start))));
  return { denied: new Set(deniedDrops.map((d) => keyOf(d.name))), removed: new Set(removed.map((d) => keyOf(d.name))), corrected: new Set(corrected.map((d) => keyOf(d.name))), refused: new Set(refused.map((d) => keyOf(d.name))) };
}

/**
 * Notes that say a generated lineage entry is wrong ("the catalog still shows X upstream, but…", "X
 * appears in the generated lineage only because…", "the X entry … is stale"), or a stale front matter
 * ("the front matter still lists X from an early draft", "X appears in `source_datasets` because it
 * was planned"): X is no source, wherever the card's structure lists it.
 */
export function correctsTheLineage(text: string, start: number, end: number): boolean {
  return CATALOG_CORRECTION.test(sentenceAround(text, start, end));
}

/** The sentence a name sits in, at most 200 characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(end, end + 200);
  const from = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s[^.!?]*$/) + 1);
  const cut = after.search(/[.!?](?:\s|$)|\n/);
  return before.slice(Math.max(0, from)) + text.slice(start, end) + (cut < 0 ? after : after.slice(0, cut));
}

const CATALOG_CORRECTION =
  /(?<![\w-])(?:catalog(?:ue)?(?![\w-])|generated\s+lineage|lineage\s+(?:graph|above|entry|shown|table)|relation\s+above|datahub|collibra|amundsen|front[- ]?matter|yaml\s+header|metadata\s+header|source_datasets)\b[^.]{0,120}?\b(?:stale|wrong|incorrect|outdated|out\s+of\s+date|only\s+because|still\s+(?:shows?|lists?|says|names|has|carries|contains|mentions)|no\s+longer|mistaken|early\s+draft|not\s+(?:yet\s+)?updated|because\s+it\s+was\s+planned)\b|\b(?:stale|wrong|incorrect|outdated)\b[^.]{0,80}?(?<![\w-])(?:catalog(?:ue)?|lineage|front[- ]?matter|source_datasets)(?![\w-])|\b(?:appears?|is\s+listed|remains?)\s+in\s+(?:the\s+)?[`*]*(?:source_datasets|front[- ]?matter|yaml)[`*]*\s+(?:only\s+)?because\b/i;

/** "we did not pull anything from X ourselves", "nothing was taken from X": X gave this data nothing, whatever else the card says of it. */
const NOTHING_TAKEN_FROM =
  /\b(?:did\s+not|didn't|do\s+not|don't|never)\s+(?:\w+\s+)?(?:pull|take|use|copy|include|download|scrape|ingest)\s+(?:anything|any\s+(?:data|rows|items|text|records|examples))\s+(?:directly\s+)?from\s+(?:the\s+)?[`'"*]?$|\bnothing\s+(?:was\s+|is\s+)?(?:pulled|taken|copied|used)\s+(?:directly\s+)?from\s+(?:the\s+)?[`'"*]?$|\b(?:did|do|does)[\s*_]+not[\s*_]+(?:\w+\s+(?:or|and|nor)\s+)?(?:download|merge|mix\s+in|take|pull|copy|include|ingest)\s+(?:the\s+)?[`'"*]?$/i;
/** "it contains no UltraFeedback data", "with zero X rows", "there are no X questions", "we didn't use any X data": none of X's data is in this set (unless X seeded it: "as few-shot examples … contain no X text"). */
const HAS_NO_BEFORE = /\b(?:(?:contains?|containing|contained|has|have|had|includes?|including|included|ships?|carr(?:y|ies|ied)|with|there\s+(?:are|is|were|was))\s+(?:no|zero)|(?:didn['’]t|did\s+not|don['’]t|do\s+not|never)\s+(?:use|take|include|copy|pull|keep|reuse)\s+any)\s+[`'"*]?$/i;
const DATA_AFTER = /^[`'"*]?\s*(?:data|rows|items|examples|texts?|records|content|samples|questions|answers|prompts|conversations|dialogues|pairs|passages|contexts|documents)\b/i;
const PART_AFTER = /^['’]?\s+(?:solutions?|answers?|labels?|responses?|explanations?|rationales?|reasoning|traces?|completions?|outputs?|targets?|references?|translations?|scores?|judgements?|judgments?)\b/i;

/** Words that say a name left the data, near where a negative cue dropped it. */
const REMOVED_NEAR = /\b(?:removed|dropped|pulled|gone|replaced|no\s+longer|not\s+carried\s+over|still\s+lists?|only\s+kept\s+for)\b/i;

/** The clause a name sits in: from the last "," ";" "." or line break before it to the next after it, at most 120 characters each way. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 120);
  // After the last separator (one backward scan; a search for /[^,;\n.]*$/ would try every start).
  let from = before.length;
  while (from > 0 && !',;\n.'.includes(before[from - 1]!)) from--;
  const cut = after.search(/[,;\n]|\.\s/);
  return before.slice(from) + text.slice(start, end) + (cut < 0 ? after : after.slice(0, cut));
}
