/**
 * Footnote marks glued to a word, as text copied from a paper has them: "the latest Common Crawl1
 * repository", "passages from the Washington Post2 collection", "a public Chinese Psychological Question
 * Answering Dataset16". A reader sees a superscript, not part of the name, so the mark is blanked (the
 * text keeps its length): "Common Crawl" is then the known dataset, and "Post2" is no identifier.
 */

/**
 * A word of letters ending in a lower-case letter, then one digit (two after a word of five or more
 * letters: "Dataset16", not "wmt14"), then no more of a name. The look-behind keeps parts of
 * identifiers (`jailbreak-batch1`, `s3://x/part1`) out.
 */
const GLUED_MARK = /(?<![\p{L}\p{N}_./:@#-])(\p{L}*\p{Ll})(\d{1,2})(?![\p{L}\p{N}_/-]|[.,]\d)/gu;
/** Words an internal name ends in before its number ("batch1", "wave2"): a version, not a footnote. */
const NUMBERED_WORD = /^(?:v|r|rc|q|h|batch|set|part|round|wave|split|shard|phase|stage|step|run|release|rev|version|cohort|gen|beta|alpha|pilot|draft|lot|chunk|pack|tier|level|grade|page|top|day|week|month|year|group|team|site|task|item|case|turn|annotator|rater|worker|model|table|figure|fig|section|appendix|eq)$/i;

/** `reading` with footnote marks glued to words blanked, unless the word with its digits is a name the caller knows ("Books3"). */
export function blankFootnoteMarks(reading: string, isKnownName: (word: string) => boolean): string {
  if (!/\p{Ll}\d/u.test(reading)) return reading;
  return reading.replace(GLUED_MARK, (whole: string, word: string, digits: string) => {
    if (word.length < 3 || NUMBERED_WORD.test(word)) return whole;
    if (digits.length === 2 && !/^\p{Lu}?\p{Ll}{4,}$/u.test(word)) return whole;
    if (isKnownName(whole)) return whole;
    return word + ' '.repeat(digits.length);
  });
}
