/**
 * How a unit's names are read before they are judged: which cues are words inside a name, which code
 * spans are fields or values, which names are versions of the card's own dataset, and whether the card
 * is an evaluation suite.
 */
import { nameKey, shortName } from '../../../../shared/domain/names.js';
import type { Mention } from '../candidates/mention.js';
import type { CueSpan } from '../cues/matcher.js';
import type { Unit } from '../document/units.js';
import { isLeadingName } from './judge.js';
import type { RelationWord } from '../relations/index.js';

/**
 * The cues of a unit that are not words inside a name: "simplified" in `eurlex-simplified` or "filtered"
 * in `kb-filtered-v2` says nothing of how data was taken (though "test" in `ivr-test-2024` still says
 * what the set is for). Only names joined by - _ . / count: a cue word
 * can open a written phrase ("Filtered from X").
 */
export function cuesOutsideNames(cues: readonly CueSpan[], mentions: readonly Mention[], start: number, end: number): readonly CueSpan[] {
  const compound = mentions.filter((m) => /[-_./]/.test(m.name));
  if (compound.length === 0 || cues.length === 0) return cues;
  // Which name covers each character of the unit (0: none): a cue is inside one when both its ends are.
  const owner = new Int32Array(Math.max(0, end - start));
  compound.forEach((m, i) => owner.fill(i + 1, Math.max(0, m.start - start), Math.max(0, m.end - start)));
  return cues.filter((c) => {
    // A name that says it is a test or an evaluation set ("ivr-test-2024") still says so.
    if (c.kind === 'negative') return true;
    const first = owner[c.start] ?? 0;
    return first === 0 || owner[c.end - 1] !== first;
  });
}

/**
 * A code span that reads as a field, a label or a value rather than data: one mapped with an arrow
 * ("`toxic` → ours", "→ `identity_attack`"), or a plain snake_case word or constant (`ingame_form`,
 * `TODO_VO`) that no cue right beside it (or a list's or table's structure) names as a source.
 */
export function readsAsValue(mention: Mention, unit: Unit, cue: CueSpan | undefined): boolean {
  if (mention.signal !== 'code' || mention.corpus || mention.known) return false;
  const start = mention.start - unit.start;
  const end = mention.end - unit.start;
  // (`x-v1 -> x-v2`: versioned names joined by an arrow are a lineage chain, not a mapping of labels.)
  const arrowBefore = /(?:→|->|=>)[\s`]*$/.test(unit.reading.slice(Math.max(0, start - 6), start));
  const arrowAfter = /^[\s`]*(?:→|->|=>)/.test(unit.reading.slice(end, end + 6));
  if ((arrowBefore || arrowAfter) && !(arrowAfter && versionLine(mention.name) !== undefined && versionLine(/^[\s`]*(?:→|->|=>)[\s`]*([\w./:@-]+)/.exec(unit.reading.slice(end, end + 160))?.[1] ?? '') !== undefined)) return true;
  if (!/^[a-z]+(?:_[a-z]+)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(mention.name) || unit.kind === 'code-line') return false;
  // "- `gold_answers` — …", "| `support_tickets` | 5k |": the name an item or a row opens with is named as one.
  if ((unit.kind === 'list-item' || unit.kind === 'table-row') && isLeadingName(unit, mention)) return false;
  if (!cue) return true;
  // A cue right before it ("built from `x`") or right after it ("`x` was filtered") names it as data.
  return !((cue.end <= start && start - cue.end <= 40) || (cue.start >= end && cue.start - end <= 40));
}

/** Relation words outside the names of a unit (offsets relative to the unit). */
export function wordsOutside(words: readonly RelationWord[], mentions: readonly Mention[], unitStart: number): RelationWord[] {
  return words.filter((w) => !mentions.some((m) => w.start < m.end - unitStart && w.end > m.start - unitStart));
}

/** The line a versioned name belongs to: "support-sft" of `support-sft-v2`, `voice-asr-mix-r3`, `store-items.v5`. */
export function versionLine(name: string, batches = false): string | undefined {
  // "prefs-mix-2024q3" and "prefs-mix-2024q4": quarterly and half-yearly releases of one line too.
  const m = (batches ? BATCHED_RELEASE : RELEASE).exec(shortName(name).trim());
  return m && m[1]!.length >= 3 ? nameKey(m[1]!) : undefined;
}

const RELEASE = /^(.*[\p{L}\p{N}])[-_. ]?(?:(?:v|r|rc|version\s*)\d+(?:\.\d+)*|(?:19|20)\d{2}[-_]?(?:q[1-4]|h[12]|0[1-9]|1[0-2]))$/iu;
/** With numbered batches, rounds and waves as releases of their line: `x-batch1` comes before `x-batch2`. */
const BATCHED_RELEASE = /^(.*[\p{L}\p{N}])[-_. ]?(?:(?:v|r|rc|version\s*|batch[-_]?|round[-_]?|wave[-_]?)\d+(?:\.\d+)*|(?:19|20)\d{2}[-_]?(?:q[1-4]|h[12]|0[1-9]|1[0-2]))$/iu;

/**
 * Where a versioned name stands in its line, as numbers to compare: [2, 1] for `x-v2.1` or `x-r2.1`,
 * [2024, 3] for `x-2024q3`, [2024, 7] for `x-2024-h2` (a half as its last quarter), [2024, 8] for `x-2024-08`
 * (a month as its quarter-and-a-bit); undefined for an unversioned name. Numbered and dated releases
 * are told apart by the first number (a release is never numbered past 1900).
 */
export function versionRank(name: string): number[] | undefined {
  const m = /[-_. ]?(?:(?:v|r|rc|version\s*|batch[-_]?|round[-_]?|wave[-_]?)(\d+(?:\.\d+)*)|((?:19|20)\d{2})[-_]?(?:q([1-4])|h([12])|(0[1-9]|1[0-2])))$/iu.exec(shortName(name).trim());
  if (!m) return undefined;
  if (m[1]) return m[1].split('.').map(Number);
  const year = Number(m[2]);
  if (m[3]) return [year, Number(m[3]) * 3];
  if (m[4]) return [year, Number(m[4]) * 6];
  return [year, Number(m[5])];
}

/** Whether version a comes after version b (both from versionRank). */
export function isLaterVersion(a: readonly number[], b: readonly number[]): boolean {
  if ((a[0]! >= 1900) !== (b[0]! >= 1900)) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

/** The version a name ends with, lower-cased: "v5" of `kb-articles-v5`, "r3" of `org/ticket-summaries-r3`. */
export function versionLabel(name: string): string | undefined {
  return /[-_. ]([vr]\d+(?:\.\d+)*)$/i.exec(shortName(name))?.[1]?.toLowerCase();
}

/** The name of an evaluation suite: "forge-eval-suite-v1", "kite-eval-suite-2025q1", "Ops Benchmark Suite". */
export const EVALUATION_SUITE = /(?:^|[\s_./-])(?:eval|evals|evaluation|benchmark|bench)[\s_.-]+suite(?:$|[\s_./-])|(?:^|[\s_./-])suite[\s_.-]+(?:of\s+)?(?:evals?|evaluations?|benchmarks?)(?:$|[\s_./-])/i;
