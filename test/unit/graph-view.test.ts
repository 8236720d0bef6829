/** The graph view's rules, without a browser: layered layout, collapsed fan-ins, filters, focus and fading. */
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../shared/api/contract.js';
import type { Dataset } from '../../shared/domain/model.js';
import { displayRules } from '../../renderer/src/core/graph/display.js';
import { buildDisplayGraph, collapsedSources, layeredLayout, BENCHMARK_COLOR } from '../../renderer/src/core/graph/utils.js';
import type { FiltersState } from '../../renderer/src/core/filters/types.js';
import type { SelectionState } from '../../renderer/src/core/selection/types.js';
import type { SettingsState } from '../../renderer/src/core/settings/types.js';

const dataset = (id: string, extra: Partial<Dataset> = {}): Dataset => ({
  id, name: id, aliases: [], domains: ['Math'], kind: 'dataset', releaseDate: null, license: null, size: null, summary: null,
  dataType: null, visibility: 'public', languages: [], creators: [], url: null, ...extra,
});

// bench → a → b → c, and 30 single-use sources feeding the hub b.
const sources = Array.from({ length: 30 }, (_, i) => `s${i}`);
const data: GraphData = {
  nodes: [dataset('bench', { kind: 'benchmark' }), dataset('a', { releaseDate: '2022' }), dataset('b', { domains: ['Code'], releaseDate: '2023' }), dataset('c', { releaseDate: '2024' }), ...sources.map((s) => dataset(s))],
  edges: [
    { id: 1, upstream: 'bench', downstream: 'a', relation: 'Semantic Evolution', confidence: 0.9, status: 'accepted' },
    { id: 2, upstream: 'a', downstream: 'b', relation: 'Structured Fusion', confidence: 0.6, status: 'proposed' },
    { id: 3, upstream: 'b', downstream: 'c', relation: 'CoT Distillation', confidence: 0.95, status: 'accepted' },
    ...sources.map((s, i) => ({ id: 10 + i, upstream: s, downstream: 'b', relation: 'Direct Inclusion/Subset' as const, confidence: 0.8, status: 'proposed' as const })),
  ],
};
const filters: FiltersState = { hiddenDomains: [], hiddenRelations: [], statuses: ['proposed', 'accepted'], minConfidence: 0, yearFrom: null, yearTo: null };
const selection: SelectionState = { selected: null, hovered: null, focus: null, focusDepth: 2, layered: false, expanded: [], overlay: null, selectedEdge: null };
const settings: SettingsState = { offline: true, theme: 'light', reviewThreshold: 0.7, fanInLimit: 25, labelDensity: 0.5 };

describe('the graph view', () => {
  const graph = buildDisplayGraph(data);

  it('colours benchmarks apart, sizes by downstream datasets, and sets benchmarks in their own column', () => {
    expect(graph.getNodeAttribute('bench', 'color')).toBe(BENCHMARK_COLOR);
    expect(graph.getNodeAttribute('b', 'downstreamCount')).toBe(1);
    expect(graph.getNodeAttribute('bench', 'fixed')).toBe(true);
    const minDatasetX = Math.min(...graph.filterNodes((_id, a) => a.kind === 'dataset').map((id) => graph.getNodeAttribute(id, 'x')));
    expect(graph.getNodeAttribute('bench', 'x')).toBeLessThan(minDatasetX);
  });

  it('lays one lineage out in layers, upstream to the left', () => {
    const positions = layeredLayout(graph, 'b', 2);
    expect(positions.get('bench')!.x).toBeLessThan(positions.get('a')!.x);
    expect(positions.get('a')!.x).toBeLessThan(positions.get('b')!.x);
    expect(positions.get('c')!.x).toBeGreaterThan(positions.get('b')!.x);
  });

  it('collapses a large fan-in until the hub is opened', () => {
    expect(collapsedSources(graph, 25).size).toBe(30);
    const closed = displayRules(graph, filters, selection, settings);
    expect(closed.node('s0', graph.getNodeAttributes('s0')).hidden).toBe(true);
    expect(closed.node('b', graph.getNodeAttributes('b')).label).toBe('b (+30)');
    const opened = displayRules(graph, filters, { ...selection, expanded: ['b'] }, settings);
    expect(opened.node('s0', graph.getNodeAttributes('s0')).hidden).toBeUndefined();
    expect(opened.visibleNodes()).toBe(34);
  });

  it('filters by domain, relation, status, confidence and year', () => {
    const rules = displayRules(graph, { ...filters, hiddenDomains: ['Code'], yearTo: 2023, minConfidence: 0.7, statuses: ['accepted'] }, selection, settings);
    expect(rules.node('b', graph.getNodeAttributes('b')).hidden).toBe(true);
    expect(rules.node('c', graph.getNodeAttributes('c')).hidden).toBe(true);
    expect(rules.node('a', graph.getNodeAttributes('a')).hidden).toBeUndefined();
    expect(rules.edge('2', graph.getEdgeAttributes('2')).hidden).toBe(true);
    expect(rules.edge('1', graph.getEdgeAttributes('1')).hidden).toBeUndefined();
  });

  it('fades what lies outside the focused lineage, and hides it in layered mode', () => {
    const focused = displayRules(graph, filters, { ...selection, focus: 'c', focusDepth: 1, expanded: ['b'] }, settings);
    expect(focused.node('a', graph.getNodeAttributes('a')).label).toBe('');
    expect(focused.node('b', graph.getNodeAttributes('b')).label).toBe('b');
    const layered = displayRules(graph, filters, { ...selection, focus: 'c', focusDepth: 1, layered: true, expanded: ['b'] }, settings);
    expect(layered.visibleNodes()).toBe(2);
  });
});
