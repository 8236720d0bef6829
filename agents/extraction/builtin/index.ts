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
import { findMentions, type CandidateContext } from './candidates/index.js';
import { whyNotASource } from './not-sources.js';
import { isSpecific, type Mention } from './candidates/mention.js';
import { findCues, type CueSpan } from './cues/matcher.js';
import { readDocumentView, type Span, type Unit } from './document/units.js';
import { evidenceFor } from './evidence.js';
import { merge, type Finding } from './findings.js';
import { hostileReading, isSilenced } from './judge/hostility.js';
import { enumerationHeads, judge, strongestCue, type Cue } from './judge/judge.js';
import { isIgnoredSection } from './judge/sections.js';
import { relationsOfNames, relationWords, strongestRelation, TRANSFORMS, type OwnRelation, type RelationWord } from './relations/index.js';
import { sourceDatasetFindings } from './yaml.js';

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
  const identity = identifyDocument(input, registry);
  const selfKeys = new Set([identity.name, identity.id, shortName(identity.id), ...identity.aliases].map(nameKey).filter((k) => k.length >= 2));
  const context: CandidateContext = { registry, corpus, documentPath: input.path };
  const nearKnown = (name: string) => corpus.isNearName(name) || isNearKnownName(name);
  const privateCard = !isHubId(identity.id) && !registry.byId(identity.id);
  const evaluationSuite = [identity.name, identity.id, ...identity.aliases].some((n) => EVALUATION_SUITE.test(n));
  // "support-sft-v1 was built on the regex-redacted tickets", "the previous mix voice-asr-mix-r2": the
  // history of the dataset's own line is lineage only where a source cue says so.
  const ownLines = new Set([identity.name, identity.id, ...identity.aliases].map(versionLine).filter((l): l is string => l !== undefined));
  const otherVersion = (mention: Mention) => {
    const name = mention.corpus?.id ?? mention.name;
    const line = versionLine(name);
    return line !== undefined && ownLines.has(line) && !selfKeys.has(nameKey(name));
  };
  const tokens = view.units.map((unit) => wordTokens(unit.reading));
  const tokensOf = new Map(view.units.map((unit, i) => [unit, tokens[i]!]));
  const hostile = hostileReading(view, context, (unit) => tokensOf.get(unit) ?? wordTokens(unit.reading));
  const dropped: DroppedMention[] = [...hostile.dropped];
  const findings: Finding[] = sourceDatasetFindings(input, registry, corpus);
  const sectionTransforms = new Map<string, SectionTransform>();
  // Whether the card says answers were regenerated with reasoning anywhere ("answers: … teacher writes step-by-step reasoning").
  let regeneratesAnswers = false;
  const leadCues = new Map<number, { cue: Cue | undefined; relation: Relation | undefined }>();
  const readingOf = (span: Span, known?: WordToken[]): UnitReading => {
    const words = known ?? wordTokens(span.reading);
    return { tokens: words, cues: findCues(span.reading, words), words: relationWords(span.reading, words) };
  };
  const leadOf = (lead: Span) => {
    let cached = leadCues.get(lead.start);
    if (!cached) {
      const reading = readingOf(lead);
      const relations = reading.words.map((w) => w.relation);
      // A list's lead speaks of the whole list: "merging five sets and one rewritten set" makes a fusion.
      cached = { cue: strongestCue(lead.reading, reading.cues), relation: relations.includes('Structured Fusion') ? 'Structured Fusion' : strongestRelation(relations) };
      leadCues.set(lead.start, cached);
    }
    return cached;
  };

  view.units.forEach((unit, index) => {
    if (unit.kind === 'heading' || isSilenced(hostile.silenced, unit) || isIgnoredSection(unit.section)) return;
    // Code is read only for the dataset lists of configs; prose in code is not a statement.
    if (unit.kind === 'code-line' && !unit.fenced) return;
    const reading = readingOf(unit, tokens[index]);
    if (!regeneratesAnswers && ANSWER_SIDE.test(unit.reading) && affirmed(unit.reading, reading.words).some((w) => w.relation === 'CoT Distillation')) regeneratesAnswers = true;
    const mentions = findMentions(unit, reading.tokens, context).filter((m) => unit.kind !== 'code-line' || m.listed);
    if (mentions.length === 0) {
      if (unit.kind === 'sentence') noteSectionTransform(sectionTransforms, unit, reading.words);
      return;
    }
    const lead = unit.lead ? leadOf(unit.lead) : undefined;
    const cues = cuesOutsideNames(reading.cues, mentions, unit.start, unit.end);
    const chainHeads = enumerationHeads(mentions, text);
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
      const verdict = judge({ mention, unit, cues, selfKeys, evaluationSuite, transformed: transformedNames.has(mention), chainHead: chainHeads.get(mention), leadCue: lead?.cue, privateCard, coListed: identified.has(chainHeads.get(mention) ?? mention), nearKnown, organizations: (name) => corpus.isOrganization(name) });
      if ('reason' in verdict) {
        dropped.push({ name: mention.name, reason: verdict.reason, start: mention.start, end: mention.end });
      } else if (readsAsValue(mention, unit, verdict.cue)) {
        dropped.push({ name: mention.name, reason: 'a field, label or value, not data', start: mention.start, end: mention.end });
      } else if (unit.kind === 'sentence' && otherVersion(mention) && verdict.governing !== 'strong' && verdict.governing !== 'from') {
        dropped.push({ name: mention.name, reason: 'another version of this dataset, not said to be where its data came from', start: mention.start, end: mention.end });
      } else if (verdict.confidence < minConfidence) {
        dropped.push({ name: mention.name, reason: `too weak (${verdict.confidence.toFixed(2)}, ${mention.signal})`, start: mention.start, end: mention.end });
      } else {
        accepted.push({ mention, confidence: verdict.confidence, cue: verdict.cue, negated: verdict.negated });
      }
    }
    if (accepted.length === 0) {
      // "Will switch to query-rewrite-pairs-v3": a relation word inside a name says nothing of the section.
      if (unit.kind === 'sentence') noteSectionTransform(sectionTransforms, unit, reading.words.filter((w) => !mentions.some((m) => w.start < m.end - unit.start && w.end > m.start - unit.start)));
      return;
    }
    // Relation words are read with the names blanked: "Evol-Instruct" or "CoT Alpaca" name data, not a method
    // (a rejected candidate such as "chain-of-thought" or "few-shot" is a word again).
    const words = reading.words.filter((w) => !accepted.some(({ mention: m }) => w.start < m.end - unit.start && w.end > m.start - unit.start));
    const own = relationsOfNames(unit.reading, accepted.map((a) => ({ start: a.mention.start - unit.start, end: a.mention.end - unit.start })), words);
    const relationOf = new Map<Mention, OwnRelation>();
    accepted.forEach((a, i) => relationOf.set(a.mention, ownOrCue(own[i]!, a.negated ? undefined : a.cue?.relation)));
    const chainRelation = relationsOfChains(accepted.map((a) => a.mention), chainHeads, relationOf);
    accepted.forEach((a) => {
      const head = chainHeads.get(a.mention) ?? a.mention;
      const mine = relationOf.get(a.mention)!;
      const chain = chainRelation.get(head);
      const relation = mine.relation ?? chain?.relation ?? lead?.relation;
      findings.push({
        mention: a.mention,
        relation: relation ?? 'Direct Inclusion/Subset',
        explicitRelation: relation !== undefined,
        asIs: mine.asIs || (mine.relation === undefined && Boolean(chain?.asIs)),
        section: unit.section.join(' / '),
        confidence: a.confidence,
        evidence: evidenceFor(unit, a.mention, text, lead?.cue === 'strong'),
        signal: a.mention.signal,
        structured: unit.kind === 'table-row' || unit.kind === 'list-item' || unit.kind === 'code-line',
        tableRow: unit.kind === 'table-row',
        fromLead: mine.relation === undefined && chain?.relation === undefined && lead?.relation !== undefined,
        itemHead: unit.kind === 'list-item' && /^[\s*_`[(]*$/.test(unit.reading.slice(0, a.mention.start - unit.start)),
        promptSide: PROMPT_SIDE.test(unit.reading.slice(Math.max(0, a.mention.start - unit.start - 80), a.mention.start - unit.start)),
      });
    });
  });

  applySectionTransforms(findings, sectionTransforms);
  if (regeneratesAnswers) applyRegeneratedAnswers(findings);
  applyDocumentDefault(findings, view.units, [identity.name, ...identity.aliases]);
  const planted = (f: Finding) => hostile.plantedKeys.has(nameKey(f.mention.corpus?.id ?? f.mention.known?.id ?? f.mention.hubId ?? f.mention.name));
  const noExistingData = hostile.saysNoExistingData;
  const kept = findings.filter((f) => !planted(f) && !(noExistingData && f.signal !== 'yaml' && f.confidence < 0.9));
  const sources = merge(kept).filter((source) => !selfKeys.has(nameKey(source.id)) && !selfKeys.has(nameKey(source.name)));
  const found = new Set(sources.map((s) => nameKey(s.name)));
  const keptSet = new Set(kept);
  for (const f of findings) if (!keptSet.has(f)) dropped.push({ name: f.mention.name, reason: planted(f) ? 'named by text addressed to the tool or hidden from readers' : 'the document says it uses no existing data', start: f.mention.start, end: f.mention.end });
  return {
    dataset: { name: identity.name, id: identity.id, aliases: identity.aliases },
    sources,
    dropped: dropped.filter((d) => !found.has(nameKey(d.name))),
    agent: BUILTIN_AGENT,
    model: null,
  };
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

/** A sentence that names no dataset but says what was done to the data ("we regenerated every answer with CoT"). */
interface SectionTransform {
  relation: Relation;
  /** Said of every item ("for every question we regenerated the answer"), so also of items said to be sampled. */
  everyItem: boolean;
}

function noteSectionTransform(transforms: Map<string, SectionTransform>, unit: Unit, allWords: readonly RelationWord[]): void {
  const words = affirmed(unit.reading, allWords);
  // "merging five sets and one rewritten set" describes a mixture, not what was done to every part.
  if (words.some((w) => w.relation === 'Structured Fusion')) return;
  const relation = strongestRelation(words.map((w) => w.relation));
  const section = unit.section.join(' / ');
  if (relation && TRANSFORMS.has(relation) && !transforms.has(section)) transforms.set(section, { relation, everyItem: /\b(?:every|each|all)\b/i.test(unit.reading) });
}

/**
 * Selection words ("sampled", "merged") say which items were taken; a transformation stated in the same
 * section says what became of them, which is the relation the paper records.
 */
function applySectionTransforms(findings: Finding[], transforms: Map<string, SectionTransform>): void {
  for (const finding of findings) {
    const transform = transforms.get(finding.section);
    if (!transform) continue;
    // A relation no words of its own gave is refined; one its words gave only by a transformation said of
    // every item of the section, and only a selection ("sampled"): a part of a fusion stays a part, items
    // taken "verbatim" stay as the card says.
    // Generation and distillation are said of the whole section even when not of "every" item: a generated
    // set holds none of the items it was seeded with, and distilled answers replace those of the items
    // selected, so which items were taken is no subset.
    const ofAll = transform.everyItem || transform.relation === 'Synthetic Generation' || transform.relation === 'CoT Distillation';
    const refines = !finding.explicitRelation || (ofAll && finding.relation === 'Direct Inclusion/Subset' && !finding.asIs);
    if (refines) {
      finding.relation = transform.relation;
      finding.explicitRelation = true;
    }
  }
}

/**
 * The cues of a unit that are not words inside a name: "simplified" in `eurlex-simplified` or "filtered"
 * in `kb-filtered-v2` says nothing of how data was taken (though "test" in `ivr-test-2024` still says
 * what the set is for). Only names joined by - _ . / count: a cue word
 * can open a written phrase ("Filtered from X").
 */
function cuesOutsideNames(cues: readonly CueSpan[], mentions: readonly Mention[], start: number, end: number): readonly CueSpan[] {
  const compound = mentions.filter((m) => /[-_./]/.test(m.name));
  if (compound.length === 0 || cues.length === 0) return cues;
  // Which name covers each character of the unit (0: none): a cue is inside one when both its ends are.
  const owner = new Int32Array(Math.max(0, end - start));
  compound.forEach((m, i) => owner.fill(i + 1, Math.max(0, m.start - start), Math.max(0, m.end - start)));
  return cues.filter((c) => {
    // A name that says it is a test or an evaluation set ("ivr-test-2024") still says so.
    if (c.kind === 'negative') return true;
    const first = owner[c.start] ?? 0;
    return first === 0 || owner[c.end - 1] !== first;
  });
}

/**
 * A code span that reads as a field, a label or a value rather than data: one mapped with an arrow
 * ("`toxic` → ours", "→ `identity_attack`"), or a plain snake_case word or constant (`ingame_form`,
 * `TODO_VO`) that no cue right beside it (or a list's or table's structure) names as a source.
 */
function readsAsValue(mention: Mention, unit: Unit, cue: CueSpan | undefined): boolean {
  if (mention.signal !== 'code' || mention.corpus || mention.known) return false;
  const start = mention.start - unit.start;
  const end = mention.end - unit.start;
  if (/(?:→|->|=>)[\s`]*$/.test(unit.reading.slice(Math.max(0, start - 6), start)) || /^[\s`]*(?:→|->|=>)/.test(unit.reading.slice(end, end + 6))) return true;
  if (!/^[a-z]+(?:_[a-z]+)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(mention.name) || unit.kind === 'code-line') return false;
  // "- `gold_answers` — …", "| `support_tickets` | 5k |": the name an item or a row opens with is named as one.
  if ((unit.kind === 'list-item' || unit.kind === 'table-row') && /^[\s*_`[(|]*$/.test(unit.reading.slice(0, start))) return false;
  if (!cue) return true;
  // A cue right before it ("built from `x`") or right after it ("`x` was filtered") names it as data.
  return !((cue.end <= start && start - cue.end <= 40) || (cue.start >= end && cue.start - end <= 40));
}

/** Relation words outside the names of a unit (offsets relative to the unit). */
function wordsOutside(words: readonly RelationWord[], mentions: readonly Mention[], unitStart: number): RelationWord[] {
  return words.filter((w) => !mentions.some((m) => w.start < m.end - unitStart && w.end > m.start - unitStart));
}

/** Relation words not under a negation: "nothing was re-transcribed or modified" says nothing was transformed. */
function affirmed(reading: string, words: readonly RelationWord[]): RelationWord[] {
  return words.filter((w) => !NEGATED_VERB.test(reading.slice(Math.max(0, w.start - 40), w.start)));
}
/** A negation of the verb itself ("nothing was … modified", "not translated"), not of a noun ("no essay from the seed set"). */
const NEGATED_VERB = /\b(?:not|nothing|never|none|neither|nor)\b[^.;:()—–]{0,40}$/i;

/** The line a versioned name belongs to: "support-sft" of `support-sft-v2`, `voice-asr-mix-r3`, `store-items.v5`. */
function versionLine(name: string): string | undefined {
  const m = /^(.*[\p{L}\p{N}])[-_. ]?(?:v|r|rc|version\s*)\d+(?:\.\d+)*$/iu.exec(shortName(name).trim());
  return m && m[1]!.length >= 3 ? nameKey(m[1]!) : undefined;
}

/** The name of an evaluation suite: "forge-eval-suite-v1", "kite-eval-suite-2025q1", "Ops Benchmark Suite". */
const EVALUATION_SUITE = /(?:^|[\s_./-])(?:eval|evals|evaluation|benchmark|bench)[\s_.-]+suite(?:$|[\s_./-])|(?:^|[\s_./-])suite[\s_.-]+(?:of\s+)?(?:evals?|evaluations?|benchmarks?)(?:$|[\s_./-])/i;

/** Where the prompts of a dataset came from, written just before the name. */
const PROMPT_SIDE = /(?:^[\s*_-]*|\|\s*)(?:prompts?|questions?|inputs?|instructions?|queries|problems|requests?)\s*[:|—–-]|\b(?:prompts?|questions?|inputs?|instructions?|queries|problems|requests?)\s+(?:[\w-]+\s+){0,2}?(?:of|from|in)\s+(?:the\s+)?[^.;:]{0,30}$/i;
/** Words for the answer side of an item, which CoT words must speak of to say the answers were distilled. */
const ANSWER_SIDE = /\b(?:answers?|responses?|completions?|outputs?|solutions?|rationales?|reasoning|explanations?|replies|targets)\b/i;

/**
 * "questions: … of X, kept word for word" and "answers: … regenerated by a teacher with step-by-step
 * reasoning": the prompts were taken as they are and the answers distilled, which the paper records as
 * CoT Distillation of X rather than a subset.
 */
function applyRegeneratedAnswers(findings: Finding[]): void {
  for (const finding of findings) if (finding.promptSide && finding.relation === 'Direct Inclusion/Subset') finding.relation = 'CoT Distillation';
}

/** Sources with no relation word of their own, in a document that merges several (or tabulates several as its parts), are parts of a fusion. */
function applyDocumentDefault(findings: Finding[], units: readonly Unit[], selfNames: readonly string[]): void {
  // Rows of a components table, the names list items open with: parts of one whole, those taken "as-is" too.
  const parts = new Set(findings.filter((f) => f.tableRow || f.itemHead).map((f) => nameKey(f.mention.corpus?.id ?? f.mention.known?.id ?? f.mention.name)));
  // A selection the lead says of every part ("numbers are sampling probabilities") is how the parts were weighed.
  if (parts.size >= 2) for (const f of findings) if ((f.tableRow || f.itemHead) && (f.asIs || f.fromLead) && f.relation === 'Direct Inclusion/Subset') f.relation = 'Structured Fusion';
  const undecided = findings.filter((f) => !f.explicitRelation);
  if (undecided.length === 0) return;
  const distinct = new Set(findings.map((f) => nameKey(f.mention.corpus?.id ?? f.mention.known?.id ?? f.mention.name)));
  if (distinct.size < 2) return;
  // The dataset's own name ("Weak Mix") says nothing of how it was made.
  const own = selfNames.map((n) => n.toLowerCase()).filter((n) => n.length >= 2);
  const fusionWords = units.some((u) => {
    if (u.kind !== 'heading' && u.kind !== 'sentence') return false;
    let reading = u.reading.toLowerCase();
    for (const name of own) reading = reading.split(name).join(' ');
    return /\b(?:mix|mixture|blend|merge[sd]?|merging|combin\w+|union|compil\w+|aggregat\w+|composition|components?)\b/.test(reading);
  });
  if (!fusionWords && parts.size < 2) return;
  for (const f of undecided) f.relation = 'Structured Fusion';
}
