/**
 * The built-in extractor: finds a document's upstream datasets with relation, confidence and verbatim
 * evidence, with no model. It follows the paper's rules — a source is data taken, derived, sampled or
 * merged, or a listed component; evaluation, citation, inspiration, models and organizations are not.
 */
import { idForName, nameKey, shortName } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import { knownDatasets, type Registry } from '../../../shared/registry/resolve.js';
import type { CardMetadata } from '../../documents/card.js';
import type { DroppedMention, EvidenceSpan, ExtractedSource, ExtractionResult } from '../types.js';
import {
  FORMAT_AFTER,
  FORWARD_CUE_END,
  MODEL_BEFORE,
  SIZE_AFTER,
  IGNORED_SECTION,
  INSTRUCTION_TO_TOOL,
  NEGATION,
  NOT_SOURCE_CUE,
  SOURCE_SECTION,
  STRONG_SOURCE_CUE,
  WEAK_SOURCE_CUE,
  relationFromText,
} from './cues.js';
import { hubIdFromUrl } from '../../../shared/domain/hub.js';
import { findMentions, NOT_DATA_AFTER, stripMarkup, type Mention } from './mentions.js';
import { whyNotASource } from './not-sources.js';
import { documentUnits, type Unit } from './units.js';

export const BUILTIN_AGENT = 'builtin-extractor';

export interface ExtractInput {
  text: string;
  /** Used to name the dataset when the document does not. */
  path?: string;
  metadata?: CardMetadata;
  /** Where the markdown body starts (after YAML front matter) and where the YAML sits. */
  bodyStart?: number;
  yamlStart?: number;
  yamlEnd?: number;
  /** The dataset the document describes, when the caller knows it. */
  self?: { name: string; id?: string };
}

export interface ExtractOptions {
  registry?: Registry;
  /** Sources below this confidence are not reported (the paper's rubric stops at 0.5). */
  minConfidence?: number;
}

interface Finding {
  mention: Mention;
  id: string;
  name: string;
  relation: Relation;
  /** The relation was read from the words, not defaulted: it outvotes defaulted ones when merging. */
  explicitRelation: boolean;
  /** The headings the finding sits under, for section-level relation words. */
  section: string;
  confidence: number;
  evidence: EvidenceSpan[];
  signal: string;
}

const MAX_QUOTE = 600;

export function extractBuiltin(input: ExtractInput, options: ExtractOptions = {}): ExtractionResult {
  const registry = options.registry ?? knownDatasets();
  const minConfidence = options.minConfidence ?? 0.5;
  const text = input.text;
  const units = documentUnits(text, input.bodyStart ?? 0);
  const self = identifyDataset(input, units, registry);
  const selfKeys = new Set([nameKey(self.name), nameKey(self.id), nameKey(shortName(self.id))]);
  const findings: Finding[] = [];
  const dropped: DroppedMention[] = [];

  findings.push(...fromSourceDatasets(input, registry));
  const sectionTransforms = new Map<string, Relation>();

  for (const unit of units) {
    if (unit.kind === 'heading') continue;
    if (unit.section.some((heading) => IGNORED_SECTION.test(heading) && !SOURCE_SECTION.test(heading))) continue;
    if (INSTRUCTION_TO_TOOL.test(unit.text) || (unit.lead && INSTRUCTION_TO_TOOL.test(unit.lead.text))) {
      dropped.push({ name: unit.text.slice(0, 80), reason: 'text addressed to the tool, read as nothing', start: unit.start, end: unit.end });
      continue;
    }
    const mentions = findMentions(unit, registry);
    // Relation words are read with the names blanked out: "Evol-Instruct" or "CoT Alpaca" name data, not a method.
    const { relation, explicit } = relationFromText(
      `${unit.lead ? blankMentions(unit.lead.text, []) : ''} ${blankMentions(unit.text, mentions.map((m) => [m.start - unit.start, m.end - unit.start]))}`,
    );
    if (mentions.length === 0 && unit.kind === 'sentence') noteSectionTransform(sectionTransforms, unit);
    const chainHeads = enumerationHeads(mentions, text);
    for (const mention of mentions) {
      const verdict = judge(mention, unit, text, selfKeys, chainHeads.get(mention));
      if ('reason' in verdict) {
        dropped.push({ name: mention.name, reason: verdict.reason, start: mention.start, end: mention.end });
        continue;
      }
      if (verdict.confidence < minConfidence) {
        dropped.push({ name: mention.name, reason: `too weak (${verdict.confidence.toFixed(2)}, ${mention.signal})`, start: mention.start, end: mention.end });
        continue;
      }
      const known = mention.known;
      findings.push({
        mention,
        id: known?.id ?? mention.hubId ?? idForName(mention.name),
        name: known?.name ?? mention.name,
        relation,
        explicitRelation: explicit,
        section: unit.section.join(' / '),
        confidence: verdict.confidence,
        evidence: evidenceFor(unit, mention, text),
        signal: mention.signal,
      });
    }
  }

  applySectionTransforms(findings, sectionTransforms);
  const sources = merge(findings).filter((source) => !selfKeys.has(nameKey(source.id)) && !selfKeys.has(nameKey(source.name)));
  const found = new Set(sources.map((s) => nameKey(s.name)));
  return {
    dataset: self,
    sources,
    dropped: dropped.filter((d) => !found.has(nameKey(d.name))),
    agent: BUILTIN_AGENT,
    model: null,
  };
}

type Cue = 'strong' | 'from' | 'weak' | 'negative' | 'target';

/** "from" with at most two words between it and the name. */
const FROM_BEFORE = /\bfrom\s+(?:[\w-]+\s+){0,2}$/i;
type CueSpan = { cue: Cue; start: number; end: number };

function blankMentions(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}
type Verdict = { confidence: number } | { reason: string };

/** Between two names of one enumeration: a comma, "and", "or", a slash, perhaps a citation or a parenthesis. */
const ENUMERATION_GAP = /^[\s*_`"”'\])]*(?:\s*(?:\[[\d,\s–-]+\]|\([^()]{0,60}\)))?\s*(?:,|;|&|\/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?[\s*_`"“'[(]*$/i;

/**
 * "such as Airoboros, Know logic, EverythingLM and GPTeacher": the members of an enumeration share the
 * cue that governs its first member (the paper's "co-listed with confirmed sources").
 */
function enumerationHeads(mentions: Mention[], text: string): Map<Mention, Mention> {
  const heads = new Map<Mention, Mention>();
  for (let i = 1; i < mentions.length; i++) {
    const previous = mentions[i - 1]!;
    const current = mentions[i]!;
    if (current.start < previous.end || !ENUMERATION_GAP.test(text.slice(previous.end, current.start))) continue;
    heads.set(current, heads.get(previous) ?? previous);
  }
  return heads;
}

function judge(mention: Mention, unit: Unit, text: string, selfKeys: Set<string>, chainHead?: Mention): Verdict {
  const specific = Boolean(mention.hubId || mention.known);
  if (selfKeys.has(nameKey(mention.name)) || (mention.hubId && selfKeys.has(nameKey(mention.hubId)))) return { reason: 'the dataset itself' };
  if (!mention.known) {
    const why = whyNotASource(mention.hubId ? shortName(mention.hubId) : mention.name);
    if (why && !(mention.hubId && why === 'generic')) return { reason: why };
    if (mention.hubId && whyNotASource(mention.hubId) === 'model') return { reason: 'model' };
  }
  // What follows the name within its own unit (never the next paragraph).
  const after = text.slice(mention.end, Math.min(unit.end, mention.end + 50));
  if (FORMAT_AFTER.test(after)) return { reason: 'a format or style, not data' };
  if (mention.signal !== 'hub-link' && NOT_DATA_AFTER.test(after)) return { reason: 'a method, model, tool or place, not data' };
  if (!mention.hubId && MODEL_BEFORE.test(text.slice(Math.max(unit.start, mention.start - 30), mention.start))) return { reason: 'model' };

  const listLike = unit.kind === 'list-item' || unit.kind === 'table-row' || unit.kind === 'code-line';
  const anchor = chainHead ?? mention;
  let cue = governingCue(unit.text, anchor.start - unit.start, anchor.end - unit.start);
  // The last members of an enumeration may carry their own cue after them ("X, Y and Z were filtered").
  if (chainHead && cue !== 'negative') cue = strongerCue(cue, governingCue(unit.text, mention.start - unit.start, mention.end - unit.start));
  if (!cue && listLike && unit.lead) cue = strongestCue(unit.lead.text);
  if (cue === 'negative') return { reason: 'evaluated on, compared with or cited, not a source' };
  // A list item's or table row's leading name is the component the rest describes: "**GSM8K**: 6,000
  // questions sampled from the train split" says how GSM8K was used, not that GSM8K was derived.
  if (cue === 'target' && listLike && isLeadingName(unit, mention)) cue = unit.lead ? strongestCue(unit.lead.text) : undefined;
  if (cue === 'target') return { reason: 'named as the derived dataset, before "from"/"of"' };
  const sourceSection = unit.section.some((heading) => SOURCE_SECTION.test(heading));
  const named = mention.signal === 'list-head' || mention.signal === 'table-cell';

  if (cue !== 'strong' && (SIZE_AFTER.test(after) || mention.listed)) cue = 'strong';
  // "questions from X", "Data: From X": "from" right before the name says where the data came from.
  if ((cue === 'weak' || !cue) && FROM_BEFORE.test(text.slice(Math.max(unit.start, anchor.start - 40), anchor.start))) cue = 'from';
  let confidence: number;
  if (cue === 'from') confidence = specific ? 0.85 : named ? 0.8 : 0.7;
  else if (cue === 'strong') confidence = specific ? 0.92 : named ? 0.88 : 0.8;
  else if (sourceSection) confidence = specific ? 0.88 : named ? 0.85 : cue === 'weak' ? 0.7 : 0.6;
  else if (cue === 'weak') confidence = specific ? 0.72 : named ? 0.55 : 0.45;
  else if (mention.signal === 'hub-link' || mention.signal === 'hub-id') confidence = 0.6;
  else if (mention.signal === 'registry') confidence = 0.55;
  else confidence = 0.4;

  if (mention.known?.kind === 'benchmark' && cue !== 'strong' && cue !== 'from' && !sourceSection) confidence -= 0.15;
  if (mention.signal === 'github' && cue !== 'strong') confidence -= 0.1;
  if (!specific && mention.signal === 'phrase') confidence = phraseConfidence(mention, after, confidence);
  return { confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100 };
}

/**
 * A name no registry or hub link identifies is reported in the paper's "ambiguous" band at best, so it
 * lands in the review queue: measured against the paper's own graph, about half of them are sources
 * the graph names some other way or not at all (see bench/extractor-paper.ts).
 */
const UNKNOWN_NAME_CEILING = 0.65;

/** Words right after a name that say it is data: "the Pew dataset", "the C4 corpus". */
const DATA_WORD_AFTER = /^[\s"”']*(?:\[\d+\]\s*)?(?:dataset|datasets|corpus|corpora|benchmark|collection|data\b|set\b|suite|bank|subset|split)/i;

/**
 * How much an unknown name-like phrase reads as a dataset: named as data ("X dataset") most; a coined
 * name (inner capital, digit, hyphen: "OpenWebMath", "Geometry3K") next; plain Title Case words, which are
 * as often organisations, books or methods, least; a lone ordinary word is not reported.
 */
function phraseConfidence(mention: Mention, after: string, cueConfidence: number): number {
  if (/\p{Ll}\p{Lu}|\p{N}|[-_]|^\p{Lu}{2,}\b/u.test(mention.name) || DATA_WORD_AFTER.test(after)) {
    return Math.min(cueConfidence, UNKNOWN_NAME_CEILING);
  }
  return Math.min(cueConfidence, 0.45);
}

const CUE_PATTERNS: Array<[Cue, RegExp]> = [
  ['negative', new RegExp(NOT_SOURCE_CUE.source, 'gi')],
  ['strong', new RegExp(STRONG_SOURCE_CUE.source, 'gi')],
  ['weak', new RegExp(WEAK_SOURCE_CUE.source, 'gi')],
];
const CUE_RANK: Record<Cue, number> = { negative: 0, strong: 1, from: 2, weak: 3, target: 4 };

/** The cue spans of the last few units read: a unit's mentions all ask about the same text. */
const cueCache = new Map<string, CueSpan[]>();

function cueSpans(text: string): CueSpan[] {
  const cached = cueCache.get(text);
  if (cached) return cached;
  const spans = findCueSpans(text);
  if (cueCache.size > 64) cueCache.clear();
  cueCache.set(text, spans);
  return spans;
}

function findCueSpans(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  for (const [cue, pattern] of CUE_PATTERNS) for (const m of text.matchAll(pattern)) spans.push({ cue, start: m.index, end: m.index + m[0].length });
  // A weak word right after a stronger cue belongs to it ("overlaps with", "derived from the … with").
  return spans.filter((s) => s.cue !== 'weak' || !spans.some((o) => o.cue !== 'weak' && o.end <= s.start && s.start - o.end <= 2));
}

/**
 * The cue that governs a mention: the nearest one before it in its sentence (a clause boundary such as
 * ";" resets), else the nearest one shortly after it ("X was filtered to…", "X is used for evaluation").
 */
function governingCue(text: string, start: number, end: number): Cue | undefined {
  const spans = cueSpans(text).filter((s) => s.end <= start || s.start >= end);
  const boundary = text.lastIndexOf(';', start - 1);
  const before = spans
    .filter((s) => s.end <= start && s.start > boundary)
    .sort((a, b) => b.end - a.end || CUE_RANK[a.cue] - CUE_RANK[b.cue])[0];
  const after = spans.filter((s) => s.start >= end && s.start - end <= 60).sort((a, b) => a.start - b.start || CUE_RANK[a.cue] - CUE_RANK[b.cue])[0];
  if (before) return negated(text, before);
  if (!after) return undefined;
  // "Y is a subset of X": Y stands before a forward cue, so Y is what was derived.
  if (after.cue === 'strong' && FORWARD_CUE_END.test(text.slice(after.start, after.end))) return 'target';
  return negated(text, after);
}

/** A source cue under a negation ("none of it is taken from") says the opposite. */
function negated(text: string, span: CueSpan): Cue {
  if (span.cue === 'negative') return span.cue;
  return NEGATION.test(text.slice(Math.max(0, span.start - 80), span.end)) ? 'negative' : span.cue;
}

function isLeadingName(unit: Unit, mention: Mention): boolean {
  return /^[\s|*_`[(]*$/.test(unit.text.slice(0, mention.start - unit.start));
}

function strongerCue(a: Cue | undefined, b: Cue | undefined): Cue | undefined {
  const order: Array<Cue | undefined> = ['negative', 'target', 'strong', 'from', 'weak', undefined];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

function strongestCue(text: string): Cue | undefined {
  const cues = new Set(cueSpans(text).map((s) => negated(text, s)));
  if (cues.has('strong')) return 'strong';
  if (cues.has('negative')) return 'negative';
  return cues.has('weak') ? 'weak' : undefined;
}

/** The unit as the quote (a window around the mention when the unit is long), plus the list's lead. */
function evidenceFor(unit: Unit, mention: Mention, text: string): EvidenceSpan[] {
  let start = unit.start;
  let end = unit.end;
  if (end - start > MAX_QUOTE) {
    start = Math.max(unit.start, mention.start - MAX_QUOTE / 2);
    end = Math.min(unit.end, mention.end + MAX_QUOTE / 2);
    while (start > unit.start && !/\s/.test(text[start - 1]!)) start++;
    while (end < unit.end && !/\s/.test(text[end]!)) end--;
  }
  const spans: EvidenceSpan[] = [{ quote: text.slice(start, end), start, end }];
  if (unit.lead && unit.lead.end - unit.lead.start <= MAX_QUOTE && strongestCue(unit.lead.text) === 'strong') {
    spans.push({ quote: unit.lead.text, start: unit.lead.start, end: unit.lead.end });
  }
  return spans;
}

const TRANSFORMS: ReadonlySet<Relation> = new Set(['CoT Distillation', 'Synthetic Generation', 'Semantic Evolution']);

/** A sentence that names no dataset but says what was done to the data ("we regenerated every answer with CoT"). */
function noteSectionTransform(transforms: Map<string, Relation>, unit: Unit): void {
  const { relation } = relationFromText(unit.text);
  const section = unit.section.join(' / ');
  if (TRANSFORMS.has(relation) && !transforms.has(section)) transforms.set(section, relation);
}

/**
 * Selection words ("sampled", "merged") say which items were taken; a transformation stated in the same
 * section says what became of them, which is the relation the paper records.
 */
function applySectionTransforms(findings: Finding[], transforms: Map<string, Relation>): void {
  for (const finding of findings) {
    const transform = transforms.get(finding.section);
    if (transform && !TRANSFORMS.has(finding.relation)) {
      finding.relation = transform;
      finding.explicitRelation = true;
    }
  }
}

/** `source_datasets` in the card's YAML: `original` is the dataset itself; `extended|x` extends x. */
function fromSourceDatasets(input: ExtractInput, registry: Registry): Finding[] {
  const values = input.metadata?.sourceDatasets ?? [];
  const findings: Finding[] = [];
  for (const value of values) {
    const written = value.replace(/^extended\|/, '').trim();
    if (!written || /^original$/i.test(written)) continue;
    const known = registry.lookup(written);
    const hubId = hubIdFromUrl(written) ?? (written.includes('/') ? written : undefined);
    const at = locateInYaml(input, value);
    const lineStart = input.text.lastIndexOf('\n', at) + 1;
    const lineEndRaw = input.text.indexOf('\n', at);
    const lineEnd = lineEndRaw < 0 ? input.text.length : lineEndRaw;
    const mention: Mention = { name: written, hubId, known, start: at, end: at + value.length, signal: 'yaml' };
    findings.push({
      mention,
      id: known?.id ?? hubId ?? idForName(written),
      name: known?.name ?? written,
      relation: /^extended\|/.test(value) ? 'Semantic Evolution' : 'Direct Inclusion/Subset',
      explicitRelation: /^extended\|/.test(value),
      section: '',
      confidence: 0.95,
      evidence: [{ quote: input.text.slice(lineStart, lineEnd), start: lineStart, end: lineEnd }],
      signal: 'yaml',
    });
  }
  return findings;
}

function locateInYaml(input: ExtractInput, value: string): number {
  const from = input.text.indexOf('source_datasets', input.yamlStart ?? 0);
  const at = input.text.indexOf(value, from < 0 ? 0 : from);
  return at < 0 ? Math.max(0, from) : at;
}

/** One source per dataset: highest confidence, relation voted by confidence, evidence joined. */
function merge(findings: Finding[]): ExtractedSource[] {
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding) => (f.mention.known || f.mention.hubId ? nameKey(f.id) : nameKey(f.name));
  for (const finding of findings) {
    const key = keyOf(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  // A written name that is the short name of a hub id found in the same document is that dataset.
  for (const [key, group] of groups) {
    if (group.some((f) => f.mention.hubId || f.mention.known)) continue;
    const target = [...groups.entries()].find(([otherKey, others]) => otherKey !== key && others.some((f) => f.mention.hubId && nameKey(shortName(f.mention.hubId)) === key));
    if (target) {
      target[1].push(...group);
      groups.delete(key);
    }
  }
  return [...groups.values()]
    .map((group) => {
      const best = group.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      const votes = new Map<Relation, number>();
      // A relation read from the words outweighs a defaulted one (YAML source_datasets says nothing of how).
      for (const f of group) votes.set(f.relation, (votes.get(f.relation) ?? 0) + f.confidence * (f.explicitRelation ? 1 : 0.3));
      const relation = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const identified = group.find((f) => f.mention.known || f.mention.hubId) ?? best;
      const evidence = dedupeSpans(group.sort((a, b) => b.confidence - a.confidence).flatMap((f) => f.evidence)).slice(0, 5);
      return {
        name: identified.name,
        id: identified.id,
        relation,
        confidence: best.confidence,
        evidence,
        signals: [...new Set(group.map((f) => f.signal))],
      };
    })
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

function dedupeSpans(spans: EvidenceSpan[]): EvidenceSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The dataset a document describes: the caller's word, the card's pretty_name, its first heading, its file name. */
function identifyDataset(input: ExtractInput, units: Unit[], registry: Registry): { name: string; id: string } {
  if (input.self) return { name: input.self.name, id: input.self.id ?? registry.lookup(input.self.name)?.id ?? idForName(input.self.name) };
  const heading = units.find((u) => u.kind === 'heading');
  const headingName = heading ? stripMarkup(heading.text.replace(/^#+\s*/, '')).replace(/^(?:dataset\s+card\s+for|dataset\s+card:?|the)\s+/i, '').trim() : undefined;
  const name = input.metadata?.prettyName ?? headingName ?? fileStem(input.path) ?? 'untitled';
  const known = registry.lookup(name);
  return { name, id: known?.id ?? idForName(name) };
}

function fileStem(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split(/[\\/]/).filter(Boolean);
  const file = parts.pop() ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  // README.md names nothing: the folder it sits in does.
  return /^(?:readme|card|dataset_card|index)$/i.test(stem) ? parts.pop() : stem;
}
