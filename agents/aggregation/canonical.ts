/**
 * Canonical names: a written name joins an existing dataset when it is the same name up to a typo
 * (similarity ≥ 0.9 on the name key), unless the guards say they are different datasets — differing
 * numbers (versions, sizes, years) or differing organizations never merge.
 */
import { nameKey, shortName } from '../../shared/domain/names.js';
import { FuzzyIndex } from './fuzzy-index.js';

export interface NameCandidate {
  id: string;
  /** Every name the dataset is known by (its id included). */
  names: string[];
}

export interface CanonicalMatch {
  id: string;
  /** The candidate's name that matched. */
  matched: string;
  similarity: number;
}

export const MERGE_SIMILARITY = 0.9;
/** Short keys differ by one letter too easily ("MMLU"/"MMMU"): no fuzzy merge below this length. */
const MIN_FUZZY_KEY = 6;

/** The best candidate a name may merge into, or undefined. Exact key matches are the alias registry's job, not this. */
export function fuzzyCanonical(name: string, candidates: Iterable<NameCandidate>, threshold = MERGE_SIMILARITY): CanonicalMatch | undefined {
  return new NearNames(threshold, candidates).nearest(name);
}

/** Names indexed for near-spelling lookups: a written name finds its candidates without a pass over all names. */
export class NearNames {
  private readonly index: FuzzyIndex<string>;

  constructor(private readonly threshold = MERGE_SIMILARITY, candidates: Iterable<NameCandidate> = []) {
    this.index = new FuzzyIndex(threshold);
    for (const candidate of candidates) this.add(candidate.id, candidate.names);
  }

  add(id: string, names: readonly string[]): void {
    for (const name of names) {
      const key = nameKey(bare(name));
      if (key.length >= MIN_FUZZY_KEY - 1) this.index.add(key, name, id);
    }
  }

  nearest(name: string): CanonicalMatch | undefined {
    const written = stripCitation(name);
    const key = nameKey(bare(written));
    if (key.length < MIN_FUZZY_KEY) return undefined;
    let best: CanonicalMatch | undefined;
    for (const candidate of this.index.candidates(key)) {
      if (Math.abs(candidate.key.length - key.length) > key.length * (1 - this.threshold) + 1) continue;
      const similarity = similarityOfKeys(key, candidate.key);
      if (similarity < this.threshold || (best && similarity <= best.similarity)) continue;
      if (!mayMerge(written, candidate.name)) continue;
      best = { id: candidate.value, matched: candidate.name, similarity };
    }
    return best;
  }
}

/**
 * The guards: two names with different numbers ("OpenMathInstruct-1"/"-2", "AIME 2024"/"2025",
 * "Dolly 15k"/"Dolly 5k") or different organizations ("a/set"/"b/set") are different datasets, however similar.
 */
export function mayMerge(a: string, b: string): boolean {
  if (numbersOf(a) !== numbersOf(b)) return false;
  const orgA = a.includes('/') ? nameKey(a.slice(0, a.indexOf('/'))) : undefined;
  const orgB = b.includes('/') ? nameKey(b.slice(0, b.indexOf('/'))) : undefined;
  if (orgA && orgB && orgA !== orgB) return false;
  return true;
}

/** Similarity of two names: 1 − edit distance / longer length, on the name keys. */
export function similarity(a: string, b: string): number {
  return similarityOfKeys(nameKey(a), nameKey(b));
}

function similarityOfKeys(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Digit groups in order ("v2.5-15k" → "2,5,15"), version letters and sizes included by their digits. */
function numbersOf(name: string): string {
  return (name.match(/\d+/g) ?? []).map((n) => String(Number(n))).join(',');
}

/** An org-less name compares with the short name of an org/name id. */
function bare(name: string): string {
  return shortName(name.trim());
}

const MAX_NAME_WITH_CITATION = 300;

/** "MATH (Hendrycks et al., 2021a)" → "MATH": citation suffixes are not part of a name. */
export function stripCitation(name: string): string {
  // A name is short; the bound keeps the citation pattern's backtracking small on anything else.
  if (name.length > MAX_NAME_WITH_CITATION) return name.replace(/\s+/g, ' ').trim();
  return name
    .replace(/\s*[([](?:[^()[\]]*\bet al\.?[^()[\]]*|\s*\d{4}[a-z]?\s*|\d+(?:\s*,\s*\d+)*)[)\]]\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim() || name.trim();
}
