/**
 * Name-like phrases: runs of capitalised, CamelCase, ALL-CAPS or digit-bearing words ("Social Bias
 * Inference Corpus", "OpenWebMath", "SciQ", "Claims Triage Dialogs v2"), with leading and trailing
 * function words dropped. Read from a unit's words in one pass.
 */
import { WORD_CAPITALISED, WORD_HAS_DIGIT, WORD_HAS_LETTER, WORD_INNER_CAPITAL, type WordToken } from '../../../../shared/registry/name-index.js';

export interface Phrase {
  name: string;
  start: number;
  end: number;
}

/** Capitalised words that begin sentences or phrases but never name a dataset on their own. */
const STOPWORDS = new Set(
  ('a an the this that these those we our us it its they their in on of for from to by with and or as at into onto via ' +
    'then finally first second third next moreover additionally however specifically further furthermore also each all both ' +
    'some many most other others such which where when while here there using based following including namely respectively ' +
    'table tables figure figures section appendix total note notes data dataset datasets source sources subset subsets ' +
    'train training test testing validation dev split splits question questions answer answers instruction instructions ' +
    'prompt prompts response responses sample samples example examples task tasks general english chinese none no not ' +
    'only every any one two three several various new your lastly firstly secondly thirdly besides meanwhile ' +
    'therefore thus hence overall notably importantly similarly likewise instead otherwise images image ' +
    'documents document videos video charts chart pdf pdfs text texts is are was were be been has have had do does did ' +
    'if so but not nor yet after before during since until about above below over under between per than').split(' '),
);
const KEEP_AT_END = new Set(['data', 'dataset', 'corpus', 'collection', 'qa']);
const JOINERS = new Set(['of', 'for', 'the', 'de']);
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$/i;

export function namePhrases(text: string, tokens: readonly WordToken[]): Phrase[] {
  const out: Phrase[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    let s = runStart;
    let e = runEnd;
    while (s <= e && STOPWORDS.has(tokens[s]!.key)) s++;
    while (e >= s && (STOPWORDS.has(tokens[e]!.key) || JOINERS.has(tokens[e]!.key)) && !(KEEP_AT_END.has(tokens[e]!.key) && /^\p{Lu}/u.test(text[tokens[e]!.start]!))) e--;
    if (s <= e && e - s < 6) {
      const start = tokens[s]!.start;
      const end = tokens[e]!.end;
      out.push({ name: text.slice(start, end), start, end });
    }
    runStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (runStart >= 0 && !phraseGap(text, tokens[i - 1]!.end, token.start)) flush();
    const nameLike = isNameLikeWord(token.flags);
    const joiner = runStart >= 0 && JOINERS.has(token.key);
    if (nameLike || joiner) {
      if (runStart < 0) runStart = i;
      runEnd = i;
    } else {
      flush();
    }
  }
  flush();
  return out.filter((p) => keep(p, text));
}

function isNameLikeWord(flags: number): boolean {
  if (flags & (WORD_CAPITALISED | WORD_INNER_CAPITAL)) return true;
  return (flags & WORD_HAS_DIGIT) !== 0 && (flags & WORD_HAS_LETTER) !== 0;
}

/** Between two words of one phrase: one or two spaces or hyphens, or an apostrophe or dot with a space around. */
function phraseGap(text: string, from: number, to: number): boolean {
  const length = to - from;
  if (length === 0) return true;
  if (length > 3) return false;
  let marks = 0;
  let spaces = 0;
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c === 32 || c === 9) spaces++;
    else if (c === 45) spaces++;
    else if (c === 39 || c === 0x2019 || c === 46) marks++;
    else return false;
  }
  return marks === 0 ? length <= 2 : marks === 1 && spaces <= 2;
}

function keep(p: Phrase, text: string): boolean {
  if (p.name.length < 2 || /^\d{4}[a-z]?$/.test(p.name) || MONTH.test(p.name)) return false;
  // A lone Title-case word opening the sentence is just capitalised ("Completions come from…").
  if (/^\p{Lu}\p{Ll}+$/u.test(p.name) && /^[\s*_>#|-]*$/.test(text.slice(0, p.start))) return false;
  if (/^\d/.test(p.name) && !/^\d+[A-Za-z]/.test(p.name)) return false;
  // An acronym in parentheses after lower-case words abbreviates a method or term: "backward reasoning (FOBAR)".
  if (text[p.end] === ')' && /\p{Ll}\s*\($/u.test(text.slice(Math.max(0, p.start - 3), p.start)) && /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(p.name)) return false;
  return true;
}
