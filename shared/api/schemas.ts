/** Runtime checks of the requests that change the project or carry user files (the rest take ids only). */
import { z } from 'zod';
import { EDGE_STATUSES, RELATIONS } from '../domain/vocabulary.js';
import { AUDIT_REQUEST_SCHEMAS } from './audit-schemas.js';
import type { ApiMethod } from './contract.js';

const empty = z.object({}).passthrough();

export const REQUEST_SCHEMAS: Record<ApiMethod, z.ZodType> = {
  projectInfo: empty,
  graph: empty,
  dataset: z.object({ id: z.string().min(1) }),
  edge: z.object({ id: z.number().int() }),
  document: z.object({ id: z.number().int() }),
  reviewEdge: z.object({ id: z.number().int(), status: z.enum(EDGE_STATUSES) }),
  setEdgeRelation: z.object({ id: z.number().int(), relation: z.enum(RELATIONS) }),
  extractors: empty,
  // An upload's files are checked as they arrive (engine/api/uploads.ts); this is the rest of its request.
  ingestDocuments: z.object({ extractor: z.string().max(200).optional() }),
  patterns: empty,
  contamination: empty,
  redundancy: z.object({ mix: z.array(z.string().min(1)).min(1) }),
  overlap: z.object({ samples: z.string().min(1).max(4096).optional(), minContainment: z.number().min(0).max(1).optional() }),
  ...AUDIT_REQUEST_SCHEMAS,
};
