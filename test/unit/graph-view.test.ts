/**
 * The graph view's rules, without a browser: layered layout (grids, groups, fitting the canvas), kept
 * positions and newcomers placed near their neighbours, the summary, labels that never overlap, the
 * camera that frames boxes, collapsed fan-ins, filters, focus and fading.
 */
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../shared/api/contract.js';
import type { Dataset } from '../../shared/domain/model.js';
import { displayRules } from '../../renderer/src/core/graph/display.js';
import { buildDisplayGraph, collapsedSources, placeBenchmarksApart, BENCHMARK_COLOR } from '../../renderer/src/core/graph/utils.js';
import { placeNewNodes, settlePositions } from '../../renderer/src/core/graph/positions.js';
import { computeLayout } from '../../renderer/src/core/graph/layout.js';
import { isGroup, layeredGraph, layeredLayout, ROW } from '../../renderer/src/core/layered/utils.js';
import { chooseLabels, frameItems, freeArea, labelBox, overlaps, union } from '../../renderer/src/core/camera/utils.js';
import { summaryCore, summaryShown } from '../../renderer/src/core/view/utils.js';
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
const settings: SettingsState = { offline: true, theme: 'light', reviewThreshold: 0.7, fanInLimit: 25, labelDensity: 0.5, folders: { samples: '', benchmarks: '', library: '' } };

describe('the graph view', () => {
  const graph = buildDisplayGraph(data);

  it('colours benchmarks apart, sizes by downstream datasets, and sets benchmarks in their own column', () => {
    placeBenchmarksApart(graph);
    expect(graph.getNodeAttribute('bench', 'color')).toBe(BENCHMARK_COLOR);
    expect(graph.getNodeAttribute('b', 'downstreamCount')).toBe(1);
    expect(graph.getNodeAttribute('bench', 'fixed')).toBe(true);
    const minDatasetX = Math.min(...graph.filterNodes((_id, a) => a.kind === 'dataset').map((id) => graph.getNodeAttribute(id, 'x')));
    expect(graph.getNodeAttribute('bench', 'x')).toBeLessThan(minDatasetX);
  });

  it('lays one lineage out in layers, upstream to the left', () => {
    const { positions } = layeredLayout(graph, 'b', 2, { width: 2000, height: 2000, measure, opened: new Set() });
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

const measure = (label: string) => label.length * 7;

/** A hub with `n` upstream sources over three domains, and one downstream dataset. */
function fanIn(n: number): GraphData {
  const names = Array.from({ length: n }, (_, i) => `org-${String(i).padStart(3, '0')}/source-dataset-${i}`);
  return {
    nodes: [dataset('hub'), dataset('after'), ...names.map((id, i) => dataset(id, { domains: [['Math', 'Code', 'General'][i % 3]!] }))],
    edges: [
      { id: 1, upstream: 'hub', downstream: 'after', relation: 'Structured Fusion', confidence: 0.9, status: 'accepted' },
      ...names.map((id, i) => ({ id: 10 + i, upstream: id, downstream: 'hub', relation: 'Direct Inclusion/Subset' as const, confidence: 0.9, status: 'accepted' as const })),
    ],
  };
}

/** The label boxes of a layered layout drawn 1:1, as sigma would at the camera that fits it. */
function labelBoxes(layered: ReturnType<typeof layeredLayout>) {
  return [...layered.positions.values()].map((p) => labelBox({ x: p.x, y: -p.y }, 5, measure(p.label), 12));
}

describe('the layered view of a large fan-in', () => {
  it('wraps a layer taller than the canvas into a grid of columns whose labels do not overlap', () => {
    const graph = buildDisplayGraph(fanIn(60));
    const layered = layeredLayout(graph, 'hub', 1, { width: 1600, height: 500, measure, opened: new Set() });
    expect(layered.groups).toEqual([]);
    expect(layered.fits).toBe(true);
    const sources = [...layered.positions].filter(([id]) => id.startsWith('org-'));
    expect(sources).toHaveLength(60);
    const rows = Math.floor((500 - 16) / ROW);
    expect(new Set(sources.map(([, p]) => p.x)).size).toBe(Math.ceil(60 / rows));
    const boxes = labelBoxes(layered);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('groups the layer by domain when a grid would be wider than the canvas, and opens a group in place', () => {
    const graph = buildDisplayGraph(fanIn(150));
    const closed = layeredLayout(graph, 'hub', 1, { width: 800, height: 500, measure, opened: new Set() });
    expect(closed.groups.map((g) => [g.label, g.members.length])).toEqual([['Code · 50 datasets', 50], ['General · 50 datasets', 50], ['Math · 50 datasets', 50]]);
    expect(closed.fits).toBe(true);
    expect(closed.placedAs.get('org-000/source-dataset-0')).toBe(closed.groups[2]!.key);
    const math = closed.groups[2]!.key;
    const opened = layeredLayout(graph, 'hub', 1, { width: 800, height: 500, measure, opened: new Set([math]) });
    expect(opened.positions.has('org-000/source-dataset-0')).toBe(true);
    expect(opened.positions.has(math)).toBe(false);
    expect(opened.fits).toBe(true);
    const boxes = labelBoxes(opened);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    // The groups become nodes of the layered graph, with their members' edges merged.
    const shown = layeredGraph(graph, closed);
    expect(shown.filterNodes((id) => isGroup(id))).toHaveLength(3);
    expect(shown.hasEdge(closed.groups[0]!.key, 'hub')).toBe(true);
    expect(shown.getNodeAttribute(math, 'group')).toEqual({ key: math, members: 50 });
  });
});

describe('positions that stay put', () => {
  it('places a new dataset near its neighbours and moves nothing else', () => {
    const before = buildDisplayGraph(data);
    for (const [id, x, y] of computeLayout({ nodes: before.mapNodes((id, a) => [id, a.x, a.y, false]), edges: before.mapEdges((_e, _a, s, t) => [s, t]) })) before.mergeNodeAttributes(id, { x, y });
    const saved = new Map(settlePositions(before).map(([id, x, y]) => [id, [x, y] as [number, number]]));
    const grown: GraphData = { nodes: [...data.nodes, dataset('d')], edges: [...data.edges, { id: 99, upstream: 'c', downstream: 'd', relation: 'CoT Distillation', confidence: 0.9, status: 'accepted' }] };
    const after = buildDisplayGraph(grown, saved);
    expect(placeNewNodes(after, new Set(saved.keys()))).toEqual(['d']);
    for (const [id, [x, y]] of saved) expect([after.getNodeAttribute(id, 'x'), after.getNodeAttribute(id, 'y')]).toEqual([x, y]);
    const c = saved.get('c')!;
    const distances = [...saved.values()].map(([x, y]) => Math.hypot(x - c[0], y - c[1])).filter((d) => d > 0).sort((a, b) => a - b);
    expect(Math.hypot(after.getNodeAttribute('d', 'x') - c[0], after.getNodeAttribute('d', 'y') - c[1])).toBeLessThan(distances[Math.floor(distances.length / 2)]!);
    // The same project gets the same first layout.
    const again = computeLayout({ nodes: buildDisplayGraph(data).mapNodes((id, a) => [id, a.x, a.y, false]), edges: before.mapEdges((_e, _a, s, t) => [s, t]) });
    const first = computeLayout({ nodes: buildDisplayGraph(data).mapNodes((id, a) => [id, a.x, a.y, false]), edges: before.mapEdges((_e, _a, s, t) => [s, t]) });
    expect(again).toEqual(first);
  });
});

describe('the summary of a large graph', () => {
  it('shows the biggest hubs, the roots that feed most and the benchmarks, and a selection with its neighbours', () => {
    const graph = buildDisplayGraph(fanIn(40));
    const core = summaryCore(graph, { hubs: 1, roots: 2, benchmarks: 1 });
    expect([...core]).toEqual(['hub', 'org-000/source-dataset-0', 'org-001/source-dataset-1']);
    const shown = summaryShown(graph, core, [], ['after']);
    expect(shown.has('after')).toBe(true);
    const rules = displayRules(graph, filters, selection, settings, { shown: core });
    expect(rules.visibleNodes()).toBe(3);
    expect(rules.node('hub', graph.getNodeAttributes('hub')).label).toBe('hub (+39)');
    expect(rules.visibleEdges()).toBe(2);
  });
});

describe('labels and the camera', () => {
  it('draws labels in priority order, never two overlapping, only inside the free canvas, up to a budget', () => {
    const box = (x: number, y: number) => ({ x1: x, y1: y, x2: x + 50, y2: y + 12 });
    const chosen = chooseLabels([{ id: 'hub', box: box(10, 10) }, { id: 'under', box: box(30, 15) }, { id: 'apart', box: box(10, 40) }, { id: 'outside', box: box(-20, 80) }, { id: 'spare', box: box(10, 70) }], { x1: 0, y1: 0, x2: 200, y2: 200 }, 2);
    expect([...chosen]).toEqual(['hub', 'apart']);
  });

  it('leaves the canvas panels cover out, giving up the side that costs least', () => {
    // A legend at the bottom left, 180 × 200, on a 860 × 760 canvas: the free part is right of it.
    expect(freeArea(860, 760, [{ x1: 8, y1: 552, x2: 188, y2: 752 }], 0)).toEqual({ x1: 188, y1: 0, x2: 860, y2: 760 });
    // A short strip along the top: the free part is below it.
    expect(freeArea(860, 760, [{ x1: 8, y1: 8, x2: 90, y2: 34 }], 0)).toEqual({ x1: 0, y1: 34, x2: 860, y2: 760 });
  });

  it('frames items with their labels inside the area, as large as fits', () => {
    const items = [{ x: 100, y: 100 }, { x: 300, y: 200 }].map((p) => ({ p, radius: () => 5, labelWidth: 80 }));
    const area = { x1: 100, y1: 50, x2: 700, y2: 450 };
    const { target, ratio } = frameItems(items, { x: 400, y: 300 }, area, 12);
    const boxes = items.map((item) => {
      const q = { x: 400 + (item.p.x - target.x) / ratio, y: 300 + (item.p.y - target.y) / ratio };
      return union({ x1: q.x - 5, y1: q.y - 5, x2: q.x + 5, y2: q.y + 5 }, labelBox(q, 5, 80, 12));
    });
    const all = union(boxes[0]!, boxes[1]!);
    expect(all.x1).toBeGreaterThanOrEqual(area.x1);
    expect(all.x2).toBeLessThanOrEqual(area.x2);
    expect(all.y1).toBeGreaterThanOrEqual(area.y1);
    expect(all.y2).toBeLessThanOrEqual(area.y2);
    // As large as fits: the width fills the area (within the small inset).
    expect(all.x2 - all.x1).toBeGreaterThan(area.x2 - area.x1 - 8);
  });
});
