/**
 * `source_datasets` in a card's YAML: `original` is the dataset itself; other values, `extended|x`
 * included (the card's data extends x's), are sources whose items it holds.
 */
import { hubIdFromUrl } from '../../../shared/domain/hub.js';
import { isHubId } from '../../../shared/domain/names.js';
import type { Registry } from '../../../shared/registry/resolve.js';
import type { Corpus } from '../corpus.js';
import type { Mention } from './candidates/mention.js';
import type { Finding } from './findings.js';
import type { ExtractInput } from './index.js';

export function sourceDatasetFindings(input: ExtractInput, registry: Registry, corpus: Corpus): Finding[] {
  const findings: Finding[] = [];
  let searchFrom = Math.max(0, input.text.indexOf('source_datasets', input.yamlStart ?? 0));
  for (const value of input.metadata?.sourceDatasets ?? []) {
    // "databricks-dolly-15k (machine translated)": a note in parentheses is not part of the name.
    const written = value.replace(/^extended\s*[|:]\s*/i, '').replace(/\s*\([^()]{0,80}\)\s*$/, '').trim();
    if (!written || /^original$/i.test(written)) continue;
    const at = input.text.indexOf(value, searchFrom);
    const start = at < 0 ? searchFrom : at;
    if (at >= 0) searchFrom = at + value.length;
    const lineStart = input.text.lastIndexOf('\n', start) + 1;
    const lineEndRaw = input.text.indexOf('\n', start);
    const lineEnd = lineEndRaw < 0 ? input.text.length : lineEndRaw;
    const hubId = hubIdFromUrl(written) ?? (isHubId(written) ? written : undefined);
    const inCorpus = corpus.lookup(written);
    const mention: Mention = { name: written, hubId, corpus: inCorpus, known: inCorpus ? undefined : registry.lookup(written), start, end: start + value.length, signal: 'yaml' };
    findings.push({
      mention,
      // YAML says which datasets, not how: the card's words decide the relation when they say it.
      relation: 'Direct Inclusion/Subset',
      explicitRelation: false,
      section: '',
      confidence: 0.95,
      evidence: [{ quote: input.text.slice(lineStart, lineEnd), start: lineStart, end: lineEnd }],
      signal: 'yaml',
      structured: true,
    });
  }
  return findings;
}
