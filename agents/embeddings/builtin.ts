/** The model-free default: hashed word and character n-gram TF-IDF (shared/sampling/hashed-embedding.ts). */
import { DEFAULT_DIMENSION, hashedEmbeddings } from '../../shared/sampling/hashed-embedding.js';
import type { EmbeddingProvider } from './types.js';

export function builtinEmbeddings(dimension = DEFAULT_DIMENSION): EmbeddingProvider {
  return {
    id: 'builtin',
    describe: `hashed word/char n-gram TF-IDF, ${dimension} dimensions (no model)`,
    embed: async (texts) => hashedEmbeddings(texts, dimension),
  };
}
