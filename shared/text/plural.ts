/** Counts in words: "1 edge", "2 edges", "0 sources". */

const IRREGULAR: Record<string, string> = { is: 'are', was: 'were', has: 'have', this: 'these', it: 'they' };

/** The word for `count` things: `plural(1, 'edge')` → "edge", `plural(2, 'edge')` → "edges". */
export function pluralWord(count: number, singular: string, pluralForm?: string): string {
  if (count === 1) return singular;
  if (pluralForm) return pluralForm;
  if (IRREGULAR[singular]) return IRREGULAR[singular];
  if (/(?:s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** A count and its word: `count(1, 'new edge')` → "1 new edge", `count(3, 'dataset')` → "3 datasets". */
export function count(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${pluralWord(n, singular, pluralForm)}`;
}
