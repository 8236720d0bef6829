/** The quote a finding is shown with: its unit (a window around the name when the unit is long), plus the lead of its list. */
import type { EvidenceSpan } from '../types.js';
import type { Mention } from './candidates/mention.js';
import type { Unit } from './document/units.js';

const MAX_QUOTE = 600;

export function evidenceFor(unit: Unit, mention: Mention, text: string, leadIsCue: boolean): EvidenceSpan[] {
  let start = unit.start;
  let end = unit.end;
  if (end - start > MAX_QUOTE) {
    start = Math.max(unit.start, mention.start - MAX_QUOTE / 2);
    end = Math.min(unit.end, mention.end + MAX_QUOTE / 2);
    // Cut at word boundaries, but never into the name (a unit with no space in it is quoted as it falls).
    while (start > unit.start && start < mention.start && !/\s/.test(text[start - 1]!)) start++;
    while (end < unit.end && end > mention.end && !/\s/.test(text[end]!)) end--;
  }
  const spans: EvidenceSpan[] = [{ quote: text.slice(start, end), start, end }];
  // Quoted from the document itself: the view's text has its carriage returns read as spaces.
  if (unit.lead && leadIsCue && unit.lead.end - unit.lead.start <= MAX_QUOTE) spans.push({ quote: text.slice(unit.lead.start, unit.lead.end), start: unit.lead.start, end: unit.lead.end });
  return spans;
}
