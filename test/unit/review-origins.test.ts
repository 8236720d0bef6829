/** Every agent that writes evidence has the origin a person filters the review queue on. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_AGENT, BUILTIN_STRUCTURE_AGENT } from '../../agents/extraction/builtin/index.js';
import { HYBRID_AGENT } from '../../agents/extraction/llm/hybrid.js';
import { LLM_AGENT } from '../../agents/extraction/llm/index.js';
import { OVERLAP_AGENT } from '../../engine/analyses/overlap/write.js';
import { AGENT as DPI_AGENT } from '../../engine/import/dpi.js';
import { AGENT as PAPER_AGENT } from '../../engine/import/paper.js';
import { originLabel, originOfAgent } from '../../shared/review/filter.js';

describe('review origins', () => {
  it.each([
    [PAPER_AGENT, 'paper', 'paper import'],
    [DPI_AGENT, 'dpi', 'DPI import'],
    [BUILTIN_AGENT, 'builtin', 'built-in extractor'],
    [BUILTIN_STRUCTURE_AGENT, 'builtin', 'built-in extractor'],
    [LLM_AGENT, 'model', 'model'],
    [HYBRID_AGENT, 'hybrid', 'model (hybrid)'],
    [OVERLAP_AGENT, 'data', 'sample overlap'],
  ])('%s → %s', (agent, origin, label) => {
    expect(originOfAgent(agent)).toBe(origin);
    expect(originLabel(originOfAgent(agent))).toBe(label);
  });
});
