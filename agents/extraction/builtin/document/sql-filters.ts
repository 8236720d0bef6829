/**
 * Where a query's filter subqueries are, line by line: `WHERE id IN (SELECT id FROM {{ ref('roster') }})`,
 * `AND EXISTS (SELECT 1 FROM kyc_case_status s …`, also when the subquery runs over several lines. A
 * table read there only decides which rows stay; it gives the result no rows of its own.
 */

/** `IN (`, `NOT IN (`, `EXISTS (`: a subquery that filters; any other `(` only nests. */
const FILTER_OR_PAREN = /\b(?:in|exists)\s*\(|[()]/gi;

/**
 * For each line, the offset in it from which the line lies inside a filter subquery (0 when one is
 * open from the line before), or undefined. SQL comments (`-- …`) are not read.
 */
export function filterSubqueryStarts(lines: readonly string[]): Array<number | undefined> {
  let depth = 0;
  // The depth of the `(` that opened the filter, while one is open.
  let filterDepth = -1;
  return lines.map((line) => {
    const comment = line.indexOf('--');
    const code = comment >= 0 ? line.slice(0, comment) : line;
    let start: number | undefined = filterDepth >= 0 ? 0 : undefined;
    for (const m of code.matchAll(FILTER_OR_PAREN)) {
      if (m[0] === ')') {
        if (depth === filterDepth) filterDepth = -1;
        depth = Math.max(0, depth - 1);
        continue;
      }
      depth++;
      if (m[0] !== '(' && filterDepth < 0) {
        filterDepth = depth;
        start ??= m.index;
      }
    }
    return start;
  });
}
