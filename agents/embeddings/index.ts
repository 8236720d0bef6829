/** Chooses an embedding provider from a spec: `builtin` (default) or `ollama:MODEL`. */
import { UserError } from '../../shared/errors.js';
import { builtinEmbeddings } from './builtin.js';
import { ollamaEmbeddings } from './ollama.js';
import type { EmbeddingProvider } from './types.js';

export type { EmbeddingProvider } from './types.js';

export function embeddingProvider(spec = 'builtin', options: { dimension?: number; ollamaHost?: string } = {}): EmbeddingProvider {
  if (spec === 'builtin') return builtinEmbeddings(options.dimension);
  if (spec.startsWith('ollama:') && spec.length > 'ollama:'.length) return ollamaEmbeddings(spec.slice('ollama:'.length), options.ollamaHost);
  throw new UserError(`unknown embedding "${spec}" (use builtin or ollama:MODEL, e.g. ollama:nomic-embed-text)`);
}
