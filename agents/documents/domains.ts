/** A first guess at a dataset's domains from its card: tags, task categories, title. People can change it. */
const DOMAIN_CUES: Array<[string, RegExp]> = [
  ['Math', /\b(math\w*|arithmetic|algebra|geometry|gsm8k|theorem|olympiad|aime|amc)\b/i],
  ['Code', /\b(code|coding|programming|python|java(script)?|c\+\+|software|leetcode|codeforces|sql)\b/i],
  ['Science', /\b(science|scientific|physics|chemistry|biology|medic\w*|clinical|biomedical|stem)\b/i],
];

export function guessDomains(...texts: Array<string | undefined>): string[] {
  const haystack = texts.filter(Boolean).join(' ');
  const found = DOMAIN_CUES.filter(([, cue]) => cue.test(haystack)).map(([domain]) => domain);
  return found.length > 0 ? found : ['General'];
}
