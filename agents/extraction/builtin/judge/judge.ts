/**
 * Judges one candidate by the words around it: the cue that governs it (a source cue, "from", a weak
 * cue, an evaluation, comparison or citation context, or "this is the derived dataset"), and the
 * confidence that gives on the paper's rubric.
 */
import { nameKey, shortName } from '../../../../shared/domain/names.js';
import { isSpecific, STORAGE_URI, type Mention } from '../candidates/mention.js';
import { hasShareColumn, isCategoryTable, isComponentsTable, isResultsTable, nameColumn } from '../candidates/structure.js';
import { isNegated, type CueSpan } from '../cues/matcher.js';
import type { Unit } from '../document/units.js';
import { NOT_DATA_AFTER, whyNotASource } from '../not-sources.js';
import { isKeptAt } from './locations.js';
import { isSourceSection } from './sections.js';

/** Why a name a negative cue governs is dropped ("evaluated on X", "unlike X", "X is no longer in the mix"). */
export const DENIED_REASON = 'evaluated on, compared with, imitated or cited, not a source';

export type Cue = 'strong' | 'from' | 'weak' | 'soft' | 'negative' | 'target';

export type Verdict = { confidence: number; cue?: CueSpan; negated: boolean; governing: Cue | undefined } | { reason: string };

/** "from" (or a German card's "aus") with at most two words between it and the name. */
const FROM_BEFORE = /\b(?:from|aus)\s+(?:[\w'’-]+\s+){0,2}$|\bfrom\s+(?:[\w'’-]+\s+){0,4}(?:corpora|datasets|sources|collections|resources)\s*[,:]?\s*(?:namely|including|such\s+as|e\.g\.,?|i\.e\.,?)?\s*$/i;
/** "transcribed by vendor Scribe4U": a company. */
const CONFIG_PARAMETER =
  /^(?:take|skip|limit|max|min|n|num|count|size|total|sample|samples|ratio|weight|weights|seed|shuffle|epochs?|rows|frac|fraction|top_?k|threshold|temperature|upsample|downsample|repeat|cap)(?:_[a-z]+)*$|^(?:sample|max|min|n|num|take|total|target)_[a-z_]+$/i;

/** Labels of a dataset's parts, named after or before their list. */
const PART_LABELS_AFTER = /^[`'"*\s]*(?:subjects?|configs?|configurations|categories|fields|columns|labels|intents|tags|domains)\b|^[`'"*\s]*(?:goals|behaviou?rs|prompts|questions|items|problems|tasks)\s+of\s+(?:the\s+)?[A-Z]|^[`'"*\s]*(?:subsets?|portions?|splits?|sections?)\s+of\b/i;
const PART_LABELS_BEFORE = /\b(?:subjects?|configs?|configurations|categories|fields|columns|labels|intents|tags)(?:\s+[a-z]+){0,2}?\s*:?\s*[`'"]?$/i;
const MODEL_IN_BRACKETS = /^[\s`'"]*[.,;:]?\s*\(\s*(?:the|our|a|an)\s+(?:[\w-]+\s+){0,3}?(?:model|classifier|llm|tokenizer|checkpoint|ranker|retriever|encoder|system|tool|service|script|pipeline|repo|repository)\b/i;
const GIT_REF_OR_STREAM_BEFORE =
  /\b(?:production|prod|our|the|current)\s+(?:ranker|reranker|retriever|bi-?encoder|cross-?encoder|classifier|checkpoint)\s+[`'"]?$|\bref\s*:\s*[`'"]?$|\b(?:branch(?:es)?|tag|commit|revision|rev|(?:kafka|kinesis|pubsub|pub\/sub)\s+(?:topics?|streams?|queues?)|access\s+(?:via|through|with))\s*[(:]?\s*[`'"]?$|\b(?:confluence|notion|sharepoint|jira|slack|teams)\s+(?:spaces?|projects?|sites?|channels?|boards?|workspaces?)\s*[(:]?\s*(?:[`'"]?[\w.-]+[`'"]?\s*,\s*){0,8}(?:and\s+|or\s+)?[`'"]?$/i;
const RESULTS_WORDS = /\b(?:results?|comet(?:-\d+)?|bleu|chrf|auroc|auc|accuracy|f1|ndcg|mrr|rouge|win\s*rate|score)\b/i;
/** Words in a lineage table's other cells that say its part did not go into the data. */
const ROW_EXCLUDED =
  /\b(?:superseded|not\s+(?:merged|used|added|included|carried\s+(?:over|forward)|appended|read|kept|copied|reused|in\s+(?:the|this|these)\b)|removed|dropped|planned|deferred|rejected|excluded|considered|none\s+of\s+(?:its|it|them)|no\s+(?:[\w-]+\s+)?(?:data|rows|items|text)\b|nothing\s+(?:merged|copied|taken|used)|guidelines?\s+(?:only|borrowed|template)|template\s+only|(?:schema|layout|format)\s+(?:copied|only|borrowed)|grandparent|separate\s+(?:entry|table|set|dataset)|eval(?:uation)?\s+only|n\/a)\b/i;

const SOME_ROWS_LEFT = /\b\d[\d,.]*\s*%?\s+(?:[\w,-]+\s+){0,7}?(?:dropped|removed|excluded)\b|\b[\w-]+\s+(?:rows|items|examples|records|pairs|questions)\s+(?:dropped|removed|excluded)\b|\b(?:duplicates?|near-duplicates?|pii|except)\b/i;

function rowSaysExcluded(unit: Unit, mention: Mention): boolean {
  const cells = unit.cells ?? [];
  const own = cells.findIndex((c) => mention.start >= c.start && mention.end <= c.end);
  // Only a row's leading name: a name inside the note ("v1 used Jigsaw's labels") is not the row's part.
  if (own < 0 || cells.slice(0, own).some((c) => /[\p{L}\p{N}]/u.test(c.reading) && !/^[\s—–-]*$/.test(c.reading))) return false;
  const rest = cells.filter((_, i) => i !== own);
  // ("1,200 v4 rows dropped as unlabelable" drops some of its rows; "the holdout `x-holdout` is excluded" speaks of another name.)
  return rest.some((c) => /^\s*(?:❌|✗|✘|✖)\s*$/.test(c.reading) || (ROW_EXCLUDED.test(c.reading) && !SOME_ROWS_LEFT.test(c.reading) && !/[`[]/.test(c.text)) || /^\s*0\s*%?\s*$/.test(c.reading));
}

const SWAPPED_OUT = /\b(?:swaps?|swapped|swapping|replaces|replaced|replacing|trades?|traded|exchanges?|exchanged)\s+(?:out\s+)?(?:the\s+|our\s+|its\s+)?[`'"*[]?$/i;
const SWITCHED_FROM = /\b(?:switched|swapped|moved|migrated|changed|replaced)\s+(?:[\w-]+\s+){0,5}?from\s+(?:the\s+)?[`'"*[]?$/i;
/** "Pulled by the `cc-notes-extract` DAG", "converted to Markdown with `cf2md`", "Übersetzt mit `halden-mt`": the tool that did the work. */
const TOOL_BEFORE =
  /\b(?:built|generated|produced|converted|normali[sz]ed|tokeni[sz]ed|parsed|scored|classified|tagged|rendered|extracted|pulled|computed|deduplicated|dedup'?d|created|assembled|exported|transcribed|embedded)\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+|our\s+|an?\s+)?[`'"]?$|\b(?:converted|normali[sz]ed|tokeni[sz]ed|parsed|scored|classified|tagged|rendered|transcribed|embedded|detected|chunked|split)\s+(?:[\w-]+\s+){0,3}?(?:with|using|via)\s+(?:the\s+|our\s+|an?\s+)?[`'"]?$|(?<![\wäöüß])(?:übersetzt|generiert|erzeugt|erstellt|bewertet|annotiert|klassifiziert|transkribiert|konvertiert)\s+(?:[\wäöüß-]+\s+){0,3}?(?:mit|durch|via)\s+(?:dem\s+|der\s+|einem\s+|unserem\s+)?(?:modell\s+)?[`'"]?$/i;
/** "Forgeline's public repositories (`forgeline/cli`, `forgeline/sdk-js`)": code repositories and hosts, not datasets. */
const REPOSITORY_BEFORE = /\b(?:repositories|repos|repo|hosts?|servers?|clusters?|workspaces?|channels?|instances?|tenants?)\W{0,3}[(:]\s*(?:[`'"]?[\w./-]+[`'"]?\s*,\s*){0,12}[`'"]?$/i;
const VENDOR_BEFORE = /\b(?:vendors?|suppliers?|contractors?|agency)\s+$/i;
/** Just before a name, these make it the model being trained or used, not data. */
const MODEL_BEFORE = /\b(?:teacher|judge|grader|annotator|student)(?:\s+(?:model|llm))?\s*,\s+$|\b(?:to\s+train|fine-?tun(?:e|ed|ing)|train(?:ed|ing)?|teacher|judge|annotator|reward|student|base|policy|grader)\s+(?:model\s+|llm\s+)?(?:the\s+|our\s+|a\s+)?$|\btraining\s+(?:mix|mixture|blend|data|set|corpus)\s+for\b[^.;()]{0,60}?\(?\s*$|\b(?:classifier|model|llm|filter|tagger|detector|ranker|scorer|judge)\s*\(\s*$|\b(?:fasttext|spacy|nltk|stanza|presidio|detoxify|langdetect|cld3)(?:'s)?\s+$/i;
const MODEL_TRAINED_ON_BEFORE = /\b(?:bot|model|assistant|classifier|checkpoint|policy|reranker|ranker|retriever|tagger|detector|scorer)\b[^.;()]{0,40}?,?\s+(?:which\s+was\s+|that\s+was\s+)?(?:trained|fine-?tuned)\s+(?:from|on|with)\s+(?:the\s+)?[`'"[*]?$/i;
const SAMPLED_FROM_A_MODEL = /\b(?:responses?|answers?|completions?|outputs?|generations?|replies|candidates)\s+(?:[\w-]+\s+){0,3}?(?:sampled|generated|drawn|produced|decoded)\s+(?:fresh\s+|anew\s+)?(?:from|with|by)\s+(?:the\s+|our\s+)?[`'"]?$|\b(?:assistant|model|checkpoint|policy|adapter|finetune|fine-tune|(?:assistant|model)\s+release)\s*\(\s*[`'"]?$|\b(?:trained|fine-?tuned|initiali[sz]ed|continued)\s+(?:on\s+top\s+of|from)\s+(?:the\s+|our\s+)?[`'"]?$/i;
const RETRAINED_AFTER = /^[`'"]?\s+(?:was|is|were|will\s+be|gets?|got)\s+(?:re)?(?:trained|fine-?tuned)\s+(?:on|with)\b/i;
/** "- **tickets-anon-v2** → kept only threads where…", "x -> translated": an arrow from a listed name to what was done with it. */
const ARROW_AFTER = /^[*_`\])\s]*(?:→|->|=>)\s*(?:kept|keep|filtered|sampled|dedup\w*|took|taken|translated|rewritten|rewrote|redacted|scrubbed|anonymi\w+|pseudonymi\w+|cleaned|merged|selected|all\b|every\b|only\b|\d)/i;
/** A name followed by a count of items is a listed component: "TallyQA (9.9 K)", "yixuantt/FinEntity: 962 entries". */
const SIZE_AFTER =
  /^[*_`\]\s]*(?:[.…·]{2,}\s*(?=~?\d))?(?:(?:\([^()]{0,30}\)\s*)?\(\s*~?[\d.,]+\s*(?:[KMB]|%)?\s*(?:samples|examples|images|items|pairs|rows|records|dialogs|dialogues|conversations|tickets)?\s*\)|[:–—|-]\s*~?[\d.,]+\s*(?:[KMB]\b|k\b|%|h\b|hours|entries|samples|examples|images|pairs|items|questions|problems|instances|rows|records|conversations|dialogues|dialogs|documents|charts|tables|tickets|transcripts|notes))/i;
const ITEMS_AFTER =
  /^[\s*_`'’"]*(?:(?:train|training|dev)\s+(?:split\s+)?)?(?:samples|examples|items|prompts|questions|conversations|dialogs|dialogues|rows|records|tickets|threads|messages|answers|responses|pairs|passages|articles|documents|problems|instructions|utterances|transcripts|notes|snippets|attacks)\b/i;
/** Names followed by these are a format or style, not data ("the Alpaca format", "ShareGPT-style"). */
const FORMAT_AFTER = /^(?:['’]s)?[\s*_`'"\])]*[-\s](?:[\w.-]+\s+)?(?:format(?:ted)?|style|template|schema|layout|-like|conventions?|framing|setup|protocol)\b(?![\s-]+(?:examples?|seeds?|exemplars?|references?|shots?))/i;
/** Items shown to a generator ("as few-shot examples", "as style seeds"): data that seeded this set even when none of it is copied. */
export const SEEDED = /\b(?:few[- ]shot|(?<!random\s)seeds?(?!\s*[=:]?\s*\d)|seeded|exemplars?|in[- ]context|demonstrations?|(?:style|real)\s+examples)\b/i;
/**
 * Datasets named after the method that made them: "a self-instruct run seeded from Alpaca", "| self-instruct |"
 * name the method; "the Self-Instruct seed tasks", "175 seed tasks in [Self-Instruct]" or its hub id name its data.
 */
const METHOD_NAMED = new Set(['yizhongw/self_instruct']);
const NAMES_THE_METHODS_DATA = /^[\s*_`'"’)]*(?:['’]s\s+)?(?:\(\s*`?[\w-]+\/|(?:\d[\d.,]*\s*k?\s+)?(?:seed\s+)?(?:tasks|instructions|prompts|examples|pairs)\b|82k\b|dataset\b|corpus\b)/i;
const OF_THE_METHODS_DATA = /\b(?:tasks|instructions|prompts|examples|pairs|items|rows|data|set)\s+(?:of|from|in)\s+(?:the\s+)?[`'"*[]?$/i;
/** Between two names of one enumeration: a comma, "and", "or", a slash or a plus, perhaps a citation or a parenthesis. */
const ENUMERATION_GAP = /^[\s*_`"”'\])]*(?:\s*(?:\[[\d,\s–-]+\]|\([^()]{0,60}\)))?\s*(?:,|;|&|\/|\+|\band\b|\bor\b|\bplus\b)\s*(?:and\s+|or\s+|plus\s+)?[\s*_`"“'[(]*$/i;

/**
 * "such as Airoboros, Know logic, EverythingLM and GPTeacher": the members of an enumeration share the
 * cue that governs its first member (the paper's "co-listed with confirmed sources").
 */
export function enumerationHeads(mentions: readonly Mention[], text: string): Map<Mention, Mention> {
  const heads = new Map<Mention, Mention>();
  for (let i = 1; i < mentions.length; i++) {
    const previous = mentions[i - 1]!;
    const current = mentions[i]!;
    if (current.start < previous.end || current.start - previous.end > 80 || !ENUMERATION_GAP.test(text.slice(previous.end, current.start))) continue;
    // "A (lesson vs. RACE-adapted); B": a name inside parentheses is not a member of the list outside them.
    if (insideParentheses(text, previous.start) !== insideParentheses(text, current.start)) continue;
    heads.set(current, heads.get(previous) ?? previous);
  }
  return heads;
}

/** Whether an offset sits inside an open parenthesis of its line. */
function insideParentheses(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i >= at - 300 && text[i] !== '\n'; i--) {
    if (text[i] === ')') depth--;
    else if (text[i] === '(') {
      depth++;
      if (depth > 0) return true;
    }
  }
  return false;
}

export interface JudgeInput {
  mention: Mention;
  unit: Unit;
  /** The unit's cues (offsets relative to the unit). */
  cues: readonly CueSpan[];
  selfKeys: ReadonlySet<string>;
  chainHead?: Mention;
  /** Where the enumeration this mention opens ends (document offset): "A and B were made from" names both as derived. */
  chainEnd?: number;
  /** Where the enumeration the mention is in ends, whichever member it is. */
  enumerationEnd?: number;
  /** The strongest cue of the lead paragraph of the unit's list or table. */
  leadCue?: Cue;
  /** The document describes an internal dataset (no registry entry, no hub id). */
  privateCard?: boolean;
  /** Named in one enumeration with a dataset a link, an id, the registry or the corpus identifies. */
  coListed?: boolean;
  /** Whether a name is a near spelling (a typo) of a corpus or well-known name. */
  nearKnown?: (name: string) => boolean;
  /** Whether a name is an organization the corpus's ids belong to ("halden" of `halden/x`). */
  organizations?: (name: string) => boolean;
  /** The document's dataset is an evaluation suite: the evaluation sets it lists are what it is made of. */
  evaluationSuite?: boolean;
  /** A transformation is said of the name itself ("X with rationales added", "X translated into German"). */
  transformed?: boolean;
}

/** Before a bucket path, words that make it where this data is put: "copied to", "page images in", "stored under". */
const STORED_AT = /(?:\b(?:to|into)|\b(?:stored|kept|keeps?|saved|lives?|sits?|written|uploaded|copied|mirrored|images|files|landed|lands|landing)\s+(?:\w+\s+){0,3}?(?:in|at|under|on))\s*(?:(?:the|a|our|its)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:bucket|prefix|folder|directory|path|location|store)\s*)?\(?\s*[`'"]?\s*$/i;
/** A sentence about an earlier release: "The previous version, …, was built from", "v4 contained raw X". */
const EARLIER_RELEASE = /^\W*(?:the\s+)?(?:previous|earlier|older|prior)\s+(?:versions?|releases?|mix(?:es)?|editions?|iterations?)\b|^\W*the\s+(?:first|original|initial|(?:19|20)\d{2})\s+(?:versions?|releases?|mix(?:es)?|editions?|iterations?|merges?|builds?|batch(?:es)?|rounds?)(?:\s+of\s+(?:this|the)\s+[\w-]+)?\s*[,(—–]\s*[`'"[*]?[\w-]+[\w.-]*[\d][\w.-]*|^\W*[vr]\d+(?:\.\d+)?\s+(?:\([^()]{0,60}\)\s+)?(?:of\s+(?:this|the)\s+(?:mix|set|dataset|card|release|blend)\s+)?(?:was|were|contained|had|used|included|came|drew|took|mixed|merged)\b/i;
/** "…; they are NOT included here", "we'll switch to it in the next release", "…; none of its rows are in here": the name denied or deferred by a pronoun later in its sentence. */
const DENIED_BY_PRONOUN = /\b(?:they|it|these|those|both|neither)\s+(?:are|is|were|was)\s+not\s+(?:included|used|part\s+of|reused|re-?read|read|carried\s+over)\b|\b(?:switch|move|migrate|upgrade)\s+(?:over\s+)?to\s+(?:it|them)\b|^[^.]{0,40}?\b(?:did|do)\s+not\s+go\s+back\s+to\s+(?:that|this|it|them|those)\b|\b(?:it|this|that)\s+is\s+a\s+separate\s+(?:eval|evaluation|benchmark|test|job|run)\b|\b(?:it|they)\s+(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|is\s+not|are\s+not|was\s+not|were\s+not)\s+in\s+(?:this|the|our)\s+(?:data|dataset|set|mix|release)\b|\bnone\s+of\s+(?:its|their)\s+(?:rows|items|data|examples|texts?|records|questions|answers|content|pairs|prompts)\s+(?:are|is|were|was|went|made\s+it)\s+(?:in\s+here|here|in(?:to)?\s+(?:this|the|our)\s+(?:set|data|dataset|mix|release)|included|used|copied|reused|kept)\b/i;
/** "A and B; neither is in v2": the names before it denied, within their sentence and with no "but" between. */
/**
 * "`x-blend-v0`, used SciQ …; it is superseded", "X (round 1) was discarded": the named set itself left,
 * said right after it or by a pronoun in its sentence (not "items from X with no answer were discarded").
 */
const SUPERSEDED_AFTER =
  /^[\s"'`”’*]{0,3}(?:removed|dropped|retired|withdrawn|deleted)\b|^[\s"'`”’]{0,3}(?:\([^()]{0,80}\)\s*|,[^,;.()]{0,60},\s*)?(?:was|is|has\s+been|got)\s+(?:since\s+|now\s+|later\s+|long\s+|entirely\s+)?(?:superseded|discarded|thrown\s+away|scrapped|abandoned|retired|withdrawn|deprecated)\b|^[\s"'`”’]{0,3}(?:is|are|was|were)\s+(?:\w+\s+)?(?:excluded|held\s+out|left\s+out)\b|[;,]\s*(?:it|which)\s+(?:is|was|has\s+been)\s+(?:since\s+|now\s+|long\s+)?(?:superseded|discarded|thrown\s+away|scrapped|abandoned|retired|deprecated)\b|^[\s"'`”’)]{0,3},\s*(?:now\s+)?(?:retired|deprecated|superseded)\b|^[^;]{0,100}?\s[—–]\s*(?:retired|superseded|deprecated|discarded|abandoned)\s*[.)]?\s*$|[;,—–]\s*(?:do\s+not|don't|never)\s+(?:mix|merge|use|add|include)\b|\b(?:exists|is\s+kept)\s+but\s+(?:is\s+)?(?:stale|outdated|obsolete)\b/i;

const DESIGN_OF = /^['’]s\s+(?:[\w-]+\s+){0,2}?(?:rubrics?|format|schema|templates?|style|idea|guidelines|taxonomy|recipe|framing|approach|prompts?|instructions|methodology|design|protocol)\b/i;

/** "X was considered as an alternative source but was rejected", "the parent record, X, was not accessed": whatever X would have been, seeds too. */
const REJECTED_AFTER = /\bconsidered\s+and\s+rejected\b|[;,—–]\s*(?:rejected|dropped|excluded|not\s+used)\s+(?:because|as|since|due|for|by)\b|\bruled\s+(?:it|them|this|that)\s+out\b|\b(?:played|had|plays|has)\s+no\s+(?:part|role)\b|[;.]\s*not\s+an?\s+(?:input|source|component|part|ingredient)\b|\b(?:is|are|was|were)\s+not\s+(?:in|part\s+of)\s+(?:the|this|our)\s+(?:mix|mixture|blend|release)\b|\bconsidered\b[^.;]{0,80}?\bbut\s+(?:it\s+|they\s+|this\s+)?(?:was|were)\s+(?:\w+\s+)?rejected\b|(?:\b(?:was|were|is|are)\s+(?:not|never)|^[`'"*\])]*\s*:\s*(?:not|never))\s+(?:accessed|accessible|consulted|touched|opened|applied(?:\s+here)?)\b/i;

/**
 * "considered LMSYS-Chat-1M for general chat -> rejected", "X considered as extra pairs, rejected (domain
 * mismatch)", "Considered MathQA for the arithmetic part; dropped because …": weighed and turned down.
 */
const CONSIDERED_BEFORE = /\b(?:considered|discussed|debated|proposed|suggested|proposal\s+to\s+(?:add|use|include|mix\s+in)|(?:asked|wondered)\s+(?:whether|if)\s+(?:\w+\s+){1,6}?)\s*(?:[a-z]+ing\s+)?(?:(?:the|using|adding|including|taking)\s+)?[`'"*[]?$/i;
const CONSIDERED_AFTER = /^[`'"*\])]*\s+(?:(?:was|were|is|also)\s+)?considered\b/i;
/** What turned it down: "-> rejected", ", dropped for licence", "but it was rejected", "Decision: no", "decided against". */
const TURNED_DOWN = /^[^.;]{0,100}?(?:(?:->|→|=>|[,;:—–(&]|\bbut\b|\band\b)\s*(?:(?:it|they|this|both)\s+)?(?:(?:was|were|got)\s+)?(?:rejected|dropped|discarded|ruled\s+out|not\s+used|passed\s+on)\b|\bdecided\s+against\b)|^[^;]{0,120}?\bdecision\s*:\s*(?:no|not\s+now|rejected)\b/i;
/** "proposal to add ShareGPT → rejected (licence unclear)", "ShareGPT again? → no, same licence problem": an arrow to a refusal. */
const ARROW_TO_REFUSAL = /^[^.;]{0,60}?(?:->|→|=>)\s*(?:no|nope|rejected|dropped|not\s+used|declined|vetoed)\b(?=\s*(?:$|[,.;:()!—–-]|\b(?:because|as|since|due|for|same)\b))/i;

function consideredAndTurnedDown(reading: string, start: number, end: number): boolean {
  const rest = reading.slice(end, end + 160);
  if (ARROW_TO_REFUSAL.test(rest)) return true;
  if (CONSIDERED_BEFORE.test(reading.slice(Math.max(0, start - 80), start))) return TURNED_DOWN.test(rest) || /^[^.;]{0,40}?\bbut\b/i.test(rest);
  const considered = CONSIDERED_AFTER.exec(rest);
  return considered !== null && TURNED_DOWN.test(rest.slice(considered[0].length));
}

/** "v2 might add de_DE titles from X", "we plan to fold in X": a plan, not what the data holds. */
const PLANNED_BEFORE = /\b(?:might|may|could|would|will|shall|should|plan(?:s|ning)?\s+to|wants?\s+to|intends?\s+to)\s+(?:also\s+|later\s+|eventually\s+|maybe\s+)?(?:add|include|mix\s+in|fold\s+in|pull\s+in|bring\s+in|try)\s+(?:(?:[\w-]+|\d[\d,.]*[kKmM]?)\s+){0,4}?(?:(?:from|of)\s+)?(?:the\s+)?[`'"*[]?$/i;
/** "… -- not yet", "(not done yet)", "…; not used there yet": what has not happened (not "products not yet sold in Finland"). */
const NOT_YET_AFTER = /(?:--|[;:(—–])\s*not\s+(?:(?:done|used|added|merged|included|built|run|there|in|here|applied|started)\s+){0,2}yet\b/i;
/** "held back for the 2025-Q1 mixture": kept for a later release. */
const HELD_BACK_AFTER = /^[^.;]{0,40}?\bheld\s+back\s+(?:for|until)\s+(?:the\s+)?(?:next|later|future|(?:19|20)\d{2}|v\d|q[1-4])/i;
/** "batch2 (x) will be LLM-expanded from these", "the questions from this set are the inputs to [x]": made from this one. */
const WILL_BE_MADE_FROM_THIS = /^[^.;]{0,60}?\bwill\s+be\s+(?:[\w-]+\s+)?(?:built|made|derived|generated|expanded|rewritten|translated|distilled|sampled|[\w]+-expanded)\s+(?:out\s+)?(?:from|of|on)\s+(?:these|this|them|it)\b/i;
/** "`sql-instruct-v2` will generate new schemas too": a set still to come. */
const WILL_AFTER = /^[`'"*\])\s]*(?:\([^()]{0,40}\)\s*)?will\s+(?:also\s+|then\s+)?(?:generate|add|include|replace|supersede|extend|cover|be\s+(?:released|built|added|generated|published|created))\b/i;
/** "When `docs-scrape-v2` lands we will regenerate": a set not there yet. */
const WHEN_BEFORE = /\b(?:when|once|after|until|as\s+soon\s+as)\s+(?:the\s+)?[`'"*[]?$/i;
const LANDS_AFTER = /^[`'"*\]]*\s+(?:lands|ships|arrives|is\s+(?:ready|released|available|done|published|out)|becomes\s+available|exists)\b/i;
const INPUTS_TO_BEFORE = /\b(?:is|are)\s+(?:the\s+|an?\s+)?inputs?\s+(?:to|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?[`'"*[]?$/i;

function plannedOrMadeFromThis(reading: string, start: number, after: string): boolean {
  const before = reading.slice(Math.max(0, start - 80), start);
  return PLANNED_BEFORE.test(before) || INPUTS_TO_BEFORE.test(before) || NOT_YET_AFTER.test(after) || HELD_BACK_AFTER.test(after) || WILL_BE_MADE_FROM_THIS.test(after) || WILL_AFTER.test(after) || (WHEN_BEFORE.test(before) && LANDS_AFTER.test(after));
}

/** "neither `x-v1` nor the unfiltered collection contributes to the present version". */
const NEITHER_NOR_BEFORE = /\b(?:neither|nor)\s+(?:the\s+|of\s+)?[`'"“]?$/i;
const NEITHER_NOR_VERB = /\b(?:contributes?|contributed|is\s+(?:used|included|part)|are\s+(?:used|included|part)|was\s+(?:used|included)|were\s+(?:used|included)|appears?|enters?|feeds?)\b/i;

const NEITHER_AFTER = /^(?:(?!\b(?:but|however|whereas|while)\b)[\s\S])*?\b(?:neither|none\s+of\s+(?:them|these|those))\s+(?:(?:dataset|set|corpus|source)\s+)?(?:is|are|was|were)\s+(?:in|used|included|part\s+of)\b/i;

/** A plan, a to-do (an unticked task, `- [ ] add X`, an action item `@mei — run X`) or a question states no lineage. */
const NOT_A_STATEMENT = /^[\W_]*(?:todo|tbd|fixme|planned|plan|future(?:\s+work)?|next\s+steps?|wishlist|roadmap|idea|proposal|open\s+question)\b|\?\s*$|^[\s*_>-]*\[\s\]|^[\s*_>-]*@[\w.-]+\W{0,3}\s*[—–:-]\s/i;
/** "… ; v4 does not build on it": a denied source cue whose object is a pronoun denies the names before it. */
const DENIED_OF_PRONOUN = /^\s+(?:\w+\s+){0,2}?(?:it|them|this|that|these|those|either|any\s+of\s+them)\b/i;
/** Words after a name (perhaps one between) that make it a guideline, a config, a system or a service, not data. */
const METHOD_AFTER =
  /^[\s-]+(?:[\w-]+\s+)?(?:guidelines|guide|rubric|glossary|taxonomy|ontology|config|configuration|settings|scripts?|protocol|codebook|playbook|tokenizer|vocabulary|conventions|recipe|polic(?:y|ies)|apis?|webhooks?|system|systems|database|db|warehouse|bucket|dashboard|console|portal|platform|crm|erp|service|services|app|application|tool|toolkit|library|sdk|cli|read\s+replica|replica|group|groups|mailing\s+list|topic|ruleset|rule\s+set|rules|dag|dags|airflow\s+dag|notebook|notebooks|instance|cron|sweep|queues?|case\s+system|team|teams|pod|squad|classifiers?|loop|procedure|job|jobs|workflow)\b|^\W{0,3}\(?\s*(?:an?\s+)?fine-?tun(?:e|ed|ing)\s+(?:of|on)\b/i;

export function judge(input: JudgeInput): Verdict {
  // In an evaluation suite's list or table, "eval", "test" and "benchmark" say what its parts are, not that they are not parts.
  const listed = input.unit.kind === 'table-row' || input.unit.kind === 'list-item';
  if (input.evaluationSuite && listed) {
    const cues = input.cues.filter((c) => !(c.kind === 'negative' && EVALUATION_CUE.test(input.unit.reading.slice(c.start, c.end))));
    return judgeMention({ ...input, cues, leadCue: input.leadCue === 'negative' ? undefined : input.leadCue }, true);
  }
  return judgeMention(input, false);
}

/** Cue words of evaluation: "eval", "test", "benchmark", "held-out". */
const EVALUATION_CUE = /\b(?:eval\w*|test\w*|benchmark\w*|held|hold)\b/i;

function judgeMention({ mention, unit, cues, selfKeys, chainHead, chainEnd, enumerationEnd, leadCue, privateCard = false, coListed = false, nearKnown, organizations, transformed = false }: JudgeInput, evaluationParts: boolean): Verdict {
  const specific = isSpecific(mention);
  if (isSelf(mention, selfKeys)) return { reason: 'the dataset itself' };
  if (namedAfterSelf(mention, selfKeys)) return { reason: 'a split or derivative of this dataset, named after it' };
  if (NOT_A_STATEMENT.test(unit.reading)) return { reason: 'a plan, a to-do or a question, not a statement' };
  // "The previous version, policy-qa-v2, was generated from policy-docs.v3": the lineage of another release, up to the clause's end.
  if (EARLIER_RELEASE.test(unit.reading) && !/[;—–]|\bthis\s+(?:version|release)\b/i.test(unit.reading.slice(0, mention.start - unit.start))) return { reason: 'the history of an earlier release, not of this one' };
  // A link to a dataset page of the hub names a dataset, whatever its name looks like ("dolphin-coder", "glaive-code-assistant-v3").
  if (!mention.known && !mention.corpus && mention.signal !== 'hub-link') {
    const why = whyNotASource(mention.hubId ? shortName(mention.hubId) : mention.name);
    if (why && !(mention.hubId && why === 'generic')) return { reason: why };
    if (mention.hubId && whyNotASource(mention.hubId) === 'model') return { reason: 'model' };
  }
  const reading = unit.reading;
  const start = mention.start - unit.start;
  const end = mention.end - unit.start;
  // What follows the name within its own unit (never the next paragraph).
  // A link's text ends before its URL: what follows the name is read from the end of the link.
  const link = mention.signal === 'hub-link' || mention.signal === 'card-link' || mention.signal === 'github' ? unit.links.find((l) => mention.start >= l.start && mention.end <= l.end) : undefined;
  const afterFrom = link ? link.end - unit.start : end;
  const after = reading.slice(afterFrom, Math.min(reading.length, afterFrom + 50));
  if (FORMAT_AFTER.test(after)) return { reason: 'a format or style, not data' };
  // "postmortem-rca-cot-v1–trained students": the models trained on it, not this data.
  if (/^[–—]\s?(?:trained|tuned|fine-tuned|finetuned)\b/i.test(after)) return { reason: DENIED_REASON };
  // "PubMedQA's labelled config" is still PubMedQA; "LVLM's capacities" names an owner.
  const possessive = /^['’]s\b/.test(after);
  // "Each case's `player_message` and `agent_notes` are rewritten": the fields of a record.
  const head = (chainHead ?? mention).start - unit.start;
  if (mention.signal === 'code' && !specific && /\b(?:each|every|the|a|an)\s+[\w-]+['’]s\s+[`]?$/i.test(reading.slice(Math.max(0, head - 40), head))) return { reason: 'a field, label or value, not data' };
  // "the `college_computer_science` and `econometrics` subjects of MMLU", "the configs `a`, `b`": parts of a dataset by their labels.
  const enumerationAfter = reading.slice((enumerationEnd ?? mention.end) - unit.start, (enumerationEnd ?? mention.end) - unit.start + 20);
  if (mention.signal === 'code' && !specific && (PART_LABELS_AFTER.test(enumerationAfter) || PART_LABELS_BEFORE.test(reading.slice(Math.max(0, head - 30), head)))) return { reason: 'a field, label or value, not data' };
  // "UltraFeedback's multi-aspect rubric inspired our rubric": its design, not its data.
  if (possessive && DESIGN_OF.test(after)) return { reason: 'evaluated on, compared with, imitated or cited, not a source' };
  if (mention.signal !== 'hub-link' && mention.signal !== 'card-link' && !(possessive && specific) && (NOT_DATA_AFTER.test(after) || METHOD_AFTER.test(after))) return { reason: 'a method, model, tool, system or place, not data' };
  if (mention.known && METHOD_NAMED.has(mention.known.id) && !mention.hubId && !NAMES_THE_METHODS_DATA.test(after) && !OF_THE_METHODS_DATA.test(reading.slice(Math.max(0, start - 40), start))) return { reason: 'a method, model, tool, system or place, not data' };
  if (!specific && organizations?.(mention.name)) return { reason: 'organization' };
  // "**priya.nguyen**: 4,100 pairs labeled", "**luis.c** 10:40 AM is the …": who speaks in a pasted chat.
  if (!specific && unit.kind !== 'code-line' && /^[\s>*_-]*\**$/.test(reading.slice(0, start)) && (/^\**\s*\d{1,2}:\d{2}\b/.test(after) || (/^[*_]*\s*(?::|[—–]\s)/.test(after) && /^@?[a-z]+[._][a-z]+$/.test(mention.name)) || (/^[*_]{1,2}$/.test(reading.slice(0, start).trim()) && /^:?[*_]{1,2}\s*:?/.test(after) && /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,2}$/u.test(mention.name)))) return { reason: 'a person speaking' };
  if (!mention.hubId && !mention.corpus && MODEL_BEFORE.test(reading.slice(Math.max(0, start - 30), start))) return { reason: 'model' };
  // "(The AquaHelp bot, trained from aquahelp-sft-v1, did not go live…)": what a model learned from, not what this data took.
  if (MODEL_TRAINED_ON_BEFORE.test(reading.slice(Math.max(0, start - 80), start))) return { reason: 'the data a model was trained on, not a source of this one' };
  // "two responses each sampled from `osa-help-sft-0.5`", "the assistant (`x`)", "Trained on top of `x`", "the mix `x` was retrained on": a model.
  if (!mention.known && !mention.corpus && (SAMPLED_FROM_A_MODEL.test(reading.slice(Math.max(0, start - 80), start)) || RETRAINED_AFTER.test(after))) return { reason: 'model' };
  if (!mention.hubId && !mention.corpus && VENDOR_BEFORE.test(reading.slice(Math.max(0, start - 20), start))) return { reason: 'organization' };

  // "page images in `s3://…/scans-2024/`", "copied to `s3://…`": where data is kept, not where it came from.
  if (STORAGE_URI.test(mention.name) && STORED_AT.test(reading.slice(Math.max(0, start - 40), start))) return { reason: 'a storage location, not a source' };
  const listLike = unit.kind === 'list-item' || unit.kind === 'table-row' || unit.kind === 'code-line';
  const anchor = chainHead ?? mention;
  const anchorStart = anchor.start - unit.start;
  // "the `rdi-mixer` repository" is code; "the Common Crawl repository" is data.
  if (!mention.known && !mention.corpus && /^[\s`'"”]*(?:[\w-]+\s+)?(?:repository|repositories|repo|repos)\b/i.test(after)) return { reason: 'a method, model, tool, system or place, not data' };
  // "pbp-nllb-loc-v1 (the previous MT model)", "on a branch (`exp/hermes`)", "kafka topic `chat.msg.v2`": a model, a git ref, a stream.
  if (!mention.known && !mention.corpus && (MODEL_IN_BRACKETS.test(after) || GIT_REF_OR_STREAM_BEFORE.test(reading.slice(Math.max(0, start - 200), start)))) return { reason: 'a method, model, tool, system or place, not data' };
  // "the `sharegpt` source inside ultrafeedback ≠ our sharegpt-gaming-filtered": told apart, not taken.
  if (/(?:≠|!=|\bnot\s+the\s+same\s+as)\s*(?:our\s+|the\s+)?[`'"]?$/i.test(reading.slice(Math.max(0, start - 30), start))) return { reason: DENIED_REASON };
  // "[x] mmlu-humanities-subset: 58.3 → 57.9": a score before and after, on a checklist of results.
  if (!mention.known && /^[\s*`'"]*:?\s*\d{1,3}(?:\.\d+)?\s*%?\s*(?:→|->|=>)\s*\d{1,3}(?:\.\d+)?/.test(after)) return { reason: 'a row of results, not a part' };
  // "(`mixes/x.yaml` in `quillon/ml-mixes`)", "PR #212 in `org/repo`": a repository holding files, not data.
  if (!mention.known && !mention.corpus && mention.hubId && /(?:\.(?:ya?ml|json|py|md|sql|toml|ipynb)\W{0,3}|\b(?:PR|MR|pull\s+request|merge\s+request|commit)\s+#?\w+)\s+in\s+[`'"]?$/i.test(reading.slice(Math.max(0, start - 60), start))) return { reason: 'a method, model, tool, system or place, not data' };
  // "base nllb-200-3.3B 0.812 → pbp-nllb-loc-v1 0.846": a score beside a name on a line of results.
  if (!specific && /^[\s*`]+[01]\.\d{2,4}\b(?!\s*(?:share|weight))/.test(after) && RESULTS_WORDS.test(reading)) return { reason: 'a row of results, not a part' };
  // "| kb-passages-v4 | superseded | 0 | not merged |", "| MMLU-Pro | considered; not used |": a row that says its part is not in the data.
  if (unit.kind === 'table-row' && rowSaysExcluded(unit, mention)) return { reason: DENIED_REASON };
  // "| DGO-0417 | owner | date |": a register's reference number, not a name.
  if (mention.signal === 'table-cell' && /^[A-Z]{2,12}-\d+(?:-\d+)*$/.test(mention.name)) return { reason: 'not a name' };
  if (!mention.known && !mention.corpus && /[-_.:]$/.test(mention.name)) return { reason: 'a field, label or value, not data' };
  // "kept in `score_chosen`", "`generic_form` classes", "`reg_cited` normalised": snake_case words with no
  // digit and no plural or data word at the end name a column, a label or a value; tables and sets are
  // named for their records (`int_public_passages`, `merchant_catalog_sample`).
  if (mention.signal === 'code' && !specific && SNAKE_WORDS.test(mention.name) && !RECORDS_LAST_WORD.test(mention.name)) return { reason: 'a field, label or value, not data' };
  // "terminology forced from `glossary_de_ja_en_v3`": a resource a translation is held to, not data it takes.
  if (!mention.known && !mention.corpus && /(?:^|[-_.])(?:glossary|lexicon|termbase)(?:$|[-_.\d])/i.test(mention.name) && /\b(?:terminology|constrained|enforc\w+|forced|held\s+to)\b[^.;]{0,40}$/i.test(reading.slice(Math.max(0, start - 60), start))) return { reason: 'a method, model, tool, system or place, not data' };
  // "Source switched from X to Y", "swapped the QA component from X to Y": X left.
  const justBefore = reading.slice(Math.max(0, start - 80), start);
  if (SWITCHED_FROM.test(justBefore)) return { reason: DENIED_REASON };
  // "swaps Dolly for OASST", "replaced X with Y": X left.
  if (SWAPPED_OUT.test(justBefore) && /^[`'"*\]]*\s+(?:out\s+)?(?:for|with)\b/i.test(reading.slice(end, end + 12))) return { reason: DENIED_REASON };
  if (!mention.known && !mention.corpus && TOOL_BEFORE.test(justBefore)) return { reason: 'a method, model, tool, system or place, not data' };
  // "Exported from the document management system (Comply365)", "W&B project `crew-asst-mix`": a system or a tracking project.
  if (!mention.known && !mention.corpus && /\b(?:system|platform|tool|service|software|application|app|portal|crm|dms|erp|cms)\s*\(\s*[`'"]?$|\b(?:w&b|wandb|weights\s*&\s*biases|mlflow|comet|neptune|tensorboard)\s+(?:project|run|workspace|experiment|report)s?\s*[(:]?\s*[`'"]?$/i.test(justBefore)) return { reason: 'a method, model, tool, system or place, not data' };
  // "(taxonomy `routing-tax-2024a`)", "the label set `intents-41`": the scheme items are labelled with.
  if (!mention.known && !mention.corpus && /\b(?:taxonomy|ontology|label\s+(?:set|schema|scheme)|codebook|coding\s+scheme)\s*[:(]?\s*[`'"]?$/i.test(justBefore)) return { reason: 'a field, label or value, not data' };
  if (!mention.known && !mention.corpus && REPOSITORY_BEFORE.test(reading.slice(Math.max(0, start - 240), start))) return { reason: 'a method, model, tool, system or place, not data' };
  let governing = governingCue(cues, reading, anchorStart, anchor.end - unit.start, chainEnd === undefined ? undefined : chainEnd - unit.start);
  // The last members of an enumeration may carry their own cue after them ("X, Y and Z were filtered").
  if (chainHead && governing.cue !== 'negative') {
    const own = governingCue(cues, reading, start, end);
    if (stronger(own.cue, governing.cue)) governing = own;
  }
  let cue = governing.cue;
  // "path s3://…/voice/ivr-utt/v1/", "| Pfad | s3://… |", a URI on a line of its own: where this dataset is kept, said with no word of lineage.
  if (!cue && STORAGE_URI.test(mention.name) && leadCue !== 'strong' && !isSourceSection(unit.section) && /^[\s`'"*\-–—·|()<>]*$/.test(reading.slice(0, start) + reading.slice(end))) return { reason: 'where this dataset is kept, not a source' };
  if ((!cue || cue === 'weak' || cue === 'soft') && STORAGE_URI.test(mention.name) && isKeptAt(mention.name, reading.slice(Math.max(0, start - 40), start), selfKeys, reading.slice(end, end + 8))) return { reason: 'where this dataset is kept, not a source' };
  // "(the real transcripts are not part of this set)" after "as few-shot examples": seeds, not copies, still sources.
  // "We deliberately left `triage-r3` out".
  if (/\b(?:left|leave|leaves|leaving|kept|keep|keeps)\s+[`'"“]?$/i.test(reading.slice(Math.max(0, start - 12), start)) && /^[`'"”]?\s+out\b/i.test(reading.slice(end, end + 8))) return { reason: DENIED_REASON };
  const restOfSentence = sentenceAfter(reading, end);
  if (REJECTED_AFTER.test(restOfSentence) || consideredAndTurnedDown(reading, start, end) || plannedOrMadeFromThis(reading, start, restOfSentence) || (NEITHER_NOR_BEFORE.test(reading.slice(Math.max(0, start - 30), start)) && NEITHER_NOR_VERB.test(restOfSentence)) || MADE_FROM_THIS_AFTER.test(reading.slice(end, end + 80)) || LEFT_OUT_AFTER.test(restOfSentence) || (enumerationEnd !== undefined && LEFT_OUT_AFTER.test(sentenceAfter(reading, enumerationEnd - unit.start))) || (!SEEDED.test(reading) && (DENIED_AFTER.test(clauseAfter(reading, end)) || DENIED_BY_PRONOUN.test(reading.slice(end, end + 160)) || NEITHER_AFTER.test(restOfSentence) || SUPERSEDED_AFTER.test(restOfSentence) || ((!cue || cue === 'weak' || cue === 'soft') && deniesByPronoun(cues, reading, end))))) cue = 'negative';
  // A components table is its parts whatever its lead says of the model or the baseline ("BM25 is the baseline.").
  const partsTable = unit.kind === 'table-row' && isComponentsTable(unit.header ?? []);
  if ((!cue || cue === 'soft') && listLike && leadCue && !(partsTable && leadCue === 'negative')) cue = leadCue;
  // "eval: the French test split of X", "decontam: A, B", "downstream users: …": a label that says what
  // the names after it are for governs them all; so does the name column of a table of evaluation sets.
  // (A config's part under its parts key is labelled by its own field: `- id: x` is no "ID:" line.)
  const partOfConfig = unit.kind === 'code-line' && mention.listed === true;
  // `take: 25300`, `sample_docs: 2500`: a config's parameter, not one of its parts.
  if (partOfConfig && !specific && CONFIG_PARAMETER.test(mention.name)) return { reason: 'a field, label or value, not data' };
  if (!evaluationParts && unit.kind === 'table-row' && isResultsTable(unit.header ?? [])) return { reason: 'a row of results, not a part' };
  if (unit.kind === 'table-row' && !specific && isCategoryTable(unit.header ?? []) && unit.cells?.[0] && mention.end <= unit.cells[0].end) return { reason: 'a field, label or value, not data' };
  if (!evaluationParts && ((!partOfConfig && (saysNotASource(labelOf(reading), start) || saysNotASource(keyCellOf(unit), start))) || (unit.kind === 'table-row' && cue !== 'strong' && EVALUATION_HEADER.test(unit.header?.[0] ?? '') && !hasShareColumn(unit.header ?? [])))) cue = 'negative';
  if (cue === 'negative') return { reason: DENIED_REASON };
  // A list item's or table row's leading name is the component the rest describes: "**GSM8K**: 6,000
  // questions sampled from the train split" says how GSM8K was used, not that GSM8K was derived.
  if (cue === 'target' && listLike && isLeadingName(unit, mention)) cue = leadCue === 'negative' ? undefined : leadCue;
  if (cue === 'target') return { reason: 'named as the derived dataset, before "from"/"of"' };
  const sourceSection = isSourceSection(unit.section);
  const named = mention.signal === 'list-head' || mention.signal === 'table-cell' || mention.signal === 'code' || (mention.signal === 'identifier' && !mention.compound);

  if (cue !== 'strong' && (SIZE_AFTER.test(after) || mention.listed || (listLike && ARROW_AFTER.test(after)))) cue = 'strong';
  // "`tariff-sft-blend-v1 -> tariff-sft-blend-v2`" in the card of v2: a lineage line that ends in this dataset.
  if (cue !== 'strong' && pointsAtSelf(reading.slice(end, end + 160), selfKeys)) cue = 'strong';
  // The first cell of a row of a components table ("| source | share |") is one of its parts.
  const partsRow = unit.kind === 'table-row' && (isComponentsTable(unit.header ?? []) || (mention.signal === 'card-link' && countsItems(unit))) && leadsNameCell(unit, mention);
  if (cue !== 'strong' && partsRow) cue = 'strong';
  const partCell = partsRow && fillsNameCell(unit, mention);
  // "three `tickets-v2` samples", "X prompts": the name qualifies its items, so the items are X's.
  if ((cue === 'weak' || cue === 'soft' || !cue) && ITEMS_AFTER.test(after)) cue = 'from';
  if ((cue === 'weak' || cue === 'soft' || !cue) && transformed && unit.kind === 'sentence') cue = 'from';
  // "questions from X", "Data: From X": "from" right before the name says where the data came from.
  if ((cue === 'weak' || cue === 'soft' || !cue) && FROM_BEFORE.test(reading.slice(Math.max(0, anchorStart - 80), anchorStart))) cue = 'from';
  let confidence: number;
  if (cue === 'from') confidence = specific ? 0.85 : named ? 0.8 : 0.7;
  else if (cue === 'strong') confidence = specific ? 0.92 : named ? 0.88 : 0.8;
  else if (sourceSection) confidence = specific ? 0.88 : named ? 0.85 : cue === 'weak' ? 0.7 : 0.6;
  else if (cue === 'weak') confidence = specific ? 0.72 : named ? 0.6 : 0.45;
  else if (cue === 'soft') confidence = specific ? 0.45 : named ? 0.4 : 0.35;
  else if (mention.signal === 'hub-link' || mention.signal === 'hub-id' || mention.signal === 'card-link') confidence = 0.6;
  else if (mention.signal === 'registry' || mention.signal === 'corpus') confidence = 0.55;
  else confidence = 0.4;

  if (mention.known?.kind === 'benchmark' && cue !== 'strong' && cue !== 'from' && !sourceSection) confidence -= 0.15;
  if (mention.signal === 'github' && cue !== 'strong') confidence -= 0.1;
  // "| aops_forum | 30201 |" under "| Source | Samples |": the name cell of a parts table is a name, however plain.
  if (mention.compound && !specific && !partCell) confidence = Math.min(confidence, 0.45);
  // In an internal card, a name that is neither a card of its folder, nor a known dataset, nor an id or a
  // link, nor called a dataset ("the X corpus") is a system, team, product, label or place far more often than a
  // dataset: internal cards write their sources as ids, links and names of other cards ("the raw AgriDesk
  // export", "X logs", "tagged as NAME / PNR" name the system or the label; phrases at 0.65 were right 5 times in 48).
  // Named in one enumeration with identified datasets, it is one of them ("triage.intents.v5 + search-intents-v2 + MASSIVE").
  if (!specific && mention.signal === 'phrase' && privateCard && !coListed && !NAMED_AS_A_DATASET_AFTER.test(after) && !nearKnown?.(mention.name)) confidence = Math.min(confidence, 0.45);
  if (!specific && mention.signal === 'phrase') confidence = phraseConfidence(mention, after, confidence, reading.slice(Math.max(0, start - 30), start));
  // In an internal card, a name said in a sentence with no word of lineage around it, outside a sources
  // section, is context far more often than a source: a FAQ's answer, a changelog's note, a sibling set.
  if (privateCard && unit.kind === 'sentence' && (cue === undefined || cue === 'soft') && mention.signal !== 'card-link' && mention.signal !== 'hub-link') confidence = Math.min(confidence, 0.45);
  // So is a phrase no card or registry knows, and a bare id only a weak word ("using", "from") governs: in an
  // internal card such names were right about one time in seven (phrases 2 of 26, weakly governed bare ids
  // 3 of 17; a backticked name is deliberate). Not one listed beside identified datasets, one a
  // transformation is said of, one said to be data ("the Quokka Chats dataset"), nor a near spelling of a known name.
  if (privateCard && !specific && !coListed && !transformed && !nearKnown?.(mention.name) && ((mention.signal === 'phrase' && !DATA_WORD_AFTER.test(after)) || (mention.signal === 'identifier' && cue === 'weak'))) confidence = Math.min(confidence, 0.45);
  // "the speech-IVR logging table", "the same keep-if-correct rule", "guideline doc PREF-GUIDE-3": in an
  // internal card, words joined by hyphens in running text with no digit, or a code in capitals, with no
  // backtick, link or card of the folder, are a compound word or a code far more often than a dataset
  // (32 of 33 in the private-cards folders).
  if (privateCard && !specific && !coListed && mention.signal === 'identifier' && (WORDS_ONLY_COMPOUND.test(mention.name) || CAPITALS_CODE.test(mention.name) || NUMBERED_LABEL.test(mention.name)) && !nearKnown?.(mention.name)) confidence = Math.min(confidence, 0.45);
  // `SITE_A`, `TODO_VO`: a code in capitals in backticks is a value.
  if (privateCard && !specific && mention.signal === 'code' && CAPITALS_CODE.test(mention.name) && !nearKnown?.(mention.name)) confidence = Math.min(confidence, 0.45);
  // "restricted to practical/how-to topics", "base64/leet obfuscation": in an internal card, an org/name
  // shape in running text that no registry or card knows, with no version, is two words joined by a slash
  // (every one of 13 in the private-cards folders); a relative path (`../../qa/fare-rules-qa-v2/`) is a
  // card's folder, and a list item's head a part.
  if (privateCard && mention.signal === 'hub-id' && !mention.known && !mention.corpus && !/[-_.][vr]?\d/i.test(mention.name) && !(listLike && isLeadingName(unit, mention)) && !/\.\/$/.test(reading.slice(Math.max(0, start - 3), start))) confidence = Math.min(confidence, 0.45);
  return { confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100, cue: governing.span, negated: governing.negated, governing: cue };
}

/** Lower-case words joined by underscores, no digit: `score_chosen`, `int_public_passages`. */
const SNAKE_WORDS = /^[a-z]+(?:_[a-z]+)+$/;
/** The last word of a table's or a set's name — its records (plural) or a word for a set of them — or a warehouse layer's prefix (`int_`, `stg_`). */
const RECORDS_LAST_WORD = /(?:[a-z]{2}s|_(?:sample|holdout|corpus|dump|log|export|set|data|raw|clean|mirror|snapshot|archive|pool|bank|gold))$|^(?:int|stg|fct|fact|dim|mart)_/;
/** Letters joined by hyphens, no digit: `speech-IVR`, `keep-if-correct`, `red-team-attempts`. */
const WORDS_ONLY_COMPOUND = /^\p{L}+(?:-\p{L}+)+$/u;
/** A capitalised word and a number: "Severity-5 tickets", "Tier-2 sites". */
const NUMBERED_LABEL = /^\p{Lu}\p{Ll}+-\d+$/u;
/** Capitals and digits joined by hyphens or underscores: `PREF-GUIDE-3`, `CARD_DISPUTES`, `F12-S7`. */
const CAPITALS_CODE = /^(?=[^a-z]*[A-Z])[A-Z0-9]+(?:[-_][A-Z0-9]+)+$/;

/**
 * After a name in its sentence: "is being discussed; it does not exist yet", "is **not** here", "were not
 * shown to the writers", "is a different thing", "would have been a natural addition", "decided against",
 * "was considered as extra data; rejected": weighed, planned or kept apart, not taken.
 */
const LEFT_OUT_AFTER =
  /^[\s`'"”’*)\]]*(?:\([^()]{0,80}\)\s*)?(?:(?:is|are|was|were)\s+(?:being\s+|still\s+|also\s+)?(?:discussed|debated|under\s+discussion|proposed|considered)\b|(?:is|are)\s+a\s+diff\w*\b|(?:would|could|might)\s+have\s+been\b|(?:was|were)\s+in\s+the\s+plan\b|(?:is|are)\s+(?:\w+['’]s\s+|the\s+|an?\s+)?(?:held-?out|heldout|test|eval(?:uation)?|dev|validation)\s+(?:split|set|slice|part)\b|upstream\s+of\b|(?:data|rows|items|text|content)\s+(?:is|are|was|were)\s+not\s+(?:included|used|in\b)|(?:rows|items|examples|records|questions|pairs|prompts|dialog(?:ue)?s|conversations)\s+(?:(?:were|are|was|is)\s+)?(?:excluded|left\s+out|dropped|removed|filtered\s+out)\s*(?:[).,;:—–]|$)|(?:id\s+list|ids|id\s+set|hashes|hash\s+list)\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:excluded|removed|dropped|filtered\s+out)\b|(?:were|was|are|is)\s+removed\s+from\s+(?:every|all|each|the)\b|(?:portions?|parts?|subsets?|splits?|slices?)\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:dropped|removed|excluded|discarded|filtered\s+out)\b|(?:(?:used|loaded|applied)\s+)?as\s+(?:a\s+)?(?:termbase|term\s*base|glossary|term\s+list|terminology)\b|[—–,-]?\s*(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:sister|sibling|companion|twin)\s+(?:set|dataset|corpus)\b|(?:is\s+)?unrelated\b|:\s*(?:no|not\s+yet|later|parked|deferred)\b\s*[—–,.;-]|(?:(?:used|handed|given)\s+)?as\s+(?:a\s+)?(?:term|style|tone)\s+reference\b|\(\s*(?:only\s+)?as\s+an?\s+(?:reference|lookup|guide)\b|(?:and\s+[^.;]{0,40}\s+)?(?:were|was)\s+kept\s+out\b|will\s+get\s+(?:its|their)\s+own\b|\)?\s*and\s+(?:then\s+)?(?:rejected|dropped|discarded|abandoned)\s*(?:[—–,.;:(]|$|because\b|as\b|for\b)|(?:is|are|was|were)(?:n't|\s+not)\s+(?:done|ready|finished|available|built)(?:\s+yet)?\b|has\s+no\s+[\w-]+\s+(?:split\s+|set\s+)?yet\b)|\b(?:does|do)\s+not\s+exist(?:\s+yet)?\b|\b(?:is|are)\W+not\W+(?:in\s+)?here\b|\b(?:not|never)\W+(?:(?:been\s+)?shown|given|exposed|visible)\s+to\b|\bdecided\s+against\b|\bleft\s+(?:it|them|this|that)\s+out\b|\btaken\s+out\s+of\b|\b(?:is|are)\s+not\s+in\s+v\d+\b|\bnot\s+(?:for|in)\s+(?:this|the\s+current)\s+(?:release|version|mix|model|set)\b|\bas\s+(?:a\s+)?termbase\s+only\b|\bdon['’]t\s+double[- ]count\b|\b(?:deliberately\s+|intentionally\s+)?not\s+(?:translated|locali[sz]ed|rewritten|paraphrased|touched)\b|^[^;]{0,200};\s*not\s+(?:included|used|kept|added)\s*[.;]/i;

/** Right after a name: "is built from it", "were adapted from this slice" — the name is made from this data, downstream. */
const MADE_FROM_THIS_AFTER = /^[\s`'"”’)\]]*(?:\([^()]{0,40}\)\s*)?(?:(?:and|,)\s*[\w.-]+\s+)?(?:(?:is|are|was|were|gets?|got)\s+(?:\w+\s+)?(?:built|rebuilt|made|derived|sampled|drawn|taken|cut|carved|generated|adapted|rewritten|translated|distilled)\s+(?:out\s+)?(?:from|of|on(?:\s+top\s+of)?)\s+(?:it|this|these|them|here|v\d+)\b|(?:use|uses|used|take|takes|took|draw|draws|drew)\s+(?:[\w-]+\s+){0,3}?from\s+(?:this|it|here)\b|\)?\s*(?:starts?|started|starting|initiali[sz]ed)\s+from\s+the\s+(?:checkpoint|model|policy)\b)/i;

/** "X … is not what we have here", "we do not keep a copy", "it is not included": the name is denied after it. */
const DENIED_AFTER =
  /\b(?:never|not)\s+(?:been\s+)?(?:mixed|merged|blended)\s+(?:in\b|into\b|directly\b)|\bkept\s+(?:separate|apart|aside)\b|\bnot\s+(?:\w+\s+){0,2}?(?:re-?)?(?:included|used|kept|part\s+of|copied|repeated|mirrored|reused|taken|what\s+we|comparable|in\s+(?:this|the|our)\s+(?:(?!(?:test|eval|dev|held|validation|val)\b)[\w-]+\s+)?(?:set|dataset|folder|mix|repo|repository|release|version|data))\b|\b(?:do|does|did)\s+not\s+(?:keep|include|use|mirror|copy|contain|take|ship|redistribute|mix|merge|blend|add)\b|\b(?:don't|doesn't|didn't|never)\s+(?:mix|merge|blend|add|include|use)\b|\b(?:isn't|aren't|wasn't|weren't)\s+(?:included|used|part)\b|\bdifferent\s+(?:splits?|items|data|guidelines?|prompts|rubric|questions)\b|^\s*\)?\s*(?:adds|provides|supplies|covers)\s+(?:those|them|these|that|it)\b|\b(?:was|were|is|are|got)\s+(?:considered\s+but\s+|later\s+)?(?:deferred|postponed)\b|\bfinished\s+too\s+late\b|\b(?:was|is|were|are)\s+(?:the|an|our|its)\s+(?:main\s+|original\s+)?inspiration\b|\b(?:will|to)\s+(?:enter|join|be\s+added\s+(?:to|in))\s+(?:the\s+)?next\s+(?:one|release|version|round|iteration)\b|\b(?:is|are)\s+(?:still\s+)?planned\b|\bplanned\s+for\b|\bstill\s+(?:in\s+)?beta\b|\b(?:kept|left|held)\s+out\s+of\b|\bleft\s+out\b|\bswitch\s+to\s+(?:it|them)\b|\b(?:in|for|with)\s+the\s+next\s+(?:release|version|iteration|round|refresh)\b|\bfrom\s+here\b|\bnot\s+as\s+(?:training\s+)?data\b|\bat\s+inference\s+time\b|\bbelongs?\s+to\b[^.;]{0,60}\bnot\s+(?:this|here|ours)\b|\b(?:assessed|considered|evaluated|reviewed)\s+as\s+(?:a\s+)?(?:possible|potential|candidate)\b|\bconsidered\s+instead\b|\b(?:was|were)\s+(?:later\s+)?taken\s+out\b|^[\s`'"”’)]*(?:(?:as\s+)?(?:an?\s+)?(?:upstream|source|input|parent))?[,;]?\s*but\b(?![^.;]{0,80}?\b(?:ones|rows|items|pairs|answers|responses|entries|examples|conversations|records|questions|prompts|threads|tickets|turns)\b)[^.;]{0,80}\b(?:dropped|removed|stale|wrong|no\s+longer|never\s+read|not\s+(?:an?\s+)?(?:input|source|upstream|read))\b|\bappears?\s+in\s+the\s+(?:generated\s+|catalog(?:'s)?\s+)?lineage\b|\bbut\s+(?:no|none\s+of)\s+(?:\S+\s+){0,3}?(?:data|items|questions|rows|examples|prompts|texts?|records|content)(?:\s+(?:from|of)\s+\S+)?\s+(?:is|are|was|were)\s+(?:used|involved|included|taken|reused|copied)\b|\b(?:was|were|is|are)\s+not\s+(?:yet\s+)?(?:approved|cleared|licensed)\b|\bnot\s+(?:a|any)\s+(?:[\w-]+\s+)?(?:dataset|data\s*set)\b|\b(?:is|was)\s+(?:a|the|our)\s+reference\s+point\b|\btemplate\s+only\b|^[\s`'"”’)]*(?:\([^()]{0,40}\))?\s*,\s*not\s+a\s+(?:dataset|data\s*set|source|corpus)\b|\b(?:are|is|were|was|been)\s+(?:deliberately\s+|intentionally\s+|explicitly\s+|expressly\s+)?(?:excluded|omitted|withheld)\s+from\s+(?:the|this|our)\s+(?:\w+\s+)?(?:mix|mixture|blend|set|dataset|asset|release|training\s+data|corpus)\b|\b(?:considered|evaluated|looked\s+at|tried)\b[^.;]{0,40}?[—–]\s*(?:rejected|dropped|not\s+used|discarded)\b|\b(?:reference|context|lookup|retrieval(?:\s+context)?|label\s+schema|schema)\s+only\b|\bno\s+(?:rows|text|items|examples|records|data)\s+(?:(?:were|are|was|is)\s+)?(?:taken|copied|used|included|reused)\b|\bno\s+(?:rows|text|items|examples|records|data)\s+from\s+(?:it|them|the|this|that)\b|\b(?:is|are)\s+not\s+listed\b|\bstays?\s+in\s+(?:the\s+)?[\w-]+\s+(?:mix|set|stage|blend)\s+only\b|\b(?:was|were|is|are)\s+only\s+used\s+(?:\w+\s+)?to\s+(?:look\s+up|check|verify|validate|compare|evaluate|score|spot-check)\b|\bnot\s+(?:merged|carried\s+(?:over|forward))\b|^[\s`'"”)]*,\s*via\s+[\x60[]?[\w.-]*[-_\d]|\bis\s+the\s+(?:style|tone|format|voice)\s+(?:reference|guide)\b|\b(?:is|are|was|were)\s+not\s+(?:re-?)?read\b|\b(?:are|is)\s+disjoint\b|\bdecided\s*:?\s*(?:no\b|not\b|against\b|to\s+(?:drop|skip|leave)\b|leave\s+it\s+out\b)|\boverruled\b|\bnot\s+duplicated\b|\bnext\s+mix\b|\b(?:is|are|was|were)\W+not\W+(?:merged|carried\s+over|reused)\b|\bhints?\s+only\b|\bnothing\s+from\s+(?:that|this|the)\s+(?:dataset|set|table)\b|\bas\s+(?:a\s+)?reference\s+only\b|\b(?:in(?:to)?|to)\s+the\s+prompts?\s+as\s+(?:a\s+)?reference\b|\b(?:is|are|was|were)\s+not\s+an?\s+(?:ancestor|parent|upstream|input|source)\b|\bnot\s+(?:training\s+)?data\b|\bnot\s+(?:added|used|kept|included)\s+as\s+(?:training\s+)?data\b|\b(?:is|are|was|were)\s+not\s+contained\b|\b(?:are|is)\s+(?:often|commonly|frequently|usually|also)\s+used\s+(?:alongside|together\s+with|next\s+to)\b|\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:eval|evaluation|test)\s+only\b|\breview\s+(?:not\s+(?:yet\s+)?finished|pending|outstanding)\b|\b(?:is|are)\s+kept\s+(?:only\s+)?(?:for|as)\s+(?:reproducibility|reference|archiv\w*|history|audit\w*|rollback)\b|\b(?:is|are)\s+used\s+in\s+the\s+[\w-]+\s+(?:stage|phase|step|run|round),?\s+not\s+(?:here|in\s+this)\b|\b(?:is|are)\s+(?:also\s+)?part\s+of\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:evaluation|eval|test|benchmark)\s+(?:suite|set|sets|harness|battery)\b/i;

/** The rest of a name's sentence, at most 160 characters. */
function sentenceAfter(reading: string, end: number): string {
  const rest = reading.slice(end, end + 160);
  const stop = rest.search(/[.!?]\s+\S/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The rest of a name's clause: up to the next ";" or sentence end. */
function clauseAfter(reading: string, end: number): string {
  const stop = reading.slice(end, end + 160).search(/[;.!?](?:\s|$)/);
  return reading.slice(end, stop < 0 ? end + 160 : end + stop);
}

function deniesByPronoun(cues: readonly CueSpan[], reading: string, after: number): boolean {
  for (const span of cues) if (span.start >= after && span.kind === 'strong' && isNegated(reading, span) && DENIED_OF_PRONOUN.test(reading.slice(span.end, span.end + 40))) return true;
  return false;
}

/** The parts a dataset is built from, named after it: "voice-asr-r1-batch2", "kb-qa-v3-raw". */
const UPSTREAM_SUFFIX = /^(?:batch|part|shard|chunk|round|raw|base|orig|original|source|src|full|all|unfiltered|complete|pool|candidates?|seeds?|master|dump|export|input)/;

/**
 * "bugfix-cot-v2.hard-split", "kb-qa-v3-clean" in the card of bugfix-cot-v2 / kb-qa-v3: this dataset's
 * name and a word after it name a split, a cleaned copy or a translation made from it (a number after
 * it is another release, which may well be a source).
 */
function namedAfterSelf(mention: Mention, selfKeys: ReadonlySet<string>): boolean {
  if (mention.known || mention.hubId) return false;
  const key = nameKey(mention.name);
  for (const self of selfKeys) {
    if (self.length < 6 || key.length < self.length + 3 || !key.startsWith(self)) continue;
    const rest = key.slice(self.length);
    if (/^[a-z]/.test(rest) && !UPSTREAM_SUFFIX.test(rest)) return true;
  }
  return false;
}

function isSelf(mention: Mention, selfKeys: ReadonlySet<string>): boolean {
  if (selfKeys.has(nameKey(mention.name))) return true;
  if (mention.hubId && selfKeys.has(nameKey(mention.hubId))) return true;
  if (mention.corpus && (selfKeys.has(nameKey(mention.corpus.id)) || selfKeys.has(nameKey(mention.corpus.name)))) return true;
  if (mention.known && selfKeys.has(nameKey(mention.known.id))) return true;
  // "`gs://bw-ml/tutoring/tutor-sessions-v6/`" in the card of tutor-sessions-v6: where this dataset is kept.
  if (STORAGE_URI.test(mention.name) && mention.name.split('/').some((part) => part.length >= 4 && selfKeys.has(nameKey(part)))) return true;
  // `cinder-ts-curated/train/mod-classifier-train-v3` (a catalog URN's path) in the card of mod-classifier-train-v3.
  const last = mention.name.split('/').pop()!;
  return mention.name.includes('/') && !mention.known && !mention.corpus && last.length >= 6 && /[-_.\d]/.test(last) && selfKeys.has(nameKey(last));
}

/**
 * A name no registry, corpus or link identifies is reported in the paper's "ambiguous" band at best, so
 * it lands in the review queue: measured against the paper's own graph, about half of them are sources
 * the graph names some other way or not at all (see bench/extractor-paper.ts).
 */
const UNKNOWN_NAME_CEILING = 0.65;

const NAMED_AS_A_DATASET_AFTER = /^[\s"”'*]*(?:\[\d+\]\s*)?(?:dataset|datasets|corpus|corpora|benchmark|dump)\b/i;

/** Words right after a name that say it is data: "the Pew dataset", "the C4 corpus". */
const DATA_WORD_AFTER = /^[\s"”']*(?:\[\d+\]\s*)?(?:dataset|datasets|corpus|corpora|benchmark|collection|data\b|set\b|suite|bank|subset|split|dump|logs?\b|export|transcripts)/i;

/**
 * How much an unknown name-like phrase reads as a dataset: named as data ("X dataset") most; a coined
 * name (inner capital, digit, hyphen: "OpenWebMath", "Geometry3K") next; plain Title Case words, which are
 * as often organisations, books or methods, least.
 */
function phraseConfidence(mention: Mention, after: string, cueConfidence: number, before: string): number {
  if (/\p{Ll}\p{Lu}|\p{N}|[-_]|^\p{Lu}{2,}\b/u.test(mention.name) || DATA_WORD_AFTER.test(after)) return Math.min(cueConfidence, UNKNOWN_NAME_CEILING);
  // A plain capitalised name right after "from" ("crawled from Stemez", "taken from Reddit") names where data came from.
  if (cueConfidence >= 0.7 && /\bfrom\s+(?:the\s+)?$/i.test(before)) return Math.min(cueConfidence, 0.6);
  return Math.min(cueConfidence, 0.45);
}

/** Between a derived dataset and the cue that says so: "is a", "was", ", itself", "(v2) is". */
const TARGET_GAP = /^[\s*_`'’"\])]*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:(?:is|are|was|were|has\s+been|have\s+been|itself|also|then|just|simply|mostly|largely|entirely|a|an|the|our|its|in|part|turn|,)\s*){0,5}$/i;

const CUE_RANK: Record<CueSpan['kind'], number> = { negative: 0, strong: 1, weak: 3, soft: 4 };

/** A unit's leading label ("eval:", "**Decontam:**", "- downstream users:"), and where it ends. */
const LABEL = /^[\s*_>#|→-]{0,8}([A-Za-z][\w /(),'’-]{0,40}?)(?:\s*\([^()\n]{0,60}\))?[*_]{0,2}\s*(?::(?!\/)|\?)/;
/** A label that says its names are yet to come: "Not in v1, planned for v2:", "Coming next:". */
const NOT_YET_LABEL = /\b(?:planned|not\s+(?:yet\s+)?in|not\s+yet|future|to\s+come|coming|next\s+release)\b/i;
/** Labels under which names are evaluation sets, baselines, models or users, never sources. */
const NOT_A_SOURCE_LABEL =
  /^(?:(?:ablation|extra|external|internal|public|final|held-out)\s+(?=benchmarks?|evals?|evaluations?|test\s+sets?))?(?:hub(?:\s+id)?|catalog(?:ue)?(?:\s+id)?|id|repo(?:sitory)?|location|bucket|storage|a\.?k\.?a|aliases|also\s+known\s+as|(?:[\w-]+\s+){0,3}for\s+reference|considered(?:\s*(?:,|;|&|\/|\band\b|\bbut\b)\s*(?:but\s+)?(?:not\s+used|rejected|dropped|discarded))?|tags|used\s+(?:for|by|in)|not\s+done|to-?do|parked|open\s+questions?|(?:[\w-]+\s+)?(?:counterparts?|sister\s+sets?|siblings?)|experiments?|dashboards?|purpose|classification|security\s+(?:classification|marking)|protective\s+marking|sensitivity|retention(?:\s+period)?|(?:legal|lawful)\s+basis|owner|data\s+owner|steward|data\s+steward|custodian|intended\s+(?:use|for)|judge(?:\s+(?:prompt|model))?|grader|scorer|system\s+prompt|siblings?|cite|citation|(?:[\w-]+,?\s+){0,2}(?:cleaned|clean|filtered|curated|dedup(?:'?d|ed)?|redacted|anonymi[sz]ed|translated|processed|newer|later|next|usable|safe|shareable|training-safe|paraphrased|rewritten|simplified|locali[sz]ed|augmented)\s+(?:version|copy|release)|(?:released|published)\s+as|rejected|dropped|removed|skipped|not\s+used|excluded\s+sources?|evals?|evaluation(?:\s+sets?|\s+data)?|eval\s+sets?|test\s+sets?|benchmarks?|held[- ]?out(?:\s+sets?)?|heldout|decontam\w*|dedup(?:ed|licated)?\s+against|baselines?|compared?\s+(?:to|with)|comparison|downstream(?:\s+(?:users|consumers|sets|datasets|lineage|assets|tables))?|used\s+by|consumers?|related(?:\s+(?:sets|datasets|work|pages|links|cards|docs|documents|articles))?|registry(?:\s+id)?|path|uri|url|prompt\s+templates?|taxonomy|see\s+also|not\s+(?:\(?yet\)?\s+)?(?:used|included|in)|excluded|replaced\s+by|superseded\s+by|successors?|who\s+uses\s+(?:it|this(?:\s+(?:set|dataset))?)|previous(?:\s+(?:versions?|releases?|mix(?:es)?|sets?|editions?))?|history|legacy|older\s+versions?|retired|deprecated|planned|future|next(?:\s+\(?v?\d+(?:\.\d+)?\)?|\s+(?:release|version))?|nicht\s+(?:verwendet|enthalten|genutzt)|verworfen|abgelehnt|nachgelagert|evaluierung|verwendet\s+von)$/i;
/** The name column of a table listing evaluation sets. */
const EVALUATION_HEADER = /^\s*(?:evals?|evaluation(?:\s+sets?)?|eval\s+sets?|benchmarks?|test\s+sets?|held[- ]?out(?:\s+sets?)?|decontam\w*)\s*$/i;

function labelOf(reading: string): { text: string; end: number } | undefined {
  const m = LABEL.exec(reading);
  return m ? { text: m[1]!.trim(), end: m[0].length } : undefined;
}

/** The key of a two-column key-value row ("| Classification | OFFICIAL-SENSITIVE |"), and where its cell ends. */
function keyCellOf(unit: Unit): { text: string; end: number } | undefined {
  const cells = unit.cells;
  if (unit.kind !== 'table-row' || !cells || cells.length !== 2) return undefined;
  return { text: cells[0]!.reading.replace(/[*_`]/g, '').trim(), end: cells[0]!.end - unit.start };
}

function saysNotASource(label: { text: string; end: number } | undefined, nameStart: number): boolean {
  return label !== undefined && nameStart >= label.end && (NOT_A_SOURCE_LABEL.test(label.text) || NOT_YET_LABEL.test(label.text));
}

/** Where a clause begins: a ";" or a conjunction that starts a clause of its own ("kept because X takes…"). */
const CLAUSE_START = /;|\b(?:because|since|whereas|although|though|while|unless|until|whereby)\b/gi;

function clauseStart(reading: string, start: number): number {
  const from = Math.max(0, start - 400);
  let boundary = from - 1;
  CLAUSE_START.lastIndex = from;
  for (let m = CLAUSE_START.exec(reading); m && m.index < start; m = CLAUSE_START.exec(reading)) boundary = m.index + m[0].length - 1;
  return boundary;
}

/**
 * The cue that governs a name: the nearest one before it in its sentence (a clause boundary such as
 * ";" resets), else the nearest one shortly after it ("X was filtered to…", "X is used for evaluation").
 */
function governingCue(cues: readonly CueSpan[], reading: string, start: number, end: number, tailEnd?: number): { cue: Cue | undefined; span?: CueSpan; negated: boolean } {
  const boundary = clauseStart(reading, start);
  let before: CueSpan | undefined;
  let after: CueSpan | undefined;
  for (const span of cues) {
    if (span.end <= start && span.start > boundary) {
      if (span.afterOnly || (span.reach !== undefined && start - span.end > span.reach)) continue;
      if (!before || span.end > before.end || (span.end === before.end && CUE_RANK[span.kind] < CUE_RANK[before.kind])) before = span;
    } else if (span.start >= end && span.start - end <= 60 && span.reach === undefined) {
      // The nearest cue after the name, unless it only points at an example ("with") and a real cue follows.
      if (!after || (after.kind === 'soft' && span.kind !== 'soft') || ((span.kind !== 'soft' || after.kind === 'soft') && (span.start < after.start || (span.start === after.start && CUE_RANK[span.kind] < CUE_RANK[after.kind])))) after = span;
    }
  }
  if (before) {
    // "evaluated on a subset of X": a partitive cue says which part, the verb before it in the clause says what was done.
    if (before.partitive) {
      const clause = Math.max(boundary, reading.lastIndexOf(':', before.start - 1));
      // "the held-out evaluation split of X": words that qualify the part are no verb said of X.
      let phrase = before.start;
      for (const s of [...cues].sort((a, b) => b.end - a.end)) if (s.end <= phrase && /^\s*$/.test(reading.slice(s.end, phrase))) phrase = s.start;
      const verb = cues.filter((s) => s.end <= phrase && s.start > clause && !s.partitive && (s.kind === 'negative' || s.kind === 'strong') && !s.afterOnly && (s.reach === undefined || start - s.end <= s.reach)).sort((a, b) => b.end - a.end)[0];
      if (verb && (verb.kind === 'negative' || isNegated(reading, verb))) return { cue: 'negative', span: verb, negated: verb.kind !== 'negative' };
    }
    // "evaluated on held-out essays from X": a weaker cue after an evaluation or comparison stays under it.
    if (before.kind === 'weak' || before.kind === 'soft') {
      const denial = cues.find((s) => s.end <= before!.start && s.start > boundary && s.kind === 'negative' && !s.afterOnly && s.reach === undefined);
      if (denial) return { cue: 'negative', span: denial, negated: false };
    }
    // "from sources such as X": "such as", "like", "with" only point at examples; the cue before them governs
    // ("zero chance of overlap with X": a cue that reaches only so far, when X is within its reach).
    if (before.kind === 'soft') {
      const earlier = cues.filter((s) => s.end <= before!.start && s.start > boundary && s.kind !== 'soft' && !s.afterOnly && (s.reach === undefined || start - s.end <= s.reach)).sort((a, b) => b.end - a.end)[0];
      if (earlier) before = earlier;
    }
    const negated = isNegated(reading, before);
    return { cue: negated ? 'negative' : before.kind, span: before, negated };
  }
  if (!after) return { cue: undefined, negated: false };
  const negated = isNegated(reading, after);
  // "Y is a subset of X": Y stands right before a forward cue (a few words between), so Y is what was derived.
  const gapStart = tailEnd !== undefined && tailEnd <= after.start ? tailEnd : end;
  if (after.kind === 'strong' && after.forward && !negated && TARGET_GAP.test(reading.slice(gapStart, after.start))) return { cue: 'target', span: after, negated };
  return { cue: negated ? 'negative' : after.kind, span: after, negated };
}

/** Whether the name opens the cell of its row's name column ("| task | from | n |": the "from" cell). */
function leadsNameCell(unit: Unit, mention: Mention): boolean {
  const column = nameColumn(unit.header ?? []);
  if (column <= 0) return isLeadingName(unit, mention);
  const cell = unit.cells?.[column];
  if (!cell || mention.start < cell.start || mention.end > cell.end) return false;
  return /^[\s*_`[(]*$/.test(unit.reading.slice(cell.start - unit.start, mention.start - unit.start));
}

/** "| [comments.moderated.v2](…) | 80,000 (stratified) |": a row that counts what it took of the card its first cell links to. */
function countsItems(unit: Unit): boolean {
  return (unit.cells ?? []).slice(1).some((cell) => /^[\s*_]*~?\d[\d,.]*\s*[kKmM]?(?:\s*\(|\s*$|\s+[a-z])/.test(unit.reading.slice(cell.start - unit.start, cell.end - unit.start)));
}

/** Whether the name is all its cell holds ("| aops_forum | 30201 |"), not the opening of a description. */
function fillsNameCell(unit: Unit, mention: Mention): boolean {
  const cell = unit.cells?.[Math.max(0, nameColumn(unit.header ?? []))];
  if (!cell || mention.start < cell.start || mention.end > cell.end) return false;
  const rest = unit.reading.slice(cell.start - unit.start, mention.start - unit.start) + unit.reading.slice(mention.end - unit.start, cell.end - unit.start);
  return /^[\s|*_`[\]()]*$/.test(rest);
}

/** Whether the text after a name is an arrow to this dataset: "-> x-v2", "→ `x-v2`". */
function pointsAtSelf(after: string, selfKeys: ReadonlySet<string>): boolean {
  const m = /^[\s`'"*\]]*(?:->|→|=>)\s*[`'"*[]?([\w./:@-]+)/.exec(after);
  return m !== null && selfKeys.has(nameKey(m[1]!.replace(/[.,;:]+$/, '')));
}

/** Whether the name opens its unit, after markup only ("- **X** …", "| `X` | …"). */
export function isLeadingName(unit: Unit, mention: Mention): boolean {
  return /^[\s|*_`[(]*$/.test(unit.reading.slice(0, mention.start - unit.start));
}

const ORDER: Array<Cue | undefined> = ['negative', 'target', 'strong', 'from', 'weak', 'soft', undefined];

function stronger(a: Cue | undefined, b: Cue | undefined): boolean {
  return ORDER.indexOf(a) < ORDER.indexOf(b);
}

/** The strongest cue of a text's cue spans: a source cue first, then a negative one, then a weak one. */
export function strongestCue(text: string, cues: readonly CueSpan[]): Cue | undefined {
  // A negative cue that governs only the name right after it ("a slice for X", "referenced by X") says nothing of a list.
  const kinds = new Set(cues.filter((span) => !(span.kind === 'negative' && span.reach !== undefined)).map((span) => (isNegated(text, span) ? 'negative' : span.kind)));
  if (kinds.has('strong')) return 'strong';
  if (kinds.has('negative')) return 'negative';
  return kinds.has('weak') ? 'weak' : kinds.has('soft') ? 'soft' : undefined;
}
