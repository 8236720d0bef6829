/** Sample folders and their problems, as the analysis and sampling verbs show them. */
import { locateProjectSamples } from '../../engine/samples/locate.js';
import type { RowProblem } from '../../engine/samples/read.js';
import type { Project } from '../../engine/project.js';
import { printableName } from '../../shared/text/printable.js';
import { problemLine, type Output } from '../output.js';

/** Data files under a folder by dataset; a file's dataset may also be a well-known one not yet in the project. */
export function locateSamples(project: Project, folder: string, out: Output): Map<string, string[]> {
  const located = locateProjectSamples(project, folder);
  for (const problem of located.problems) out.warn(`! ${problem.message}`);
  for (const { file, tried } of located.unresolved) out.warn(`! ${printableName(file)}: no dataset named ${tried.map((t) => `"${t}"`).join(' or ')} in the project; skipped`);
  return located.byDataset;
}

/** Prints each problem once, though a file read twice (counted, then sampled) reports it twice. */
export function problemPrinter(out: Output): (problem: RowProblem) => void {
  const seen = new Set<string>();
  return (problem) => {
    const key = `${problem.file}\u0000${problem.row}\u0000${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.warn(problemLine(problem));
  };
}
