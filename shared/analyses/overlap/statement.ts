/**
 * What evidence from the data says, in words, where a quote would be: the containment figures both
 * ways and a few matched samples on both sides — never text the samples do not hold.
 */
import type { SampleOverlap } from '../../domain/model.js';

export function percent(share: number): string {
  const p = share * 100;
  return p > 0 && p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

export function overlapStatement(upstream: string, downstream: string, overlap: SampleOverlap): string {
  const up = overlap.upstreamInDownstream;
  const down = overlap.downstreamInUpstream;
  const basis = up.matched >= down.matched ? up : down;
  const answers = basis.exact > 0 ? `; ${percent(basis.exact ? Math.min(1, basis.identical / basis.exact) : 0)} of exact prompts with the same response` : '';
  const parts = [
    `from data: ${percent(up.share)} of ${possessive(upstream)} samples found in ${downstream} (exact ${percent(up.exact)}, near ${percent(up.near)})`,
    `${percent(down.share)} of ${possessive(downstream)} found in ${upstream} (exact ${percent(down.exact)}, near ${percent(down.near)})${answers}`,
  ];
  const examples = overlap.examples.slice(0, 2).map((e) => `${upstream} ${baseName(e.upstream.file)}:${e.upstream.row} ↔ ${downstream} ${baseName(e.downstream.file)}:${e.downstream.row}${e.match === 'near' ? ' (near)' : ''}`);
  return `${parts.join(', ')}${examples.length ? `; e.g. ${examples.join(', ')}` : ''}`;
}

/** One sentence on what the downstream took from the upstream, for summaries (the demo, the app's list). */
export function overlapSummary(upstream: string, downstream: string, overlap: SampleOverlap): string {
  const share = percent(overlap.downstreamInUpstream.share);
  const took = {
    identical: `are copied from ${upstream}`,
    'same prompts': `take their prompt from ${upstream}, with a new response`,
    'near prompts': `have a prompt close to one in ${upstream}`,
  }[overlap.sides];
  const example = overlap.examples[0];
  const where = example ? `; e.g. ${upstream} ${baseName(example.upstream.file)}:${example.upstream.row} ↔ ${downstream} ${baseName(example.downstream.file)}:${example.downstream.row}` : '';
  return `${share} of ${possessive(downstream)} samples ${took}${where}`;
}

/** Why a stated edge is contradicted: how many sampled records were compared, and none found. */
export function contradictionSummary(upstream: string, downstream: string, overlap: SampleOverlap): string {
  return `none of ${overlap.upstreamInDownstream.checked} sampled records of ${upstream} is in ${downstream}, nor any of ${overlap.downstreamInUpstream.checked} the other way`;
}
