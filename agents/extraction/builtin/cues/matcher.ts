/**
 * Finds the cues of a unit in one pass over its words: each word looks up the rules it triggers, and
 * only those rules' patterns are tried, anchored where the word stands.
 */
import type { Relation } from '../../../../shared/domain/vocabulary.js';
import { WORD_HAS_LETTER, type WordToken } from '../../../../shared/registry/name-index.js';
import { CUE_RULES, MODAL, NEGATION, type CueKind, type CueRule } from './vocabulary.js';

export interface CueSpan {
  kind: CueKind;
  start: number;
  end: number;
  forward: boolean;
  relation?: Relation;
  partitive?: boolean;
  afterOnly?: boolean;
  reach?: number;
}

/**
 * Whether a source cue is read under a negation ("none of it is taken from", "we did not use") or a
 * modal ("should come from", "will be built from"): either way it states no lineage.
 */
export function isNegated(text: string, span: CueSpan): boolean {
  if (span.kind === 'negative') return false;
  const before = text.slice(Math.max(0, span.start - 80), span.start);
  return NEGATION.test(before) || MODAL.test(before.slice(-40));
}

interface CompiledRule {
  rule: CueRule;
  then?: RegExp;
  notThen?: RegExp;
  before?: RegExp;
  notBefore?: RegExp;
}

const BEFORE_WINDOW = 40;
const rulesByWord = compile(CUE_RULES);

function compile(rules: CueRule[]): Map<string, CompiledRule[]> {
  const byWord = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    const compiled: CompiledRule = {
      rule,
      then: rule.then ? new RegExp(rule.then, 'iy') : undefined,
      notThen: rule.notThen ? new RegExp(rule.notThen, 'iy') : undefined,
      before: rule.before ? new RegExp(`(?:${rule.before})`, 'i') : undefined,
      notBefore: rule.notBefore ? new RegExp(`(?:${rule.notBefore})`, 'i') : undefined,
    };
    for (const word of rule.words.split(/\s+/)) {
      if (!word) continue;
      const list = byWord.get(word) ?? [];
      list.push(compiled);
      byWord.set(word, list);
    }
  }
  return byWord;
}

/** The cues of a text (a unit's reading), from its words. */
export function findCues(text: string, tokens: readonly WordToken[]): CueSpan[] {
  const spans: CueSpan[] = [];
  for (const token of tokens) {
    const rules = rulesByWord.get(token.key) ?? (token.flags & WORD_HAS_LETTER ? undefined : rulesByWord.get('#number'));
    if (!rules) continue;
    for (const compiled of rules) {
      let end = token.end;
      if (compiled.then) {
        compiled.then.lastIndex = token.end;
        const m = compiled.then.exec(text);
        if (!m) continue;
        end = token.end + m[0].length;
      }
      if (compiled.notThen) {
        compiled.notThen.lastIndex = token.end;
        if (compiled.notThen.test(text)) continue;
      }
      if (compiled.before || compiled.notBefore) {
        const before = text.slice(Math.max(0, token.start - BEFORE_WINDOW), token.start);
        if (compiled.before && !compiled.before.test(before)) continue;
        if (compiled.notBefore?.test(before)) continue;
      }
      // A `then` that ends in blanked markup ("version is [`x`](…)") ends at its last word, not before the name.
      while (end > token.end && isBlank(text.charCodeAt(end - 1))) end--;
      const { kind, forward, relation, partitive, afterOnly, reach } = compiled.rule;
      const span: CueSpan = { kind, start: token.start, end, forward: forward ?? false };
      if (relation) span.relation = relation;
      if (partitive) span.partitive = true;
      if (afterOnly) span.afterOnly = true;
      if (reach !== undefined) span.reach = reach;
      spans.push(span);
    }
  }
  return dropShadowed(spans);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A cue inside a longer one belongs to it ("with" in "with PII removed"), and a weak word right after a
 * stronger cue is part of it ("overlaps with", "derived from the … with").
 */
function dropShadowed(spans: CueSpan[]): CueSpan[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CueSpan[] = [];
  // Kept cues are in start order, and only one starting within the longest cue's length (plus the
  // two-character gap) before a span can hold it or run into it: the look-back is that window, not all.
  let longest = 0;
  for (const span of spans) {
    const from = span.start - longest - 2;
    let shadowed = false;
    for (let i = out.length - 1; i >= 0 && out[i]!.start >= from && !shadowed; i--) {
      const o = out[i]!;
      const inside = o.start <= span.start && o.end >= span.end && (o.end - o.start > span.end - span.start || rank(o.kind) < rank(span.kind));
      const runsInto = (span.kind === 'weak' || span.kind === 'soft') && o.reach === undefined && rank(o.kind) < rank(span.kind) && o.end <= span.start && span.start - o.end <= 2;
      shadowed = inside || runsInto;
    }
    if (shadowed) continue;
    out.push(span);
    longest = Math.max(longest, span.end - span.start);
  }
  return out;
}

function rank(kind: CueKind): number {
  return kind === 'negative' ? 0 : kind === 'strong' ? 1 : kind === 'weak' ? 2 : 3;
}
