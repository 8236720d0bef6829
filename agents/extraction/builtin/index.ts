/**
 * The built-in extractor: finds a document's upstream datasets with relation, confidence and verbatim
 * evidence, with no model. It follows the paper's rules — a source is data taken, derived, sampled or
 * merged, or a listed component; evaluation, citation, inspiration, models and organizations are not.
 */
import { hubIdFromUrl } from '../../../shared/domain/hub.js';
import { idForName, nameKey, shortName } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import { knownDatasets, type Registry } from '../../../shared/registry/resolve.js';
import type { CardMetadata } from '../../documents/card.js';
import type { DroppedMention, EvidenceSpan, ExtractionResult } from '../types.js';
import { IGNORED_SECTION, INSTRUCTION_TO_TOOL, relationFromText, SOURCE_SECTION } from './cues.js';
import { merge, type Finding } from './findings.js';
import { enumerationHeads, judge, strongestCue } from './judge.js';
import { findMentions, stripMarkup, type Mention } from './mentions.js';
import { applySectionTransforms, blankMentions, noteSectionTransform } from './relations.js';
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
