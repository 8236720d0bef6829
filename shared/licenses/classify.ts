/**
 * License classes, in the Data Provenance Initiative's terms: what use the license allows (all uses
 * including commercial, academic only, non-commercial, or unspecified), and whether it asks for
 * attribution or share-alike. Names are matched by SPDX id or the common spellings of cards.
 */

export type LicenseUse = 'commercial' | 'academic' | 'non-commercial' | 'unspecified';

export interface LicenseClass {
  /** The license as written. */
  license: string;
  use: LicenseUse;
  attribution: boolean;
  shareAlike: boolean;
}

/** Rank of permissiveness: a dataset may not allow more than its sources. */
export const USE_RANK: Record<LicenseUse, number> = { commercial: 3, academic: 1, 'non-commercial': 1, unspecified: 0 };

const RULES: Array<[RegExp, Omit<LicenseClass, 'license'>]> = [
  [/\b(?:cc|creative\s*commons)[\s-]*(?:attribution[\s-]*)?(?:by[\s-]*)?(?:nc|non-?commercial)[\s-]*(?:sa|share[\s-]*alike)/i, { use: 'non-commercial', attribution: true, shareAlike: true }],
  [/\b(?:cc|creative\s*commons)[\s-]*(?:attribution[\s-]*)?(?:by[\s-]*)?(?:nc|non-?commercial)/i, { use: 'non-commercial', attribution: true, shareAlike: false }],
  [/\b(?:cc|creative\s*commons)[\s-]*(?:attribution[\s-]*)?(?:by[\s-]*)?(?:sa|share[\s-]*alike)/i, { use: 'commercial', attribution: true, shareAlike: true }],
  [/\b(?:cc0|cc[\s-]*zero|public\s*domain|pddl|unlicense|cc-pdm)/i, { use: 'commercial', attribution: false, shareAlike: false }],
  [/\b(?:cc|creative\s*commons)[\s-]*(?:attribution|by)\b/i, { use: 'commercial', attribution: true, shareAlike: false }],
  [/\b(?:a?gpl|lgpl|gnu\s+(?:affero\s+|lesser\s+)?general\s+public|odbl|open\s+database\s+license|cdla[\s-]*sharing)/i, { use: 'commercial', attribution: true, shareAlike: true }],
  [/\b(?:apache|mit\b|bsd|isc\b|odc[\s-]*by|cdla[\s-]*permissive|artistic|mpl|mozilla|zlib|boost|openrail|bigscience|llama\s*\d*(?:\.\d)?\s*(?:community)?|gemma|c-uda)/i, { use: 'commercial', attribution: true, shareAlike: false }],
  [/\b(?:academic|research)[\s-]*(?:purposes?[\s-]*)?only|\bfor\s+research\b|\bnon[\s-]*commercial\s+research/i, { use: 'academic', attribution: true, shareAlike: false }],
  [/\b(?:non[\s-]*commercial|\bnc\b)/i, { use: 'non-commercial', attribution: true, shareAlike: false }],
  // Outputs of OpenAI models: the terms forbid using them to build competing models (DPI: non-commercial).
  [/\bopenai\b|\bchatgpt\b|\bgpt-?[34]\b/i, { use: 'non-commercial', attribution: false, shareAlike: false }],
];

const UNSPECIFIED = /^(?:unknown|unspecified|other|custom|none|n\/a|see\s.*|)$/i;

/** The class of one license name; unknown names are "unspecified". */
export function classifyLicense(license: string): LicenseClass {
  const name = license.trim();
  if (!UNSPECIFIED.test(name)) {
    for (const [pattern, cls] of RULES) if (pattern.test(name)) return { license: name, ...cls };
  }
  return { license: name, use: 'unspecified', attribution: false, shareAlike: false };
}

/** A license field may name several licenses ("CC BY-NC 4.0, OpenAI"): the most restrictive decides the use. */
export function classifyLicenses(field: string | null): LicenseClass | undefined {
  if (!field || !field.trim()) return undefined;
  const parts = field.split(/,|;|\||\band\b|\+/i).map((p) => p.trim()).filter(Boolean);
  const classes = parts.map(classifyLicense);
  const known = classes.filter((c) => c.use !== 'unspecified');
  if (known.length === 0) return classifyLicense(field);
  const strictest = known.reduce((a, b) => (USE_RANK[b.use] < USE_RANK[a.use] ? b : a));
  return { license: field.trim(), use: strictest.use, attribution: known.some((c) => c.attribution), shareAlike: known.some((c) => c.shareAlike) };
}
