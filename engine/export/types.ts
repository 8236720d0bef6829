/** An export format: a descriptor in its own file, listed in `formats/index.ts`. */
import type { Project } from '../project.js';
import type { WriteOptions } from './atomic.js';

export interface ExportRequest extends WriteOptions {
  out: string;
  /** For formats about one dataset (a provenance record). */
  dataset?: string;
}

export interface ExportFormat {
  id: string;
  description: string;
  /** Writes the export; returns the files written. */
  write(project: Project, request: ExportRequest): string[];
}
