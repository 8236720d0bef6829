/**
 * Sentence boundaries in a paragraph: a full stop, question or exclamation mark (or their CJK forms)
 * followed by space and what can open a sentence, except after abbreviations, initials and inside
 * numbers or identifiers. One pass; reads the paragraph's reading text, returns document offsets.
 */

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'al e.g eg i.e ie etc vs fig figs tab eq sec no nos approx resp cf ca dr mr mrs ms prof st jr sr inc ltd co corp dept est vol vols pp ed eds rev u.s u.k e.u jan feb mar apr jun jul aug sep sept oct nov dec incl excl min max avg ref refs'.split(' '),
);

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentences of `reading` (the reading text of document span [offset, offset + reading.length)). */
export function sentenceSpans(reading: string, offset: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let sentenceStart = 0;
  const n = reading.length;
  for (let i = 0; i < n; i++) {
    const c = reading.charCodeAt(i);
    const cjk = c === 0x3002 || c === 0xff01 || c === 0xff1f;
    if (c !== 46 && c !== 33 && c !== 63 && !cjk) continue;
    // Run of terminators and closing quotes/brackets; the loop goes on after it whether or not it
    // ends a sentence, so each character is read a bounded number of times.
    let j = i + 1;
    while (j < n && CLOSER.test(reading[j]!)) j++;
    const boundary = cjk || endsHere(reading, i, j);
    i = j - 1;
    if (!boundary) continue;
    push(out, reading, offset, sentenceStart, j);
    sentenceStart = j;
  }
  push(out, reading, offset, sentenceStart, n);
  return out;
}

const CLOSER = /[.!?)"'”’\]*_]/;

/**
 * Whether the terminator run [first, runEnd) is followed by space and a sentence opener, and one of its
 * terminators ends a sentence ("(Smith et al.). The": not the "al." one, the one after the bracket).
 * Each terminator's look-back is bounded, so the whole run costs its length.
 */
function endsHere(reading: string, first: number, runEnd: number): boolean {
  const n = reading.length;
  if (runEnd >= n || !isSpace(reading.charCodeAt(runEnd))) return false;
  let k = runEnd;
  while (k < n && isSpace(reading.charCodeAt(k))) k++;
  if (k >= n || !opensSentence(reading[k]!)) return false;
  for (let t = first; t < runEnd; t++) {
    const c = reading.charCodeAt(t);
    if (c === 33 || c === 63) return true;
    if (c === 46 && endsSentence(reading, t)) return true;
  }
  return false;
}

function push(out: SentenceSpan[], reading: string, offset: number, s: number, e: number): void {
  while (s < e && isSpace(reading.charCodeAt(s))) s++;
  while (e > s && isSpace(reading.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

function opensSentence(ch: string): boolean {
  return /[\p{Lu}\p{N}"'“‘([*`#\p{Lo}]/u.test(ch);
}

const ABBREVIATION_BOUND = 12;
const WORD_OR_DOT = /[\p{L}\p{N}.]/u;

/** Whether the full stop at `dot` ends a sentence: not after an abbreviation or an initial. */
function endsSentence(reading: string, dot: number): boolean {
  // Abbreviations are short: a word longer than the bound is none, and the look-back stays bounded.
  const floor = Math.max(0, dot - ABBREVIATION_BOUND);
  let w = dot;
  while (w > floor && WORD_OR_DOT.test(reading[w - 1]!)) w--;
  if (w === floor && w > 0 && WORD_OR_DOT.test(reading[w - 1]!)) return true;
  const word = reading.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) return false;
  // "J. Smith", "A. Author": a lone capital initial.
  if (/^\p{Lu}$/u.test(reading.slice(w, dot))) return false;
  return true;
}
