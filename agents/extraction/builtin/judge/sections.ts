/** Sections whose names are sources by construction (a card titled "de-es-mix" among them), and sections never read for lineage. */

/** Headings whose mentions are sources by construction (a "Subsets" list counts, each part a source). */
const SOURCE_SECTION =
  /\b(?:sources?|source\s+data(?:sets?)?|data\s+sources?|subsets?|components?|composition|constituents?|mixture|mix|ingredients?|inputs?|datasets?\s+(?:used|included|merged|combined)|upstream|provenance|lineage|origins?|parents?|ancestry|derivation|built\s+from|made\s+from|derived\s+from|where\s+the\s+data\s+comes\s+from|initial\s+data\s+collection|data\s+collection|curation|construction|collection\s+process|datasets?\s+list|list\s+of\s+datasets|included\s+datasets|dataset\s+summary|data\s+mix|blend|recipe|herkunft|quellen?|datenquellen?|zusammensetzung|bestandteile|eingangsdaten|datengrundlage|ausgangsdaten)\b/i;

/**
 * Sections never read for lineage: citation, license, evaluation, related work, downstream use. A word
 * joined to others by - _ . is part of a name: a card titled "owner-manual.qa.v3" is no "Owners" section.
 */
const IGNORED_SECTION =
  /(?<![\w.-])(?:citation|citing|cite|bibtex|references?|bibliography|licen[cs]es?|licensing|terms\s+of\s+use|acknowledg\w*|contributors?|contact|authors?|maintainers?|owners?|evaluation|evaluations|results|ablations?|baselines?|prior\s+(?:work|approaches|art)|open\s+questions|future\s+work|alternatives(?:\s+(?:considered|rejected|explored))?|(?:options|approaches)\s+considered|rejected\s+(?:options|alternatives|approaches|sources|datasets)|non-goals|benchmarks?\s+results?|leaderboard|performance|experiments?|related\s+(?:work|datasets?|resources|pages|links|cards|docs|documents|articles)|see\s+also|similar\s+datasets?|limitations?|disclaimer|known\s+limitations|intended\s+uses?|out-of-scope|model\s+card|models?\s+trained|downstream|used\s+by|consumers?|who\s+uses\s+this|decontamination|lizenz(?:en)?|zitation|zitieren|kontakt|ansprechpartner\w*|evaluierung|ergebnisse|verwendet\s+von|nachgelagert\w*)(?![\w.-])/i;

/** A heading that says what follows is not in the dataset: "Not in here", "What is not in it", "Excluded sources". */
const DENIED_SECTION = /^\W*(?:what\s+(?:is|was|isn't|wasn't|we\s+did\s+not\s+use)\s+)?(?:not\s+(?:in\s+(?:here|it|this|the\s+(?:mix|set|dataset|release|data))|included|used|part\s+of)|(?:deliberately\s+)?(?:excluded|left\s+out|not\s+used)(?:\s+(?:sources?|datasets?|data|sets))?\W*$|exclusions?\W*$|(?:sources?|datasets?|data)\s+(?:not\s+used|we\s+did\s+not\s+use|excluded|left\s+out))/i;

/** Units under one heading share its section array, so each section is judged once. */
const ignored = new WeakMap<readonly string[], boolean>();
const sources = new WeakMap<readonly string[], boolean>();

/**
 * "Downstream lineage", "Consumers": what is made from this data, even under a lineage heading; and the
 * datasheet's sections on people, fields and use ("Who are the source language producers?", "Data
 * Fields", "Social Impact of Dataset"), even under "Source Data".
 */
const DOWNSTREAM_SECTION =
  /(?<![\w.-])(?:downstream|consumers?|used\s+by|derived\s+(?:datasets|assets|sets)|who\s+are\s+the\s+(?:source\s+language\s+producers|annotators|curators)|data\s+(?:fields|instances|splits)|dataset\s+structure|social\s+impact|discussion\s+of\s+biases|personal\s+and\s+sensitive\s+information|dataset\s+curators|supported\s+tasks|considerations\s+for\s+using|contributions)(?![\w.-])|^\W*(?:used\s+in|where\s+(?:it'?s|it\s+is|this\s+is)\s+used|consumed\s+by|feeds(?:\s+into)?)\W*$/i;

const EVAL_SECTION = /^\W*(?:evals?|eval\s+sets?|testing)\W*$/i;

/** "what did NOT go in", "not in v4", "what is NOT in (again: NOT)", "didn't make the cut": what was left out. */
const LEFT_OUT_SECTION =
  /\b(?:did|does|do|was|were|is|are)(?:n't|\s+not)\s+(?:go|get|make\s+it|end\s+up|in\b)|^\W*(?:what(?:'s|\s+is|\s+was)?\s+)?not\s+in\b|\bdidn'?t\s+make\s+(?:it|the\s+cut)\b|\bwhat\s+we\s+(?:didn'?t|did\s+not)\s+(?:use|include|take)\b|^\W*(?:rejected|excluded|dropped|not\s+used|left\s+out)\b|\bconsidered\s*(?:,|and|but|&|\/)\s*(?:then\s+)?(?:dropped|rejected|not\s+used|discarded|excluded)\b|^\W*(?:nicht\s+(?:enthalten|verwendet|genutzt|übernommen)|ausgeschlossen|verworfen|abgelehnt)\b/i;

export function isIgnoredSection(section: readonly string[]): boolean {
  let verdict = ignored.get(section);
  if (verdict === undefined) {
    // ("eval" under the title: a card titled "Evals" is read.)
    verdict = section.slice(1).some((heading) => EVAL_SECTION.test(heading)) || section.some((heading) => DENIED_SECTION.test(heading) || LEFT_OUT_SECTION.test(heading) || DOWNSTREAM_SECTION.test(heading) || (IGNORED_SECTION.test(heading) && !SOURCE_SECTION.test(heading)));
    ignored.set(section, verdict);
  }
  return verdict;
}

export function isSourceSection(section: readonly string[]): boolean {
  let verdict = sources.get(section);
  if (verdict === undefined) {
    verdict = section.some((heading) => SOURCE_SECTION.test(heading));
    sources.set(section, verdict);
  }
  return verdict;
}
