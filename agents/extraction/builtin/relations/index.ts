/**
 * The relation of each source, read from the words around it: every relation word of a unit is given
 * to the name nearest it (before the name counts more than after), the governing cue's own relation
 * ("a translation of X") first; a transformation outranks selection and fusion words given to the same
 * name. Names with no word of their own take their enumeration's, then the list's lead, then the
 * section's transformation, then the document's default.
 */
import type { Relation } from '../../../../shared/domain/vocabulary.js';
import type { WordToken } from '../../../../shared/registry/name-index.js';
import { RELATION_RULES, SPECIFICITY, TRANSFORMS, type RelationRule } from './vocabulary.js';

export { TRANSFORMS } from './vocabulary.js';

export interface RelationWord {
  relation: Relation;
  start: number;
  end: number;
  asIs?: boolean;
}

export interface OwnRelation {
  relation?: Relation;
  /** The name's own words say its items were taken as they are. */
  asIs: boolean;
}

interface CompiledRule {
  rule: RelationRule;
  then?: RegExp;
  before?: RegExp;
}

const rulesByWord = new Map<string, CompiledRule[]>();
for (const rule of RELATION_RULES) {
  const compiled = { rule, then: rule.then ? new RegExp(rule.then, 'iy') : undefined, before: rule.before ? new RegExp(`(?:${rule.before})`, 'i') : undefined };
  for (const word of rule.words.split(/\s+/)) if (word) rulesByWord.set(word, [...(rulesByWord.get(word) ?? []), compiled]);
}

/** The relation words of a text (a unit's reading, names blanked or not), in one pass over its words. */
export function relationWords(text: string, tokens: readonly WordToken[]): RelationWord[] {
  const out: RelationWord[] = [];
  for (const token of tokens) {
    const rules = rulesByWord.get(token.key);
    if (!rules) continue;
    for (const { rule, then, before } of rules) {
      let end = token.end;
      if (then) {
        then.lastIndex = token.end;
        const m = then.exec(text);
        if (!m) continue;
        end += m[0].length;
      }
      if (before && !before.test(text.slice(Math.max(0, token.start - 30), token.start))) continue;
      const word: RelationWord = { relation: rule.relation, start: token.start, end };
      if (rule.asIs) word.asIs = true;
      out.push(word);
      break;
    }
  }
  return out;
}

export interface NamedSpan {
  start: number;
  end: number;
}

/**
 * For each name (offsets relative to the same text), the relation its own words give it, if any.
 * Words go to the nearest name within their clause; a clause ends at ";", or at "." between sentences.
 */
export function relationsOfNames(text: string, names: readonly NamedSpan[], words: readonly RelationWord[]): OwnRelation[] {
  const given: RelationWord[][] = names.map(() => []);
  for (const word of words) {
    let best = -1;
    let bestDistance = Infinity;
    names.forEach((name, i) => {
      if (word.start < name.end && word.end > name.start) return;
      const before = word.end <= name.start;
      const gap = before ? text.slice(word.end, name.start) : text.slice(name.end, word.start);
      if (/[;]/.test(gap) || gap.length > 160) return;
      const distance = before ? gap.length : gap.length * 1.5 + 5;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    });
    if (best >= 0) given[best]!.push(word);
  }
  return given.map((own) => {
    const asIs = own.some((w) => w.asIs);
    // "included verbatim" outranks the transformation words of the same clause.
    return { relation: asIs ? 'Direct Inclusion/Subset' : strongestRelation(own.map((w) => w.relation)), asIs };
  });
}

/** A transformation first (the more specific on ties), else fusion over inclusion only when it is the majority. */
export function strongestRelation(relations: readonly Relation[]): Relation | undefined {
  if (relations.length === 0) return undefined;
  const transforms = relations.filter((r) => TRANSFORMS.has(r));
  const pool = transforms.length > 0 ? transforms : relations;
  const counts = new Map<Relation, number>();
  for (const r of pool) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || SPECIFICITY.indexOf(a[0]) - SPECIFICITY.indexOf(b[0]))[0]![0];
}
