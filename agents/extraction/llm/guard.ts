/**
 * The hallucination and injection guard: a model's claim stands only if its evidence is found in the
 * document, is not text addressed to the tool (or hidden markup), does not come from a section the paper
 * never reads, and names the claimed dataset. Everything else is dropped with its reason.
 */
import { hubIdFromUrl, HUB_DATASET_URL, cleanHubId } from '../../../shared/domain/hub.js';
import { stripCitation } from '../../aggregation/canonical.js';
import { idForName, isHubId, nameKey, shortName } from '../../../shared/domain/names.js';
import type { Registry } from '../../../shared/registry/resolve.js';
import { readDocumentView, type Unit } from '../builtin/document/units.js';
import { addressesTheTool } from '../builtin/judge/hostile.js';
import { isSilenced, silencedRegions } from '../builtin/judge/hostility.js';
import { isIgnoredSection } from '../builtin/judge/sections.js';
import { looksLikeModel, whyNotASource } from '../builtin/not-sources.js';
import type { EvidenceSpan } from '../types.js';
import { locateQuote } from './locate.js';

export interface DocumentGuard {
  text: string;
  units: Unit[];
  /** Ranges no evidence may come from: hidden markup (comments, scripts) and text addressed to the tool. */
  untrusted: Array<[number, number]>;
  selfKeys: Set<string>;
  registry: Registry;
}

export interface Claim {
  name: string;
  confidence: number;
  evidence: string;
}

export type ClaimCheck = { ok: true; id: string; name: string; span: EvidenceSpan } | { ok: false; reason: string };

export function documentGuard(text: string, bodyStart: number, self: { name: string; id: string }, registry: Registry): DocumentGuard {
  const view = readDocumentView(text, bodyStart);
  const units = view.units;
  const untrusted: Array<[number, number]> = view.hidden.map((r) => [r.start, r.end]);
  // A region (block, <details>) with a unit addressed to the tool or written in disguised letters is untrusted whole.
  const silenced = silencedRegions(view);
  for (const unit of units) if (isSilenced(silenced, unit)) untrusted.push([unit.start, unit.end]);
  // Lines outside any unit (front matter, raw HTML) are checked line by line.
  let offset = 0;
  for (const line of text.split('\n')) {
    if (addressesTheTool(line)) untrusted.push([offset, offset + line.length]);
    offset += line.length + 1;
  }
  const selfKeys = new Set([nameKey(self.name), nameKey(self.id), nameKey(shortName(self.id))].filter(Boolean));
  return { text, units, untrusted, selfKeys, registry };
}

export function checkClaim(guard: DocumentGuard, claim: Claim, prefer?: { start: number; end: number }): ClaimCheck {
  const name = stripCitation(claim.name);
  if (!(claim.confidence >= 0.5)) return { ok: false, reason: `confidence ${claim.confidence} is below 0.5 (not reported under the rubric)` };
  const known = guard.registry.lookup(name);
  const hubId = isHubId(name) ? name : hubIdFromUrl(name);
  if (!known && !hubId) {
    const notSource = looksLikeModel(name) ? 'model' : whyNotASource(name);
    if (notSource) return { ok: false, reason: `"${name}" is ${notSource === 'model' ? 'a model' : notSource === 'organization' ? 'an organization' : `not a dataset name (${notSource})`}` };
  }
  const id = known?.id ?? hubId ?? idForName(name);
  if ([name, id, shortName(id)].some((n) => guard.selfKeys.has(nameKey(n)))) return { ok: false, reason: 'the dataset itself' };

  const located = locateQuote(guard.text, claim.evidence, prefer);
  if (!located) return { ok: false, reason: 'evidence not found in the document' };
  const { start, end } = located;
  if (addressesTheTool(located.quote) || guard.untrusted.some(([s, e]) => start < e && end > s)) {
    return { ok: false, reason: 'evidence is text addressed to the tool or hidden markup, read as nothing' };
  }
  const around = guard.units.filter((u) => u.kind !== 'heading' && start < u.end && end > u.start);
  const ignored = around.length > 0 && around.every((u) => isIgnoredSection(u.section));
  if (ignored) return { ok: false, reason: `evidence is in the "${around[0]!.section.at(-1)}" section, which is never read for lineage` };

  const window = contextOf(guard.text, start, end, around);
  if (!namesIt(window, name, id, known ? [known.name, ...known.aliases, known.id] : [])) {
    return { ok: false, reason: 'the evidence does not name it' };
  }
  const linked = hubId ?? known?.id ?? linkedHubId(window, name);
  return { ok: true, id: linked ?? id, name: known?.name ?? name, span: { quote: located.quote, start, end } };
}

/** The quote with the units it touches (a list item's lead, a table row's header), or its line when it touches none. */
function contextOf(text: string, start: number, end: number, units: Unit[]): string {
  if (units.length === 0) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  }
  const parts = [text.slice(Math.min(start, ...units.map((u) => u.start)), Math.max(end, ...units.map((u) => u.end)))];
  for (const unit of units) if (unit.header) parts.push(unit.header.join(' '));
  return parts.join(' ');
}

function namesIt(window: string, name: string, id: string, knownSpellings: string[]): boolean {
  const haystack = nameKey(window);
  const spellings = [name, id, shortName(id), shortName(name), ...knownSpellings, ...knownSpellings.map(shortName)];
  return spellings.some((spelling) => {
    const key = nameKey(spelling);
    return key.length >= 2 && haystack.includes(key);
  });
}

/** A hub link in the evidence whose short name is the claimed name: "names as written, or the org/name when linked". */
function linkedHubId(window: string, name: string): string | undefined {
  const key = nameKey(name);
  for (const match of window.matchAll(new RegExp(HUB_DATASET_URL.source, 'g'))) {
    const id = cleanHubId(match[1] ?? '');
    if (id && isHubId(id) && nameKey(shortName(id)) === key) return id;
  }
  return undefined;
}
