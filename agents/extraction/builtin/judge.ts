/**
 * Judges one mention by the words around it: the cue that governs it (a source cue, "from", a weak cue,
 * an evaluation or citation context, or "this is the derived dataset"), and the confidence that gives
 * on the paper's rubric.
 */
import { nameKey, shortName } from '../../../shared/domain/names.js';
import {
  FORMAT_AFTER,
  FORWARD_CUE_END,
  MODEL_BEFORE,
  NEGATION,
  NOT_SOURCE_CUE,
  SIZE_AFTER,
  SOURCE_SECTION,
  STRONG_SOURCE_CUE,
  WEAK_SOURCE_CUE,
} from './cues.js';
import { NOT_DATA_AFTER, type Mention } from './mentions.js';
import { whyNotASource } from './not-sources.js';
import type { Unit } from './units.js';

export type Cue = 'strong' | 'from' | 'weak' | 'negative' | 'target';

/** "from" with at most two words between it and the name. */
const FROM_BEFORE = /\bfrom\s+(?:[\w-]+\s+){0,2}$/i;
type CueSpan = { cue: Cue; start: number; end: number };

export type Verdict = { confidence: number } | { reason: string };

/** Between two names of one enumeration: a comma, "and", "or", a slash, perhaps a citation or a parenthesis. */
const ENUMERATION_GAP = /^[\s*_`"”'\])]*(?:\s*(?:\[[\d,\s–-]+\]|\([^()]{0,60}\)))?\s*(?:,|;|&|\/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?[\s*_`"“'[(]*$/i;

/**
 * "such as Airoboros, Know logic, EverythingLM and GPTeacher": the members of an enumeration share the
 * cue that governs its first member (the paper's "co-listed with confirmed sources").
 */
export function enumerationHeads(mentions: Mention[], text: string): Map<Mention, Mention> {
  const heads = new Map<Mention, Mention>();
  for (let i = 1; i < mentions.length; i++) {
    const previous = mentions[i - 1]!;
    const current = mentions[i]!;
    if (current.start < previous.end || !ENUMERATION_GAP.test(text.slice(previous.end, current.start))) continue;
    heads.set(current, heads.get(previous) ?? previous);
  }
  return heads;
}

export function judge(mention: Mention, unit: Unit, text: string, selfKeys: Set<string>, chainHead?: Mention): Verdict {
  const specific = Boolean(mention.hubId || mention.known);
  if (selfKeys.has(nameKey(mention.name)) || (mention.hubId && selfKeys.has(nameKey(mention.hubId)))) return { reason: 'the dataset itself' };
  if (!mention.known) {
    const why = whyNotASource(mention.hubId ? shortName(mention.hubId) : mention.name);
    if (why && !(mention.hubId && why === 'generic')) return { reason: why };
    if (mention.hubId && whyNotASource(mention.hubId) === 'model') return { reason: 'model' };
  }
  // What follows the name within its own unit (never the next paragraph).
  const after = text.slice(mention.end, Math.min(unit.end, mention.end + 50));
  if (FORMAT_AFTER.test(after)) return { reason: 'a format or style, not data' };
  if (mention.signal !== 'hub-link' && NOT_DATA_AFTER.test(after)) return { reason: 'a method, model, tool or place, not data' };
  if (!mention.hubId && MODEL_BEFORE.test(text.slice(Math.max(unit.start, mention.start - 30), mention.start))) return { reason: 'model' };

  const listLike = unit.kind === 'list-item' || unit.kind === 'table-row' || unit.kind === 'code-line';
  const anchor = chainHead ?? mention;
  let cue = governingCue(unit.text, anchor.start - unit.start, anchor.end - unit.start);
  // The last members of an enumeration may carry their own cue after them ("X, Y and Z were filtered").
  if (chainHead && cue !== 'negative') cue = strongerCue(cue, governingCue(unit.text, mention.start - unit.start, mention.end - unit.start));
  if (!cue && listLike && unit.lead) cue = strongestCue(unit.lead.text);
  if (cue === 'negative') return { reason: 'evaluated on, compared with or cited, not a source' };
  // A list item's or table row's leading name is the component the rest describes: "**GSM8K**: 6,000
  // questions sampled from the train split" says how GSM8K was used, not that GSM8K was derived.
  if (cue === 'target' && listLike && isLeadingName(unit, mention)) cue = unit.lead ? strongestCue(unit.lead.text) : undefined;
  if (cue === 'target') return { reason: 'named as the derived dataset, before "from"/"of"' };
  const sourceSection = unit.section.some((heading) => SOURCE_SECTION.test(heading));
  const named = mention.signal === 'list-head' || mention.signal === 'table-cell';

  if (cue !== 'strong' && (SIZE_AFTER.test(after) || mention.listed)) cue = 'strong';
  // "questions from X", "Data: From X": "from" right before the name says where the data came from.
  if ((cue === 'weak' || !cue) && FROM_BEFORE.test(text.slice(Math.max(unit.start, anchor.start - 40), anchor.start))) cue = 'from';
  let confidence: number;
  if (cue === 'from') confidence = specific ? 0.85 : named ? 0.8 : 0.7;
  else if (cue === 'strong') confidence = specific ? 0.92 : named ? 0.88 : 0.8;
  else if (sourceSection) confidence = specific ? 0.88 : named ? 0.85 : cue === 'weak' ? 0.7 : 0.6;
  else if (cue === 'weak') confidence = specific ? 0.72 : named ? 0.55 : 0.45;
  else if (mention.signal === 'hub-link' || mention.signal === 'hub-id') confidence = 0.6;
  else if (mention.signal === 'registry') confidence = 0.55;
  else confidence = 0.4;

  if (mention.known?.kind === 'benchmark' && cue !== 'strong' && cue !== 'from' && !sourceSection) confidence -= 0.15;
  if (mention.signal === 'github' && cue !== 'strong') confidence -= 0.1;
  if (!specific && mention.signal === 'phrase') confidence = phraseConfidence(mention, after, confidence, text.slice(Math.max(unit.start, mention.start - 30), mention.start));
  return { confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100 };
}

/**
 * A name no registry or hub link identifies is reported in the paper's "ambiguous" band at best, so it
 * lands in the review queue: measured against the paper's own graph, about half of them are sources
 * the graph names some other way or not at all (see bench/extractor-paper.ts).
 */
const UNKNOWN_NAME_CEILING = 0.65;

/** Words right after a name that say it is data: "the Pew dataset", "the C4 corpus". */
const DATA_WORD_AFTER = /^[\s"”']*(?:\[\d+\]\s*)?(?:dataset|datasets|corpus|corpora|benchmark|collection|data\b|set\b|suite|bank|subset|split)/i;

/**
 * How much an unknown name-like phrase reads as a dataset: named as data ("X dataset") most; a coined
 * name (inner capital, digit, hyphen: "OpenWebMath", "Geometry3K") next; plain Title Case words, which are
 * as often organisations, books or methods, least; a lone ordinary word is not reported.
 */
function phraseConfidence(mention: Mention, after: string, cueConfidence: number, before: string): number {
  if (/\p{Ll}\p{Lu}|\p{N}|[-_]|^\p{Lu}{2,}\b/u.test(mention.name) || DATA_WORD_AFTER.test(after)) {
    return Math.min(cueConfidence, UNKNOWN_NAME_CEILING);
  }
  // A plain capitalised name right after "from" ("crawled from Stemez", "taken from Reddit") names where data came from.
  if (cueConfidence >= 0.7 && /\bfrom\s+(?:the\s+)?$/i.test(before)) return Math.min(cueConfidence, 0.6);
  return Math.min(cueConfidence, 0.45);
}

const CUE_PATTERNS: Array<[Cue, RegExp]> = [
  ['negative', new RegExp(NOT_SOURCE_CUE.source, 'gi')],
  ['strong', new RegExp(STRONG_SOURCE_CUE.source, 'gi')],
  ['weak', new RegExp(WEAK_SOURCE_CUE.source, 'gi')],
];
const CUE_RANK: Record<Cue, number> = { negative: 0, strong: 1, from: 2, weak: 3, target: 4 };

/** The cue spans of the last few units read: a unit's mentions all ask about the same text. */
const cueCache = new Map<string, CueSpan[]>();

function cueSpans(text: string): CueSpan[] {
  const cached = cueCache.get(text);
  if (cached) return cached;
  const spans = findCueSpans(text);
  if (cueCache.size > 64) cueCache.clear();
  cueCache.set(text, spans);
  return spans;
}

function findCueSpans(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  for (const [cue, pattern] of CUE_PATTERNS) for (const m of text.matchAll(pattern)) spans.push({ cue, start: m.index, end: m.index + m[0].length });
  // A weak word right after a stronger cue belongs to it ("overlaps with", "derived from the … with").
  return spans.filter((s) => s.cue !== 'weak' || !spans.some((o) => o.cue !== 'weak' && o.end <= s.start && s.start - o.end <= 2));
}

/**
 * The cue that governs a mention: the nearest one before it in its sentence (a clause boundary such as
 * ";" resets), else the nearest one shortly after it ("X was filtered to…", "X is used for evaluation").
 */
function governingCue(text: string, start: number, end: number): Cue | undefined {
  const spans = cueSpans(text).filter((s) => s.end <= start || s.start >= end);
  const boundary = text.lastIndexOf(';', start - 1);
  const before = spans
    .filter((s) => s.end <= start && s.start > boundary)
    .sort((a, b) => b.end - a.end || CUE_RANK[a.cue] - CUE_RANK[b.cue])[0];
  const after = spans.filter((s) => s.start >= end && s.start - end <= 60).sort((a, b) => a.start - b.start || CUE_RANK[a.cue] - CUE_RANK[b.cue])[0];
  if (before) return negated(text, before);
  if (!after) return undefined;
  // "Y is a subset of X": Y stands before a forward cue, so Y is what was derived.
  if (after.cue === 'strong' && FORWARD_CUE_END.test(text.slice(after.start, after.end))) return 'target';
  return negated(text, after);
}

/** A source cue under a negation ("none of it is taken from") says the opposite. */
function negated(text: string, span: CueSpan): Cue {
  if (span.cue === 'negative') return span.cue;
  return NEGATION.test(text.slice(Math.max(0, span.start - 80), span.end)) ? 'negative' : span.cue;
}

function isLeadingName(unit: Unit, mention: Mention): boolean {
  return /^[\s|*_`[(]*$/.test(unit.text.slice(0, mention.start - unit.start));
}

function strongerCue(a: Cue | undefined, b: Cue | undefined): Cue | undefined {
  const order: Array<Cue | undefined> = ['negative', 'target', 'strong', 'from', 'weak', undefined];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

export function strongestCue(text: string): Cue | undefined {
  const cues = new Set(cueSpans(text).map((s) => negated(text, s)));
  if (cues.has('strong')) return 'strong';
  if (cues.has('negative')) return 'negative';
  return cues.has('weak') ? 'weak' : undefined;
}

