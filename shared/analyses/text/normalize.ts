/** Text as compared across datasets: Unicode-folded, lower case, words only. */

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text after NFKC folding and lower-casing; punctuation and spacing do not count. */
export function words(text: string): string[] {
  // NFKC folding is costly and a no-op on ASCII, which most training text is.
  const folded = /[\u0080-\uffff]/.test(text) ? text.normalize('NFKC') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}

/** The normalized form of a text: its words joined by single spaces. */
export function normalizeText(text: string): string {
  return words(text).join(' ');
}
