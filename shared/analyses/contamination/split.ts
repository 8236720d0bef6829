/** Which split of an upstream dataset the evidence says was used: a benchmark's test split is contamination, its train split is not. */
import type { SplitUse } from '../../graph/lineage-graph.js';

const TEST = /\b(?:test(?:ing)?\s+(?:split|set|sets|data|questions|problems|items)|(?:eval|evaluation|validation|dev)\s+(?:split|set)|held[- ]out)\b/i;
const TRAIN = /\b(?:train(?:ing)?\s+(?:split|set|sets|data|questions|problems|portion)|train\s*split)\b/i;
const NEGATED = /\b(?:not|no|none|never|without|excluding|except)\b[^.;]{0,60}$/i;

export function splitUse(quotes: string[]): SplitUse {
  let train = false;
  let test = false;
  for (const quote of quotes) {
    for (const [pattern, mark] of [[TRAIN, () => (train = true)], [TEST, () => (test = true)]] as const) {
      const match = pattern.exec(quote);
      if (match && !NEGATED.test(quote.slice(0, match.index))) mark();
    }
  }
  if (train && test) return 'both';
  return train ? 'train' : test ? 'test' : 'unknown';
}
