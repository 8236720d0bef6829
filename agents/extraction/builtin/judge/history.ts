/**
 * A card's changelog: entries that open with a version label ("v3 —", "| **v4 (current)** |",
 * "r1 — 150 questions"). The card describes one version — the entry marked current, or the version in
 * the dataset's own name — and the other entries are its history: an entry that says its version was
 * retired names no source of this one, and a name an earlier entry gives that the card elsewhere says
 * left the data (Dolly, "no longer in the mix") is no source either.
 */
import type { DroppedMention } from '../../types.js';
import type { Unit } from '../document/units.js';
import { DENIED_REASON } from './judge.js';
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

export function readChangelog(units: readonly Unit[], ownNames: readonly string[]): Changelog {
  const entries: Array<{ unit: Unit; label: string; current: boolean }> = [];
  for (const unit of units) {
    if (unit.kind !== 'list-item' && unit.kind !== 'table-row' && unit.kind !== 'sentence') continue;
    const m = ENTRY.exec(unit.reading);
    if (!m) continue;
    entries.push({ unit, label: m[1]!.toLowerCase(), current: CURRENT.test(unit.reading.slice(m[0].length)) });
  }
  if (entries.length < 2) return NO_CHANGELOG;
  const own = ownNames.map(versionLabel).find((v) => v !== undefined);
  const current = entries.find((e) => e.current)?.label ?? (own && entries.some((e) => e.label === own) ? own : undefined);
  if (!current) return NO_CHANGELOG;
  const earlier = new Set(entries.filter((e) => e.label !== current).map((e) => e.unit));
  return { earlier, retired: new Set([...earlier].filter((unit) => RETIRED.test(unit.reading))) };
}

/**
 * The names a negative cue denied anywhere in the card (for an earlier entry's names), and of those the
 * ones said to have left the data in their own clause ("X was pulled", "the YAML still lists X, but …
 * removed") — a front-matter parent the prose removes. "X's explanations were dropped" removes a part of X, not X.
 */
export function namesThatLeft(dropped: readonly DroppedMention[], text: string, keyOf: (name: string) => string): { denied: Set<string>; removed: Set<string>; corrected: Set<string> } {
  const deniedDrops = dropped.filter((d) => d.reason === DENIED_REASON);
  const removed = deniedDrops.filter((d) => !/^['’]s\b/.test(text.slice(d.end, d.end + 3)) && REMOVED_NEAR.test(clauseAround(text, d.start, d.end)));
  const corrected = dropped.filter((d) => correctsTheLineage(text, d.start, d.end));
  return { denied: new Set(deniedDrops.map((d) => keyOf(d.name))), removed: new Set(removed.map((d) => keyOf(d.name))), corrected: new Set(corrected.map((d) => keyOf(d.name))) };
}

/**
 * Notes that say a generated lineage entry is wrong ("the catalog still shows X upstream, but…", "X
 * appears in the generated lineage only because…", "the X entry … is stale"): X is no source, wherever
 * the card's structure lists it.
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
  /(?<![\w-])(?:catalog(?:ue)?(?![\w-])|generated\s+lineage|lineage\s+(?:graph|above|entry|shown|table)|relation\s+above|datahub|collibra|amundsen)\b[^.]{0,120}?\b(?:stale|wrong|incorrect|outdated|only\s+because|still\s+shows?|still\s+lists?|no\s+longer|mistaken)\b|\b(?:stale|wrong|incorrect|outdated)\b[^.]{0,80}?(?<![\w-])(?:catalog(?:ue)?|lineage)(?![\w-])/i;

/** Words that say a name left the data, near where a negative cue dropped it. */
const REMOVED_NEAR = /\b(?:removed|dropped|pulled|gone|replaced|no\s+longer|not\s+carried\s+over|still\s+lists?|only\s+kept\s+for)\b/i;

/** The clause a name sits in: from the last "," ";" "." or line break before it to the next after it, at most 120 characters each way. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 120);
  const from = before.search(/[^,;\n.]*$/);
  const cut = after.search(/[,;\n]|\.\s/);
  return before.slice(from) + text.slice(start, end) + (cut < 0 ? after : after.slice(0, cut));
}
