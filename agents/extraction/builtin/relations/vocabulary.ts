/**
 * The words that say what was done with a source, one trigger word each (with an optional pattern
 * after it), grouped by the paper's five relations. Transformations (distillation, generation,
 * evolution) say what became of the items; selection and fusion words say which items were taken.
 */
import type { Relation } from '../../../../shared/domain/vocabulary.js';

export interface RelationRule {
  relation: Relation;
  words: string;
  then?: string;
  before?: string;
  /** Says the items were taken as they are ("verbatim", "unchanged"): no transformation stated elsewhere overrides it. */
  asIs?: boolean;
  /** Says answers were written anew: a distillation when reasoning is said beside it, else generation on the prompts. */
  newAnswers?: boolean;
}

export const RELATION_RULES: RelationRule[] = [
  { relation: 'CoT Distillation', words: 'distill distills distilled distilling distillation cot rationale rationales teacher reanswered re-answered' },
  { relation: 'CoT Distillation', words: 'answered', then: String.raw`\s+again\b` },
  { relation: 'CoT Distillation', words: 'explains explaining', then: String.raw`\s+(?:each|every|its|the)\s+steps?\b` },
  { relation: 'CoT Distillation', words: 'chain', then: String.raw`[-\s]of[-\s]thoughts?` },
  { relation: 'CoT Distillation', words: 'reasoning thinking thought', then: String.raw`\s+(?:traces?|chains?|paths?|steps?|process|trajector(?:y|ies))\b` },
  { relation: 'CoT Distillation', words: 'step', then: String.raw`[-\s]by[-\s]step` },
  { relation: 'CoT Distillation', words: 'long', then: String.raw`[-\s](?:form\s+)?(?:reasoning|thinking|cot)` },
  // New answers to the same prompts, with no reasoning said of them ("sampled four fresh responses per prompt", "Same
  // prompts, new answers"), are generated on those prompts; reasoning words beside them make it a distillation.
  { relation: 'Synthetic Generation', newAnswers: true, words: 'regenerated regenerate regenerating regeneration', then: String.raw`(?:\s+[\w-]+){0,3}?\s*(?:answers?|responses?|solutions?|completions?|outputs?|replies|targets)?` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 're', then: String.raw`-generat\w+` },
  { relation: 'CoT Distillation', words: 'answers responses solutions completions outputs replies', then: String.raw`(?:\s+[\w-]+){0,3}?\s+distilled\b` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 'answers responses solutions completions outputs replies', then: String.raw`(?:\s+[\w-]+){0,3}?\s+(?:re-?generated|re-?written\s+by|replaced\s+(?:by|with)|re-?produced|(?:newly\s+)?(?:generated|written|produced)\s+(?:by|with)\b)` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 'new fresh', then: String.raw`\s+(?:[\w-]+\s+)?(?:answers|responses|solutions|completions|replies)\b` },
  { relation: 'CoT Distillation', words: 'worked', then: String.raw`\s+solutions\b` },
  // "every answer now comes with a short explanation of why", "Explanations added to the answers of X", "a worked explanation".
  { relation: 'CoT Distillation', words: 'explanation explanations', then: String.raw`\s+(?:of\s+(?:why|how)|(?:is\s+|are\s+|was\s+|were\s+)?added|before|after|for\s+(?:each|every))\b` },
  { relation: 'CoT Distillation', words: 'explanation explanations', before: String.raw`\b(?:worked|short|detailed|brief|step-by-step|written|teacher-written)\s+$` },

  // A seed of the generator, not of a random shuffle: "shuffled with seed 2025", "random seed", "seed=42".
  { relation: 'Synthetic Generation', words: 'seed seeds', then: String.raw`(?!\s*[=:]?\s*\d)`, before: String.raw`(?<!\b(?:random|rng|shuffl\w*|sampling|split)\s+(?:with\s+)?)$` },
  { relation: 'Synthetic Generation', words: 'seeded seeding synthesize synthesizes synthesized synthesizing synthesise synthesised synthesis demonstrations demonstration exemplars exemplar' },
  { relation: 'Synthetic Generation', words: 'self', then: String.raw`[-\s]instruct` },
  { relation: 'Synthetic Generation', words: 'few zero one', then: String.raw`[-\s]shot` },
  { relation: 'Synthetic Generation', words: 'generated generate generates generating generation created create creates creating wrote produced', then: String.raw`(?:\s+[\w-]+){0,2}?\s+(?:new|additional|novel|more|synthetic|fresh|further|extra)\b` },
  { relation: 'Synthetic Generation', words: 'new additional novel synthetic fresh', then: String.raw`(?:\s+[\w-]+){0,2}?\s+(?:were|was)?\s*(?:generated|synthesi[sz]ed|created|written|produced)\b` },
  { relation: 'Synthetic Generation', words: 'in', then: String.raw`[-\s]context\s+(?:examples?|demonstrations?)` },
  // "grounding documents: every article of X", "answers grounded in X", "a persona from X".
  { relation: 'Synthetic Generation', words: 'grounding grounded persona personas' },
  { relation: 'Synthetic Generation', words: 'examples example', before: String.raw`\b(?:style|seed|real)\s+$` },
  { relation: 'Synthetic Generation', words: 'used use serve served serves acted act', then: String.raw`\s+as\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:seeds?|examples?|prompts?|inspiration|demonstrations?|exemplars?|templates?|topics?|starting\s+points?|shots)\b` },
  { relation: 'Synthetic Generation', words: 'prompted prompting', then: String.raw`(?:\s+\S+){1,3}\s+to\s+(?:generate|write|create|produce|synthesi[sz]e)` },
  // "generated, conditioned on genuine reviews in X", "we prompted GPT-4o with the email …", "asked it to write 3 new MCQs",
  // "had GPT-4o simulate a full conversation": the items were given to a generator (a distillation when it reasons).
  { relation: 'Synthetic Generation', newAnswers: true, words: 'conditioned conditioning', then: String.raw`\s+on\b` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 'prompted prompting', then: String.raw`\s+(?:a\s+|the\s+|our\s+)?(?:[\w.-]+\s+){0,2}?(?:with|using)\b` },
  { relation: 'Synthetic Generation', words: 'asked', then: String.raw`(?:\s+[\w.-]+){1,3}?\s+to\s+(?:write|generate|create|produce|invent|draft|compose)\s+(?:(?:\d[\d–-]*|a|new|several|more|plausible)\s+){0,3}(?:questions|problems|items|tasks|dialogues|dialogs|conversations|scenarios|prompts|queries|mcqs|examples)\b` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 'asked', then: String.raw`(?:\s+[\w.-]+){1,3}?\s+to\s+(?:write|generate|create|produce|synthesi[sz]e|draft|compose|invent|simulate)\b` },
  { relation: 'Synthetic Generation', newAnswers: true, words: 'had', then: String.raw`\s+(?:[\w.-]+\s+){1,2}?(?:write|generate|simulate|draft|produce|create|invent|compose)\b` },
  { relation: 'Synthetic Generation', words: 'topics topic themes scenarios scenario', then: String.raw`(?:\s+[\w-]+){0,4}?\s+(?:from|of|came|come|comes|were|was|drawn|taken|picked|sampled)\b` },
  { relation: 'Synthetic Generation', words: 'topics topic templates template seeds personas persona', then: String.raw`\s*:` },
  { relation: 'Synthetic Generation', words: 'provided supplied gave give gives', then: String.raw`\s+(?:the\s+)?(?:[\w-]+\s+)?(?:scenarios?|topics?|seeds?|prompts?|context|inspiration|templates?|clauses|facts|material|situations?|personas?|premises?)\b` },
  {
    relation: 'Synthetic Generation',
    words: 'generated generate generates generating wrote write writes writing written synthesized synthesised created produced',
    then: String.raw`\s+(?:(?:the|a|an|new|\d[\d,]*|[\w-]+)\s+){0,3}?(?:questions|dialogs|dialogues|conversations|qa|pairs|prompts|items|scenarios|chats?|turns|examples|problems|instructions|tasks|attacks|queries|stories|narratives)\b`,
  },
  { relation: 'Synthetic Generation', words: 'generated synthesized synthesised written', then: String.raw`\s+(?:over|around|about|on\s+top\s+of|from\s+scratch\s+around)\b` },
  // "Each example is generated by GPT-4o", "entirely model-written", "synthetic … dialogues".
  // (By a model, not by a system: "alerts are generated by Splunk correlation searches" are collected, not synthetic.)
  { relation: 'Synthetic Generation', words: 'generated synthesized synthesised', then: String.raw`\s+(?:entirely\s+|fully\s+)?(?:by|with)\b(?=(?:[^.;]|\.(?=\S)){0,50}?(?:\b(?:gpt|llama|claude|mistral|mixtral|qwen|gemini|phi|gemma|deepseek)|\b(?:models?|llms?|teachers?|generators?|prompts?|prompting|templates?|ai)\b|\d+(?:\.\d+)?[bm]\b|-\d|\bv\d))` },
  { relation: 'Synthetic Generation', words: 'model llm', then: String.raw`[-\s](?:written|generated|authored)\b` },
  { relation: 'Synthetic Generation', words: 'synthetic', then: String.raw`(?:\s+["'“]?[\w-]+["'”]?){0,4}?\s+(?:questions|dialogs|dialogues|conversations|chats|examples|items|problems|instructions|tasks|scenarios|stories|cases|pairs|prompts|essays|emails|transcripts|tickets|profiles|records)\b` },

  {
    relation: 'Semantic Evolution',
    words:
      'rewrite rewrites rewrote rewritten rewriting rephrase rephrased rephrases rephrasing paraphrase paraphrased paraphrases paraphrasing evolve evolved evolving evolution augment augmented augmenting augmentation reformulate reformulated reformulation translate translated translates translating translation translations localized localised localization localisation mutated mutation modified modification modifications transform transformed transformation enriched enrichment complicated deepened deepening simplified simplify simplification reworded rewording perturbed perturbation harder backtranslated backtranslation expanded',
  },
  { relation: 'Semantic Evolution', words: 'more', then: String.raw`\s+(?:difficult|complex|challenging)\b` },
  // "made by simplifying the targets in X", "every segment post-edited", "re-annotated", "relabelled under the new taxonomy",
  // "6 rephrasings", "Spanish versions of X".
  { relation: 'Semantic Evolution', words: 'simplifying reformulating localizing localising rephrasings relabelled relabeled reannotated' },
  { relation: 'Semantic Evolution', words: 'post', then: String.raw`-?edit(?:ed|s|ing)?\b` },
  { relation: 'Semantic Evolution', words: 're', then: String.raw`-(?:annotat|label)\w*` },
  { relation: 'Semantic Evolution', words: 'version versions', before: String.raw`\b(?:english|spanish|german|french|italian|portuguese|japanese|chinese|korean|arabic|dutch|polish|swedish|danish|norwegian|finnish|turkish|russian|hindi|welsh|vietnamese|tagalog|swahili)\s+$`, then: String.raw`\s+of\b` },
  { relation: 'Semantic Evolution', words: 'style tone register', then: String.raw`[-\s]transfer\b` },
  { relation: 'Semantic Evolution', words: 'restyled restyle restyling reworked rephrasing recast recasting condensed summarized summarised summarize summarise summarizing summarising shortened abridged' },
  // Cards of European teams say it in their own language: "Deutsche Übersetzung von X", "Versión en español de X".
  { relation: 'Semantic Evolution', words: 'übersetzung zusammenfassung zusammenfassungen traducción traduction traduzione tradução vertaling tłumaczenie översättning käännös' },
  // German cards: "übersetzt aus X", "umformuliert", "zusammengeführt aus A und B", "gefiltert aus X", "unverändert übernommen".
  { relation: 'Semantic Evolution', words: 'übersetzt übersetzte umformuliert umformulierung umformulierungen paraphrasiert vereinfacht umgeschrieben zusammengefasst' },
  { relation: 'CoT Distillation', words: 'destilliert begründung begründungen lösungsweg lösungswege denkschritte' },
  { relation: 'Synthetic Generation', words: 'generiert generierte erzeugt erzeugte synthetisch synthetische synthetisiert' },
  { relation: 'Structured Fusion', words: 'zusammengeführt zusammenführung gemischt mischung kombiniert kombination vereinigt vereinigung' },
  { relation: 'Direct Inclusion/Subset', words: 'gefiltert teilmenge stichprobe ausschnitt ausgewählt dedupliziert bereinigt auszug' },
  { relation: 'Direct Inclusion/Subset', words: 'unverändert', asIs: true },
  { relation: 'Semantic Evolution', words: 'versión version versione versão', then: String.raw`\s+(?:en\s+|in\s+)?(?:español|espanol|française|francaise|française|italiana|italienne|portuguesa|alemana|allemande|deutsche|inglesa|anglaise)\b` },
  { relation: 'Semantic Evolution', words: 'lay', then: String.raw`\s+(?:audience|readers?|language)\b` },
  { relation: 'Semantic Evolution', words: 'plain', then: String.raw`\s+language\b` },
  { relation: 'Semantic Evolution', words: 'back', then: String.raw`[-\s]translat\w+` },
  { relation: 'Semantic Evolution', words: 'converted', then: String.raw`(?:\s+\S+){0,4}?\s+into\b(?=[^.;]{0,80}\b(?:rewrit|rephras|paraphras|reword))` },

  {
    relation: 'Structured Fusion',
    words: 'merge merges merged merging merger pool pools combine combines combined combining combination mix mixes mixed mixing mixture blend blends blended blending aggregate aggregates aggregated aggregating aggregation compile compiles compiled compiling compilation concatenate concatenated concatenation union unify unifies unified consolidated consolidation integrate integrates integrated incorporated incorporates incorporating amalgamation bundle bundles bundled pooled pooling suite',
  },
  { relation: 'Structured Fusion', words: 'collection', then: String.raw`\s+of\b` },
  { relation: 'Structured Fusion', words: 'multiple several various', then: String.raw`\s+(?:sources|datasets|sets|corpora)\b` },

  {
    relation: 'Direct Inclusion/Subset',
    words:
      'subset subsets subsample subsampled downsampled stratified filter filters filtered filtering sample samples sampled sampling select selects selected selection taken extract extracted deduplicate deduplicated deduplication dedup dedupe deduped portion split anonymized anonymised anonymization anonymisation pseudonymized pseudonymised deidentified redacted redaction scrubbed pii kept retained minus cleaned slice excerpt',
  },
  { relation: 'Direct Inclusion/Subset', words: 'verbatim unchanged unmodified untouched directly mirror mirrored', asIs: true },
  // "a copy of X" is X as it is; "a rewritten copy of X" is not.
  {
    relation: 'Direct Inclusion/Subset',
    words: 'copy copies',
    before: String.raw`(?<!\b(?:rewritten|translated|paraphrased|rephrased|reworded|edited|modified|localized|localised|restyled|simplified|augmented)\s+)$`,
    asIs: true,
  },
  { relation: 'Direct Inclusion/Subset', words: 'as', then: String.raw`[-\s](?:is|they\s+are|it\s+is)\b`, asIs: true },
  { relation: 'Direct Inclusion/Subset', words: 'only', then: String.raw`\s+the\b` },
];

/** Transformations say what became of the items and outrank the words that say which were taken. */
export const TRANSFORMS: ReadonlySet<Relation> = new Set(['CoT Distillation', 'Synthetic Generation', 'Semantic Evolution']);

/** The paper's order of specificity, for ties. */
export const SPECIFICITY: readonly Relation[] = ['CoT Distillation', 'Synthetic Generation', 'Semantic Evolution', 'Structured Fusion', 'Direct Inclusion/Subset'];
