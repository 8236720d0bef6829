/** What every importer reports, and the shape of an import format descriptor. */
import type { Project } from '../project.js';
import type { LineProblem } from './jsonl.js';

export interface ImportReport {
  format: string;
  source: string;
  datasets: number;
  edges: number;
  evidence: number;
  /** Lines or entries that could not be read; the rest was imported. */
  problems: LineProblem[];
  selfLoops: string[];
  cycles: string[][];
}

export interface ImportFormat {
  id: string;
  description: string;
  run(project: Project, path: string): ImportReport;
}
