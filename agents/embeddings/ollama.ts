/** Embeddings from a local Ollama model (e.g. nomic-embed-text) through its /api/embed endpoint. */
import type { Ollama } from 'ollama';
import { UserError } from '../../shared/errors.js';
import type { EmbeddingProvider } from './types.js';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

export function ollamaEmbeddings(model: string, host = process.env.OLLAMA_HOST ?? DEFAULT_OLLAMA_HOST, batchSize = 64): EmbeddingProvider {
  // The client library is loaded on first use, so the built-in embedding never pays for it.
  let client: Promise<Ollama> | undefined;
  const connect = () => (client ??= import('ollama').then(({ Ollama: Client }) => new Client({ host })));
  return {
    id: `ollama:${model}`,
    describe: `Ollama model ${model} at ${host}`,
    embed: async (texts) => {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        try {
          const reply = await (await connect()).embed({ model, input: texts.slice(i, i + batchSize) });
          out.push(...reply.embeddings);
        } catch (error) {
          throw new UserError(`Ollama embeddings failed (${model} at ${host}): ${(error as Error).message}`);
        }
      }
      return out;
    },
  };
}
