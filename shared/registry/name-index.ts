/**
 * An index of dataset names for lookup and for finding them in running text in one pass: a trie over
 * the words of every spelling, so matching costs a few map lookups per word of text, however many names
 * the index holds (the well-known registry, or a folder's or project's private names).
 */
import { nameKey } from '../domain/names.js';

export interface WordToken {
  start: number;
  end: number;
  /** The word in lower case. */
  key: string;
  /** What the word is made of: see the WORD_* bits. */
  flags: number;
}

/** Bits of WordToken.flags. */
export const WORD_HAS_DIGIT = 1;
export const WORD_HAS_LETTER = 2;
/** Starts with a capital letter. */
export const WORD_CAPITALISED = 4;
/** A lower-case letter followed by a capital ("OpenHermes"). */
export const WORD_INNER_CAPITAL = 8;
/** Two or more letters, all capitals ("GSM", "MMLU"). */
export const WORD_ALL_CAPS = 16;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

/** The words (runs of letters and digits) of a text, with offsets relative to it, in one pass. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  const n = text.length;
  // One lower-case copy for every key: its offsets are the text's while the text is ASCII.
  const ascii = !NON_ASCII.test(text);
  const lower = ascii ? text.toLowerCase() : '';
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_CLASS[c] === 0 : !isWordChar(c, text, i)) {
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    let lowerBefore = false;
    let upper = 0;
    let letters = 0;
    while (i < n && ((c = text.charCodeAt(i)) < 128 ? ASCII_CLASS[c] !== 0 : isWordChar(c, text, i))) {
      if (c >= 48 && c <= 57) flags |= WORD_HAS_DIGIT;
      else if (c >= 65 && c <= 90) {
        if (i === start) flags |= WORD_CAPITALISED;
        if (lowerBefore) flags |= WORD_INNER_CAPITAL;
        upper++;
        letters++;
        lowerBefore = false;
      } else if (c >= 97 && c <= 122) {
        letters++;
        lowerBefore = true;
      } else if (c >= 128) {
        const ch = text[i]!;
        if (DIGIT.test(ch)) flags |= WORD_HAS_DIGIT;
        else {
          letters++;
          if (UPPER.test(ch)) {
            if (i === start) flags |= WORD_CAPITALISED;
            if (lowerBefore) flags |= WORD_INNER_CAPITAL;
            upper++;
            lowerBefore = false;
          } else lowerBefore = LOWER.test(ch);
        }
      }
      i++;
    }
    if (letters > 0) flags |= WORD_HAS_LETTER;
    if (upper >= 2 && upper === letters) flags |= WORD_ALL_CAPS;
    tokens.push({ start, end: i, key: ascii ? lower.slice(start, i) : text.slice(start, i).toLowerCase(), flags });
  }
  return tokens;
}

const NON_ASCII = /[\u0080-\uffff]/;
/** For each ASCII code: 0 not part of a word, 1 a digit or letter. */
const ASCII_CLASS = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // A surrogate pair is one character: test it whole.
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i]!);
}

export interface NameMatch<T> {
  value: T;
  start: number;
  end: number;
  written: string;
}

interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  /** A spelling ends here, matched in any case. */
  loose?: T;
  /** Spellings that end here and match only as written. */
  exact?: Map<string, T>;
}

export interface NameIndexOptions<T> {
  /** Refuses a loose one-word match ("code" written in running text is a word, not a dataset). */
  acceptLoose?: (written: string, value: T) => boolean;
}

/** Longest spelling, in words. */
const MAX_WORDS = 8;

export class NameIndex<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  private readonly byKey = new Map<string, T>();
  private readonly byExact = new Map<string, T>();

  constructor(private readonly options: NameIndexOptions<T> = {}) {}

  get size(): number {
    return this.byKey.size + this.byExact.size;
  }

  /** Adds a spelling; the first value added for a key keeps it. `exactCase` spellings match only as written. */
  add(spelling: string, value: T, exactCase = false): void {
    const trimmed = spelling.trim();
    const words = wordTokens(trimmed);
    if (words.length === 0 || words.length > MAX_WORDS) return;
    if (exactCase) {
      if (!this.byExact.has(trimmed)) this.byExact.set(trimmed, value);
    } else {
      const key = nameKey(trimmed);
      if (key.length < 2) return;
      // Another wording of a key already taken adds its words, if it means the same dataset.
      if (!this.byKey.has(key)) this.byKey.set(key, value);
      else if (this.byKey.get(key) !== value) return;
    }
    let level = this.root;
    let node: TrieNode<T> | undefined;
    for (const word of words) {
      node = level.get(word.key);
      if (!node) {
        node = {};
        level.set(word.key, node);
      }
      level = node.next ??= new Map();
    }
    if (exactCase) (node!.exact ??= new Map()).set(trimmed, node!.exact?.get(trimmed) ?? value);
    else node!.loose ??= value;
  }

  /** The value a written name means: as written for exact-case spellings, else by its name key. */
  lookup(name: string): T | undefined {
    const trimmed = name.trim();
    const exact = this.byExact.get(trimmed);
    if (exact !== undefined) return exact;
    const loose = this.byKey.get(nameKey(trimmed));
    if (loose === undefined) return undefined;
    return !this.options.acceptLoose || this.options.acceptLoose(trimmed, loose) || wordTokens(trimmed).length > 1 ? loose : undefined;
  }

  /**
   * The names in `text`, left to right, the longest at each word, never overlapping. Words of one name
   * may be joined by a space, hyphen, underscore, dot, slash or apostrophe, never by a comma.
   */
  matches(text: string, tokens: readonly WordToken[] = wordTokens(text)): Array<NameMatch<T>> {
    const found: Array<NameMatch<T>> = [];
    for (let i = 0; i < tokens.length; ) {
      let level: Map<string, TrieNode<T>> | undefined = this.root;
      let best: { value: T; n: number } | undefined;
      for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length && level; n++) {
        const token = tokens[i + n - 1]!;
        if (n > 1 && !isJoiner(text, tokens[i + n - 2]!.end, token.start)) break;
        const node: TrieNode<T> | undefined = level.get(token.key);
        if (!node) break;
        const start = tokens[i]!.start;
        if (node.exact) {
          const value = node.exact.get(text.slice(start, token.end));
          if (value !== undefined) best = { value, n };
        }
        if (node.loose !== undefined && (!best || best.n < n)) {
          const written = text.slice(start, token.end);
          if (n > 1 || !this.options.acceptLoose || this.options.acceptLoose(written, node.loose)) best = { value: node.loose, n };
        }
        level = node.next;
      }
      if (best) {
        const start = tokens[i]!.start;
        const end = tokens[i + best.n - 1]!.end;
        found.push({ value: best.value, start, end, written: text.slice(start, end) });
        i += best.n;
      } else {
        i++;
      }
    }
    return found;
  }
}

/** Up to two characters of space, hyphen, underscore, dot, slash or apostrophe. */
function isJoiner(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 45 && c !== 95 && c !== 46 && c !== 47 && c !== 39 && c !== 0x2019 && c !== 9) return false;
  }
  return true;
}
