/**
 * The words around a mention that say whether data was taken from it (and how), or that it is only
 * evaluated on, cited, or an inspiration; and the text that tries to instruct the tool.
 */
import type { Relation } from '../../../shared/domain/vocabulary.js';

/** Explicit statements that data came from a named dataset (the paper's 0.9–1.0 band). */
export const STRONG_SOURCE_CUE =
  /\b(?:derived|filtered|sampled|taken|drawn|sourced|collected|extracted|selected|translated|distilled|adapted|converted|curated|obtained|gathered|compiled|built|constructed|created|generated|seeded|rewritten|augmented|expanded|extended|evolved|crawled|scraped|re-?formatted|processed|cleaned|deduplicated|decomposed)\s+(?:\w+\s+){0,3}?(?:from|of|on|upon|with|using)\b|\b(?:subset|subsets|portion|part|split|sample|mixture|blend|combination|union|merge|merger|collection|compilation|aggregation|extension|translation|version|variant|reformatting)\s+of\b|\b(?:we|they|it|this dataset|the dataset|which)\s+(?:also\s+)?(?:merge|merges|merged|combine|combines|combined|include|includes|included|incorporate|incorporates|incorporated|aggregate|aggregates|aggregated|mix|mixes|mixed|integrate|integrates|integrated|use|uses|used|leverage|leverages|leveraged|sample|samples|sampled|collect|collects|collected|repurpose|repurposes|repurposed)\b|\b(?:consists?|consisting|comprised?|composed|made up|formed)\s+(?:\w+\s+){0,2}?of\b|\bcomprises?\b|\b(?:combines|merges|integrates|aggregates|incorporates|compiles|unifies|blends|gathers|assembles)\b|\b(?:based|built|grounded)\s+(?:up)?on\b|\b(?:seed|seeds|seeded)\b|(?<!open[- ])\b(?:source|sources|upstream|origin|components?|constituents?|ingredients?)\b(?![- ]code)|\bincorporat\w+\b|\bfrom\s+the\s+(?:following|original)\b|\bthe\s+following\s+(?:[\w-]+\s+){0,3}?(?:datasets|data\s+sources|sources|subsets|corpora|collections|components)\b|\b(?:full\s+)?list\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:datasets|sources|subsets)\b|\bdatasets\s+(?:present|included|contained|used)\s+in\b|\boriginally from\b|\bre-?annotat\w*\b|\bre-?label\w*\b/i;

/**
 * Source cues that point forward: what follows them is the source ("derived from X"), so a dataset named
 * just before one is the derived dataset ("Y is a subset of X"), not a source.
 */
export const FORWARD_CUE_END =
  /(?:\bfrom|\bof|\bupon|\bon|\b(?:comprises?|contains?|combines|merges|integrates|aggregates|incorporates|compiles|unifies|blends|gathers|assembles|includes|uses|leverages))\s*$/i;

/** Just before a mention, these make it the model being trained, not data: "to train SeeClick". */
export const MODEL_BEFORE = /\b(?:to\s+train|fine-?tun(?:e|ed|ing)|train(?:ed|ing)?)\s+(?:the\s+|our\s+|a\s+)?$/i;

/**
 * A name followed by a count of items is a listed component: "TallyQA (9.9 K)", "AI2D (GPT4V) (4.9 K)",
 * "yixuantt/FinEntity: 962 entries".
 */
export const SIZE_AFTER =
  /^[*_`\]]*\s*(?:(?:\([^()]{0,30}\)\s*)?\(\s*[\d.,]+\s*[KMB]?\s*(?:samples|examples|images|items|pairs|rows)?\s*\)|[:–-]\s*[\d.,]+\s*(?:[KMB]\b|k\b|entries|samples|examples|images|pairs|items|questions|problems|instances|rows|conversations|dialogues|documents|charts|tables))/i;

/** Softer cues: data plausibly came from the mention ("from X", "using X"). */
export const WEAK_SOURCE_CUE = /\b(?:from|using|uses|used|with|includes?|including|contains?|containing|covering|covers|such as|e\.g\.|like)\b/i;

/**
 * Contexts where a mention is evaluated on, compared against, or cited — not a source. Checked on the
 * clause around the mention, so "we train on X and evaluate on Y" keeps X.
 */
export const NOT_SOURCE_CUE =
  /\b(?:evaluat\w*|benchmark(?:ed|ing)?\s+(?:on|against)|tested\s+on|test(?:ing)?\s+(?:on|against)|report(?:ed)?\s+(?:results|accuracy|scores?)|accuracy\s+(?:on|of)|performance\s+on|results?\s+on|scores?\s+(?:on|of)|outperform\w*|compared?\s+(?:with|to|against)|comparison\s+(?:with|to)|baselines?|held[- ]out|pass@\d|decontaminat\w*|contaminat\w*|overlap\w*|inspired\s+by|^\s*following\b|following\s+the|following\s+(?:the\s+)?(?:approach|method|work|recipe|practice|idea|setup|protocol)s?\s+of|drawing\s+inspiration|in\s+the\s+style\s+of|similar\s+to|akin\s+to|(?:format|template|pipeline|approach|method|recipe|methodology)\s+(?:of|from|used\s+(?:in|by))|see\s+also|related\s+work|cited?\s+(?:in|by)|we\s+thank|thanks\s+to|acknowledg\w*|trained\s+(?:a\s+)?models?|fine-?tun\w+\s+(?:a\s+|the\s+)?(?:model|llm)|check\s+out)\b/i;

/**
 * Negation in front of a source cue ("none of the data is taken from", "we did not use") turns it into a
 * statement that the mention is not a source.
 */
export const NEGATION = /\b(?:not|no|none|never|neither|nor|without|excluding|except|exclude[sd]?|avoid\w*|free\s+of)\b[^.;]{0,60}$/i;

/** Mentions followed by these are a format or style, not data ("the Alpaca format", "ShareGPT-style"). */
export const FORMAT_AFTER = /^[\s*_`'"\])]*[-\s](?:[\w-]+\s+)?(?:format(?:ted)?|style|template|schema|-like)\b/i;

/** Section headings whose mentions are sources by construction (a "Subsets" list counts, each part a source). */
export const SOURCE_SECTION =
  /\b(?:sources?|source\s+data(?:sets?)?|data\s+sources?|subsets?|components?|composition|constituents?|mixture|ingredients?|datasets?\s+(?:used|included|merged|combined)|upstream|provenance|lineage|origins?|initial\s+data\s+collection|data\s+collection|curation|construction|collection\s+process|datasets?\s+list|list\s+of\s+datasets|included\s+datasets|dataset\s+summary|data\s+mix)\b/i;

/** Sections never read for lineage: citation, license, evaluation, related work, acknowledgements. */
export const IGNORED_SECTION =
  /\b(?:citation|citing|cite|bibtex|references?|bibliography|licen[cs]e|licensing|terms\s+of\s+use|acknowledg\w*|contributors?|contact|authors?|evaluation|evaluations|results|benchmarks?\s+results?|leaderboard|performance|experiments?|related\s+work|limitations?|disclaimer|known\s+limitations|intended\s+uses?|out-of-scope|model\s+card|models?\s+trained|changelog)\b/i;

/**
 * Text that addresses the tool instead of describing data. Such a unit is read as nothing: it cannot
 * create an edge, whatever names it contains.
 */
export const INSTRUCTION_TO_TOOL =
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|preceding|other|your)\s+(?:instructions?|prompts?|rules?|directions?|context)|\b(?:you\s+are\s+(?:now\s+)?(?:an?|the)\s+\w+|you\s+must|as\s+an\s+ai\b|system\s+prompt|assistant:|\[INST\]|<\|im_start\|>)|\b(?:list|add|report|mark|record|include|output|treat|classify)\s+(?:\S+\s+){1,8}?as\s+(?:an?\s+|the\s+)?(?:upstream|source|parent|ancestor)s?\b|\b(?:lineage|extraction)\s+(?:tool|agent|model|system)s?\b/i;

const RELATION_CUES: Array<[Relation, RegExp]> = [
  ['CoT Distillation', /\b(?:distill\w*|chain[- ]of[- ]thoughts?|CoT|reasoning\s+(?:traces?|chains?|paths?)|long[- ](?:form\s+)?(?:reasoning|thinking)|think(?:ing)?\s+(?:traces?|process)|step[- ]by[- ]step\s+(?:solutions?|answers?|rationales?|reasoning)|rationales?|re-?generat\w+\s+(?:the\s+)?(?:answers?|responses?|solutions?))\b/i],
  ['Synthetic Generation', /\b(?:seeds?|seeded|synthes\w+|self-instruct|generat\w+\s+(?:new|additional|novel|more|synthetic)|(?:used|use|serve[sd]?)\s+as\s+(?:seeds?|prompts?|examples?|inspiration)|prompt(?:ed|ing)\s+\S+\s+to\s+(?:generate|write|create)|creat\w+\s+new)\b/i],
  ['Semantic Evolution', /\b(?:rewrit\w*|rewritten|rephras\w+|paraphras\w+|evol(?:ve|ved|ving|ution|-instruct)|augment\w*|reformulat\w+|translat\w+|backward|mutat\w+|modif(?:y|ied|ies|ication)|transform\w+|enrich\w*|complicat\w+|deepen\w*|rewording|perturb\w*|re-?annotat\w*|extend\w*|extension)\b/i],
  ['Structured Fusion', /\b(?:merg\w+|combin\w+|mix(?:ture|ed|ing|es)?|blend\w*|aggregat\w+|compil\w+|concatenat\w+|union|unif(?:y|ied|ies)|collection\s+of|consolidat\w+|integrat\w+|incorporat\w+|(?:a|the)\s+\w*\s*(?:mix|suite|bundle)\s+of|multiple\s+(?:sources|datasets))\b/i],
  ['Direct Inclusion/Subset', /\b(?:subsets?|filter\w*|sampl\w+|select\w*|taken|extract\w*|deduplicat\w*|includ\w+|portion|split|contains?|consist\w*|comprise\w*|directly)\b/i],
];

/**
 * The relation a unit's words describe: the one with the most cue words, ties going to the more specific
 * (the paper's order: distillation, generation, evolution, fusion, inclusion); the default is inclusion.
 */
export function relationFromText(text: string): { relation: Relation; explicit: boolean } {
  let best: { relation: Relation; hits: number } | undefined;
  for (const [relation, cue] of RELATION_CUES) {
    const hits = [...text.matchAll(new RegExp(cue.source, 'gi'))].length;
    if (hits > 0 && (!best || hits > best.hits)) best = { relation, hits };
  }
  return best ? { relation: best.relation, explicit: true } : { relation: 'Direct Inclusion/Subset', explicit: false };
}
