/**
 * A card written as questions and answers ("**Q: Can I use this for eval?** A: No. For judge sanity we
 * use X"): the question says what its answer's names are. An answer to a question about use,
 * evaluation or consumers names what this data is for, never where it came from.
 */
import type { Unit } from '../document/units.js';

export type QuestionKind = 'origin' | 'use' | 'other';

/** "Q: …?", "**Question:** …?", "Q. …?": a question of a FAQ, up to its question mark. */
const QUESTION = /^[\s*_>#-]{0,6}(?:Q|Question)\s*\d*\s*[:.)][*_\s]*([^?\n]{3,200})\?/i;
/** Questions about where the data came from. */
const ORIGIN = /\b(?:where\b.*\b(?:from|come|came|get)|sources?|built|made|derived|upstream|origin|based\s+on|what(?:'s|\s+is|\s+went)\s+(?:in|into)|contain|include|synthetic|generated|collected|how\s+was\s+(?:it|this)|composition|parts?|components?|mix)\b/i;
/** Questions about what the data is for. */
const USE = /\b(?:use\s+(?:it|this|them)|used\s+(?:for|by|in)|who\s+uses|consumers?|downstream|eval\w*|benchmark|test(?:ing)?|train\s+on|safe\s+to|allowed\s+to|can\s+i|should\s+i|replac\w+|instead)\b/i;

export function questionOf(unit: Unit): QuestionKind | undefined {
  const text = unit.kind === 'heading' ? unit.reading.replace(/^[\s#]+/, '') : unit.reading;
  // A heading that asks is its own question ("Who uses this?").
  const question = QUESTION.exec(text)?.[1] ?? (unit.kind === 'heading' && /\?\s*$/.test(text) ? text : undefined);
  if (question === undefined) return undefined;
  if (USE.test(question) && !/\bwhere\b/i.test(question)) return 'use';
  return ORIGIN.test(question) ? 'origin' : 'other';
}
