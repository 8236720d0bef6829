/**
 * Names written as identifiers, the way teams name internal datasets: `billing-chats-v3`,
 * `kb_articles_v5`, `wiki-passages.v5`, `acme/intake-forms`, `exports/crm-raw`, `jailbreak-batch1`,
 * `claims-2024-q3`, `s3://bucket/raw/tickets`. Words joined by hyphens, underscores, dots or slashes with
 * no space, taken whole (never cut at a version), minus what only looks like one: numbers, versions,
 * dates, sizes, file names, web domains, abbreviations.
 */
import { WORD_HAS_DIGIT, WORD_HAS_LETTER, type WordToken } from '../../../../shared/registry/name-index.js';

export interface Identifier {
  /** Relative to the text given. */
  start: number;
  end: number;
  text: string;
  /** All lower-case words joined by hyphens ("multi-turn", "claims-dialogs"): a name only with support. */
  compound: boolean;
}

const NOT_A_NAME = [
  /^v?\d+(?:[._-]\d+)*[a-z]?$/i, // 3, 2.1, v1.2, 2024-03-01
  /^\d+(?:\.\d+)?[kmbt]$/i, // 40k, 7B
  /^(?:q[1-4]|h[12]|r\d+|v\d+|rc\d+|p\d+|top-?\d+|k\d+|x\d+|\d+x|\d+(?:st|nd|rd|th|s|d|h|m|gb|mb|kb|tb|px|ms))$/i,
  /^\d{4}-?(?:q[1-4]|h[12]|\d{2})(?:-?\d{2})?$/i, // 2024q3, 2024-q3
  /^(?:e\.g|i\.e|etc|vs|u\.s|u\.k|a\.k\.a|n\/a|w\/o|w\/|and\/or|ph\.d|et\.al)$/i,
  /^\d+(?:\.\d+)?e-?\d+$/i,
  /^\d{4}(?:[._-](?:r|v|rc|q|h)?\d+)+$/i, // 2023.r2, 2024-v1
  // Shorthand for a sibling version ("batch-1", "round_2"): resolved against the corpus elsewhere, never a name alone.
  /^(?:batch|round|wave|part|set|split|shard|cohort|release|phase|stage|step|run|epoch|iter|version|rev|revision)[-_.]?\d+$/i,
  /^(?:base|ascii|utf|sha|md|crc|int|float|fp|bf|uint)[-_]?\d+$/i, // base64, sha256, fp16
  /^(?:q[1-4]|h[12])[-_.]?\d{4}$/i, // Q3-2024
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[-–/](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i, // Apr-Jun
  /^\d+(?:st|nd|rd|th)?[-_][a-z]+$/i, // 6th-grade, 3-sentence, 41-intent
  /^(?:train|val|valid|test|dev|eval)[-_]?\d{2,4}$/i, // train2017: a split of the year
  /^\d+k?[-_](?:train|test|dev|val|validation|eval)$/i, // 330k_train: a split
  /^W\d{1,2}$/, // W14: a week
  /^(?:rouge|bleu|sacrebleu|meteor|chrf|wer|cer|bertscore|ndcg|mrr|map|f1|em|pass)(?:[-@_.]?[\w]{1,4})?$/i, // ROUGE-L, nDCG@10: a metric
  /^[A-Z]\.\d+(?:\.\d+)*$/, // A.1: an appendix
  /^\d[\d.,]*\/\S+$/, // 11.40/m²: a rate
  /^(?:char|word|token|byte)[-_]?\d+[-_]?grams?$/i, // char-5gram: a measure
  /^s{1,2}\.\d+[a-z]?$/i, // s.12: a section of a statute
  /^comet(?:-kiwi|-da|-qe)?(?:-\d+)?$/i, // COMET-Kiwi: a metric
  /^(?=[A-Z0-9-]*\d)[A-Z]{2,6}(?:-[A-Z0-9]{2,6}){2,4}$/, // NWS-2024-MBY-03: a reference number
  /^(?:tiny|base|small|medium|large|xl|xxl)(?:-v\d+(?:\.\d+)?)?$/i, // large-v3: a model size
  /^\d+(?:\.\d+)?(?:kb|mb|gb|tb|pb|k|m|b|bn)$/i, // 2.5GB
  /^(?:grade|level|class|year|tier|step|page|chapter|section|part|size|top|k|n|round|rank|seed|label|fold|gpu|node|worker)[-_]?\d+$/i, // grade-8, rank-0, seed-42, label-0
  /^(?:fy|cy|ay|sy)\d{2,4}$/i, // FY2025
  /^[A-Z]{2,12}-\d+(?:-\d+)*$/, // LEGAL-2291, RP-2024-03: a ticket or a policy
  /^(?:cc[-_])?by(?:[-_](?:nc|sa|nd))*(?:[-_]\d(?:\.\d)?)?$|^(?:cc0|gpl|lgpl|agpl|mit|apache|bsd|mpl|odc|odbl|cdla)(?:[-_.][a-z0-9]+)*$/i, // licences
];
const FILE = /\.(?:jsonl|json|csv|tsv|parquet|arrow|py|ipynb|md|markdown|txt|rst|gz|zst|zip|tar|tgz|yaml|yml|toml|ini|cfg|png|jpe?g|gif|svg|pdf|html?|sh|js|ts|log|pkl|pt|bin|safetensors|xlsx?|docx?|tmx|tbx|xliff|xlf|po|srt|vtt|wav|mp3|flac|bz2|xz|7z)$/i;
const DOMAIN = /^(?:[a-z0-9-]+\.)+(?:com|org|net|io|ai|edu|gov|co|uk|de|fr|jp|cn|info|dev|app|us|eu|games|gg|cloud|online|site|tech|store|shop|xyz|me|tv|live|media|news|blog|help|support|internal|corp|local)$/i;
/** A host of a web page before its path: `kestrel.be/help`, `shop.example.pl/pomoc` (any country domain). */
const WEB_HOST = /^(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2}$/i;
const STORAGE_SCHEME = /^(?:s3|gs|hdfs|abfss?|az|file|dbfs|wasbs?)$/i;
/** Hyphen compounds of ordinary English: "multi-turn", "step-by-step", "de-identified", "in-house". */
const COMPOUND_PART = new Set(
  ('multi self high low well non pre post re co de semi anti cross long short full half real human machine hand open in out one two three ' +
    'few zero many first second third fine up down on off over under top bottom left right end state art follow all so much ' +
    'based level quality specific free aware like style time turn shot written generated made tuned trained world party source form scale ' +
    'grained domain task round hop step way side wide only friendly ready related rich heavy light oriented driven facing mixed context ' +
    'answer answers question questions type types sized size class grade length term year old new by to the of and or for at a an as is ' +
    'with per non-english english chinese sub super inter intra un dis mis e x t who what when where how which then').split(' '),
);

/** "claimant/assistant", "Question/answer": two plain words around a slash are prose, not an `org/name` id. */
export function isProsePair(written: string): boolean {
  // "yes/no/maybe", "PROG/CONS/DCS", "phone/MRN": plain words around slashes. An `org/name` id has a digit, a hyphen or a dot.
  // "en-de/en-fr/en-ja", "toxic/obscene/insult/identity_hate": three or more such words are a list of values.
  // "storm/non-storm", "move-in/move-out", "technique/sub-technique": two values of one word, not an org and its dataset.
  return /^\p{L}+(?:\/\p{L}+)+$/u.test(written) || /^[\p{L}_-]+(?:\/[\p{L}_-]+){2,}$/u.test(written) || sharesAWord(written);
}

function sharesAWord(written: string): boolean {
  const sides = /^([a-z]+(?:-[a-z]+)*)\/([a-z]+(?:-[a-z]+)*)$/.exec(written);
  if (!sides) return false;
  const left = new Set(sides[1]!.split('-').filter((w) => w.length >= 3));
  return sides[2]!.split('-').some((w) => left.has(w));
}

/** One pattern per shape; they are tested as two alternations (case-sensitive and not), one pass over the name each. */
const NEVER_A_NAME_SHAPES: readonly RegExp[] = [
  /^[a-z]{2,3}-(?:[A-Z]{2}|\d{3}|[A-Z][a-z]{3})$/,
  /^[A-Z]+_\d{1,6}$/, // PERSON_3, HOST_0192: a placeholder
  /^\d{1,3}(?:\.(?:\d{1,3}|[Xx*]+)){3}$/, // 10.X.X.17: an address, masked or not
  /^[a-z]{3}_[A-Z][a-z]{3}$/, // eng_Latn: a FLORES language code
  /^[A-Z]\d{2}[A-Z]?$/, // C04, G12C: a code (MeSH tree, mutation)
  /^(?:MY|FY|CY)[-\s]?(?:\d{2}|\d{4})$/, // MY2024, FY25: a model or fiscal year
  /^[A-Z]\d(?:\/[A-Z]\d)+$/, // H2/H3: heading levels, codes
  /^h[1-6]$/, // h2: an HTML heading
  /^(?:[A-Z]\d|\d[A-Z])$/,
  /^[A-Z]2[A-Z]$/, // B2B, P2P: a market
  /^(?:meta|metadata|attrs?|extra|info)\.[a-z_]+$/, // meta.part: a field path
  /^[A-Z]\d{2}-\d{2}$/, // R22-11: a vendor release
  /^(?:train|dev|test|val)\.[a-z]+(?:\.[a-z]+)*$/, // train.triples.small: a split's file
  /^[A-Z][a-z]+(?:-[A-Z][a-z]+)*\/[A-Z][a-z]+(?:-[A-Z][a-z]+)*$/, // Latin-American/European: two words
  /^[a-z]{2}(?:-[a-z]{2,4})?(?:\/[a-z]{2}(?:-[a-z]{2,4})?)+$/, // pt-br/es: locales
  /^[A-Z]{1,4}\d{1,2}(?:\/[A-Z]{1,4}\d{1,2})+$/, // MC1/MC2: codes
  /^[a-z]{3,}-[a-z]$/, // haedicke-m, sanders-r: a mailbox, a person
  /^(?:[A-Z]{2}|[a-z]{2})\d$/, // KS3, ks2, Y7: a school stage or a code
  /^(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{7,40}$/, // e53f048: a commit
  /^(?:OFFICIAL|SECRET|TOP-SECRET|CONFIDENTIAL|RESTRICTED|SENSITIVE)(?:-[A-Z]+)*$/, // OFFICIAL-SENSITIVE: a protective marking
  /^[a-z]{2,15}\.[a-z]$/, // li.w, marco.b: a person's chat handle
  /^[a-z]{1,2}\.[a-z]{2,20}$/, // j.yusuf, h.tran: a person's handle
  /^[a-z]+(?:\/[a-z]+){2,}$/, // question/context/reasoning/answer: a list of fields
  /^v?\d+(?:\.\d+)+(?:-[a-z]+)?$/, // v1.0-simplified: a release label
  /^(?:make|python3?|bash|sh|npm|npx|dvc|git|pip|uv|poetry|cargo|node|docker|kubectl)\s/, // make kiosk-faq: a command
  /^\/(?:home|usr|tmp|var|etc|opt|root|Users)\/|\.\.\.$|^node:|^[a-zA-Z]-[a-zA-Z]\d-\d$/, // /home/user/..., node:test, a-z0-9: a path, a module, a character class
  /^(?:s3|gcs|hdfs|hive|kafka|delta|glue|redshift|bigquery|snowflake|postgres|mysql|PROD|DEV|QA|STAGING)$/, // a catalog's platform or environment
  /^(?:non-)?[A-Z]{2,3}(?:-[A-Z][a-z]+)?\/(?:non-)?[A-Z]{2,3}(?:-[A-Z][a-z]+)?$/, // non-EN/ES, MX/US-Hispanic: language or region codes
  /^(?:day|week|month|wave)-?\d+$/i, // Day-120
  /^(?:pre|post|mid|early|late)-\d{4}s?$/i, // Pre-2021: a period
  /^(?:under|over|above|below)-\d+$/i, // under-18: an age
  /^\d+(?:\.\d+)?(?:kva|kv|kw|kwh|mw|mwh|gw|hz|khz|mhz|ghz|gb|tb|mb|kb|ms)$/i, // 25KVA: a measure
  /^(?:sha|md)-?\d+s?$/i, // SHA-256s: a hash
  /^(?:SHA\d*|MD5)SUMS?$/i, // SHA256SUMS: a checksum file
  /^(?:s\.l|s\.a|s\.r\.l|s\.r\.o|a\.s|b\.v|n\.v|s\.p\.a|a\.g)$/i, // S.L.: a company form
  /^(?:macro|micro|weighted)-(?:f1|auc|recall|precision|avg)$/i, // macro-F1: a metric
  /-(?:editors|annotators|translators|reviewers|raters|workers|writers|moderators)$/i, // post-editors: people
  /^[a-z]+-(?:up|in|on)\/(?:down|out|off)$/i, // thumbs-up/down, opt-in/out
  /^v\d+(?:\.\d+)*-(?:rc|beta|alpha|pre|dev)\d*$/i, // v4-rc1: a release candidate
  /^\d{4}[-_]?(?:q[1-4]|h[12])(?:\.\d+)+$/i, // 2024q3.0: a release of a quarter
  /^(?:last|first|top|bottom|next|prev)-\d+$/i,
  /^(?:upstream|source|part|component|input|parent|item|row|step|stage|col|column|field)[-_]?\d{1,2}$/i, // upstream_1: a numbered label
  /^[\w.-]+\/(?:train|test|validation|valid|dev|eval)$/i,
  /^(?:sev|p|pri|prio|tier|level|lvl)[-_]?\d(?:-[a-z]+)?$/i, // SEV1, SEV1-heavy, P2, Tier-1: a severity or priority
  /^\d+(?:\.\d+)*\.x$/, // 22.x: a range of releases
  /^(?:[ABHLPV]\d{2,3}S?|T4)$/, // H100, A100, L40S: a GPU
  /^per-\d/i, // per-100g: a unit
  /^(?:text|application|image|audio|video)\/[\w.+-]+$/, // text/html: a media type // harmless-base/train: a split's path
  /^(?:user|player|customer|agent|person|host|client|member|account|ticket)_\d+$/i, // user_4821: a pseudonym
  /^[a-z]+-turned-[a-z]+$/i, // chemist-turned-informatician: a person
  /^[\w.-]+-(?:derived|based|style|like|inspired|mined|free|only|aware|specific|level|grade|sized|ranked|rated|scored|judged|graded|labell?ed|ish|fine-tuned|finetuned|tuned|trained|adjacent|related|compatible)$/i, // GSM8K-derived, BM25-mined: said of other things
  /^[a-z]+(?:-[a-z]+)*-but-[a-z]+(?:-[a-z]+)*$/i, // borderline-but-allowed: a description
  /^(?:exp|run|job|pr|ticket|issue|jira|incident|cr)-\d+$/i, // exp-0940: an experiment or ticket
  /^\d+(?:\.\d+)?(?:in|inch|cm|mm|ft|kg|lb|oz)$/i, // 65in: a size
  /^\d{1,3}x{1,3}$/i, // 8xx of "18,8xx rows", 9xx: a count written loosely
  /^(?:k8s|i18n|l10n|a11y|g11n|o11y|p13n)$/i, // K8s: a numeronym of a word
  /^[A-Z][A-Z0-9-]{0,5}(?:\/[A-Z][A-Z0-9-]{0,5}){2,}$/, // TV-Y/TV-Y7/G/PG: ratings or codes
  /^[A-Z]{1,5}[-_]\d?x{2,}$/i, // DRV-0xx: a family of codes
  /^[a-z]{2}_[A-Z]{2}$/, // fr_FR: a locale
  /^no\.\d+$/i, // no.12: a number
  /^q[1-4]$/i, // q3: a quarter
  /^(?:rouge-?(?:l|lsum|\d)|bleu-?\d|chrf\+*|bert-?score|comet-?\d*)$/i, // ROUGE-L: a metric
  /^[A-Z]-?\d{1,4}s$/, // W-2s, B1s: forms or instances of a code
  /(?:^|[-_.])x{4,}(?:$|[-_.])/i, // cl-xxxxxxxx: a placeholder
  /^[a-z]+-(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{4,12}$/, // node-7f3a: a host or pod id
  /^[\w.-]+\/v\d+(?:(?:alpha|beta)\d+)?$/, // extensions/v1beta1: an API group and version
  /^[\w-]+(?:\.[\w-]+)+\.(?:example|com|org|net|io|internal|local|corp|cloud|dev|app)$/i, // status.cloudco.example: a host
  /^\d{1,2}(?::\d{2})?(?:am|pm)$/i, // 7am, 10:30pm: a time
  /^\d+(?:min|mins|sec|secs|s|ms|h|hr|hrs|d|wk)$/i, // 30min, 90s: a duration
  /^q\d{1,3}$/i, // q15: a question's number
  /^Category:/, // Category:Banking: a wiki category
  /^(?:19|20)\d{6}\.[a-z]{2,3}$/, // 20231101.en: a dump's date and language
];
const NEVER_A_NAME = NEVER_A_NAME_SHAPES.filter((r) => !r.flags.includes('i')).map((r) => `(?:${r.source})`).join('|');
const NEVER_A_NAME_ANY_CASE = NEVER_A_NAME_SHAPES.filter((r) => r.flags.includes('i')).map((r) => `(?:${r.source})`).join('|');
const NEVER_A_NAME_PATTERN = new RegExp(NEVER_A_NAME);
const NEVER_A_NAME_ANY_CASE_PATTERN = new RegExp(NEVER_A_NAME_ANY_CASE, 'i');

/**
 * Shapes that are never a dataset's name unless the corpus or the registry knows them: locales
 * (`es-419`, `pt-BR`), placeholders (`PERSON_3`), two-character codes (`B1`, `S3`, `Q2`), "last-4", and web pages
 * (`forums.example.com/mods`) other than those of data hosts.
 */
export function isNeverAName(written: string): boolean {
  if (NEVER_A_NAME_PATTERN.test(written) || NEVER_A_NAME_ANY_CASE_PATTERN.test(written)) return true;
  // `pub_year between 1890 and 1899`: an expression.
  if (/\s/.test(written) && /\s(?:between|like|and|or|is|in|not)\s[^`]*\d|[<>=]/.test(written)) return true;
  const slash = written.indexOf('/');
  if (slash <= 0) return false;
  const host = written.slice(0, slash);
  return (DOMAIN.test(host) || WEB_HOST.test(host)) && !DATA_HOST.test(host);
}
/** Hosts whose pages are datasets: `kaggle.com/datasets/acme/reviews`, `huggingface.co/datasets/squad`. */
const DATA_HOST = /^(?:www\.)?(?:huggingface\.co|hf\.co|kaggle\.com|github\.com|gitlab\.com|zenodo\.org|figshare\.com|data\.world|paperswithcode\.com|openml\.org)$/i;

/** Words that make a hyphenated phrase ordinary English: "text-to-SQL", "non-English", "state-of-the-art". */
const FUNCTION_WORD = new Set('to of by and or the a an in on for with non per vs via at all if'.split(' '));

const COMPARED_AFTER = /^\s?(?:[!=<>]=|[<>])/;
const COMPARED_BEFORE = /(?:[!=<>]=|[<>])\s?$/;

/** Identifiers among a text's words (tokens relative to the same text). */
export function identifiers(text: string, tokens: readonly WordToken[]): Identifier[] {
  const out: Identifier[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j + 1 < tokens.length && joins(text, tokens[j]!, tokens[j + 1]!, j === i)) j++;
    const lettersAndDigits = WORD_HAS_DIGIT | WORD_HAS_LETTER;
    if (j > i || (tokens[i]!.flags & lettersAndDigits) === lettersAndDigits) {
      const start = tokens[i]!.start;
      const end = tokens[j]!.end;
      // "#learner-support-data", "@data-team": a channel or a handle, not a dataset.
      // "xiang.zhang@nyu.edu", "where score_0 != score_1": an address, or the fields of a comparison; `id.startswith(`: a call.
      // (`\\LCC-FS02\exports\…`: a Windows share and its folders.)
      const handle = (start > 0 && (text[start - 1] === '#' || text[start - 1] === '@' || text[start - 1] === '\\' || text[end] === '\\')) || /\d%\s$/.test(text.slice(Math.max(0, start - 3), start)) || text[end] === '@' || (text[end] === '(' && /[._]/.test(text.slice(start, end))) || COMPARED_AFTER.test(text.slice(end, end + 4)) || COMPARED_BEFORE.test(text.slice(Math.max(0, start - 4), start));
      const identifier = handle ? undefined : classify(text.slice(start, end), start, end, tokens.slice(i, j + 1));
      if (identifier) out.push(identifier);
    }
    i = j + 1;
  }
  return out;
}

/** Two words of one identifier: joined by exactly one of - _ . / (or `://` after a storage scheme). */
function joins(text: string, a: WordToken, b: WordToken, first: boolean): boolean {
  const length = b.start - a.end;
  if (length === 1) {
    const c = text.charCodeAt(a.end);
    return c === 45 || c === 95 || c === 46 || c === 47;
  }
  if (length !== 2 && length !== 3) return false;
  const gap = text.slice(a.end, b.start);
  if (gap === '://' && first) return STORAGE_SCHEME.test(a.key);
  return gap === '__' || gap === '--';
}

function classify(written: string, start: number, end: number, words: readonly WordToken[]): Identifier | undefined {
  if (NOT_A_NAME.some((re) => re.test(written)) || FILE.test(written) || DOMAIN.test(written)) return undefined;
  if (!/\p{L}/u.test(written)) return undefined;
  // "claimant/assistant", "Question/answer": two plain words with a slash are prose.
  if (isProsePair(written)) return { start, end, text: written, compound: true };
  // Words of ordinary English joined by hyphens ("multi-turn", "De-identified", "Card-payment", "DISPUTES-queue"),
  // or lower-case words joined by underscores with no digit ("professional_accounting"): names only with support.
  const plainKebab = /^[A-Za-z][a-z]*(?:-[a-z]+)+$|^[A-Z]+(?:-[a-z]+)+$/.test(written) || (/^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(written) && words.some((w) => FUNCTION_WORD.has(w.key)));
  const plainSnake = /^[a-z]+(?:_[a-z]+)+$/.test(written);
  // Two plain words with a hyphen ("Latin-American", "Card-payment") read as English until something says they are a name.
  const twoWords = /^[A-Za-z][a-z]+-[A-Za-z][a-z]+$/.test(written);
  const compound = plainSnake || twoWords || (plainKebab && (words.length === 2 || words.some((w) => COMPOUND_PART.has(w.key)) || /^[A-Z]/.test(written)));
  return { start, end, text: written, compound };
}
