/**
 * The built-in extractor: finds a document's upstream datasets with relation, confidence and verbatim
 * evidence, with no model, as a pipeline of small passes — the document as a reader sees it, text that
 * addresses the tool, candidates, judging, relations, merging. It follows the paper's rules: a source
 * is data taken, derived, sampled or merged, or a listed component; evaluation, citation, inspiration,
 * models and organizations are not.
 */
import { isHubId, nameKey, shortName } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import { wordTokens, type WordToken } from '../../../shared/registry/name-index.js';
import { knownDatasets, type Registry } from '../../../shared/registry/resolve.js';
import type { CardMetadata } from '../../documents/card.js';
import { identifyDocument } from '../../documents/identity.js';
import { EMPTY_CORPUS, isNearKnownName, type Corpus } from '../corpus.js';
import type { DroppedMention, ExtractionResult } from '../types.js';
import { catalogTableIn, findMentions, type CandidateContext } from './candidates/index.js';
import { isSpecific, type Mention } from './candidates/mention.js';
import { describesTheRowsPart, inNameCell, isComponentsTable, isPropertyTable } from './candidates/structure.js';
import { findCues, type CueSpan } from './cues/matcher.js';
import { blankFootnoteMarks } from './document/footnotes.js';
import { readDocumentView, type Span, type Unit } from './document/units.js';
import { evidenceFor } from './evidence.js';
import { merge, type Finding } from './findings.js';
import { correctsTheLineage, isRemovalSection, namesThatLeft, readChangelog } from './judge/history.js';
import { hostileReading, isSilenced } from './judge/hostility.js';
import { enumerationHeads, judge, strongestCue, type Cue } from './judge/judge.js';
import { cuesOutsideNames, EVALUATION_SUITE, isLaterVersion, readsAsValue, versionLabel, versionLine, versionRank, wordsOutside } from './judge/names.js';
import { questionOf, type QuestionKind } from './judge/faq.js';
import { partsOfAnother } from './judge/parts-of-another.js';
import { isIgnoredSection } from './judge/sections.js';
import { affirmed, ANSWER_SIDE, applyDocumentDefault, applyRegeneratedAnswers, applySampledResponses, applySectionTransforms, noteSectionTransform, PROMPT_SIDE, samplesNewResponses, type SectionTransform } from './relations/document.js';
import { relationsOfNames, relationWords, strongestRelation, TRANSFORMS, type OwnRelation, type RelationWord } from './relations/index.js';
import { whyNotASource } from './not-sources.js';
import { sourceDatasetFindings } from './yaml.js';

/** Web corpora other datasets are built from: named with their pages or paragraphs beside such a dataset, they describe its items. */
const GRANDPARENT_CORPORA = new Set(['wikipedia']);
const CORPUS_ITEMS_AFTER = /^[\s'’s*_`]*(?:[\w-]+\s+)?(?:pages?|articles?|paragraphs?|passages?|sentences?|titles?|text|categor(?:y|ies)|evidence|talk-page|documents?|contexts?)\b/i;

/** Between a public set's name and a card's: "snapshot card", "export described in", "'s 2024 dump". */
const QUALIFIES_A_CARD = /^[\s'’s*]*(?:[\w-]+\s+){0,3}?(?:snapshot|export|dump|mirror|copy|crawl|download)(?:\s+(?:card|described\s+in|in|at|of|from|under))?[\s:,(`[]*$/i;

/** The dataset a mention names, as findings are keyed: its card, its registry entry, its hub id, or its written name. */
const keyOfMention = (m: Mention) => nameKey(m.corpus?.id ?? m.known?.id ?? m.hubId ?? m.name);

/** The name of an evaluation set: `permit-qa-test-r1`, `soil-qa-heldout`, `style-qa-bench-v1`, `captions-eval-2024`. */
const EVALUATION_SET = /(?:^|[-_.\s/])(?:eval|evals|evaluation|test|tests|testset|bench|benchmark|heldout|held-out|holdout)(?:$|[-_.\s\d])/i;
const HELD_OUT = /^(?:held[-\s]?out|holdout|heldout)\b/i;
/**
 * In an evaluation set's card, talk of training: "The training pool in X used the GSM8K train split, so there
 * is no overlap", "so X can't leak into it", "the MT mixes (X) are evaluated on it", "removed from X and every mix".
 */
const TRAINING_TALK = /\b(?:training\s+(?:data|sets?|mix(?:es|tures?)?|pool|runs?|corpus)|in\s+training|(?:(?:are|is|were|was)|models?)\s+trained\s+on|train(?:ing)?\s+on\s+(?:it|this)|leak(?:s|ed|ing|age)?|contaminat\w*|overlaps?|disjoint|(?:removed|blocked|excluded|withheld|held\s+back)\s+from|(?:are|is|were|was)\s+evaluated\s+on\s+(?:it|this)|every\s+(?:training\s+)?mix)\b/i;
/** "Eval v2 = the full 400 from X": in an evaluation set's own card the word names the card, not what X is for. */
const EVALUATION_NOUN = /^(?:evals?|evaluation|benchmark|test)$/i;
/** After "held-out": the part it names ("test split of", "4% split of", "500 items of") or where it was held out from. */
const HELD_OUT_OF = /^[\s`'"*]*(?:(?:[\w%~.,-]+\s+){0,3}?(?:splits?|slices?|subsets?|portions?|parts?|items|sentences|pairs|rows|questions|calls|claims|documents|triples|set)\s+(?:\([^()]{0,20}\)\s+)?(?:of|from)\b|(?:from|of)\b)/i;

/** A dataset named for its reasoning answers: `planning-summ-cot`, `fare-qa-explained-v1`, `x-rationales`. */
const REASONING_NAME = /(?:^|[-_.\s])(?:cot|reasoning|rationales?|explained|explanations|step-?by-?step|distill\w*)(?:$|[-_.\s\d])/i;
/** Words that say answers reason, anywhere in the document. */
const REASONING_SAID = /\b(?:step[- ]by[- ]step|chain[- ]of[- ]thought|reasoning\s+(?:traces?|chains?|steps?)|rationales?|worked\s+solutions?|think(?:ing)?\s+traces?)\b/i;

/** A key whose list names fields: `fields:`, `columns:`, `schema:`, `features:`. */
const FIELDS_KEY = /^\s*(?:fields|columns|schema|features|attributes|properties|keys|labels|label_set|splits)\s*:\s*$/i;

/** Fields of a YAML card that name its own dataset or where it is kept. */
const OWN_YAML_FIELD = /^\s*(?:title|name|id|dataset|dataset_name|pretty_name|display_name|output|outputs|table|destination|location|path|storage|bucket|uri|written_to|target)\s*:/i;

/** A removal entry about some of a source's rows ("312 near-duplicates of X"), which leaves X a source. */
const PARTS_REMOVED = /\b(?:duplicates?|near-duplicates?|dupes|pii|toxic|profan\w*|overlap\w*|contaminat\w*|decontam\w*|against|matching|leak\w*|broken|empty|malformed)\b/i;

export const BUILTIN_AGENT = 'builtin-extractor';
/** The built-in extractor's agent name on evidence read from the document's structure (YAML, tables, lists). */
export const BUILTIN_STRUCTURE_AGENT = 'builtin-extractor:structure';

export interface ExtractInput {
  text: string;
  /** Used to name the dataset when the document does not, and to follow relative links. */
  path?: string;
  metadata?: CardMetadata;
  /** Where the markdown body starts (after YAML front matter) and where the YAML sits. */
  bodyStart?: number;
  yamlStart?: number;
  yamlEnd?: number;
  /** The folder a README stands for, when the caller knows it. */
  folderName?: string;
  /** The dataset the document describes, when the caller knows it. */
  self?: { name: string; id?: string };
}

export interface ExtractOptions {
  registry?: Registry;
  /** The names of the other datasets around the document (its batch, the project, the library). */
  corpus?: Corpus;
  /** Sources below this confidence are not reported (the paper's rubric stops at 0.5). */
  minConfidence?: number;
}

interface UnitReading {
  tokens: WordToken[];
  cues: CueSpan[];
  words: RelationWord[];
}

export function extractBuiltin(input: ExtractInput, options: ExtractOptions = {}): ExtractionResult {
  const registry = options.registry ?? knownDatasets();
  const corpus = options.corpus ?? EMPTY_CORPUS;
  const minConfidence = options.minConfidence ?? 0.5;
  const text = input.text;
  const view = readDocumentView(text, input.bodyStart ?? 0);
  const knownWord = (word: string) => Boolean(registry.lookup(word) ?? corpus.lookup(word));
  for (const unit of view.units) if (unit.kind !== 'code-line') unit.reading = blankFootnoteMarks(unit.reading, knownWord);
  const identity = identifyDocument(input, registry);
  const selfKeys = new Set([identity.name, identity.id, shortName(identity.id), ...identity.aliases].map(nameKey).filter((k) => k.length >= 2));
  const context: CandidateContext = { registry, corpus, documentPath: input.path };
  const nearKnown = (name: string) => corpus.isNearName(name) || isNearKnownName(name);
  const privateCard = !isHubId(identity.id) && !registry.byId(identity.id);
  // Every name the document gives its own dataset.
  const ownNames = [identity.name, identity.id, ...identity.aliases];
  const evaluationSuite = ownNames.some((n) => EVALUATION_SUITE.test(n));
  const evaluationSet = ownNames.some((n) => EVALUATION_SET.test(n));
  // "support-sft-v1 was built on the regex-redacted tickets", "the previous mix voice-asr-mix-r2": the
  // history of the dataset's own line is lineage only where a source cue says so.
  const ownLines = new Set(ownNames.map((n) => versionLine(n)).filter((l): l is string => l !== undefined));
  const otherVersion = (mention: Mention) => {
    const name = mention.corpus?.id ?? mention.name;
    const line = versionLine(name);
    return line !== undefined && ownLines.has(line) && !selfKeys.has(nameKey(name));
  };
  // "next round: yield-qa-r2 adds rationales" in the card of yield-qa-r1: a later release of this line is made after it, never its source.
  const ownVersions = ownNames.flatMap((n) => {
    const line = versionLine(n, true);
    const rank = versionRank(n);
    return line !== undefined && rank ? [{ line, rank }] : [];
  });
  /** Whether a mention names an earlier (or a later) release of this dataset's own line. */
  const isRelease = (mention: Mention, which: 'earlier' | 'later'): boolean => {
    const name = mention.corpus?.id ?? mention.name;
    const line = versionLine(name, true);
    const rank = versionRank(name);
    if (line === undefined || rank === undefined) return false;
    return ownVersions.some((own) => own.line === line && (which === 'earlier' ? isLaterVersion(own.rank, rank) : isLaterVersion(rank, own.rank)));
  };
  const yamlCard = input.path !== undefined && /\.ya?ml$/i.test(input.path);
  const ownLabels = new Set(ownNames.map((n) => versionLabel(n)).filter((l): l is string => l !== undefined).map(nameKey));
  const reasoningDocument = ownNames.some((n) => REASONING_NAME.test(n)) || REASONING_SAID.test(text);
  const tokens = view.units.map((unit) => wordTokens(unit.reading));
  const tokensOf = new Map(view.units.map((unit, i) => [unit, tokens[i]!]));
  const hostile = hostileReading(view, context, (unit) => tokensOf.get(unit) ?? wordTokens(unit.reading));
  const dropped: DroppedMention[] = [...hostile.dropped];
  const changelog = readChangelog(view.units, ownNames);
  const fromEarlierEntry = new Set<Finding>();
  const findings: Finding[] = sourceDatasetFindings(input, registry, corpus);
  const sectionTransforms = new Map<string, SectionTransform>();
  // Whether the card says answers were regenerated with reasoning anywhere ("answers: … teacher writes step-by-step reasoning").
  let regeneratesAnswers = false;
  const leadCues = new Map<number, { cue: Cue | undefined; relation: Relation | undefined }>();
  const readingOf = (span: Span, known?: WordToken[]): UnitReading => {
    const words = known ?? wordTokens(span.reading);
    return { tokens: words, cues: findCues(span.reading, words), words: relationWords(span.reading, words, reasoningDocument) };
  };
  const leadOf = (lead: Span) => {
    let cached = leadCues.get(lead.start);
    if (!cached) {
      // "… the old chunks are dropped in favour of newer ones. Then it adds:": what an earlier sentence denies is not
      // said of the list the last sentence opens.
      const full = readingOf(lead);
      const opening = lastSentenceStart(lead.reading);
      const ownCues = full.cues.filter((c) => c.start >= opening);
      const opensList = opening > 0 && /:\s*$/.test(lead.reading) && !ownCues.some((c) => c.kind === 'negative') && full.cues.some((c) => c.kind === 'negative' && c.start < opening);
      const reading = opensList ? { ...full, cues: ownCues } : full;
      const relations = reading.words.map((w) => w.relation);
      // A list's lead speaks of the whole list: "merging five sets and one rewritten set" makes a fusion.
      cached = { cue: strongestCue(lead.reading, reading.cues), relation: relations.includes('Structured Fusion') ? 'Structured Fusion' : strongestRelation(relations) };
      leadCues.set(lead.start, cached);
    }
    return cached;
  };

  // What a changelog's "Removed" lists left the data, whatever older entries say of it.
  const removedNames = new Set<string>();
  // The FAQ question the units under it answer, until the next question or heading.
  let answering: { kind: QuestionKind; section: readonly string[] } | undefined;
  view.units.forEach((unit, index) => {
    const question = questionOf(unit);
    if (question) answering = { kind: question, section: unit.kind === 'heading' ? [] : unit.section };
    else if (answering && (unit.kind === 'heading' || (answering.section.length > 0 && unit.section !== answering.section))) answering = undefined;
    if (answering?.kind === 'use' && unit.kind !== 'heading' && !isIgnoredSection(unit.section)) {
      for (const m of findMentions(unit, tokens[index]!, context)) dropped.push({ name: m.name, reason: 'named in an answer about what the data is for', start: m.start, end: m.end });
      return;
    }
    if (unit.kind !== 'heading' && !isSilenced(hostile.silenced, unit) && isRemovalSection(unit.section) && !PARTS_REMOVED.test(unit.reading)) {
      // "- alpaca-cleaned-mirror (replaced by Dolly below)": the replacement stays.
      const replacement = unit.start + unit.reading.search(/\b(?:replaced\s+(?:by|with)|in\s+favou?r\s+of|superseded\s+by|swapped\s+for|moved\s+to)\b|$/i);
      for (const m of findMentions(unit, tokens[index]!, context).filter((m) => m.start < replacement)) {
        removedNames.add(keyOfMention(m));
        dropped.push({ name: m.name, reason: 'removed, says the changelog', start: m.start, end: m.end });
      }
      return;
    }
    if (unit.kind === 'heading' || isSilenced(hostile.silenced, unit) || isIgnoredSection(unit.section)) return;
    // A YAML card's `title:` or `output:` line names this dataset or where it is written, as a heading or a path would.
    if (yamlCard && OWN_YAML_FIELD.test(unit.reading)) return;
    // Code is read only for the dataset lists of configs; prose in code is not a statement.
    if (unit.kind === 'code-line' && !unit.fenced) return;
    const unitTokens = tokens[index]!;
    const unitWords = relationWords(unit.reading, unitTokens, reasoningDocument);
    if (!regeneratesAnswers && ANSWER_SIDE.test(unit.reading) && affirmed(unit.reading, unitWords).some((w) => w.relation === 'CoT Distillation')) regeneratesAnswers = true;
    let mentions = findMentions(unit, unitTokens, context).filter((m) => unit.kind !== 'code-line' || m.listed);
    if (mentions.length === 0) {
      if (unit.kind === 'sentence') noteSectionTransform(sectionTransforms, unit, unitWords);
      return;
    }
    // Cues are read only where there are names for them to govern.
    const reading: UnitReading = { tokens: unitTokens, cues: findCues(unit.reading, unitTokens), words: unitWords };
    if (changelog.retired.has(unit)) {
      for (const m of mentions) dropped.push({ name: m.name, reason: 'the history of an earlier release, not of this one', start: m.start, end: m.end });
      return;
    }
    const retiredClause = Math.max(clauseRetiringAVersion(unit, mentions, otherVersion), clauseOfAnEarlierVersion(unit, mentions, (m) => isRelease(m, 'earlier'), selfKeys));
    if (retiredClause > 0) {
      for (const m of mentions) if (m.start < retiredClause) dropped.push({ name: m.name, reason: 'the history of an earlier release, not of this one', start: m.start, end: m.end });
      mentions = mentions.filter((m) => m.start >= retiredClause);
      if (mentions.length === 0) return;
    }
    if (unit.kind === 'table-row' && isComponentsTable(unit.header ?? []) && mentions.some((m) => isSpecific(m) && inNameCell(unit, m.start, m.end))) {
      const descriptions = new Set(mentions.filter((m) => !m.corpus && !inNameCell(unit, m.start, m.end) && (m.signal === 'registry' || m.signal === 'identifier' || m.signal === 'phrase' || m.signal === 'hub-id') && describesTheRowsPart(unit, m.start, m.end)));
      for (const m of descriptions) dropped.push({ name: m.name, reason: "describes the row's part, not a part of its own", start: m.start, end: m.end });
      if (descriptions.size > 0) mentions = mentions.filter((m) => !descriptions.has(m));
      if (mentions.length === 0) return;
    }
    // "questions whose gold Wikipedia page is …", "SQuAD's contexts are Wikipedia paragraphs": what the items of
    // another dataset named beside it are made of — that dataset's source, not this one's.
    // (In an internal card: the paper's graph of public cards records such a corpus as a source too.)
    const itemsOfAnother = new Set(mentions.filter((m) => privateCard && m.known && GRANDPARENT_CORPORA.has(m.known.id) && CORPUS_ITEMS_AFTER.test(text.slice(m.end, m.end + 40)) && mentions.some((o) => o !== m && (o.known || o.corpus) && keyOfMention(o) !== keyOfMention(m))));
    for (const m of itemsOfAnother) dropped.push({ name: m.name, reason: "what another dataset's items are made of, named beside it", start: m.start, end: m.end });
    if (itemsOfAnother.size > 0) mentions = mentions.filter((m) => !itemsOfAnother.has(m));
    if (mentions.length === 0) return;
    const partsOfOthers = partsOfAnother(mentions, text);
    for (const m of partsOfOthers) dropped.push({ name: m.name, reason: 'a part of another dataset named before it', start: m.start, end: m.end });
    if (partsOfOthers.size > 0) mentions = mentions.filter((m) => !partsOfOthers.has(m));
    // "the CourtListener snapshot card [opinions-cl-snap]": a public set named as what a card of the folder holds is that card's source.
    const qualifiers = new Set(mentions.filter((m) => m.known && !m.corpus && mentions.some((c) => c.corpus && c.start > m.end && c.start - m.end <= 60 && QUALIFIES_A_CARD.test(text.slice(m.end, c.start)))));
    for (const m of qualifiers) dropped.push({ name: m.name, reason: 'the source of a card this one takes from, named as what that card holds', start: m.start, end: m.end });
    if (qualifiers.size > 0) mentions = mentions.filter((m) => !qualifiers.has(m));
    if (mentions.length === 0) return;
    // A YAML card's `fields:` or `columns:` list names the record's fields, whatever they look like.
    if (unit.kind === 'list-item' && unit.lead && FIELDS_KEY.test(unit.lead.text.slice(unit.lead.text.lastIndexOf('\n') + 1))) {
      for (const m of mentions) if (!m.corpus && !m.known) dropped.push({ name: m.name, reason: 'a field, label or value, not data', start: m.start, end: m.end });
      mentions = mentions.filter((m) => m.corpus || m.known);
      if (mentions.length === 0) return;
    }
    const lead = unit.lead ? leadOf(unit.lead) : undefined;
    // In an evaluation set's own card, "the held-out test split of X", "held out from X", "… held out of all training
    // sets", or a sentence that opens "Held-out test split for …:" say where its items came from, not that X is evaluated on.
    const opensUnit = (c: CueSpan) => /^[\W_]*(?:(?:the|a|an|our|this)\s+)?$/i.test(unit.reading.slice(0, c.start));
    const cues = cuesOutsideNames(reading.cues, mentions, unit.start, unit.end).filter((c) => !(evaluationSet && c.kind === 'negative' && ((EVALUATION_NOUN.test(unit.reading.slice(c.start, c.end)) && opensUnit(c)) || (HELD_OUT.test(unit.reading.slice(c.start, c.end)) && (HELD_OUT_OF.test(unit.reading.slice(c.end, c.end + 80)) || opensUnit(c))))));
    const chainHeads = enumerationHeads(mentions, text);
    const chainEnds = new Map<Mention, number>();
    for (const [member, head] of chainHeads) chainEnds.set(head, Math.max(chainEnds.get(head) ?? head.end, member.end));
    const identified = new Set<Mention>();
    for (const m of mentions) if (isSpecific(m)) identified.add(chainHeads.get(m) ?? m);
    const accepted: Array<{ mention: Mention; confidence: number; cue?: CueSpan; negated: boolean }> = [];
    // "X with a rationale added to every answer": a transformation said of the name itself names it as data.
    // (Models take no relation words here: "distilled from GPT-4o" says what became of X, not of GPT-4o.)
    const dataNames = mentions.filter((m) => m.corpus || m.known || m.hubId || whyNotASource(m.name) !== 'model');
    const transformedNames = new Set(
      relationsOfNames(unit.reading, dataNames.map((m) => ({ start: m.start - unit.start, end: m.end - unit.start })), wordsOutside(reading.words, mentions, unit.start))
        .flatMap((own, i) => (own.relation && TRANSFORMS.has(own.relation) ? [dataNames[i]!] : [])),
    );
    for (const mention of mentions) {
      const verdict = judge({ mention, unit, cues, selfKeys, evaluationSuite, transformed: transformedNames.has(mention), chainHead: chainHeads.get(mention), chainEnd: chainEnds.get(mention), enumerationEnd: chainEnds.get(chainHeads.get(mention) ?? mention), leadCue: lead?.cue, privateCard, coListed: identified.has(chainHeads.get(mention) ?? mention), nearKnown, organizations: (name) => corpus.isOrganization(name) });
      if (isRelease(mention, 'later')) {
        dropped.push({ name: mention.name, reason: 'a later version of this dataset, made after it', start: mention.start, end: mention.end });
      } else if (!('reason' in verdict) && unit.kind === 'code-line' && mention.hubId && ownLines.has(nameKey(shortName(mention.hubId)))) {
        // `load_dataset("org/docs-qa-pairs", revision="v5")` in the card of docs-qa-pairs.v5: the quick start loads this dataset.
        dropped.push({ name: mention.name, reason: 'the dataset itself', start: mention.start, end: mention.end });
      } else if ('reason' in verdict) {
        dropped.push({ name: mention.name, reason: verdict.reason, start: mention.start, end: mention.end });
      } else if (readsAsValue(mention, unit, verdict.cue)) {
        dropped.push({ name: mention.name, reason: 'a field, label or value, not data', start: mention.start, end: mention.end });
      } else if (evaluationSet && verdict.governing !== 'strong' && verdict.governing !== 'from' && TRAINING_TALK.test(unit.reading)) {
        dropped.push({ name: mention.name, reason: 'training data this evaluation set is kept apart from', start: mention.start, end: mention.end });
      } else if (unit.kind === 'sentence' && otherVersion(mention) && verdict.governing !== 'strong' && verdict.governing !== 'from' && !equatesThis(unit.reading, selfKeys, ownLabels)) {
        dropped.push({ name: mention.name, reason: 'another version of this dataset, not said to be where its data came from', start: mention.start, end: mention.end });
      } else if (verdict.confidence < minConfidence) {
        dropped.push({ name: mention.name, reason: `too weak (${verdict.confidence.toFixed(2)}, ${mention.signal})`, start: mention.start, end: mention.end });
      } else {
        accepted.push({ mention, confidence: verdict.confidence, cue: verdict.cue, negated: verdict.negated });
      }
    }
    if (accepted.length === 0) {
      // "Will switch to query-rewrite-pairs-v3": a relation word inside a name says nothing of the section.
      if (unit.kind === 'sentence') noteSectionTransform(sectionTransforms, unit, wordsOutside(reading.words, mentions, unit.start));
      return;
    }
    // Relation words are read with the names blanked: "Evol-Instruct" or "CoT Alpaca" name data, not a method
    // (a rejected candidate such as "chain-of-thought" or "few-shot" is a word again).
    // A config's fields (`"split": "train"`) are settings, not words said of the part.
    const words = unit.kind === 'code-line' ? [] : wordsOutside(reading.words, accepted.map((a) => a.mention), unit.start);
    const own = relationsOfNames(unit.reading, accepted.map((a) => ({ start: a.mention.start - unit.start, end: a.mention.end - unit.start })), words);
    const relationOf = new Map<Mention, OwnRelation>();
    accepted.forEach((a, i) => relationOf.set(a.mention, ownOrCue(own[i]!, a.negated ? undefined : a.cue?.relation)));
    const chainRelation = relationsOfChains(accepted.map((a) => a.mention), chainHeads, relationOf);
    accepted.forEach((a) => {
      const head = chainHeads.get(a.mention) ?? a.mention;
      const mine = relationOf.get(a.mention)!;
      const chain = chainRelation.get(head);
      const relation = mine.relation ?? chain?.relation ?? lead?.relation;
      const finding: Finding = {
        mention: a.mention,
        relation: relation ?? 'Direct Inclusion/Subset',
        // A page-properties row ("| Upstream | X (train split only) |") says which datasets, as YAML does, not how.
        explicitRelation: relation !== undefined && !(unit.kind === 'table-row' && isPropertyTable(unit.header ?? [])),
        asIs: mine.asIs || (mine.relation === undefined && Boolean(chain?.asIs)),
        section: unit.section.join(' / '),
        confidence: a.confidence,
        evidence: evidenceFor(unit, a.mention, text, lead?.cue === 'strong'),
        signal: a.mention.signal,
        structured: unit.kind === 'table-row' || unit.kind === 'list-item' || unit.kind === 'code-line',
        tableRow: unit.kind === 'table-row' && !isPropertyTable(unit.header ?? []),
        fromLead: mine.relation === undefined && chain?.relation === undefined && lead?.relation !== undefined,
        itemHead: unit.kind === 'list-item' && /^[\s*_`[(]*$/.test(unit.reading.slice(0, a.mention.start - unit.start)),
        configPart: unit.kind === 'code-line' && a.mention.listed === true,
        promptSide: PROMPT_SIDE.test(unit.reading.slice(Math.max(0, a.mention.start - unit.start - 80), a.mention.start - unit.start)),
      };
      findings.push(finding);
      if (changelog.earlier.has(unit)) fromEarlierEntry.add(finding);
    });
  });

  applySectionTransforms(findings, sectionTransforms);
  // A preference set's responses sampled anew make its prompts' source generated on, even when they reason.
  if (samplesNewResponses(view.units)) applySampledResponses(findings);
  else if (regeneratesAnswers) applyRegeneratedAnswers(findings);
  applyDocumentDefault(findings, view.units, [identity.name, ...identity.aliases]);
  const keyOf = (f: Finding) => keyOfMention(f.mention);
  const planted = (f: Finding) => hostile.plantedKeys.has(keyOf(f));
  const noExistingData = hostile.saysNoExistingData;
  // A name an earlier version took, or the front matter still lists, that the card says left the data
  // ("Dolly is no longer in the mix", "the YAML still lists X, but X was removed in this version").
  // A prose finding of a name the notes say the generated lineage has wrong ("the X entry … is wrong") is that correction.
  for (const f of findings) if (!f.structured && correctsTheLineage(text, f.mention.start, f.mention.end)) dropped.push({ name: f.mention.name, reason: 'a lineage entry the card says is wrong', start: f.mention.start, end: f.mention.end });
  const { denied, removed, corrected, refused } = namesThatLeft(dropped, text, (name) => nameKey((corpus.lookup(name) ?? catalogTableIn(corpus, name))?.id ?? registry.lookup(name)?.id ?? name));
  // `downstream: [x]`, `models_rated: [x finetune]` in the metadata: where the data went or what it rated.
  // (A value is a name, or a name and a note: "x finetune", "x (owner: …)".)
  const downstream = new Set((input.metadata?.downstreamNames ?? []).flatMap((value) => [value, value.split(/\s+/)[0]!]).map((name) => nameKey(corpus.lookup(name)?.id ?? registry.lookup(name)?.id ?? name)));
  const listedDownstream = (f: Finding) => f.signal !== 'yaml' && downstream.has(keyOf(f));
  const leftTheData = (f: Finding) => listedDownstream(f) || removedNames.has(keyOf(f)) || refused.has(keyOf(f)) || (fromEarlierEntry.has(f) && denied.has(keyOf(f))) || (f.signal === 'yaml' && removed.has(keyOf(f))) || corrected.has(keyOf(f));
  const kept = findings.filter((f) => !planted(f) && !leftTheData(f) && !(noExistingData && f.signal !== 'yaml' && f.confidence < 0.9));
  const sources = merge(kept, text).filter((source) => !selfKeys.has(nameKey(source.id)) && !selfKeys.has(nameKey(source.name)));
  const found = new Set(sources.map((s) => nameKey(s.name)));
  const keptSet = new Set(kept);
  const why = (f: Finding): string => {
    if (planted(f)) return 'named by text addressed to the tool or hidden from readers';
    if (removedNames.has(keyOf(f))) return 'removed, says the changelog';
    if (refused.has(keyOf(f))) return 'the card says it took nothing from it';
    if (listedDownstream(f)) return 'listed in the metadata as where the data went or what it rated';
    if (leftTheData(f)) return 'taken by an earlier version only: the card says it left the data';
    return 'the document says it uses no existing data';
  };
  for (const f of findings) if (!keptSet.has(f)) dropped.push({ name: f.mention.name, reason: why(f), start: f.mention.start, end: f.mention.end });
  return {
    dataset: { name: identity.name, id: identity.id, aliases: identity.aliases },
    sources,
    dropped: dropped.filter((d) => !found.has(nameKey(d.name))),
    agent: BUILTIN_AGENT,
    model: null,
  };
}

/** "blurbs_catalog.v5 = blurbs_catalog.v4 ∪ new 2024 titles from …": a sentence that says what this dataset is made of. */
function equatesThis(reading: string, selfKeys: ReadonlySet<string>, ownLabels: ReadonlySet<string>): boolean {
  const m = /^[\s*_`]*([\p{L}\p{N}][\p{L}\p{N}_./-]{1,120}?)[\s*_`]*(?::=|=|≡|\s(?:is|keeps|takes|extends)\s)/u.exec(reading.slice(0, 160));
  if (!m) return false;
  const subject = nameKey(m[1]!);
  // (By its version alone, "v7 = …", "v2 is a cleaned cut of …", in the card of that version.)
  return selfKeys.has(subject) || ownLabels.has(subject);
}

/** Where the last sentence of a paragraph starts (0 for one sentence). */
function lastSentenceStart(reading: string): number {
  const trimmed = reading.trimEnd();
  let start = 0;
  for (const m of trimmed.matchAll(/[.!?]\s+(?=\S)/g)) start = m.index + m[0].length;
  return start;
}

/** A transformation of the name's own words first, then what its governing cue says ("a subset of"), then its other words. */
function ownOrCue(own: OwnRelation, cueRelation: Relation | undefined): OwnRelation {
  if (own.asIs || (own.relation && TRANSFORMS.has(own.relation))) return own;
  return { relation: cueRelation ?? own.relation, asIs: false };
}

/** "`A`, `B` and `C` — concatenated as they are": words given to one member of an enumeration speak for all of it. */
function relationsOfChains(mentions: readonly Mention[], heads: ReadonlyMap<Mention, Mention>, relationOf: ReadonlyMap<Mention, OwnRelation>): Map<Mention, OwnRelation> {
  const members = new Map<Mention, OwnRelation[]>();
  for (const mention of mentions) {
    const head = heads.get(mention) ?? mention;
    const own = relationOf.get(mention);
    if (!own?.relation) continue;
    const list = members.get(head);
    if (list) list.push(own);
    else members.set(head, [own]);
  }
  const out = new Map<Mention, OwnRelation>();
  for (const [head, owns] of members) {
    const asIs = owns.some((o) => o.asIs);
    const relations = owns.map((o) => o.relation!);
    out.set(head, { relation: asIs ? (relations.includes('Structured Fusion') ? 'Structured Fusion' : 'Direct Inclusion/Subset') : strongestRelation(relations), asIs });
  }
  return out;
}

/** "was withdrawn", "has since been retired", ", retired": said of a dataset, not of its items ("dropped withdrawn methods"). */
const RETIRED = /\b(?:was|were|is|are|has\s+been|have\s+been|got|been)\s+(?:since\s+|later\s+|subsequently\s+|then\s+|now\s+)?(?:withdrawn|retired|superseded|deprecated|discarded|abandoned)\b|[,;—–]\s*(?:now\s+)?(?:retired|withdrawn|superseded|deprecated)\b/gi;

/**
 * "The first version, `faq-stepwise-v1`, was distilled from `legal-faq-synth-v2` and was withdrawn; …": a
 * clause that opens on another version of this dataset and ends by retiring it tells that version's
 * history. Returns where that clause ends (document offset), or -1. ("Unlike `x-v1`, which was withdrawn,
 * this one is built from `tickets`" retires it before the names that follow, and is read as usual.)
 */
function clauseRetiringAVersion(unit: Unit, mentions: readonly Mention[], otherVersion: (m: Mention) => boolean): number {
  if ((unit.kind !== 'sentence' && unit.kind !== 'list-item') || mentions.length < 2) return -1;
  const first = mentions.reduce((a, b) => (b.start < a.start ? b : a));
  if (!otherVersion(first)) return -1;
  const clauseEndAfter = (from: number) => {
    const semicolon = unit.reading.indexOf(';', from);
    return semicolon < 0 ? unit.reading.length : semicolon;
  };
  let clauseEnd = clauseEndAfter(first.end - unit.start);
  // "…used GPT-3.5-turbo; it was noticeably worse and was discarded", "…seeded from ShareGPT; retired for licensing": the next clause speaks of it.
  if (/^;\s*(?:it\b|this\b|they\b|(?:now\s+)?(?:retired|withdrawn|superseded|deprecated|discarded)\b)/i.test(unit.reading.slice(clauseEnd, clauseEnd + 16))) clauseEnd = clauseEndAfter(clauseEnd + 1);
  const lastEnd = Math.max(...mentions.filter((m) => m.start - unit.start < clauseEnd).map((m) => m.end - unit.start));
  for (const m of unit.reading.matchAll(RETIRED)) if (m.index >= lastEnd && m.index < clauseEnd) return unit.start + clauseEnd;
  // "qa-tools-sft-v1 was the same idea built on lua-instruct-v1": the clause says how that version was made.
  const opening = unit.reading.slice(0, first.start - unit.start);
  // The version is the subject: named within the sentence's first few words ("Rounds 1 and 2 (`x-r1`, …)", "The Q3 blend (`x`, retired) was").
  if (/^[\W\d.]*(?:[\w-]+[\s,]+){0,4}?[\s,(`'"]*$/i.test(opening) && (HOW_IT_WAS_MADE.test(unit.reading.slice(first.end - unit.start, clauseEnd)) || RETIRED_RIGHT_AFTER.test(unit.reading.slice(first.end - unit.start, first.end - unit.start + 60)))) return unit.start + clauseEnd;
  return -1;
}

/**
 * "oasst1-dolly-eng-v1 also contained a 10k slice of Alpaca.", "Round 1 (refund-qa-hard-r1) was thrown
 * away …", "v1 (query-paraphrases-v1) paraphrased only the FAQ queries; dropped.": a clause whose subject is
 * an earlier version of this dataset tells that version's story, names and all. Returns where the clause
 * ends (document offset), or -1. A clause that also speaks of this release ("… and v2 keeps them") is read as usual.
 */
function clauseOfAnEarlierVersion(unit: Unit, mentions: readonly Mention[], earlierVersion: (m: Mention) => boolean, selfKeys: ReadonlySet<string>): number {
  if (unit.kind !== 'sentence' && unit.kind !== 'list-item') return -1;
  const first = mentions.reduce((a, b) => (b.start < a.start ? b : a));
  if (!earlierVersion(first)) return -1;
  const opening = unit.reading.slice(0, first.start - unit.start);
  // "All 2,511 documents of X were carried into v4", "Every question in X was paraphrased": X's items are the subject, and what this release did with them the story.
  // (A subject is a few words long: longer openings are not read, which keeps the patterns' work bounded.)
  if (opening.length > 160 || !EARLIER_VERSION_OPENING.test(opening) || ITEMS_OF_BEFORE.test(opening)) return -1;
  const semicolon = unit.reading.indexOf(';', first.end - unit.start);
  const clauseEnd = semicolon < 0 ? unit.reading.length : semicolon;
  const rest = unit.reading.slice(first.end - unit.start, clauseEnd);
  if (!EARLIER_VERSION_PREDICATE.test(rest.slice(0, 200)) || THIS_RELEASE.test(rest)) return -1;
  if (mentions.some((m) => m.start - unit.start < clauseEnd && selfKeys.has(nameKey(m.corpus?.id ?? m.name)))) return -1;
  // "…; dropped.", "…; retired": the next clause still speaks of it.
  const next = semicolon < 0 ? -1 : unit.reading.indexOf(';', semicolon + 1);
  const end = semicolon >= 0 && /^;\s*(?:it\b|this\b|they\b|(?:then\s+|later\s+)?(?:dropped|retired|withdrawn|superseded|deprecated|discarded|scrapped|abandoned|binned)\b)/i.test(unit.reading.slice(semicolon, semicolon + 20)) ? (next < 0 ? unit.reading.length : next) : clauseEnd;
  return unit.start + end;
}

/** Before the version's name: nothing but a few words of a subject ("v1 (", "Round 1 (", "History.** v1 of the template set ("). */
const EARLIER_VERSION_OPENING = /^[\W\d]*(?:[\w.-]+[\s,:*]+){0,6}?[\s,(`'"*]*$/;
/** Right after it, a predicate that describes it: "was …", "also contained", "paraphrased", "used", "had". */
const EARLIER_VERSION_PREDICATE = /^[\s`'"”’*)\]]*(?:\([^()]{0,80}\)\s*)?,?\s*(?:(?:also|only|originally|first|still|accidentally|mistakenly)\s+)?(?:was|were|had|has\s+been|contained|included|used|took|drew|paraphrased|rewrote|translated|sampled|mixed|blended|combined|covered|covers|came|kept)\b/i;
const ITEMS_OF_BEFORE = /\b(?:of|in|from|into|to|with|on)[\s*_`[(]*$/i;
/** Words of this release inside that clause: "… and this version keeps them", "… v2 now adds". */
const THIS_RELEASE = /\b(?:this\s+(?:version|release|set|one|round|iteration|dataset)|here|now|we\s+(?:keep|kept|reuse|reused|carry|carried|take|took))\b/i;

/** Right after a version's name: "(Jan 2024) was built on", ", which was distilled from", "was the same idea built on". */
const HOW_IT_WAS_MADE =
  /^[\s`'"”’]*(?:[,(][^()]{0,80}\)\s*|,[^,;]{0,80},\s*)?,?\s*(?:(?:which\s+)?(?:was|were|had\s+been)\s+(?:[\w-]+\s+){0,5}?(?:built|made|derived|created|distilled|generated|produced|based|assembled|drawn|sampled|taken)(?:\s+[\w-]+){0,3}?\s+(?:on|from|off|out\s+of|with|using)|used|drew\s+on|took)\b/i;
/** "`prefs-mix-2024q3`, retired) was …", "(`x-v1`, withdrawn)": the version named was retired. */
const RETIRED_RIGHT_AFTER = /^[\s`'"”’]*[,(]\s*(?:[^(),]{0,30},\s*)?(?:now\s+)?(?:retired|withdrawn|superseded|deprecated)\b/i;
