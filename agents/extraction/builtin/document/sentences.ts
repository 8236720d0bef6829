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
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = reading.charCodeAt(i);
    // "Upstream: `a` · Downstream: `b`": a middle dot before a label starts a statement of its own.
    if (c === 0xb7 && LABEL.test(reading.slice(i + 1, i + 40))) {
      push(out, reading, offset, sentenceStart, i);
      sentenceStart = i + 1;
      continue;
    }
    if (c === 10) {
      if (endsTerseLine(reading, lineStart, i)) {
        push(out, reading, offset, sentenceStart, i);
        sentenceStart = i + 1;
      }
      lineStart = i + 1;
      continue;
    }
    const cjk = c === 0x3002 || c === 0xff01 || c === 0xff1f;
    if (c !== 46 && c !== 33 && c !== 63 && !cjk) continue;
    // Run of terminators and closing quotes/brackets; the loop goes on after it whether or not it
    // ends a sentence, so each character is read a bounded number of times.
    let j = i + 1;
    while (j < n && CLOSER.test(reading[j]!)) j++;
    const boundary = cjk || endsHere(reading, i, j, sentenceStart);
    i = j - 1;
    if (!boundary) continue;
    push(out, reading, offset, sentenceStart, j);
    sentenceStart = j;
  }
  push(out, reading, offset, sentenceStart, n);
  return out;
}

/** A line of notes is at most this long: wrapped prose fills its lines. */
const TERSE_LINE = 60;
/** How a line that goes on in the next one ends: a comma, an open bracket, a conjunction, a preposition. */
const CONTINUES = /(?:[,;:([&+/–—-]|\b(?:and|or|of|the|a|an|from|to|with|by|in|on|for|as|at|into|via|than|is|are|was|were|which|that)) *$/i;
/** How a line of its own opens: a label ("src: …", "op: …"), a capital, a number, a sign. */
const LABEL = /^[ \t]*[A-Za-z][\w .'’/-]{0,30}(?:\([^()\n]{0,30}\)\s*)?:\s/;
const LABEL_OR_SIGN = /^[ \t]*(?:[A-Za-z][\w .'’/-]{0,30}:\s|[~≈<>→←↑↓#@·•])/;
const OPENS_LINE = /^[ \t]*(?:[A-Za-z][\w .'’/-]{0,30}:\s|[\p{Lu}\p{N}~≈<>→←↑↓*`#@·•])/u;

/**
 * Whether the newline at `at` ends a line of terse notes ("~9.8k rows, upsampled to 25k in X" then
 * "Alpaca considered instead — rejected"): a short line that does not run on, before one that opens a
 * statement of its own. Each line is read once.
 */
function endsTerseLine(reading: string, lineStart: number, at: number): boolean {
  const line = reading.slice(lineStart, at).trim();
  if (line.length === 0) return false;
  const next = reading.slice(at + 1, at + 40);
  // "Labels: a, b, c" then "Purpose: …": key-value lines, however long.
  if (LABEL.test(line) && LABEL.test(next)) return true;
  if (line.length > TERSE_LINE || /[.!?]["'”’)]*$/.test(line) || CONTINUES.test(line) || !OPENS_LINE.test(next)) return false;
  // "the Hewlett Foundation" / "**Automated Student Assessment Prize**": a name wrapped across lines.
  return LABEL_OR_SIGN.test(next) || !/\p{Lu}[\p{L}\p{N}]*[*_]*$/u.test(line);
}

const CLOSER = /[.!?)"'”’\]*_]/;

/**
 * Whether the terminator run [first, runEnd) is followed by space and a sentence opener, and one of its
 * terminators ends a sentence ("(Smith et al.). The": not the "al." one, the one after the bracket).
 * Each terminator's look-back is bounded, so the whole run costs its length.
 */
function endsHere(reading: string, first: number, runEnd: number, sentenceStart: number): boolean {
  const n = reading.length;
  if (runEnd >= n || !isSpace(reading.charCodeAt(runEnd))) return false;
  let k = runEnd;
  while (k < n && isSpace(reading.charCodeAt(k))) k++;
  if (k >= n) return false;
  // A question is a lead of what follows ("**Who uses it?** a-v1, b-v2"): only a full stop ends a sentence before a name.
  // A lead-in of a word or two ("**Eval.** cti-eval-held, F1") heads what follows rather than ending a sentence.
  const opensWithName = !opensSentence(reading[k]!) && IDENTIFIER_OPENING.test(reading.slice(k, k + 40)) && hasWords(reading, sentenceStart, first, 3);
  if (!opensSentence(reading[k]!) && !opensWithName) return false;
  for (let t = first; t < runEnd; t++) {
    const c = reading.charCodeAt(t);
    if ((c === 33 || c === 63) && !opensWithName) return true;
    if (c === 46 && endsSentence(reading, t)) return true;
  }
  return false;
}

/** Whether [start, end) holds at least `count` words (looked at up to 200 characters back). */
function hasWords(reading: string, start: number, end: number, count: number): boolean {
  return reading.slice(Math.max(start, end - 200), end).trim().split(/\s+/).length >= count;
}

function push(out: SentenceSpan[], reading: string, offset: number, s: number, e: number): void {
  while (s < e && isSpace(reading.charCodeAt(s))) s++;
  while (e > s && isSpace(reading.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

/** "… the 2023 export. quest-summaries-v1 and -v2 were …": a lower-case name with a hyphen, underscore or digit opens a sentence too. */
const IDENTIFIER_OPENING = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?:[.][a-z0-9]+)*\b/;

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
