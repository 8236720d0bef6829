/**
 * The built-in extractor on folders of private dataset cards (bench/private-cards/set-*): hand-written
 * internal cards with a gold file of their sources and relations, written before the extractor ran on
 * them. Each set is ingested as a folder, as a user would drop it in; the extractor's findings per card
 * are scored against the gold (precision, recall, relation accuracy), and the project's graph is checked
 * for connectivity (how many true edges join two cards of the folder) and for data files taken as datasets.
 *
 *   npm run bench -- private-cards [--set a|a,b,…] [--errors N]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ExtractionResult } from '../agents/extraction/types.js';
import { ingestPaths } from '../engine/ingest/ingest.js';
import { Project } from '../engine/project.js';
import { nameKey, shortName } from '../shared/domain/names.js';
import type { Relation } from '../shared/domain/vocabulary.js';
import { knownDatasets } from '../shared/registry/resolve.js';

interface GoldSource {
  name: string;
  relation: Relation;
  aliases?: string[];
}
interface GoldCard {
  path: string;
  dataset: string;
  aliases?: string[];
  sources: GoldSource[];
  notSources?: string[];
}
interface Gold {
  cards: GoldCard[];
  notDatasets?: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = join(import.meta.dirname, 'private-cards');
const sets = flag('--set') ? flag('--set')!.split(',').map((s) => `set-${s.trim()}`) : readdirSync(root).filter((d) => d.startsWith('set-')).sort();
const showErrors = Number(flag('--errors') ?? 0);
const registry = knownDatasets();

const keysOf = (...names: Array<string | undefined>) => new Set(names.filter((n): n is string => Boolean(n)).flatMap((n) => [nameKey(n), nameKey(shortName(n))]).filter((k) => k.length >= 2));

function scoreSet(set: string) {
  const folder = join(root, set);
  const cards = join(folder, 'cards');
  const gold = JSON.parse(readFileSync(join(folder, 'gold.json'), 'utf8')) as Gold;
  const goldByPath = new Map(gold.cards.map((c) => [c.path, c]));
  // Every name a card's dataset goes by, so a prediction can be matched through any of them.
  const cardKeys = new Map(gold.cards.map((c) => [nameKey(c.dataset), keysOf(c.dataset, ...(c.aliases ?? []))]));
  const goldKeys = (source: GoldSource) => {
    const keys = keysOf(source.name, ...(source.aliases ?? []));
    for (const k of cardKeys.get(nameKey(source.name)) ?? []) keys.add(k);
    const known = registry.lookup(source.name) ?? (source.aliases ?? []).map((a) => registry.lookup(a)).find(Boolean);
    if (known) for (const k of keysOf(known.id, known.name, ...known.aliases)) keys.add(k);
    return keys;
  };

  const dir = mkdtempSync(join(tmpdir(), 'rootline-private-cards-'));
  const project = Project.open(join(dir, 'bench.rootline'));
  const results = new Map<string, ExtractionResult>();
  const started = performance.now();
  const report = ingestPaths(project, [cards], { onResult: (path, result) => results.set(relative(cards, resolve(path)), result) });
  const ingestMs = performance.now() - started;

  // The project's dataset of each card: a prediction with that id names that card, whatever it calls it.
  const datasetOfCard = new Map<string, string>();
  const keysOfDataset = new Map<string, Set<string>>();
  for (const card of gold.cards) {
    const id = project.documents.datasetAt(resolve(cards, card.path));
    if (!id) continue;
    datasetOfCard.set(nameKey(card.dataset), id);
    keysOfDataset.set(id, cardKeys.get(nameKey(card.dataset))!);
  }

  let predicted = 0;
  let goldTotal = 0;
  let matched = 0;
  let relationRight = 0;
  const confusion = new Map<string, number>();
  const falsePositives: string[] = [];
  const wrongRelations: string[] = [];
  const misses: string[] = [];
  for (const card of gold.cards) {
    const result = results.get(card.path);
    const predictions = result?.sources ?? [];
    predicted += predictions.length;
    goldTotal += card.sources.length;
    const left = card.sources.map((s) => ({ source: s, keys: goldKeys(s) }));
    for (const prediction of predictions) {
      const predKeys = keysOf(prediction.id, prediction.name);
      for (const k of keysOfDataset.get(prediction.id) ?? cardKeys.get(nameKey(prediction.name)) ?? []) predKeys.add(k);
      const i = left.findIndex((g) => [...predKeys].some((k) => g.keys.has(k)));
      if (i < 0) {
        falsePositives.push(`${card.path} ⟵ ${prediction.name} [${prediction.signals.join(',')} ${prediction.confidence} ${prediction.relation}] «${prediction.evidence[0]?.quote.slice(0, 120).replace(/\s+/g, ' ')}»`);
        continue;
      }
      const [g] = left.splice(i, 1);
      matched++;
      if (g!.source.relation === prediction.relation) relationRight++;
      else {
        confusion.set(`${g!.source.relation} → ${prediction.relation}`, (confusion.get(`${g!.source.relation} → ${prediction.relation}`) ?? 0) + 1);
        wrongRelations.push(`${card.path} ⟵ ${prediction.name}: ${g!.source.relation} read as ${prediction.relation} [${prediction.signals.join(',')}] «${prediction.evidence[0]?.quote.slice(0, 140).replace(/\s+/g, ' ')}»`);
      }
    }
    for (const g of left) {
      const why = result?.dropped.find((d) => [...keysOf(d.name)].some((k) => g.keys.has(k)));
      misses.push(`${card.path} ⟵ ${g.source.name} (${g.source.relation})${why ? `  [dropped: ${why.reason}]` : result ? '' : '  [card not read]'}`);
    }
  }

  // The folder as a graph: which gold edges between two cards are edges between their datasets.
  const edges = new Set(project.edges.all().map((e) => `${e.upstream}→${e.downstream}`));
  let cardEdges = 0;
  let cardEdgesFound = 0;
  for (const card of gold.cards) {
    const downstream = datasetOfCard.get(nameKey(card.dataset));
    for (const source of card.sources) {
      const upstream = datasetOfCard.get(nameKey(source.name));
      if (!upstream || !downstream) continue;
      cardEdges++;
      if (edges.has(`${upstream}→${downstream}`)) cardEdgesFound++;
    }
  }
  const cardDatasets = new Set(datasetOfCard.values());
  const components = countComponents(cardDatasets, project.edges.all().filter((e) => cardDatasets.has(e.upstream) && cardDatasets.has(e.downstream)));
  const goldComponents = countComponents(
    new Set(gold.cards.map((c) => nameKey(c.dataset))),
    gold.cards.flatMap((c) => c.sources.filter((s) => cardKeys.has(nameKey(s.name))).map((s) => ({ upstream: nameKey(s.name), downstream: nameKey(c.dataset) }))),
  );
  // A data file or a data folder's README may describe its card's dataset, never one of its own.
  const dataAsDatasets = (gold.notDatasets ?? []).filter((p) => {
    const id = project.documents.datasetAt(resolve(cards, p));
    return id !== undefined && !cardDatasets.has(id);
  });
  project.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    set,
    cards: gold.cards.length,
    ingested: report.ingested,
    skipped: report.skipped,
    failed: report.failed,
    goldEdges: goldTotal,
    predicted,
    precision: round(matched / Math.max(1, predicted)),
    recall: round(matched / Math.max(1, goldTotal)),
    relationAccuracy: round(relationRight / Math.max(1, matched)),
    graph: {
      cardToCardGoldEdges: cardEdges,
      found: cardEdgesFound,
      connectivity: round(cardEdgesFound / Math.max(1, cardEdges)),
      componentsAmongCards: components,
      goldComponentsAmongCards: goldComponents,
      dataFilesTakenForDatasets: dataAsDatasets.length,
    },
    ingestMs: Math.round(ingestMs),
    details: { falsePositives, misses, wrongRelations, confusion: [...confusion].sort((a, b) => b[1] - a[1]) },
    _goldByPath: goldByPath.size,
  };
}

function countComponents(nodes: Set<string>, edges: Array<{ upstream: string; downstream: string }>): number {
  const parent = new Map([...nodes].map((n) => [n, n]));
  const find = (n: string): string => {
    let root = n;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(n, root);
    return root;
  };
  for (const e of edges) if (parent.has(e.upstream) && parent.has(e.downstream)) parent.set(find(e.upstream), find(e.downstream));
  return new Set([...nodes].map(find)).size;
}

function round(value: number): number {
  return Number(value.toFixed(3));
}

const reports = sets.map(scoreSet);
for (const report of reports) {
  const { details, _goldByPath: _, ...figures } = report;
  console.log(JSON.stringify(figures, null, 2));
  if (showErrors > 0) {
    console.log(`\nrelation confusions (gold → predicted):`);
    for (const [pair, n] of details.confusion) console.log(`  ${String(n).padStart(3)}  ${pair}`);
    for (const line of details.wrongRelations.slice(0, showErrors)) console.log(`    ${line}`);
    console.log(`\nfalse positives (${details.falsePositives.length}):`);
    for (const line of details.falsePositives.slice(0, showErrors)) console.log(`  ${line}`);
    console.log(`\nmissed (${details.misses.length}):`);
    for (const line of details.misses.slice(0, showErrors)) console.log(`  ${line}`);
  }
}
