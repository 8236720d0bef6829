/** The paper's comparison: Vendi score and centroid distance of a lineage-aware sample and the uniform baseline, in one embedding space. */
import { embeddingProvider } from '../../agents/embeddings/index.js';
import { sampleText } from '../../shared/analyses/text/fields.js';
import type { Diversity } from '../../shared/sampling/diversity.js';
import type { ChosenSample } from './lineage-aware.js';
import { measureDiversity } from './vendi-parallel.js';

export async function compareDiversity(lineageAware: ChosenSample[], uniform: ChosenSample[], spec = 'builtin', fields?: string[]): Promise<{ lineageAware: Diversity; uniform: Diversity }> {
  const provider = embeddingProvider(spec);
  const texts = (samples: ChosenSample[]) => samples.map((s) => sampleText(s.record, { fields }).text);
  // One embedding space for both sets: the TF-IDF weights come from their union.
  const both = await provider.embed([...texts(lineageAware), ...texts(uniform)]);
  return { lineageAware: await measureDiversity(both.slice(0, lineageAware.length)), uniform: await measureDiversity(both.slice(lineageAware.length)) };
}
