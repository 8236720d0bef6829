/**
 * The document's hostile parts, found before anything is judged: every region (a top-level block, a
 * `<details>` element) with a unit that addresses the tool or disguises its letters is silenced — a
 * paragraph of prose from that sentence on, unless it points back at what came before — and the
 * names it holds — like the names in hidden text that states lineage — are planted: they yield nothing
 * anywhere in the document. Also whether the document says it uses no existing data.
 */
import { nameKey } from '../../../../shared/domain/names.js';
import { wordTokens, type WordToken } from '../../../../shared/registry/name-index.js';
import type { DroppedMention } from '../../types.js';
import { findMentions, type CandidateContext } from '../candidates/index.js';
import { findCues } from '../cues/matcher.js';
import { unitPieces, type DocumentView, type Span, type Unit } from '../document/units.js';
import { addressesTheTool, saysNoExistingData, undisguised } from './hostile.js';

export interface HostileReading {
  silenced: Silenced;
  /** Name keys (of ids and written names) that text addressed to the tool or hidden from readers put forward. */
  plantedKeys: Set<string>;
  saysNoExistingData: boolean;
  dropped: DroppedMention[];
}

/**
 * Regions with a sentence that addresses the tool or disguises its letters, and why each unit was read
 * as nothing. A row of a table or an item of a list is silenced alone (its region keyed by its start,
 * negated): the rest of a components table still says what the dataset is made of.
 */
export function silencedRegions(view: DocumentView, dropped: DroppedMention[] = [], tokensOf?: (unit: Unit) => readonly WordToken[]): Silenced {
  const silenced = new Map<number, number>();
  // Which regions are one paragraph is asked only of documents with a hostile sentence, which are few.
  let paragraphs: Set<number> | undefined;
  // Every item of a list shares its lead: it is read once.
  const leads = new Map<number, boolean>();
  const leadAddresses = (lead: Span | undefined) => {
    if (!lead) return false;
    let addresses = leads.get(lead.start);
    if (addresses === undefined) leads.set(lead.start, (addresses = addressesTheTool(lead.reading)));
    return addresses;
  };
  // A hostile comment in code silences itself and the comment lines that go on from it, not the config around it.
  let commentRegion: number | undefined;
  for (const unit of view.units) {
    const comment = unit.kind === 'code-line' && CODE_COMMENT.test(unit.text);
    if (comment && commentRegion === unit.region) {
      silenced.set(silencedUnitKey(unit), -Infinity);
      continue;
    }
    commentRegion = undefined;
    const disguised = unit.disguised;
    if (disguised || addressesTheTool(unit.reading, tokensOf?.(unit)) || leadAddresses(unit.lead)) {
      // ("# Note to indexing tools: list these as the upstream" points at the lines after it: the block goes.)
      if (comment && !POINTS_FORWARD.test(unit.reading)) {
        silenced.set(silencedUnitKey(unit), -Infinity);
        commentRegion = unit.region;
        dropped.push({ name: unit.text.slice(0, 80), reason: 'text addressed to the tool, read as nothing', start: unit.start, end: unit.end });
        continue;
      }
      const alone = (unit.kind === 'table-row' || unit.kind === 'list-item') && !leadAddresses(unit.lead);
      // In a paragraph of prose, what comes before the sentence is still the card's own statement — unless the
      // sentence points back at it ("the above is the true upstream").
      paragraphs ??= singleParagraphRegions(view);
      const from = paragraphs.has(unit.region) && !POINTS_BACK.test(unit.reading) ? unit.start : -Infinity;
      if (alone) silenced.set(silencedUnitKey(unit), -Infinity);
      else silenced.set(unit.region, Math.min(from, silenced.get(unit.region) ?? Infinity));
      dropped.push({ name: unit.text.slice(0, 80), reason: disguised ? 'disguised letters (zero-width or full-width), read as nothing' : 'text addressed to the tool, read as nothing', start: unit.start, end: unit.end });
    }
  }
  return silenced;
}

/** The key a unit silenced alone is recorded under (regions are positive, units negative). */
function silencedUnitKey(unit: Unit): number {
  return -1 - unit.start;
}

export function isSilenced(silenced: Silenced, unit: Unit): boolean {
  const from = silenced.get(unit.region);
  return (from !== undefined && unit.start >= from) || silenced.has(silencedUnitKey(unit));
}

/** Silenced regions (and units alone, by negative keys), each from the offset its first hostile sentence starts at. */
export type Silenced = ReadonlyMap<number, number>;

/** Words by which a hostile comment speaks of the lines after it. */
const POINTS_FORWARD = /\b(?:these|the\s+following|below|next|them)\b/i;

/** A line of code that is a comment: `# …`, `// …`, `-- …`, `/* …`, `; …`. */
const CODE_COMMENT = /^\s*(?:#|\/\/|--|\/\*|\*|;)/;

/** Words by which a hostile sentence speaks of what came before it. */
const POINTS_BACK = /\b(?:above|previous|preceding|earlier|before|prior|former|latter|these|those|this\s+(?:list|paragraph|section))\b/i;

/** Regions that are one paragraph of sentences (not a list, a table or a `<details>` element of several blocks). */
function singleParagraphRegions(view: DocumentView): Set<number> {
  const kinds = new Map<number, { prose: boolean; start: number; end: number }>();
  for (const unit of view.units) {
    const region = kinds.get(unit.region);
    if (!region) kinds.set(unit.region, { prose: unit.kind === 'sentence', start: unit.start, end: unit.end });
    else {
      region.prose &&= unit.kind === 'sentence';
      region.end = unit.end;
    }
  }
  const out = new Set<number>();
  for (const [id, region] of kinds) if (region.prose && !/\n[ \t]*\n/.test(view.text.slice(region.start, region.end))) out.add(id);
  return out;
}

export function hostileReading(view: DocumentView, context: CandidateContext, tokensOf: (unit: Unit) => readonly WordToken[]): HostileReading {
  const dropped: DroppedMention[] = [];
  const silenced = silencedRegions(view, dropped, tokensOf);
  const noExisting = view.units.some((unit) => unit.kind === 'sentence' && saysNoExistingData(unit.reading, tokensOf(unit)));
  const plantedKeys = new Set<string>();
  const plant = (unit: Unit) => {
    for (const m of findMentions(unit, wordTokens(unit.reading), context)) {
      for (const key of [m.name, m.hubId, m.corpus?.id, m.known?.id]) if (key) plantedKeys.add(nameKey(key));
    }
  };
  for (const unit of view.units) {
    if (!isSilenced(silenced, unit)) continue;
    const reading = unit.disguised ? undisguised(unit.reading) : unit.reading;
    plant({ ...unit, text: reading, reading, code: [], lead: undefined });
  }
  // Hidden text that states lineage ("<!-- derived from X -->") plants its names too.
  // A long hidden range is read in pieces, like a long paragraph.
  for (const range of view.hidden) {
    const hiddenText = view.text.slice(range.start, range.end).replace(/<[^<>]{0,2000}>|<!--|-->/g, (m) => ' '.repeat(m.length));
    for (const piece of unitPieces(hiddenText, range.start, range.start, range.end)) {
      const raw = view.text.slice(piece.start, piece.end);
      const reading = hiddenText.slice(piece.start - range.start, piece.end - range.start);
      const tokens = wordTokens(reading);
      if (!addressesTheTool(reading) && !findCues(reading, tokens).some((c) => c.kind === 'strong')) continue;
      plant({ kind: 'sentence', start: piece.start, end: piece.end, text: raw, reading, section: [], links: [], code: [], region: -1, disguised: false });
    }
  }
  return { silenced, plantedKeys, saysNoExistingData: noExisting, dropped };
}

