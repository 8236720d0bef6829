/** Runtime checks of the audit methods' requests (shared/api/audit.ts): sizes, ranges and choices at the boundary. */
import { z } from 'zod';
import { RELATIONS } from '../domain/vocabulary.js';
import type { AuditApiMethods } from './audit.js';

const empty = z.object({}).passthrough();
const fraction = z.number().min(0).max(1);
const count = z.number().int().min(1);
const path = z.string().trim().min(1, 'give a folder').max(4096);
const names = z.array(z.string().min(1).max(1000)).max(10_000);

const reviewFilter = z.object({
  origins: z.array(z.string().min(1).max(100)).max(50).optional(),
  relations: z.array(z.enum(RELATIONS)).optional(),
  minConfidence: fraction.optional(),
  maxConfidence: fraction.optional(),
  dataset: z.string().min(1).optional(),
});

const position = z.tuple([z.string().min(1), z.number().finite(), z.number().finite()]);

const sampling = z.object({
  samples: path,
  budget: count.max(10_000_000),
  strategy: z.enum(['uniform', 'proportional', 'capped']),
  cap: fraction.optional(),
  seed: z.number().int().min(0),
  datasets: names.optional(),
  keepBenchmarkLineage: z.boolean().optional(),
  threshold: fraction.optional(),
  compare: z.boolean().optional(),
});

const url = z.string().url().max(2000);

export const AUDIT_REQUEST_SCHEMAS: Record<keyof AuditApiMethods, z.ZodType> = {
  reviewQueue: reviewFilter.extend({ limit: z.number().int().min(0).max(100_000).optional() }),
  reviewFiltered: z.object({ filter: reviewFilter, status: z.enum(['accepted', 'rejected']) }),
  positions: empty,
  overview: empty,
  savePositions: z.object({ positions: z.array(position).max(1_000_000) }),
  checkFolder: z.object({ path, purpose: z.enum(['samples', 'benchmarks', 'library']) }),
  job: z.object({ id: z.string().min(1), after: z.number().int().min(0).optional() }),
  cancelJob: z.object({ id: z.string().min(1) }),
  startSamplingPlan: sampling,
  startSampling: sampling,
  sampleList: z.object({ job: z.string().min(1), format: z.enum(['jsonl', 'csv']) }),
  licenses: empty,
  report: empty,
  models: z.object({ ollamaHost: url.optional(), openaiBaseURL: url.optional(), online: z.boolean().optional() }),
  traceRuns: empty,
  startTrace: z.object({
    seeds: names.min(1, 'give at least one dataset to trace'),
    library: path.optional(),
    model: z.string().min(1).max(500),
    hybrid: z.boolean().optional(),
    maxDepth: count.max(50).optional(),
    maxDatasets: count.optional(),
    maxCalls: count.optional(),
    maxMinutes: count.optional(),
    reviewThreshold: fraction.optional(),
    newRun: z.boolean().optional(),
    online: z.boolean().optional(),
    ollamaHost: url.optional(),
    openaiBaseURL: url.optional(),
  }),
  resumeTrace: z.object({ runId: z.number().int().min(1) }),
  startContaminationScan: z.object({ samples: path, benchmarks: path, ngram: count.max(50).optional(), minOverlap: fraction.optional() }),
  startDuplicatesScan: z.object({ samples: path, datasets: names.optional(), threshold: fraction.optional() }),
};
