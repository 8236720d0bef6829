/**
 * Trimming a set of characters from the ends of a string. `s.replace(/[.,;]+$/, '')` looks linear but is
 * quadratic on a long run of those characters inside the string (each start in the run scans to its
 * end); these walk in from each end once.
 */

/** `text` without the characters of `chars` at its end: `trimEndOf('a/b//', '/')` → "a/b". */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` without the characters of `chars` at either end. */
export function trimOf(text: string, chars: string): string {
  return trimStartOf(trimEndOf(text, chars), chars);
}
