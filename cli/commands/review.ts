/** `rootline review`: the edges awaiting a person — list them with their evidence, accept, reject or correct one. */
import { count, pluralWord } from '../../shared/text/plural.js';
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { DEFAULT_REVIEW_THRESHOLD } from '../../agents/aggregation/review.js';
import type { Project } from '../../engine/project.js';
import { decideFiltered } from '../../engine/review/bulk.js';
import { reviewQueue, type ReviewItem } from '../../engine/review/queue.js';
import { nameKey } from '../../shared/domain/names.js';
import { originLabel, type ReviewFilter } from '../../shared/review/filter.js';
import { RELATIONS, type Relation } from '../../shared/domain/vocabulary.js';
import { UserError } from '../../shared/errors.js';
import { createOutput, type Output } from '../output.js';
import { jsonOption, parseFraction, projectOption, withProject } from './common.js';

interface ReviewCliOptions {
  project: string;
  json?: boolean;
  accept?: string;
  reject?: string;
  relation?: string[];
  actor?: string;
  threshold: number;
  origin?: string[];
  minConfidence?: number;
  maxConfidence?: number;
  dataset?: string;
  acceptAll?: boolean;
  rejectAll?: boolean;
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function registerReview(program: Command): void {
  const command = program
    .command('review')
    .description('the review queue: edges awaiting a person, least confident first; accept, reject or correct them (each decision is audit-logged)')
    .option('--accept <id>', 'accept edge ID')
    .option('--reject <id>', 'reject edge ID')
    .option('--relation <id-and-type...>', 'set the relation of edge ID and accept it: --relation ID TYPE (TYPE: semantic, cot, synthetic, fusion, subset, or the full name); with types only (--relation cot fusion), a filter')
    .option('--origin <origins>', 'filter: where the evidence came from, comma-separated: paper, dpi, builtin, model, hybrid, data', list)
    .option('--min-confidence <x>', 'filter: confidence at least x', parseFraction('--min-confidence'))
    .option('--max-confidence <x>', 'filter: confidence below x', parseFraction('--max-confidence'))
    .option('--dataset <name>', 'filter: edges into or out of this dataset')
    .option('--accept-all', 'accept every edge the filters select (each one audit-logged)')
    .option('--reject-all', 'reject every edge the filters select (each one audit-logged)')
    .option('--actor <name>', 'who decides, for the audit log (default: your user name)')
    .option('--threshold <x>', 'the confidence below which an edge needs review', parseFraction('--threshold'), DEFAULT_REVIEW_THRESHOLD);
  projectOption(command);
  jsonOption(command).action((options: ReviewCliOptions) => {
    const out = createOutput(Boolean(options.json));
    withProject(options.project, (project) => {
      const actor = options.actor ?? currentUser();
      const decided: Array<{ id: number; action: string }> = [];
      if (options.accept) decided.push(decide(project, edgeId(options.accept), 'accepted', actor));
      if (options.reject) decided.push(decide(project, edgeId(options.reject), 'rejected', actor));
      const setsRelation = options.relation !== undefined && /^#?\d+$/.test(options.relation[0] ?? '');
      const filter = reviewFilter(project, options, setsRelation);
      if (options.acceptAll && options.rejectAll) throw new UserError('--accept-all and --reject-all exclude each other');
      if (options.acceptAll || options.rejectAll) {
        const status = options.acceptAll ? 'accepted' : 'rejected';
        const ids = decideFiltered(project, filter, status, actor);
        return printBulk(project, ids, status, actor, out);
      }
      if (options.relation && setsRelation) {
        if (options.relation.length !== 2) throw new UserError('--relation takes an edge id and a relation: --relation 12 "CoT Distillation"');
        const id = edgeId(options.relation[0]!);
        const relation = parseRelation(options.relation[1]!);
        project.transaction(() => {
          project.setEdgeRelation(id, relation, actor);
          if (project.edges.get(id)!.status !== 'accepted') project.reviewEdge(id, 'accepted', actor);
        });
        decided.push({ id, action: `relation set to ${relation}, accepted` });
      }
      if (decided.length > 0) return printDecisions(project, decided, actor, out);
      printQueue(reviewQueue(project, options.threshold, filter), out, options.project, Object.values(filter).some((v) => v !== undefined));
    }, { mustExist: true });
  });
}

function decide(project: Project, id: number, status: 'accepted' | 'rejected', actor: string): { id: number; action: string } {
  project.reviewEdge(id, status, actor);
  return { id, action: status };
}

/** The filters of the command line; `--relation` filters only when it names no edge. */
function reviewFilter(project: Project, options: ReviewCliOptions, setsRelation: boolean): ReviewFilter {
  return {
    origins: options.origin?.map((o) => o.toLowerCase()),
    relations: options.relation && !setsRelation ? options.relation.map(parseRelation) : undefined,
    minConfidence: options.minConfidence,
    maxConfidence: options.maxConfidence,
    dataset: options.dataset ? project.requireDataset(options.dataset) : undefined,
  };
}

function printBulk(project: Project, ids: number[], status: string, actor: string, out: Output): void {
  if (out.json) return out.value({ status, actor, edges: ids });
  out.line(`${ids.length} edges ${status} (by ${actor}, each in the audit log); ${project.edges.proposed().length} still await review`);
}

function printDecisions(project: Project, decided: Array<{ id: number; action: string }>, actor: string, out: Output): void {
  for (const { id, action } of decided) {
    const edge = project.edges.get(id)!;
    if (out.json) out.value({ id, upstream: edge.upstream, downstream: edge.downstream, relation: edge.relation, confidence: edge.confidence, status: edge.status, actor });
    else out.line(`#${id} ${edge.upstream} → ${edge.downstream}: ${action} (by ${actor}, in the audit log)`);
  }
  if (!out.json) out.line(`${awaiting(project.edges.proposed().length)} review`);
}

function printQueue(queue: ReviewItem[], out: Output, file: string, filtered: boolean): void {
  if (out.json) return out.value(queue);
  if (queue.length === 0) {
    out.line(filtered ? 'No edge awaiting review matches these filters.' : 'The review queue is empty: no edge awaits a person.');
    return;
  }
  out.line(`${awaiting(queue.length)} review, least confident first:`);
  for (const item of queue) {
    out.line();
    out.line(`#${item.id}  ${item.upstream} → ${item.downstream}   ${item.relation}, ${item.confidence.toFixed(2)}   from ${item.origins.map(originLabel).join(', ') || 'no evidence'}`);
    out.line(`     why: ${item.reasons.length ? item.reasons.join('; ') : 'not reviewed yet'}`);
    if (item.votes.length > 1) out.line(`     relations voted: ${item.votes.map((v) => `${v.relation} ${v.weight}`).join(', ')}`);
    for (const evidence of item.evidence.slice(0, 3)) {
      if (evidence.kind === 'data') {
        out.line(`     ${evidence.quote}`);
        out.line(`        — ${evidence.agent}, ${evidence.relation} ${evidence.confidence.toFixed(2)}`);
        continue;
      }
      const quote = evidence.quote.replace(/\s+/g, ' ');
      const where = evidence.location ? `${evidence.location}${evidence.start !== null ? ` [${evidence.start}–${evidence.end}]` : ''}` : 'no document';
      out.line(`     “${quote.length > 200 ? `${quote.slice(0, 197)}…` : quote}”`);
      out.line(`        — ${where}; ${evidence.agent}${evidence.model ? ` (${evidence.model})` : ''}, ${evidence.relation} ${evidence.confidence.toFixed(2)}`);
    }
    if (item.evidence.length > 3) out.line(`     … and ${count(item.evidence.length - 3, 'more quote')} (--json lists them all)`);
  }
  out.line();
  out.line(`Decide with: rootline review --project ${file} --accept ID | --reject ID | --relation ID TYPE, or for the whole filtered list --accept-all | --reject-all`);
}

/** "1 edge awaits", "3 edges await". */
function awaiting(n: number): string {
  return `${count(n, 'edge')} ${pluralWord(n, 'awaits', 'await')}`;
}

function edgeId(value: string): number {
  const n = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`not an edge id: "${value}" (the number after # in the review list)`);
  return n;
}

const RELATION_WORDS: Record<string, Relation> = {
  semantic: 'Semantic Evolution',
  evolution: 'Semantic Evolution',
  cot: 'CoT Distillation',
  distillation: 'CoT Distillation',
  synthetic: 'Synthetic Generation',
  generation: 'Synthetic Generation',
  fusion: 'Structured Fusion',
  structured: 'Structured Fusion',
  inclusion: 'Direct Inclusion/Subset',
  subset: 'Direct Inclusion/Subset',
  direct: 'Direct Inclusion/Subset',
};

export function parseRelation(value: string): Relation {
  const key = nameKey(value);
  const relation = RELATIONS.find((r) => nameKey(r) === key) ?? RELATION_WORDS[key];
  if (!relation) throw new UserError(`unknown relation "${value}": one of ${RELATIONS.map((r) => `"${r}"`).join(', ')}`);
  return relation;
}

function currentUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return process.env.USER ?? 'cli';
  }
}
