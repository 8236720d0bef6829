/**
 * A public set named as a part of another dataset named just before it: "drop its MultiWOZ portion",
 * "[commit-msg-pairs-v2](…) (internal and CommitPackFT rows alike)", "everything else of [x-v1] — the
 * Dolly and oasst1 parts —", "(Spider rows excluded)". Those parts came with that dataset: they are its
 * sources (or what it lost), not this card's.
 */
import { isSpecific, type Mention } from '../candidates/mention.js';
import { enumerationHeads } from './judge.js';

/** Right after the name (or its enumeration): the part word. ("a filtered ShareGPT subset" takes a part of ShareGPT itself.) */
const PART_AFTER = /^[\s`'"*\]]*(?:rows?|items|parts?|portions?|components?|examples|records|dialog(?:ue)?s|conversations|pairs)\b/i;
/** Before it: a pronoun for the dataset named earlier ("its", "their") or an apposition to it ("— the"). */
const PRONOUN_BEFORE = /\b(?:its|their)\s+(?:[\w-]+\s+(?:and|or|,)\s+)?[`'"*[]?$/i;
const APPOSITION = /^[\s`'"*\])]*(?:[—–:,]|\s-)\s*(?:the|its|their)\s+[`'"*[]?$/i;
/** Inside parentheses opened right after the other dataset, before the name: "(train split, internal and ", "(only x rows, ". */
const PARENTHESIS_AFTER_IT = /^[\s`'"*\])]*\([^()]{0,80}$/;
/**
 * A public set's named parts: "took `openbmb/UltraFeedback`, kept prompts from the `evol_instruct`, `sharegpt` and
 * `ultrachat` sources", "(`Anthropic/hh-rlhf`, `red-team-attempts` subset)" — the sources or subsets of the set named before.
 */
const SOURCES_AFTER = /^[\s`'"*\]]*(?:sources?|subsets?|configs?)\b/i;
const OF_A_PUBLIC_SET = /^[^.;!?\n]{0,120}\b(?:from|of)\s+(?:the|its|their)\s+[`'"*[]?$|^[\s`'"*]*,\s*[`'"*[]?$/i;

/** The mentions of a unit that name a part of another specific dataset named before them in the same unit. */
export function partsOfAnother(mentions: readonly Mention[], text: string): Set<Mention> {
  const parts = new Set<Mention>();
  if (mentions.length < 2) return parts;
  // "the Dolly and oasst1 parts": the part word follows the enumeration's last member.
  const heads = enumerationHeads(mentions, text);
  const ends = new Map<Mention, number>();
  for (const [member, head] of heads) ends.set(head, Math.max(ends.get(head) ?? head.end, member.end));
  const enumerationEnd = (m: Mention) => ends.get(heads.get(m) ?? m) ?? m.end;
  for (const m of mentions) {
    if (m.corpus || m.hubId) continue;
    const first = heads.get(m) ?? m;
    const afterParts = text.slice(enumerationEnd(m), enumerationEnd(m) + 30);
    if (SOURCES_AFTER.test(afterParts)) {
      // ("(`Anthropic/hh-rlhf`, `red-team-attempts` subset)": the set can open the enumeration its part closes.)
      const opener = first !== m && (first.known || first.hubId) && !first.corpus && !sameDataset(first, m) && OF_A_PUBLIC_SET.test(text.slice(first.end, m.start));
      const publicHolder = mentions.filter((o) => o.end <= first.start && first.start - o.end <= 160 && (o.known || o.hubId) && !o.corpus && !sameDataset(o, m)).at(-1);
      if (opener || (publicHolder && OF_A_PUBLIC_SET.test(text.slice(publicHolder.end, first.start)))) {
        parts.add(m);
        continue;
      }
    }
    if (!m.known || !PART_AFTER.test(afterParts)) continue;
    const holder = mentions.filter((o) => o !== m && o.end <= m.start && m.start - o.end <= 160 && isSpecific(o) && (o.corpus || o.signal === 'card-link') && !sameDataset(o, m)).at(-1);
    if (!holder) continue;
    // A card link's mention ends with its text: what follows it is read after its target.
    const between = text.slice(holder.end, (heads.get(m) ?? m).start).replace(/^\]\([^()\s]*\)/, '');
    if (between.includes('\n') || /[.;!?]\s/.test(between)) continue;
    if (APPOSITION.test(between) || PARENTHESIS_AFTER_IT.test(between) || PRONOUN_BEFORE.test(between)) parts.add(m);
  }
  return parts;
}

function sameDataset(a: Mention, b: Mention): boolean {
  return (a.corpus?.id ?? a.known?.id) === (b.corpus?.id ?? b.known?.id);
}
