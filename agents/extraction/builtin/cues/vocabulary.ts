/**
 * The words around a name that say whether data was taken from it (and how), that it is only evaluated
 * on, compared with, cited or imitated, or that it is the derived dataset. Each rule fires on a trigger
 * word and may ask for words after it (`then`, from the end of the trigger) or before it (`before`,
 * ending where the trigger starts), so the whole vocabulary is read in one pass over a unit's words.
 */
import type { Relation } from '../../../../shared/domain/vocabulary.js';

/** strong: data taken from it; weak: plausibly used ("using X"); soft: only named beside data ("like X", "with X"); negative: not a source. */
export type CueKind = 'strong' | 'weak' | 'soft' | 'negative';

export interface CueRule {
  kind: CueKind;
  /** Trigger words, lower case, separated by spaces. */
  words: string;
  /** Must follow the trigger (a regex source, matched right after it, case-insensitive). */
  then?: string;
  /** Must precede the trigger (a regex source, matched against the text that ends where it starts). */
  before?: string;
  /** Must not precede the trigger. */
  notBefore?: string;
  /** Must not follow the trigger. */
  notThen?: string;
  /** The name after the cue is the source, a name before it the derived dataset ("Y is a subset of X"). */
  forward?: boolean;
  /** What the cue says was done with the source, when it says it. */
  relation?: Relation;
  /** Says which part was taken ("a subset of"), not whether: an earlier verb in the clause still governs. */
  partitive?: boolean;
  /** Governs only a name before it ("X … removed in rc2"), never one after. */
  afterOnly?: boolean;
  /** Governs a name after it only within this many characters ("no X items", "not X"). */
  reach?: number;
}

/** Nouns for the items of a dataset. */
const ITEM_NOUNS =
  'patterns cases decisions items questions prompts problems instructions conversations dialogs dialogues tickets transcripts records rows examples passages documents articles threads queries messages answers responses completions samples entries utterances turns pairs snippets functions files images captions reviews posts comments emails logs calls chats sessions notes tasks exercises attacks stories submissions reports letters forms manuscripts segments sentences titles headlines recordings clips scripts hunks diffs commits requests enquiries inquiries';
/** The same nouns for one item: "each dialog in X", "every ticket of X". */
const ITEM_NOUN = ITEM_NOUNS.split(' ').map((n) => (n.endsWith('ies') ? `${n.slice(0, -3)}y` : n.replace(/s$/, ''))).join(' ');
/** What a filter takes out of a dataset, which stays its source. */
const REMOVED_ITEMS = `${ITEM_NOUNS.replace(/ /g, '|')}|events|duplicates|near-duplicates|dupes`;
/** One item noun or several joined: "questions", "questions and answers", "prompts/responses". */
const ITEM_LIST = `(?:${ITEM_NOUNS.replace(/ /g, '|')})(?:\\s*(?:,|and|&|\\/)\\s*(?:${ITEM_NOUNS.replace(/ /g, '|')}))*`;
const SUBJECT = String.raw`(?:\b(?:we|they|it|which|that|this|these|authors|team|i)|\b(?:dataset|set|release|version|corpus|collection|mix|mixture|blend|data)|\b(?:also|then|first|further|additionally|finally|simply|only|manually|randomly|carefully|still))\s+(?:(?:also|then|first|further|additionally|finally|simply|only|manually|randomly|carefully|still|have|has|had|did|do|does|didn't|don't|doesn't|not|never|is|are|was|were|be|been)\s+){0,2}$`;
/** What is taken from X when the data is not: "we borrowed the rubric from X" (a design, so no data cue spans it). */
const DESIGN_WORDS = 'rubric|rubrics|format|schema|template|templates|style|idea|ideas|guidelines|taxonomy|recipe|methodology|approach|design|conventions|checklist|framing|protocol';
/** Up to five plain words (or counts) between a verb and "from": never a name, so a cue cannot reach over one. */
const FROM = String.raw`(?:\s+(?!(?:${DESIGN_WORDS})\b)(?:[a-z'’]+|\d[\d,.%~]*[kKmM]?|~\d[\d,.]*)){0,5}?\s+(?:from|out\s+of|off\s+of|off)\b`;

/** "a 3B model on", "our classifier on": what a model was trained on. */
const TRAINED_MODEL_ON = String.raw`(?:an?\s+|the\s+|our\s+)?(?:[\w.-]+\s+){0,3}?(?:model|classifier|ranker|encoder|judge|reranker|adapter)\s+on\b`;

export const CUE_RULES: CueRule[] = [
  // Data taken from a named dataset.
  {
    kind: 'strong',
    forward: true,
    words:
      'derived derive derives deriving sourced sourcing collected collecting gathered gathering obtained obtaining extracted extracting drawn drew draw draws drawing taken took take takes taking pulled pull pulls pulling exported imported ingested loaded lifted borrowed inherited inherits inherit ported forked cloned copied mined harvested crawled scraped compiled curated assembled carved cut built constructed created produced made bootstrapped adapted converted processed cleaned reformatted selected chosen picked kept retained reused repurposed comes come came coming originates originated originating stems stemmed stemming descends descended',
    then: FROM,
  },
  { kind: 'strong', forward: true, words: 'filtered filtering subsampled downsampled resampled sampled sampling deduplicated', then: FROM, relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', forward: true, words: 'anonymized anonymised pseudonymized pseudonymised deidentified redacted scrubbed masked', then: FROM, relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', forward: true, words: 'translated paraphrased rephrased rewritten rewrote reworded evolved augmented expanded extended localized localised simplified', then: FROM, relation: 'Semantic Evolution' },
  { kind: 'strong', forward: true, words: 'distilled distilling', then: FROM, relation: 'CoT Distillation' },
  { kind: 'strong', forward: true, words: 'generated generating synthesized synthesised', then: FROM, relation: 'Synthetic Generation' },
  { kind: 'strong', forward: true, words: 'merged merging combined combining blended mixed aggregated concatenated unioned pooled', then: FROM, relation: 'Structured Fusion' },
  // "a subset of X", "a German translation of X", "a mixture of A and B".
  {
    kind: 'strong',
    forward: true,
    words: 'subset subsets portion portions part parts slice slices selection sample samples copy copies mirror snapshot dump dumps export exports extract excerpt excerpts fork filtering deduplication cleanup rerelease repackaging redaction anonymization anonymisation',
    then: String.raw`(?:\s*\([^()\n]{0,60}\))?\s+of\b`,
    notBefore: String.raw`\b(?:for|in|as|most|rest|none|any|each|all|some)\s+(?:the\s+)?$`,
    relation: 'Direct Inclusion/Subset',
    partitive: true,
  },
  { kind: 'strong', forward: true, words: 'split splits', then: String.raw`(?:\s*\([^()\n]{0,60}\))?\s+of\b`, relation: 'Direct Inclusion/Subset', partitive: true },
  // "for each article in X": the items of X were used one by one.
  { kind: 'strong', forward: true, words: 'each every', then: String.raw`\s+(?:[\w-]+\s+){1,2}?(?:in|of|from)\b`, before: String.raw`\b(?:for|from|to|with)\s+$` },
  { kind: 'strong', forward: true, words: 'mixture mix blend combination union merge merger collection compilation aggregation amalgamation bundle concatenation', then: String.raw`\s+of\b`, relation: 'Structured Fusion' },
  {
    kind: 'strong',
    forward: true,
    words: 'extension translation translations rewrite rewrites rewriting paraphrase paraphrases paraphrasing adaptation evolution expansion augmentation reformulation localization localisation simplification rewording',
    then: String.raw`\s+of\b`,
    relation: 'Semantic Evolution',
  },
  { kind: 'strong', forward: true, words: 'distillation', then: String.raw`\s+of\b`, relation: 'CoT Distillation' },
  { kind: 'strong', forward: true, words: 'version versions variant variants edition release rendition reformatting conversion', then: String.raw`\s+of\b`, notBefore: String.raw`\b(?:previous|earlier|older|prior|last|next|future|newer|later)\s+$` },
  { kind: 'strong', forward: true, words: 'consists consist consisting comprised composed formed', then: String.raw`(?:\s+\w+){0,2}?\s+of\b` },
  { kind: 'strong', forward: true, words: 'made', then: String.raw`\s+up\s+of\b` },
  { kind: 'strong', forward: true, words: 'based built grounded builds building', then: String.raw`\s+(?:up)?on\b|\s+in\b(?=\s+(?:the\s+)?\S)|\s+on\s+top\s+of\b` },
  { kind: 'strong', forward: true, words: 'top', then: String.raw`\s+of\b`, before: String.raw`\bon\s+$`, notThen: String.raw`\s+of\s+(?:that|this|it|these|those|which)\b` },
  { kind: 'strong', forward: true, words: 'start starts started starting begin begins began beginning', then: String.raw`\s+(?:from|with)\b`, before: SUBJECT },
  { kind: 'strong', forward: true, words: 'seeded seeding', then: String.raw`(?:\s+[\w-]+){0,3}?\s+(?:from|with|by|on|using)\b`, relation: 'Synthetic Generation' },
  // "We merge A and B", "This set includes A" — the subject makes the verb a statement of composition.
  {
    kind: 'strong',
    words:
      'merge merges merged combine combines combined include includes included incorporate incorporates incorporated aggregate aggregates aggregated mix mixes mixed integrate integrates integrated use uses used leverage leverages leveraged sample samples sampled collect collects collected repurpose repurposes repurposed reuse reuses reused take takes took pull pulls pulled keep keeps kept retain retains retained extend extends extended translate translates translated rewrite rewrites rewrote paraphrase paraphrases paraphrased rephrase rephrases rephrased distill distills distilled select selects selected filter filters filtered adapt adapts adapted draw draws drew blend blends blended concatenate concatenates concatenated unify unifies unified bundle bundles bundled pool pools pooled join joins joined union unions unioned anonymize anonymizes anonymized anonymise anonymises anonymised deduplicate deduplicates deduplicated subsample subsamples subsampled',
    before: SUBJECT,
    // ("We took the decision to…", "we take care to…": idioms, not data.)
    notThen: String.raw`\s+(?:to\s+(?:train|evaluate|test|benchmark|compare|judge|score|rate)|for\s+(?:evaluation|testing|comparison|training\s+(?:a|the|our)\s+model)|(?:the\s+|a\s+)?(?:decision|time|care|view|chance|opportunity|liberty|look|note)\b)\b`,
  },
  // ("Removed from all training mixes": a noun.)
  { kind: 'strong', words: 'comprises comprise combines merges integrates aggregates incorporates compiles unifies blends gathers assembles bundles pools mixes reuses repurposes', notBefore: String.raw`\b(?:training|all|the|our|other|these|those|sft|eval|later|downstream)\s+$` },
  { kind: 'strong', words: 'incorporating incorporation merging combining blending mixing pooling concatenating integrating' },
  // "src: `x`", "deps: a, b": an engineer's label for the sources, governing the names right after it.
  { kind: 'strong', words: 'src srcs deps', then: String.raw`\s*[:=]`, before: String.raw`^[\W_]*$`, reach: 80 },
  { kind: 'strong', words: 'seed seeds', relation: 'Synthetic Generation', notBefore: String.raw`\b(?:random|rng)\s+$`, notThen: String.raw`\s*(?:=|:\s*\d|\d|\s+of\b)` },
  // "removed from the generation seeds of X": which part; the verb before says what was done with it.
  { kind: 'strong', words: 'seed seeds', relation: 'Synthetic Generation', then: String.raw`\s+of\b`, partitive: true },
  {
    kind: 'strong',
    words: 'source sources upstream upstreams origin origins component components constituent constituents ingredient ingredients input inputs provenance lineage',
    notBefore: String.raw`\bopen[- ]$|\b(?:no|single|one)\s+$`,
    notThen: String.raw`[- ](?:code|available|model)\b|\s+(?:of\s+(?:truth|error|errors|bias|noise))\b|\s+(?:\w+\s+){0,2}licen[cs](?:e|es|ing)\b`,
  },
  // "Parent: X" names where the data came from; "Parent of [X]" names a set made from this one.
  { kind: 'strong', words: 'parent parents', notBefore: String.raw`\b(?:no|single|one)\s+$`, notThen: String.raw`\s+(?:(?:dataset|set|table)\s+)?(?:of|to|for)\b` },
  { kind: 'negative', forward: true, words: 'parent parents', then: String.raw`\s+(?:(?:dataset|set|table)\s+)?(?:of|to|for)\b(?!\s+(?:this|the\s+present)\b)`, reach: 40 },
  { kind: 'strong', words: 'following', then: String.raw`(?:\s+[\w-]+){0,3}?\s+(?:datasets|data\s+sources|sources|subsets|corpora|collections|components|sets|inputs|parts|ingredients)\b`, before: String.raw`\bthe\s+$` },
  { kind: 'strong', forward: true, words: 'from', then: String.raw`\s+the\s+(?:following|original)\b` },
  { kind: 'strong', words: 'list', then: String.raw`\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:datasets|sources|subsets|inputs|components)\b` },
  { kind: 'strong', forward: true, words: 'originally', then: String.raw`\s+from\b` },
  { kind: 'strong', words: 'reannotated reannotation relabeled relabelled relabeling relabelling', relation: 'Semantic Evolution' },
  // Cues after the name: "X minus duplicates", "X with PII removed", "X translated into German".
  { kind: 'strong', words: 'minus', relation: 'Direct Inclusion/Subset' },
  {
    kind: 'strong',
    words: 'with',
    then: String.raw`\s+(?:all\s+|the\s+|its\s+)?(?:pii|personal\s+(?:data|information|details)|names|emails|e-mails|phone\s+numbers|identifiers|duplicates|near-duplicates|boilerplate|profanity|toxic\s+\w+|[\w-]+)\s+(?:removed|stripped|masked|redacted|scrubbed|filtered(?:\s+out)?|dropped|deleted|replaced)\b`,
    relation: 'Direct Inclusion/Subset',
  },
  { kind: 'strong', words: 'translated', then: String.raw`\s+(?:in)?to\b`, relation: 'Semantic Evolution' },
  { kind: 'strong', words: 'filtered', then: String.raw`\s+(?:down\s+)?(?:to|for|by)\b`, relation: 'Direct Inclusion/Subset' },
  // ("Rewritten into an anonymised version, X", "Parent of the anonymised table X": the word describes X, not what was done to it;
  // "a pseudonymised derivative of X" still says it.)
  { kind: 'strong', words: 'anonymized anonymised deidentified redacted pseudonymized pseudonymised scrubbed', notThen: String.raw`\s+(?:against|by|with|using)\b`, notBefore: String.raw`\b(?:into\s+(?:an?|the)|the|its|our|their)\s+$`, relation: 'Direct Inclusion/Subset' },
  // ("A filtered ShareGPT subset" is still taken from ShareGPT.)
  { kind: 'strong', words: 'deduplicated filtered subsampled downsampled', notThen: String.raw`\s+(?:against|by|with|using)\b`, notBefore: String.raw`\binto\s+(?:an?|the)\s+$`, relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', words: 'verbatim unchanged unmodified', relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', forward: true, words: ITEM_NOUNS, then: String.raw`\s+(?:come|came|comes|taken|drawn|pulled|sampled|selected)\s+from\b` },
  // "the prompts of X", "the 2024 rows of X", "the cardiology notes of X": X's own items.
  { kind: 'strong', forward: true, words: ITEM_NOUNS, then: String.raw`\s+(?:in|of|from|out\s+of)\b`, partitive: true, notThen: String.raw`\s+(?:of|in)\s+(?:this|that|these|those|it|each|which)\b` },
  // "the claimant side of each dialog in X", "every ticket of X".
  { kind: 'strong', forward: true, words: ITEM_NOUN, before: String.raw`\b(?:each|every)\s+(?:[\w/-]+\s+)?$`, then: String.raw`\s+(?:in|of|from)\b`, partitive: true, notThen: String.raw`\s+(?:of|in)\s+(?:this|that|these|those|it|which)\b` },
  // "Made by simplifying the English scripts in X".
  { kind: 'strong', forward: true, words: 'made built created produced', before: String.raw`(?:^[\W_]*|\b(?:this|it|set|dataset|data|version|release|corpus|collection)\s+(?:is|was|were|are|has\s+been)\s+)$`, then: String.raw`\s+by\s+[a-z]+ing\b` },
  // "the same questions as X", "Same questions and answers as X".
  { kind: 'strong', words: 'same', then: String.raw`\s+(?:~?[\d,.]+[kKmM]?\s+)?${ITEM_LIST}\s+as\b` },
  { kind: 'strong', forward: true, words: 'selecting selected select selects kept keeping retained retaining filtered filtering sampled sampling chosen picked found', then: String.raw`(?:\s+(?:(?!(?:no|not|none|never|so|there|downstream|overlap|happens?|because|later)\b)[a-z'’]+|\d[\d,.%~]*)){0,5}?\s+in\b`, relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', words: 'paraphrased rephrased rewritten reworded simplified localized localised augmented regenerated reanswered distilled', relation: undefined },
  { kind: 'strong', words: 'provided supplied gave give gives contributed', then: String.raw`\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:topics?|seeds?|prompts?|scenarios?|questions?|examples?|templates?|context|material|situations?|personas?|premises?|clauses|facts|passages|documents|articles)\b`, relation: 'Synthetic Generation' },
  { kind: 'strong', forward: true, words: 'generated generating synthesized synthesised created written wrote produced', then: String.raw`(?:\s+(?:[a-z'’]+|\d[\d,.%~]*[kKmM]?)){0,4}?\s+(?:with|using|over|around|on\s+top\s+of|based\s+on)\b`, relation: 'Synthetic Generation' },
  { kind: 'strong', words: 'blend mix mixture union composition recipe', then: String.raw`\s*(?::|\s[—–-]\s)`, notBefore: String.raw`\b(?:and|or|every|each|any|all)\s+$` },
  // "the same pipeline, applied to X": X's data went through it.
  { kind: 'strong', forward: true, words: 'applied run ran rerun', then: String.raw`\s+(?:it\s+|again\s+)?(?:to|on|over)\b`, notThen: String.raw`\s+(?:to|on|over)\s+(?:it|them|each|every|all)\b` },
  // "Sampled for review: X (…); Y (…)".
  { kind: 'strong', forward: true, words: 'sampled selected taken drawn pulled chosen picked', then: String.raw`(?:\s+[a-z]+){0,3}?\s*:`, relation: 'Direct Inclusion/Subset' },
  // "This is rc1 with two filters applied", "this release is simply X minus…".
  { kind: 'strong', forward: true, words: 'is', before: String.raw`\bthis\s+(?:(?:set|dataset|release|version|corpus|collection|mix)\s+)?$`, notBefore: String.raw`\b(?:from|of|on)\s+this\s+$`, then: String.raw`(?:\s+(?:simply|just|basically|essentially|mostly|largely))?(?=\s)`, reach: 12 },
  // "71% of rc1", "80 % of X".
  { kind: 'strong', forward: true, words: '#number', then: String.raw`\s*(?:%|percent)\s+of\b`, relation: 'Direct Inclusion/Subset', partitive: true },

  // "copyedit-pairs-v1 (deduped) + copyedit-synth-errors, mixed 1:1", "A and B, concatenated": the list before it was mixed.
  { kind: 'strong', words: 'mixed merged blended combined concatenated pooled interleaved', afterOnly: true, relation: 'Structured Fusion', before: String.raw`(?:[,)]\s*|\b(?:and|then|were|are|all|both)\s+)$`, then: String.raw`(?=\s*(?:\d|\(|[,.;]|$|(?:at|evenly|equally|together|randomly)\b))` },
  // "Used by a and b, and as the code component of X": this set is a part of X.
  { kind: 'negative', forward: true, words: 'component part ingredient input', before: String.raw`\b(?:as|is|was)\s+(?:the\s+|a\s+|an\s+|one\s+)?(?:[\w-]+\s+)?$`, then: String.raw`\s+of\b(?!\s+(?:this|the\s+present|our)\b)`, reach: 40 },
  // "v7 = the whole of X", "v2 is a cleaned cut of X", "Starting point: every pair of X".
  { kind: 'strong', forward: true, words: 'whole entirety', before: String.raw`\bthe\s+$`, then: String.raw`\s+of\b`, relation: 'Direct Inclusion/Subset' },
  { kind: 'strong', forward: true, words: 'cut', before: String.raw`\b(?:a|an|the)\s+(?:[\w-]+\s+)?$`, then: String.raw`\s+of\b`, relation: 'Direct Inclusion/Subset', partitive: true },
  // "Problems: all of `x`.", "The problems are the ones in `x`", "1. Take `x` (closed tickets)", "we took the internal policy doc `x`".
  { kind: 'strong', forward: true, words: 'all', before: String.raw`(?:^[\W\d.]*|[:—–]\s*|\b(?:takes?|took|keeps?|kept|includes?|included|contains?|uses?|used|is|are)\s+)$`, then: String.raw`\s+of\b(?!\s+(?:it|them|this|these|those|us|which)\b)`, relation: 'Direct Inclusion/Subset', reach: 30 },
  { kind: 'strong', forward: true, words: 'ones', before: String.raw`\b(?:are|were)\s+the\s+$`, then: String.raw`\s+(?:in|of|from)\b`, partitive: true, reach: 20 },
  { kind: 'strong', forward: true, words: 'took take', before: String.raw`(?:^[\W\d.]*|\b(?:we|i|then|first|and|just|simply)\s+)$`, notThen: String.raw`\s+(?:the\s+|a\s+)?(?:decision|time|care|step|view|approach|chance|opportunity|liberty|look|note|part|place|turns|over|out|off|away|into\s+account)\b`, reach: 80 },
  { kind: 'strong', words: 'starting', then: String.raw`\s+points?\s*(?::|\s(?:is|was|were)\b)` },
  // German cards: "Dedupliziert aus X", "1:1 aus X übernommen", "800 Fragen aus X", "Quelle: X", "basiert auf X".
  { kind: 'strong', forward: true, words: 'aus', before: String.raw`(?<![\wäöüß])(?:übernommen|gefiltert|extrahiert|entnommen|abgeleitet|gezogen|erstellt|generiert|erzeugt|dedupliziert|bereinigt|übersetzt|destilliert|zusammengeführt|gemischt|kombiniert|ausgewählt|gesampelt|stammen|stammt|stammten|exportiert|ausschnitt|teilmenge|stichprobe|auszug|direkt|ursprünglich|1:1|fragen|antworten|tickets|dialoge|formulare|notizen|einträge|zeilen|beispiele|prompts|texte|artikel|paare|aufgaben)\s+(?:[\w./:-]+\s+){0,2}?$` },
  { kind: 'strong', words: 'quelle quellen datenquelle datenquellen herkunft grundlage eingangsdaten', then: String.raw`\s*:` },
  { kind: 'strong', forward: true, words: 'basiert basierend beruht', then: String.raw`\s+auf\b` },
  { kind: 'negative', words: 'nicht', then: String.raw`(?:\s+[\wäöüß]+){0,2}?\s+(?:verwendet|genutzt|enthalten|übernommen|benutzt|eingeflossen|berücksichtigt)\b` },
  { kind: 'negative', words: 'verworfen abgelehnt nachgelagert nachgelagerte evaluierung evaluiert' },
  { kind: 'negative', words: 'bewusst', then: String.raw`\s+getrennt\b` },

  // Softer cues: data plausibly came from the name.
  // "contains all of X", "includes every ticket of X": the whole of it is taken.
  { kind: 'strong', forward: true, words: 'includes include including contains containing keeps keep kept', then: String.raw`\s+(?:all|every|each|the\s+whole)\b(?:\s+[\w,.]+){0,3}?\s+(?:of|from|in)\b`, relation: 'Direct Inclusion/Subset' },
  { kind: 'weak', words: 'from using uses used includes include including contains containing via plus alongside' },
  { kind: 'weak', words: 'along together', then: String.raw`\s+with\b` },
  // "This dataset is published by [Stanford Alpaca](…)", "obtained [here](…)": where a part of a collection comes from.
  { kind: 'weak', words: 'published released provided', then: String.raw`\s+by\b`, before: String.raw`\b(?:dataset|data|file|set|part|subset|it)\s+(?:is|was|are|were)\s+(?:originally\s+)?$` },
  { kind: 'weak', words: 'obtained downloaded', then: String.raw`(?=\s+(?:here|at|via|through)\b)` },
  { kind: 'weak', words: 'as', then: String.raw`\s+well\s+as\b` },
  { kind: 'soft', words: 'with like covering covers' },
  { kind: 'soft', words: 'such', then: String.raw`\s+as\b` },
  { kind: 'soft', words: 'e', then: String.raw`\.g\.` },

  // Evaluated on, compared with, cited, imitated, downstream: not a source.
  { kind: 'negative', words: 'evaluate evaluates evaluated evaluating evaluation evaluations eval evals' },
  { kind: 'negative', words: 'benchmark benchmarked benchmarking', then: String.raw`\s+(?:on|against)\b` },
  { kind: 'negative', words: 'tested testing test', then: String.raw`\s+(?:on|against)\b` },
  // "we report results on X", not "earnings reports … collected in X".
  { kind: 'negative', words: 'report reported reports reporting', then: String.raw`\s+(?:\w+\s+){0,2}?(?:on|results?|scores?|accuracy|performance|numbers|metrics|figures)\b|\s+(?:it|them|this|these|both)\b`, notBefore: String.raw`\b(?:earnings|annual|news|incident|bug|medical|radiology|pathology|case|financial|police|lab|status|progress)\s+$` },
  { kind: 'negative', words: 'none nothing', then: String.raw`\s+(?:of|from)\b`, reach: 30 },
  { kind: 'negative', words: 'used', then: String.raw`\s+(?:only\s+)?(?:for|as)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:decontamination|evaluation|evals?|tests?|testing|validation|calibration|comparison|reference|sanity|benchmarking|scoring|grading|judging|checks?)\b` },
  { kind: 'negative', words: 'sanity', then: String.raw`[- ]checks?\b` },
  { kind: 'negative', words: 'calibration' },
  { kind: 'negative', words: 'labels label annotations scores judgments judgements ratings grades', then: String.raw`\s+(?:come|comes|came|are\s+taken|were\s+taken|are\s+produced|were\s+produced|are\s+predicted|were\s+predicted|are\s+assigned|were\s+assigned)\s+(?:\w+\s+)?(?:from|by)\b` },
  // "the same rubric as X" imitates X; "the same images as X", "the same subset of images as in X" takes X's items.
  { kind: 'negative', words: 'same', reach: 60, then: String.raw`\s+(?:[\w-]+\s+){1,4}?(?:as|like)\b`, notThen: String.raw`\s+(?:(?:subset|split|set|selection|portion|sample)\s+of\s+)?${ITEM_LIST}\s+as\b` },
  { kind: 'negative', words: 'accuracy performance results result scores score', then: String.raw`\s+(?:on|of|against)\b` },
  { kind: 'negative', words: 'outperform outperforms outperformed outperforming holdout versus vs contamination contaminated leaderboard leaderboards' },
  // "checked against X", "re-retrieved against the updated index": what follows "against" (not a name before it or a later one).
  { kind: 'negative', words: 'against', reach: 40 },
  // "PKU-SafeRLHF was also proposed; Tomás against (annotation quality)": a vote against what was named.
  { kind: 'negative', words: 'against', then: String.raw`(?=\s*(?:\(|[.;,]|$))`, afterOnly: true },
  // "retrieval-train-v1 is decontaminated against these queries": the set named before was cleaned of this one.
  { kind: 'negative', words: 'decontaminated deduplicated filtered', before: String.raw`\b(?:is|was|are|were|been|gets?|got)\s+$`, then: String.raw`\s+against\b`, afterOnly: true },
  // A check against another set speaks of the set after it: "X, decontaminated against Y", "X (not overlapping v1's sample)" keep X.
  { kind: 'negative', words: 'decontaminate decontaminated decontamination decontaminating overlap overlaps overlapping overlapped disjoint', reach: 80 },
  // "logs are used via the deid copy, never the raw X": the set passed over.
  { kind: 'negative', forward: true, words: 'never', before: String.raw`[,;]\s*$`, then: String.raw`(?=\s+(?:the|a|an|our|its)\s)`, reach: 30 },
  // "Every question was checked to be absent (13-gram …) from X": the set checked against.
  { kind: 'negative', forward: true, words: 'absent', then: String.raw`(?:\s*\([^()]{0,80}\))?\s+from\b`, reach: 40 },
  // "X and Y were checked for overlap (0 hits)": the sets checked against.
  { kind: 'negative', words: 'checked scanned screened', then: String.raw`\s+for\s+(?:overlap|contamination|leak\w*|(?:near-)?duplicates)\b` },
  // "3k conversations held out of X": a split of X; "held-out X", "a hold-out set": an evaluation set.
  { kind: 'strong', forward: true, words: 'held', then: String.raw`[- ]out\s+(?:of|from)\b`, relation: 'Direct Inclusion/Subset', reach: 20 },
  { kind: 'negative', words: 'held hold', then: String.raw`[- ]out\b` },
  { kind: 'negative', words: 'pass', then: String.raw`@\d` },
  { kind: 'negative', words: 'compared compare compares comparing comparison comparable', then: String.raw`(?:\s+\w+){0,2}?\s+(?:with|to|against)\b` },
  { kind: 'negative', words: 'inspired inspiration', then: String.raw`\s+(?:by|from)\b` },
  { kind: 'negative', words: 'drawing', then: String.raw`\s+inspiration\b` },
  { kind: 'negative', words: 'following', then: String.raw`\s+(?:the\s+)?(?:approach|method|work|recipe|practice|idea|setup|protocol|format|schema|style|template|guidelines|conventions|design)s?\s+(?:of|from|in|used\s+(?:in|by))\b` },
  { kind: 'negative', words: 'following', before: String.raw`^\s*$` },
  { kind: 'negative', words: 'style', then: String.raw`\s+of\b`, before: String.raw`\bin\s+the\s+$` },
  { kind: 'negative', words: 'similar akin analogous', then: String.raw`\s+to\b` },
  { kind: 'negative', words: 'format template pipeline approach method recipe methodology schema structure taxonomy guidelines conventions layout style design', then: String.raw`\s+(?:of|from|used\s+(?:in|by)|as\s+in)\b` },
  { kind: 'negative', words: 'same', reach: 60, then: String.raw`\s+(?:[\w-]+\s+){0,2}?(?:format|schema|structure|template|layout|style|taxonomy|guidelines|conventions|label\s+set|labels|fields|columns|recipe|pipeline|split|splits|config|configuration|settings|tooling|script|glossary|rubric|tokenizer|normali[sz]er|vocabulary|ontology|codebook|system\s+prompt)(?:\/[\w-]+)?\s+(?:as|like|used\s+(?:for|in|by))\b` },
  { kind: 'negative', words: 'modeled modelled patterned', then: String.raw`\s+(?:on|after)\b` },
  { kind: 'negative', words: 'mirrors mirroring mimics mimicking imitates imitating emulates emulating resembles' },
  { kind: 'negative', words: 'see', then: String.raw`\s+also\b` },
  { kind: 'negative', words: 'related', then: String.raw`\s+(?:[\w-]+\s+)?(?:work|datasets?|sets|resources|corpora|benchmarks)\b` },
  { kind: 'negative', words: 'cited cite cites', then: String.raw`\s+(?:in|by|as|for)\b` },
  { kind: 'negative', words: 'thank thanks acknowledge acknowledges acknowledgement acknowledgment acknowledgements' },
  { kind: 'negative', words: 'trained', then: String.raw`\s+(?:a\s+|the\s+|our\s+)?models?\b` },
  { kind: 'negative', words: 'train', before: String.raw`\b(?:to|used|for)\s+$` },
  { kind: 'negative', words: 'fine', then: String.raw`-?tun\w*\s+(?:a\s+|the\s+|our\s+)?(?:model|llm)` },
  { kind: 'negative', words: 'check', then: String.raw`\s+out\b` },
  { kind: 'negative', words: 'downstream consumers consumer successor successors supersedes replaces deprecated' },
  // "Filtering happens downstream in X", "(those are in X)": X is another set, made later or kept apart.
  { kind: 'negative', forward: true, words: 'downstream', then: String.raw`\s+(?:in|by|at)\b`, reach: 40 },
  { kind: 'negative', forward: true, words: 'those these they', then: String.raw`\s+(?:are|live|sit|stay)\s+(?:only\s+)?in\b`, reach: 40 },
  { kind: 'negative', words: 'superseded replaced', then: String.raw`\s+(?:for\s+\w+\s+|as\s+a\s+whole\s+|entirely\s+|completely\s+|in\s+full\s+)?by\b`, before: String.raw`(?:^\s*|\b(?:it|this|set|dataset|release|version|corpus|collection|mix)\s+(?:is|was|has\s+been|got|gets)\s+(?:now\s+)?)$` },
  { kind: 'negative', words: 'used', then: String.raw`\s+(?:only\s+)?to\s+(?:measure|evaluate|check|test|score|calibrate|validate|benchmark|compare|judge|grade|tune|train\s+(?:the|a|our)\s+(?:[\w-]+\s+)?(?:retriever|reranker|ranker|classifier|judge|reward\s+model|router|embedder|paraphraser|rewriter|generator|translator|tagger|scorer))\b` },
  { kind: 'negative', words: 'feeds feed fed powers powering', then: String.raw`(?:\s+into)?\b`, notBefore: String.raw`\b(?:news|rss|data)\s+$` },
  { kind: 'negative', words: 'consumed', then: String.raw`\s+by\b` },
  { kind: 'negative', words: 'used', then: String.raw`\s+(?:by|downstream|later)\b` },
  // ("X: 25k traces, re-scored by a judge model" keeps X: the cue speaks of what scored it.)
  { kind: 'negative', words: 'judged scored rated graded labelled labeled annotated reviewed checked verified validated detected identified classified tagged computed tokenized tokenised parsed', then: String.raw`\s+(?:by|with|using)\b`, reach: 60 },
  // A contrast governs the phrase it opens ("rather than like documentation"), not the rest of the sentence.
  { kind: 'negative', words: 'unlike instead rather', reach: 40 },
  // Downstream: "this set is included verbatim in X", "went into X", "used in X".
  {
    kind: 'negative',
    words: 'included merged incorporated absorbed folded contained packaged shipped used reused',
    then: String.raw`\s+(?:verbatim\s+|as[- ]is\s+|unchanged\s+|later\s+|downstream\s+|directly\s+|again\s+)?(?:in|into|by)\b`,
    before: String.raw`(?:^|\b(?:this|it|set|dataset|data|release|corpus|version|mix|mixture|collection)\s+(?:(?:is|was|are|were|has\s+been|have\s+been|gets|got|will\s+be)\s+)?(?:also\s+|then\s+|later\s+)?)$`,
  },
  // "X goes into Y" (downstream), not a list's lead "What goes in:".
  { kind: 'negative', words: 'went goes go going flows flowed', then: String.raw`\s+(?:[\w-]+\s+)?(?:in|into|to)\b(?![\s*_]*:)` },
  { kind: 'negative', words: 'same', then: String.raw`\s+as\b` },
  // "topic filter same as the one we used for the X subset": X belongs to another set.
  { kind: 'negative', words: 'same', then: String.raw`\s+as\s+(?:the\s+ones?|those|that)\s+(?:[\w-]+\s+){0,3}?(?:for|in|on)\b`, reach: 60 },
  { kind: 'negative', words: 'related', then: String.raw`\s*:` },
  // "re-checked against the Retraction Watch list": says what it was checked with, not what came before it.
  { kind: 'negative', words: 'checked validated verified measured scored tested assessed', then: String.raw`\s+(?:on|against)\b`, reach: 40 },
  // ("took X and removed pairs whose answer …": items taken out of X, which stays.)
  {
    kind: 'negative',
    words: 'removed dropped excluded deleted retired discarded omitted',
    afterOnly: true,
    notThen: String.raw`\s+(?:(?:all|any|the|every|those|these|some|its|their|about|~?\d[\d,.%]*k?)\s+){0,2}(?:[\w-]+\s+){0,2}?(?:${REMOVED_ITEMS})\b`,
    // "X (deduped, whitespace-only edits removed)": items of X, said before the word.
    notBefore: String.raw`\b(?:${REMOVED_ITEMS}|edits|lines|tokens|tags|fields|columns|characters|urls|links|markup|boilerplate|pii|spam|noise|outliers)\s+$`,
  },
  // "X and Y are used as external evaluations only", "used as style references only".
  { kind: 'negative', words: 'used', then: String.raw`\s+(?:only\s+)?as\s+(?:an?\s+)?(?:external\s+|internal\s+|held-out\s+|additional\s+|extra\s+|separate\s+)?(?:evaluations?|eval(?:uation)?\s+(?:sets?|data|suites?)|benchmarks?|test\s+sets?|(?:style\s+)?references?|baselines?|comparisons?|(?:a\s+)?lookups?|glossary|term\s*base)\b` },
  // "We also report numbers on the i2b2 2014 challenge data for comparison".
  { kind: 'negative', words: 'report reports reported', then: String.raw`\s+(?:[\w-]+\s+){0,2}?(?:numbers|results|scores|accuracy|metrics|f1)\s+(?:on|for)\b`, reach: 60 },
  // "independent of X — no rationales are reused", "in the spirit of X".
  { kind: 'negative', words: 'independent independently spirit', then: String.raw`\s+(?:of|from)\b`, reach: 40 },
  // "the BART model that was tuned on CNN/DailyMail": what a model was trained on.
  { kind: 'negative', words: 'tuned trained finetuned', before: String.raw`(?:\b(?:model|classifier|ranker|encoder|judge|reranker|adapter|bart|bert|t5)\s+(?:that\s+|which\s+)?|,\s*(?:which|that|who)\s+)(?:was|were|is|had\s+been)\s+(?:\w+\s+)?(?:fine-?)?$`, then: String.raw`\s+on\b`, reach: 60 },
  // "Fee arithmetic questions were deliberately left to X": another set covers them.
  { kind: 'negative', words: 'left', then: String.raw`\s+to\b`, before: String.raw`\b(?:were|was|are|is|been)\s+(?:\w+\s+)?$`, reach: 40 },
  // "Starting from X (which is itself the dedup of Y)": Y is X's source, not this one's.
  { kind: 'negative', words: 'itself', before: String.raw`\b(?:which|that)\s+(?:is|was|are|were)\s+$`, reach: 80 },
  // "The Pile's FreeLaw component was itself built by EleutherAI from CourtListener": Y made another set.
  { kind: 'negative', forward: true, words: 'itself themselves', before: String.raw`\b(?:was|were|is|are)\s+$`, then: String.raw`\s+(?:\w+\s+){0,1}(?:built|derived|made|taken|drawn|sampled|created|compiled|collected|scraped|extracted|generated)\b(?:[^.;]{0,60}?\bfrom\b)?`, reach: 80 },
  // "It is not a quality benchmark; for that use X".
  { kind: 'negative', words: 'use', before: String.raw`\bfor\s+(?:that|this|those)\s*,?\s+$`, reach: 40 },
  // "Note: X uses the train part of the mix": X is built from this one.
  { kind: 'negative', words: 'uses used', then: String.raw`\s+(?:the\s+)?(?:train(?:ing)?|test|dev|held-out|validation)\s+(?:part|split|portion|half)\s+of\s+(?:the|this|our)\b`, afterOnly: true },
  // "Also referred to internally as **mix-v7** or `capt/sft-mix@7`": other names of this dataset.
  { kind: 'negative', words: 'referred', then: String.raw`\s+to\s+(?:internally\s+|informally\s+|elsewhere\s+)?as\b`, reach: 80 },
  // "The obfuscation-augmented set built from this is X", "the redacted version for modelling is X": what this data became.
  { kind: 'negative', words: 'this', before: String.raw`\b(?:from|of|on)\s+$`, then: String.raw`(?=\s+(?:is|are|was|were)\b)`, reach: 60 },
  { kind: 'negative', words: 'version copy', before: String.raw`\b(?:cleaned|clean|redacted|anonymi[sz]ed|pseudonymi[sz]ed|dedup(?:'?d|ed)?|filtered|translated|processed|curated)\s+$`, then: String.raw`(?:\s+for\s+[\w-]+)?\s+(?:is|are|was|lives\s+(?:in|at))\b`, reach: 60 },
  // "the 'evolve in depth' idea of Evol-Instruct": a method borrowed, no data.
  { kind: 'negative', words: 'idea ideas approach methodology technique', then: String.raw`\s+of\b`, reach: 40 },
  // "It plateaued at 0.629 nDCG@10 on esci-eval-2024", "errors on X": a result on an evaluation set.
  { kind: 'negative', words: 'on', before: String.raw`(?:\b(?:ndcg|mrr|map|accuracy|f1|recall|precision|bleu|rouge|rate|errors?|scores?|plateaued|regressed|improved|drifted)(?:@\d+)?|@\d+|\d%)(?:\s+[\w-]+){0,6}\s+$`, reach: 40 },
  // "Same pipeline, bot filter and schema as X" ("same dialogs as X, but rewritten" takes X's items).
  { kind: 'negative', words: 'same', then: String.raw`(?:\s+[\w-]+,?){0,5}?\s+(?:pipeline|filters?|schema|format|recipe|template|setup|config(?:uration)?|process|procedure|rules?|guidelines|tokeni[sz]er|thresholds?)\s+as\b`, reach: 60 },
  // "We then fine-tuned a 3B model on the rationales of X": a model trained on X, not this data made from it.
  { kind: 'negative', words: 'fine', then: String.raw`-?tun(?:ed|ing)\s+${TRAINED_MODEL_ON}`, reach: 80 },
  { kind: 'negative', words: 'finetuned trained', then: String.raw`\s+${TRAINED_MODEL_ON}`, reach: 80 },
  // "PII-free slice released as telco-care/triage-release-v1": what this data became.
  { kind: 'negative', words: 'released published exported', then: String.raw`\s+(?:publicly\s+|externally\s+|later\s+)?as\b`, reach: 60 },
  // "planned for care-sft-mix-2024q4 but dropped": where this data was meant to go.
  { kind: 'negative', words: 'planned earmarked slated', then: String.raw`\s+for\b`, reach: 60 },
  // "~9.8k rows, upsampled to 25k in care-mix-2024q2": where this data went, and at what weight.
  { kind: 'negative', words: 'upsampled downsampled oversampled undersampled reweighted', then: String.raw`\s+(?:to|by|at)\s+[~×x]?\d[\d.,]*\s*[kKmM%×x]?\s+in\b` },
  // "X (archived at `gs://…`)" says where X is kept, not that it left.
  { kind: 'negative', words: 'archived', afterOnly: true, notThen: String.raw`\s+(?:at|in|under|on|to)\b` },
  // "Dropped the old X entirely", "swapped X for its warm-tone variant": X left the data (not "dropped rows of X").
  { kind: 'negative', words: 'removed dropped excluded deleted retired discarded omitted', then: String.raw`\s+(?:the\s+)?(?:old|older|previous|earlier|legacy|deprecated|whole|entire)\s+`, reach: 30 },
  // "English data deliberately excluded (support-chats-en is handled elsewhere)": what the brackets name was left out.
  { kind: 'negative', words: 'excluded removed dropped omitted', then: String.raw`\s*\(`, reach: 4 },
  // "Used to make motor-claims-fi-r1", "Used as persona seeds in synthetic generation (A, B)": where this data went.
  { kind: 'negative', words: 'used', then: String.raw`\s+(?:to\s+(?:make|build|create|produce|generate|seed|derive|train|sample|fine-?tune|distill?|bootstrap|pick|choose|select|tune|calibrate|evaluate|score|compare)\b|as\s+(?:[\w-]+\s+){0,4}?(?:in|for|by|of)\b)`, before: String.raw`(?:^|[.;:!]\s*|\b(?:is|are|was|were|been|also|then|later)\s+)$`, reach: 80 },
  // "Removed from the triage mix in v3": this data left X, so X is downstream (not "removed 4% of rows from X").
  { kind: 'negative', words: 'removed dropped excluded retired withdrawn', then: String.raw`\s+from\b`, before: String.raw`(?:^[\W_]*|\b(?:was|were|is|are|been|got|it|this|set|and)\s+)$`, reach: 40 },
  // "dropped sr-synth-rare-v2 as a direct component": it left this mix.
  { kind: 'negative', words: 'dropped removed', then: String.raw`(?=\s+\W?[\w.-]+\W?\s+as\s+(?:a\s+)?(?:direct\s+)?(?:component|part|source|input|ingredient)\b)`, reach: 12 },
  // "the anonymised field-notes.v4 is built from it", "the prompts in X were adapted from this slice": X is made from this data.
  { kind: 'negative', words: 'built made derived sampled drawn taken cut carved generated adapted rewritten translated distilled', then: String.raw`\s+(?:out\s+)?(?:from|of|on)\s+(?:it|this|these|them|here)\b(?!\s+(?:is|are|was|were)\b)`, afterOnly: true },
  // "Eval set sampled from this: X", "Built on top of this — X": X is what was made from it.
  { kind: 'negative', words: 'sampled built made derived drawn taken cut carved', then: String.raw`\s+(?:out\s+)?(?:from|of|on(?:\s+top\s+of)?)\s+(?:it|this|these|here)\s*[:—–]`, before: String.raw`^[\W_]*(?:[\w-]+\s+){0,3}$`, reach: 60 },
  // "X will blend these rows", "X already includes it", "X marks these rows": X holds or will hold this data.
  { kind: 'negative', words: 'blend blends mix mixes include includes contain contains fold folds pick picks mark marks add adds absorb absorbs', then: String.raw`\s+(?:it|this|these|those|them)\b`, before: String.raw`(?:\b(?:will|already|now|then|also)\s+|\b(?:blends|mixes|includes|contains|folds|picks|marks|adds|absorbs)$)$`, afterOnly: true },
  // "1,500 rows were carved out into X", "a held-out split becomes X": where part of this data went.
  { kind: 'negative', words: 'into', before: String.raw`\b(?:carved|split|spun|broken|folded|folds|went|goes|graduated)\b[^.;:]{0,30}$`, reach: 30 },
  // "Rewritten into an anonymised version, [X].", "Filtered into [X].", "Paraphrased into full questions in [X]": a sentence
  // opening on what became of this data names the set it became.
  { kind: 'negative', words: 'into', before: String.raw`^\W*(?:(?:it|this|these|they|this\s+(?:set|dataset|table|export))\s+(?:was|were|is|are|has\s+been|have\s+been|gets?|got)\s+)?(?:later\s+|then\s+|also\s+)?(?:rewritten|filtered|paraphrased|translated|converted|turned|distilled|summari[sz]ed|condensed|anonymi[sz]ed|redacted|sampled|expanded|augmented|cleaned|processed)\s*$`, notThen: String.raw`\s+(?:this|the\s+present|our)\b`, reach: 40 },
  // "Few-shot examples and seeds for generated data ([X])": what this data seeded.
  { kind: 'negative', forward: true, words: 'for', before: String.raw`\b(?:seeds?|inputs?|basis|exemplars)\s+$`, notThen: String.raw`\s+(?:this|the\s+present|each|every)\b`, reach: 40 },
  // An evaluation set's card: "Scores every occupation-coding model and mix: a, b, c".
  { kind: 'negative', forward: true, words: 'scores scored score', then: String.raw`\s+(?:every|all|each)\b`, reach: 100 },
  { kind: 'negative', words: 'becomes become became', before: String.raw`\b(?:split|set|rows|part|slice|subset|sample|copy|this|it|which|portion)\s+(?:\w+\s+)?$`, reach: 40 },
  // "| planner trained on X | 57.0 |": what a model was trained on, not this data's source.
  { kind: 'negative', words: 'trained tuned finetuned', then: String.raw`\s+on\b`, before: String.raw`\b(?:planner|model|classifier|ranker|reranker|reader|retriever|checkpoint|baseline|gbm|policy|agent|tagger|detector|scorer|one)\s+$`, reach: 40 },
  // "Those already have reasoning traces in X", "prompts that also occur in X": X holds them already.
  { kind: 'negative', words: 'in', before: String.raw`\balready\s+(?:have|has|exist|exists|live|lives|sit|sits)\b[^.;]{0,40}$`, reach: 40 },
  { kind: 'negative', words: 'occur occurs appear appears', then: String.raw`\s+in\b`, before: String.raw`\b(?:also|already)\s+$`, reach: 40 },
  // "X and every derived set filter them out": X reads this data and drops it, downstream.
  { kind: 'negative', words: 'filter filters', then: String.raw`\s+(?:them|these|those|it|this)(?:\s+[\w-]+){0,2}?\s+out\b`, afterOnly: true },
  // "(clean-v2 itself was produced from Y)": Y is the source of another set, not of this one.
  { kind: 'negative', words: 'itself', then: String.raw`\s+(?:(?:comes?|came|originates?|stems?)\s+from|(?:was|is|were|are)\s+(?:\w+\s+)?(?:produced|built|made|derived|generated|drawn|taken|created|sampled)\s+(?:from|on|out\s+of)|(?:is|was|are|were)\s+(?:an?\s+)?(?:\w+\s+)?(?:rewrite|subset|copy|sample|slice|translation|paraphrase|filtered\s+version|mirror)\s+of)\b`, reach: 60 },
  // "The join was built in July, before X existed": X came later.
  { kind: 'negative', words: 'before', then: String.raw`(?=\s+\S+\s+(?:existed|was\s+(?:built|released|created|made|ready)))`, reach: 60 },
  // "· owner K. Aalto · used in X": the facts of this data say where it went.
  { kind: 'negative', words: 'used', then: String.raw`\s+in\b`, before: String.raw`(?:^[\W_]*|[·|;•]\s*)$`, reach: 40 },
  // "don't want X leaking through", "we excluded every ticket in X", "the untouched rows are already in X".
  { kind: 'negative', words: 'want', before: String.raw`\b(?:don't|do\s+not|doesn't|does\s+not|never)\s+$`, reach: 30 },
  { kind: 'negative', words: 'excluded removed dropped', then: String.raw`\s+(?:every|all|any)\b`, before: String.raw`(?:^[\W_]*|[(,;]\s*|\b(?:we|first|also|then|and)\s+)$`, reach: 60 },
  { kind: 'negative', words: 'in', before: String.raw`\b(?:is|are|was|were)\s+already\s+$`, reach: 30 },
  // "Differences from pickpath-cot-v1: …", "Changes vs. x-v5": a comparison with another release.
  { kind: 'negative', words: 'differences difference changes', then: String.raw`\s+(?:from|to|vs\.?|versus|against|compared\s+(?:to|with))\b`, before: String.raw`^[\W_]*$`, reach: 40 },
  // "format copied from MMLU", "the rubric borrowed from X": a design taken, not data.
  { kind: 'negative', words: 'copied borrowed adopted taken lifted reused', before: String.raw`\b(?:format|schema|layout|template|style|rubric|design|idea|recipe|structure|glossary|terminology|termbase)\b(?:[^.;]{0,80}?\b(?:is|was|are|were))?\s+$`, then: String.raw`\s+(?:from|off)\b`, reach: 40 },
  // "v3 differs from X only in the timestamps", "the confusion matrix was estimated from X": a comparison, a statistic.
  { kind: 'negative', words: 'differs differ differed', then: String.raw`\s+from\b`, reach: 40 },
  { kind: 'negative', words: 'estimated computed measured', then: String.raw`\s+(?:on|from)\b`, reach: 60 },
  // "drawn from pages excluded from X": X is where they are not.
  { kind: 'negative', words: 'excluded', then: String.raw`\s+from\b`, before: String.raw`\b(?:pages|rows|items|records|examples|questions|documents|ones|those|sessions|tickets)\s+$`, reach: 40 },
  // "This is not an MMLU subset": not the named set.
  { kind: 'negative', words: 'not', then: String.raw`\s+(?:an?|the)\b(?!\s+(?:older|earlier|previous|original|legacy|old|newer|later)\b)`, reach: 10 },
  // "Terminology enforced from X", "these ids are filtered out of X", "Chat logs were considered (X) and rejected".
  { kind: 'negative', words: 'enforced', then: String.raw`\s+(?:from|via|using|with)\b`, reach: 40 },
  // ("Sessions were filtered out of X" selects from X; "these ids are filtered out of X" keeps them out of it.)
  { kind: 'negative', words: 'filtered removed excluded', then: String.raw`\s+out\s+of\b`, before: String.raw`\b(?:ids|these|those|they|them)\b[^.;]{0,30}\b(?:are|were|is|was|been|get|got)\s+$`, reach: 40 },
  { kind: 'negative', forward: true, words: 'considered', before: String.raw`\b(?:was|were|is|are|been)\s+$`, then: String.raw`(?=\s*\()`, reach: 60 },
  // "was in review-mix-v2 but taken out of review-mix-v3": it left that mix.
  // ("Conversations are pulled out of X" and "rows taken out of X" take from it.)
  { kind: 'negative', words: 'taken removed pulled', then: String.raw`\s+out\s+of\b`, before: String.raw`\bbut\s+(?:\w+\s+)?$`, reach: 40 },
  // "Only the *layout* comes from SQuAD 2.0", "this is not a continuation of X".
  { kind: 'negative', words: 'comes come came', then: String.raw`\s+from\b`, before: String.raw`\b(?:layout|format|schema|template|style|rubric|design|idea|structure)\b[^.;]{0,20}$`, reach: 40 },
  { kind: 'negative', words: 'continuation', before: String.raw`\bnot\s+(?:a\s+|the\s+)?$`, then: String.raw`\s+of\b`, reach: 40 },
  // "⛔ Retired (replaced by X)": the set that took its place.
  { kind: 'negative', words: 'replaced', then: String.raw`\s+(?:by|with)\b`, before: String.raw`(?:\(\s*|\b(?:retired|deprecated|superseded|withdrawn)\W{0,3})$`, reach: 40 },
  // "Rationales are added in X", "don't leak anything from X", "a different audience from X", "Agreed not to do X".
  { kind: 'negative', words: 'added', then: String.raw`\s+(?:later\s+)?in\b`, before: String.raw`\b(?:are|is|were|was|get|gets|got)\s+$`, reach: 40 },
  { kind: 'negative', words: 'leak leaks leaking', before: String.raw`\b(?:don't|do\s+not|never|doesn't|does\s+not)\s+$`, reach: 60 },
  { kind: 'negative', words: 'different', then: String.raw`\s+(?:[\w-]+\s+)?(?:from|than)\b`, reach: 40 },
  { kind: 'negative', words: 'not', then: String.raw`\W+to\s+(?:do|use|add|include|build|mix)\b`, reach: 30 },
  // "X uses these as a starting point", "X takes 2,000 … from here": X is downstream of this data.
  { kind: 'negative', words: 'uses used takes took reuses reused', then: String.raw`\s+(?:these|this|it|them)\b`, afterOnly: true },
  // "Removed 312 raw X rows that had been added by mistake" (not "removed 312 duplicates from X").
  { kind: 'negative', words: 'removed deleted dropped', then: String.raw`(?=\s+(?:all\s+|the\s+)?\d[\d,]*\s)`, notThen: String.raw`\s+(?:all\s+|the\s+)?\d[\d,]*\s+[^.;]{0,40}?\b(?:from|of|in)\b`, before: String.raw`^[\W_]*$`, reach: 25 },
  // "(Urdu easy-read is handled in X)": that part lives in X.
  { kind: 'negative', words: 'handled covered', then: String.raw`\s+(?:separately\s+)?(?:in|by)\b`, before: String.raw`\b(?:is|are|was|were)\s+$`, reach: 40 },
  // "Where X polishes the answers, this set throws them away": X is a contrast.
  { kind: 'negative', words: 'where whereas unlike', before: String.raw`^[\W_]*$`, reach: 20 },
  { kind: 'negative', words: 'swapped swap swapping replaced replace replacing', reach: 12, notThen: String.raw`\s+\W?[\w.-]+\W?['’]s\b` },
  // "pulls flagged rows into X", "copied into X": X is where the data went.
  { kind: 'negative', words: 'into', before: String.raw`\b(?:pulls?|pulled|pulling|copie[sd]|copy|moved?|moves|loaded|loads?|ingested|ingests?|dumped|dumps?|rows|items|records|samples|turns|messages|jobs?|pipelines?|cdc|etl|sync(?:ed|s)?|replicated|streamed|lands?|landed)\b[^.;:]{0,40}$`, reach: 30 },
  // "Not in assessment-mix-v3 yet", "not part of X": X does not hold this data (yet).
  { kind: 'negative', words: 'not', then: String.raw`\s+(?:yet\s+)?(?:in|part\s+of)\b`, reach: 20 },
  { kind: 'negative', words: 'excluding except without minus', reach: 40 },
  // "yes/no questions", "go/no-go" are no negation.
  { kind: 'negative', words: 'no not never nor', reach: 3, notBefore: String.raw`\w[/-]$` },
  // "we did not download or merge CUAD here", "never used or copied X".
  { kind: 'negative', forward: true, words: 'not never', then: String.raw`\s+(?:[a-z]+\s+(?:or|and|nor)\s+)?(?:download|merge|use|take|pull|copy|include|mix|ingest|touch)(?:e?d|s)?\b`, notBefore: String.raw`\w[/-]$`, reach: 60 },
  // "(the `.v4` run, not the older `x.v3`)": another release named to be told apart.
  { kind: 'negative', words: 'not', then: String.raw`\s+(?:the\s+)?(?:older|earlier|previous|original|legacy|old|newer|later)\b`, reach: 40 },
  { kind: 'negative', words: 'todo tbd fixme calibrated calibrate calibrating elsewhere follows' },
  { kind: 'negative', words: 'decontam' },
  // "BM25 is the baseline", not "the 2024 baseline files" of PubMed.
  { kind: 'negative', words: 'baseline baselines', notThen: String.raw`\s+(?:files?|release|dump|snapshot|export|data|corpus)\b` },
  // Downstream: "still referenced by X", "a German slice for X", "not yet in X", "X pulls this as one block".
  { kind: 'negative', words: 'referenced', then: String.raw`\s+(?:\w+\s+)?by\b`, reach: 20 },
  { kind: 'negative', words: 'for', before: String.raw`\b(?:slice|share|contribution|portion|part|block|subset)\s+$`, reach: 30 },
  { kind: 'negative', words: 'yet', before: String.raw`\bnot\s+$`, then: String.raw`\s+(?:in|part\s+of|added\s+to)\b`, reach: 40 },
  // Hedges: "we originally considered merging in X, but…", "we thought about distilling from X", "we experimented
  // with adding X", "we tried X first but…", "an earlier draft had X": what was weighed, not what was used.
  { kind: 'negative', forward: true, words: 'considered', before: String.raw`\b(?:we|i|originally|initially|also|briefly|once|had)\s+(?:\w+\s+)?$`, notThen: String.raw`\s+(?:as|to\s+be|high|low|good|reliable|clean)\b`, reach: 120 },
  { kind: 'negative', forward: true, words: 'thought', then: String.raw`\s+about\b`, reach: 120 },
  { kind: 'negative', forward: true, words: 'experimented', then: String.raw`\s+with\b`, reach: 120 },
  { kind: 'negative', forward: true, words: 'tried', before: String.raw`(?:^[\W_]*|\b(?:we|i|first|initially|originally|also)\s+)$`, then: String.raw`(?=[^.]{0,160}\b(?:but|however|instead|dropped|abandoned|discarded|removed|reverted|rolled\s+back)\b)`, reach: 120 },
  { kind: 'negative', forward: true, words: 'originally initially', then: String.raw`\s+(?:included|used|mixed|merged|planned|had|added)\b(?=[^.;]{0,160}\bbut\b)`, reach: 120 },
  { kind: 'negative', forward: true, words: 'draft', before: String.raw`\b(?:earlier|first|initial|previous|older)\s+$`, reach: 100 },
  { kind: 'negative', forward: true, words: 'pilot pilots prototype', before: String.raw`\b(?:an?\s+)?(?:early|earlier|first|initial|previous|older)\s+$`, reach: 100 },
  // "[STATUS: SUPERSEDED] by X", "succeeded by X": the newer set.
  { kind: 'negative', forward: true, words: 'superseded succeeded obsoleted', then: String.raw`\W{0,3}\s*by\b`, reach: 40 },
  // "We deliberately did not put raw abstracts (X, Y) into the mix", "never added X".
  { kind: 'negative', forward: true, words: 'put add added include included mix mixed', before: String.raw`\b(?:did\s+not|didn't|do\s+not|don't|never|not)\s+(?:(?:yet|directly|deliberately|intentionally)\s+)?$`, reach: 140 },
  // "The redacted copy is X", "the annotated subset is X", "redaction happens in X": X is made from this data, downstream.
  { kind: 'negative', forward: true, words: 'copy subset sample slice version translation edition', then: String.raw`\s+(?:of\s+(?:it|this(?:\s+[\w-]+)?)\s+)?(?:(?:cleared|approved|allowed|licensed|available|released)\s+for\s+[\w-]+\s+)?(?:is|are|lives\s+in|becomes)\s+(?:called\s+|named\s+)?(?=[\`[]?[\w.-]*[-_.\d])`, before: String.raw`\b(?:the|its|an?)\s+(?:[\w-]+\s+)?$`, reach: 40 },
  { kind: 'negative', forward: true, words: 'happens happen', then: String.raw`\s+(?:later\s+|downstream\s+)?in\b`, reach: 40 },
  // "The test split is what X is scored on": X is evaluated on this data.
  // ("the classifier itself was evaluated on X" names the evaluation data after it: the general rule above.)
  { kind: 'negative', words: 'scored evaluated tested benchmarked graded', then: String.raw`\s+on\b(?=\s*(?:[.,;:)!?]|$|(?:it|this|these|them|here)\b))`, before: String.raw`\b(?:is|are|was|were|gets?|got|being)\s+$`, afterOnly: true },
  // "Used … as a slice of X": this data is a part of X.
  { kind: 'negative', forward: true, words: 'slice portion share', then: String.raw`\s+of\b`, before: String.raw`\bas\s+(?:a|one|the)\s+(?:[\w-]+\s+)?$`, reach: 60 },
  // "X was pulled pending legal review", "the X slice — replaced by the public blend": it left this data.
  { kind: 'negative', words: 'pulled', before: String.raw`\b(?:was|were|been|got|is|are)\s+$`, notThen: String.raw`\s+(?:from|in|out\s+of)\b`, afterOnly: true },
  { kind: 'negative', words: 'replaced', then: String.raw`\s+(?:by|with)\b`, notBefore: String.raw`\b(?:answers?|responses?|labels?|outputs?|solutions?|completions?|targets?|texts?|values?|names?|fields?)\s+(?:\w+\s+){0,2}$`, afterOnly: true },
  // "the Dolly slice is no longer in the mix": it left this data.
  { kind: 'negative', words: 'longer', before: String.raw`\bno\s+$`, then: String.raw`\s+(?:in|part\s+of|included|used|mixed\s+in)\b`, afterOnly: true },
  { kind: 'negative', words: 'pulls pull pulled', then: String.raw`\s+(?:this|it|these|us)\b`, afterOnly: true },
  // Where this data is written ("written to `dw.x`", "exported to"), and what it will move to ("will switch to X").
  { kind: 'negative', words: 'written exported stored saved uploaded pushed published snapshotted synced replicated', then: String.raw`\s+(?:back\s+)?(?:to|into|in|at)\b`, reach: 40 },
  { kind: 'negative', words: 'switch switching migrate migrating upgrade upgrading', then: String.raw`\s+(?:over\s+)?to\b`, reach: 40 },
  // Pointing elsewhere: "for modelling use X", "same as X" and "see X" in Dutch and French, "a.k.a. X".
  { kind: 'negative', words: 'use', before: String.raw`\b(?:for\s+(?:modell?ing|training|fine-?tuning|experiments?)|please|instead|must|should)[\s,]+$`, reach: 40 },
  // "Harder than `X`", "cleaner than X": a comparison.
  { kind: 'negative', forward: true, words: 'than', before: String.raw`\b(?:harder|easier|larger|smaller|bigger|better|worse|cleaner|noisier|longer|shorter|newer|older|more|less|fewer)\s+$`, reach: 40 },
  { kind: 'negative', words: 'zelfde', then: String.raw`\s+(?:[\w-]+\s+){0,2}?als\b` },
  { kind: 'negative', words: 'zie voir siehe', reach: 40 },
  { kind: 'negative', words: 'aka', reach: 40 },
  { kind: 'negative', words: 'a', then: String.raw`\.k\.a\.?`, reach: 40 },
  // "This set is part of X", "handed over to the team for X": X holds this data, downstream.
  { kind: 'negative', words: 'part', then: String.raw`\s+of\b`, before: String.raw`(?:^[\W_]*|\b(?:is|are|it's|became|becomes|become)\s+(?:also\s+|now\s+)?)$`, reach: 40 },
  // "It is one of the ingredients of X", "Ingredient of X": this data is one of X's parts, X is downstream.
  { kind: 'negative', words: 'ingredient ingredients component components input inputs constituent constituents', then: String.raw`\s+(?:of|to|for)\b`, before: String.raw`(?:^[\W_]*|\b(?:is|are|was|were|it's|one\s+of\s+the|an?|also|as\s+the|as\s+an?)\s+)$`, reach: 90 },
  // "Hard-negative component of X", "also a small, high-weight component of X": a qualified part of X, not of this set.
  {
    kind: 'negative',
    words: 'ingredient component input constituent',
    then: String.raw`\s+(?:of|to|for)\b(?!\s+(?:this|these|our|the\s+(?:mix|set|dataset|blend|data)\b))`,
    before: String.raw`(?:^[\W_]*|\b(?:is|was|it's|an?|also)\s+)(?:[\w,-]+\s+){1,3}$`,
    reach: 90,
  },
  // "Source for refusal-seed-r2 and jailbreak-eval-2025", "the common base for X": this data went into the ids after it.
  // "The following assets have been derived from this asset: `x`": what was made from this one.
  { kind: 'negative', words: 'this', before: String.raw`\b(?:from|of|on|upon)\s+$`, then: String.raw`\s+(?:asset|dataset|data\s+set|record|collection|corpus|register\s+entry)\b(?![\s'’]*s\b)`, reach: 200 },
  // "This asset is the parent of `x` and of `y`", "the parent record of X".
  { kind: 'negative', words: 'parent parents', then: String.raw`\s+(?:record\s+|asset\s+|dataset\s+)?of\b`, before: String.raw`\b(?:is|are|was|were|be|been|as|remains)\s+(?:the\s+|a\s+|an\s+)?(?:direct\s+|immediate\s+)?$`, reach: 200 },
  // "serves as the seed collection for `x`", "a template source for `y`": what this data seeded.
  { kind: 'negative', words: 'for', before: String.raw`\b(?:seed|template|exemplar)\s+(?:collection|set|pool|corpus|material|source|bank)\s+$|(?:^|\|)\s*seeds\s+$`, notThen: String.raw`\s+(?:this|these|our|the\s+generat|generation|the\s+model)\b`, reach: 160 },
  // "the pseudonymised derivative, `x`", "the derivatives `a` and `b`": a set made from this one.
  { kind: 'negative', words: 'derivative derivatives', notThen: String.raw`\s+(?:of|from|dataset\s+of)\b`, reach: 40 },
  // "The catalog still shows `cb.chat_sft_v2` upstream": what a catalog claims, which the notes go on to judge.
  { kind: 'negative', words: 'shows lists listed shown', before: String.raw`\b(?:catalog(?:ue)?|lineage|graph|datahub|amundsen|collibra|ui)\s+(?:still\s+|also\s+|now\s+)?$`, reach: 40 },
  // "If you need this for training, use the redacted copy (X)", "Use the filtered X for training, not this table".
  { kind: 'negative', words: 'use', before: String.raw`(?:^[\W_]*|[,;:]\s*|\b(?:please|instead|so)\s+)$`, then: String.raw`\s+(?:the\s+)?(?:filtered|redacted|cleaned|clean|anonymi[sz]ed|pseudonymi[sz]ed|dedup(?:'?d|ed)?|curated|newer|latest|de-?identified)\b`, reach: 60 },
  { kind: 'negative', words: 'source base basis foundation', then: String.raw`\s*[*_]*\s+(?:for|of)\s*[*_]*\s*(?:→\s*)?(?=[\`[]?[\w.-]*[-_.\d][\w.-]*)`, before: String.raw`(?:^[\W_]*|[;:]\s*|\b(?:is|was|it's|the|a|also|common|shared)\s+)$`, reach: 90 },
  // "The prompt side is reused for X".
  { kind: 'negative', words: 'reused', then: String.raw`\s+(?:for|in|by)\b`, reach: 60 },
  // "We'd like to add X in v3": a wish, not lineage.
  { kind: 'negative', words: 'like want plan plans planning intend hope', then: String.raw`\s+to\s+(?:add|include|bring\s+in|use|merge|mix\s+in)\b`, before: String.raw`\b(?:we'?d|we\s+would|we|they|team)\s+$`, reach: 60 },
  { kind: 'negative', words: 'handed', then: String.raw`\s+over\b` },
  // A changelog's "Removed X.", "Dropped the X slice": what left (not "Removed 312 duplicates from X").
  {
    kind: 'negative',
    forward: true,
    words: 'removed dropped retired deleted',
    before: String.raw`(?:^[\W_]*|[:;.]\s*|\b(?:and|also)\s+)$`,
    then: String.raw`\s+(?:the\s+|all\s+)?(?=[\x60*[]?[\w.-]*[A-Za-z][\w.-]*)`,
    notThen: String.raw`\s+(?:the\s+|all\s+)?(?:[\d,.]+|duplicates?|near-duplicates?|rows|items|examples|pairs|questions|prompts|turns|pii|anything|everything|some|most|any)\b|[^.;]{0,80}\bfrom\b`,
    reach: 80,
  },
  // "Rejected from lex-sft-mix-v5", "kept out of `memo-drafting-sft-v2` so they could serve here": where this data did not go.
  { kind: 'negative', forward: true, words: 'rejected', then: String.raw`\s+(?:from|for|by)\b`, reach: 60 },
  { kind: 'negative', forward: true, words: 'kept', then: String.raw`\s+out\s+of\b`, reach: 60 },
  // "format-compatible with X": a shared format, no data.
  { kind: 'negative', forward: true, words: 'compatible', then: String.raw`\s+with\b`, reach: 40 },
  // "disjoint from `X`, which is generated from Y": Y is X's source, not this one's (said of an id, not of "objects, which are derived from").
  {
    kind: 'negative',
    forward: true,
    words: 'which',
    before: String.raw`(?:\x60|\b[\w]*[-_.\d][\w]*)\s*,\s*$`,
    notBefore: String.raw`\b(?:this|the|our)\s+(?:[\w-]+\s+)?(?:set|dataset|data|release|version|mix|mixture|blend|corpus|collection)\s*,\s*$`,
    then: String.raw`\s+(?:is|was|are|were)\s+(?:itself\s+|also\s+|in\s+turn\s+)?(?:generated|derived|built|made|taken|drawn|sampled|created|compiled|distilled|translated|synthesi[sz]ed)\s+(?:[\w-]+\s+){0,3}?(?:from|of|on|with)\b`,
    reach: 60,
  },
  // "X is included in its entirety", "v1 is carried over in full": all of X is here.
  { kind: 'strong', words: 'included kept carried copied retained reused taken', then: String.raw`(?:\s+over)?\s+(?:in\s+(?:its|their)\s+entirety|in\s+full|wholesale|as[- ]is|unchanged|verbatim)\b`, relation: 'Direct Inclusion/Subset', afterOnly: true, notThen: String.raw`(?:\s+over)?\s+(?:in\s+(?:its|their)\s+entirety|in\s+full|wholesale|as[- ]is|unchanged|verbatim)\s+(?:from|out\s+of|off)\b` },
  // "discarding the UltraChat part", "minus the X portion": what left.
  { kind: 'negative', words: 'discarding discard discarded dropping removing excluding omitting minus', then: String.raw`(?=\s+(?:the\s+|its\s+|their\s+|all\s+)?\S+\s+(?:part|portion|parts|portions|subset|slice|share|component|rows|items|data)\b)`, reach: 40 },
  // "a glossary extracted from X": X made the glossary the prompt was given, not this data.
  { kind: 'negative', forward: true, words: 'glossary termbase lexicon terminology', then: String.raw`\s+(?:[\w-]+\s+){0,2}?(?:extracted|built|derived|taken|compiled|made|mined)\s+from\b`, reach: 60 },
  // "the same one Stanford Alpaca used", "the same recipe X followed": a method shared with X, not its data.
  { kind: 'negative', words: 'same', then: String.raw`\s+(?:one|recipe|approach|method|template|pipeline|procedure)\s+(?:that\s+|as\s+)?(?=\S)`, reach: 40 },
  // "the checkpoint (\`x-8b-sft1\`, trained on Y)": what a model was trained on, not this data.
  { kind: 'negative', forward: true, words: 'trained', then: String.raw`\s+on\b`, before: String.raw`(?:\b(?:checkpoint|model|policy|adapter)|\d+[bB][\w.-]*)[\x60'")]?\s*,\s*$`, reach: 60 },
  // "DPO mixture used after X", "Preference tuning after this uses X": a stage before or after this one, not its data.
  { kind: 'negative', forward: true, words: 'used applied run', then: String.raw`\s+(?:right\s+|directly\s+)?after\b`, reach: 40 },
  { kind: 'negative', forward: true, words: 'uses use used', before: String.raw`\bafter\s+(?:this|it|that)\s+$`, reach: 40 },
  // "HELD BACK from X bc legal wants…", "used in pref-mix-v2.", "still used in X", "Used for continued-pretraining flavour in X": where this data was (not) put.
  { kind: 'negative', forward: true, words: 'held', then: String.raw`\s+back\s+from\b`, reach: 60 },
  { kind: 'negative', forward: true, words: 'used', before: String.raw`(?:^[\W_]*|[.;:,]\s*|\b(?:is|are|was|were|also|now|then|still|currently|already|mainly|mostly)\s+)$`, then: String.raw`(?:\s+for(?:\s+[\w-]+){1,3}?)?\s+(?:in|inside|within|by)\b`, notThen: String.raw`\s+(?:in|by)\s+(?:this|the|our)\s+(?:set|dataset|mix|blend|release|version)\b`, reach: 40 },
  // "`int_x`, an intermediate model that keeps the pages of Y", "that model is in turn built on Y": Y feeds another set first.
  {
    kind: 'negative',
    forward: true,
    words: 'that which',
    before: String.raw`,\s*(?:an?\s+)?(?:uncarded\s+)?(?:intermediate|staging|dbt|ephemeral|upstream)\s+(?:model|table|view)\s+$`,
    then: String.raw`\s+(?:keeps|holds|contains|selects|filters|joins|unions|reads|takes|is\s+built\s+(?:on|from))\b`,
    reach: 100,
  },
  { kind: 'negative', forward: true, words: 'model', before: String.raw`\b(?:intermediate|uncarded|ephemeral)\s+$`, then: String.raw`\s*(?:[:)—–]|,\s+(?!see\b))(?:[^.;]{0,80}?\b(?:of|from|on)\b)?`, reach: 120 },
  // "Declared in dbt as the source `zendesk.tickets`": the card's own name elsewhere.
  { kind: 'negative', words: 'declared', then: String.raw`(?:\s+in\s+[\w-]+)?\s+as(?:\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:source|table|model|view|dataset))?\b`, reach: 60 },
  { kind: 'negative', forward: true, words: 'turn', before: String.raw`\bin\s+$`, then: String.raw`\s+(?:built|based|derived|drawn|made|taken|sourced|sampled|generated)\b(?:[^.;]{0,40}?\b(?:on|from|of)\b)?`, reach: 80 },
  // "Seeds `x`." (of this set), "An audit of X showed…", "(–0.4 on `x`)": what it seeds, what was checked, a score.
  { kind: 'negative', forward: true, words: 'seeds', before: String.raw`(?:^[\W_]*|[.;]\s*)$`, then: String.raw`\s+(?=[\x60[*]?[\w.-]*[-_.\d])`, reach: 60 },
  { kind: 'negative', forward: true, words: 'audit audits auditing', then: String.raw`\s+of\b`, reach: 40 },
  { kind: 'negative', forward: true, words: 'on', before: String.raw`[+−–-]\s?\d+(?:\.\d+)?\s*(?:pts?|points?|%)?\s+$`, reach: 40 },
  // "A frozen 10% is carved out as X", "held out as X": a part made from this data.
  { kind: 'negative', forward: true, words: 'carved split spun held set', then: String.raw`\s+(?:out|off|aside)\s+as\b`, reach: 40 },
  // "Annotators were trained on X": people taught with it.
  { kind: 'negative', forward: true, words: 'trained', before: String.raw`\b(?:annotators?|raters?|labell?ers?|reviewers?|staff|agents|moderators|writers)\s+(?:were\s+|was\s+|are\s+|get\s+)?$`, then: String.raw`\s+on\b`, reach: 40 },
  // "The prompt was written after reading transcripts in X": what inspired it.
  { kind: 'negative', forward: true, words: 'reading', before: String.raw`\bafter\s+$`, then: String.raw`(?:[^.;]{0,60}?\b(?:in|of|from)\b)?`, reach: 60 },
  // "(→ later became X)": what this data turned into.
  { kind: 'negative', forward: true, words: 'became become becomes', before: String.raw`\b(?:later|eventually|then|now|since)\s+$`, reach: 40 },
  // Minutes: "Mei proposed UltraFeedback", "Jun wanted to use X as-is", "Mark asked whether …": a proposal, decided elsewhere.
  {
    kind: 'negative',
    forward: true,
    words: 'proposed suggested wanted raised floated',
    before: String.raw`(?:\b(?!(?:We|They|It|This|These|That|The|Our)\b)[A-Z][a-z]+|@[\w.-]+)\s+(?:(?:had|has|originally|first|also|then)\s+)?$`,
    reach: 120,
  },
  { kind: 'negative', forward: true, words: 'asked', before: String.raw`(?:\b(?!(?:We|They|It|This|These|That|The|Our)\b)[A-Z][a-z]+|@[\w.-]+)\s+$`, then: String.raw`\s+(?:to\s+use|whether|if|for|about|to\s+(?:add|include|reuse|pull))\b`, reach: 120 },
  // "Disjoint by prompt hash from X (the training side)."
  { kind: 'negative', forward: true, words: 'disjoint', then: String.raw`(?:\s+[\w-]+){0,4}?\s+(?:from|with)\b`, reach: 60 },
  // "we did not touch the 2023 logs (X) at all".
  { kind: 'negative', forward: true, words: 'touch touched', before: String.raw`\b(?:not|never|didn't|don't|doesn't|won't)\s+$`, reach: 80 },
  // "The chemistry portion of our training data, assembled for `chem-writer-3`": the model or mix it is made for.
  { kind: 'negative', words: 'for', before: String.raw`\b(?:assembled|prepared|curated|compiled|built|made|created|intended|designed|meant|produced)\s+(?:specifically\s+|primarily\s+|only\s+)?$`, notThen: String.raw`\s+(?:each|every|all|any)\b`, reach: 40 },
  // "The test set is separate (X)", "trained separately (X)": kept apart from this data.
  { kind: 'negative', words: 'separate separately', before: String.raw`\b(?:is|are|was|were|kept|trained|stored|released|handled|built|exists?|lives?|maintained|published)\s+$` },
  // "also mixed into X", "merged into X": X is downstream of this data.
  { kind: 'negative', words: 'mixed merged folded blended', then: String.raw`\s+(?:back\s+)?into\s+(?!(?:one|a|an|the|this|our|its|their|single)\b)`, reach: 60 },
  // "`kf-mt-7b`, fine-tuned on X": a model's training data.
  { kind: 'negative', words: 'fine', then: String.raw`[- ]?tuned\s+on\b` },
  // "NOT a translation set, see X for French", "separate project, see X": a cross-reference.
  { kind: 'negative', words: 'see', notThen: String.raw`\s+(?:below|above|the\s+(?:table|list|section)|section|table|appendix)\b`, reach: 40, before: String.raw`(?:[,;.→—–-]|\bnot\b[^.;]{0,40}|\bseparate\b[^.;]{0,40})\s*$` },
  // Not in this release: "considered but deferred", "finished too late for this version".
  { kind: 'negative', words: 'deferred postponed' },
  { kind: 'negative', words: 'considered', then: String.raw`\s+but\b` },
  { kind: 'negative', words: 'late', before: String.raw`\btoo\s+$` },
  { kind: 'negative', words: 'inspiration' },
  // A name the dataset itself had or has: "when the set was still called `x`", "registered as `y`", "formerly z".
  { kind: 'negative', words: 'called named known', before: String.raw`\b(?:still|once|previously|formerly|originally|first|then|internally|also)\s+$`, reach: 40 },
  { kind: 'negative', words: 'renamed', then: String.raw`\s+(?:from|to)\b`, reach: 40 },
  { kind: 'negative', words: 'formerly previously', reach: 30, notThen: String.raw`\s+(?:derived|taken|built|drawn|sampled|collected|filtered|released|published|shared|used|described|annotated|labelled|labeled|curated)\b` },
  { kind: 'negative', words: 'registered', then: String.raw`(?:\s+in\s+(?:the\s+)?[\w-]+)?\s+as\b`, notThen: String.raw`\s+as\s+[A-Z]{2,8}-\d`, reach: 40 },
  // "models trained on X": what X was used for downstream, not where this data came from.
  { kind: 'negative', words: 'trained', then: String.raw`\s+on\b`, before: String.raw`\b(?:models?|llms?|classifiers?|checkpoints?|systems?)\s+$` },
  // "the schema is identical to X": a format shared, no data taken.
  { kind: 'negative', words: 'identical', then: String.raw`\s+to\b`, before: String.raw`\b(?:schema|format|structure|layout|template|fields|columns|pipeline|recipe|query)\s+(?:(?:is|are|was|were)\s+)?$` },
  // "we borrowed the rubric from X": X's design, not its data.
  // ("house-style pieces from X" are X's items in a style.)
  { kind: 'negative', forward: true, words: 'rubric rubrics format schema template templates style idea ideas guidelines taxonomy recipe methodology approach design conventions checklist', then: String.raw`(?:\s+[a-z]+){0,2}?\s+from\b`, notBefore: String.raw`\w-$`, notThen: String.raw`\s+(?:${ITEM_NOUNS.replace(/ /g, '|')}|pieces|stories|texts)\b` },
  { kind: 'negative', words: 'is was', then: String.raw`\s+(?:only|just|merely|purely)\s+(?:an?\s+)?(?:benchmark|evaluation|eval|test|baseline|reference)\b` },
  // "5% of claims were sampled into X": X is where the data went.
  { kind: 'negative', words: 'sampled moved split copied exported written saved pushed uploaded published released', then: String.raw`\s+(?:out\s+)?(?:into|to\s+the)\b` },
  { kind: 'negative', words: 'left leave leaves leaving', then: String.raw`\s+out\b` },
  { kind: 'negative', words: 'test eval evaluation holdout validation dev', then: String.raw`(?:[- ]?(?:set|split|data|sets|splits))?\s*:` },
  { kind: 'negative', words: 'looking looked look', then: String.raw`\s+at\b` },
  // Advice to the reader ("use X unless…", "see X"): says nothing of where the data came from.
  { kind: 'negative', words: 'use prefer see consult try', before: String.raw`(?:^|[:;.!—–]\s*|\bplease\s+)$` },
];

/**
 * Negation in front of a cue ("none of the data is taken from", "we did not use", "no X data") turns it
 * into a statement that the name is not a source.
 */
export const NEGATION = /(?<!\w[/-])\b(?:not|no|none|(?:didn|don|doesn|isn|aren|wasn|weren|hasn|haven|hadn)['’]t|nothing(?!\s+(?:but|else))|never|neither|nor|without|excluding|except|exclude[sd]?|avoid\w*|free\s+of|instead\s+of|rather\s+than)\b[^.;:()—–]{0,60}$/i;

/** A modal or a hedge in front of a cue makes it a plan, a rule or an option weighed, not a statement of lineage ("should come from", "will be built from", "considered also merging in"). */
export const MODAL = /\b(?:should|must|shall|could|would|might|may|will|can|cannot|can't|won't|wouldn't|ought\s+to)\s+(?:not\s+)?(?:\w+\s+){0,2}$|\b(?:proposed|suggested|wanted(?:\s+to)?|asked\s+to|floated)\s+(?:\w+\s+){0,2}$|\b(?:considered|thought\s+about|experimented\s+with)\s+(?:\w+\s+){0,2}$|\b(?:earlier|first|initial|older)\s+draft\b[^.;()]{0,40}$/i;
