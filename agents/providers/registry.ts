/** Every model provider, and how `--model builtin|ollama:NAME|openai:NAME` picks one. */
import { UserError } from '../../shared/errors.js';
import { builtinProvider } from './builtin.js';
import { ollamaProvider } from './ollama.js';
import { openaiProvider } from './openai.js';
import type { ModelProvider } from './types.js';

/** A new provider is one more file and one more entry here. */
export const PROVIDERS: readonly ModelProvider[] = [builtinProvider, ollamaProvider, openaiProvider];

export interface ModelSpec {
  provider: ModelProvider;
  /** The model name (empty for the built-in extractor). Names may hold colons: `ollama:qwen2.5:7b-instruct`. */
  model: string;
  label: string;
}

export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  const colon = trimmed.indexOf(':');
  const id = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const model = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
  const provider = PROVIDERS.find((p) => p.id === id);
  if (!provider) throw new UserError(`unknown model "${spec}": use builtin, ollama:NAME or openai:NAME`);
  if (provider.id === 'builtin') {
    if (model) throw new UserError(`the built-in extractor takes no model name (got "${spec}")`);
    return { provider, model: '', label: 'builtin' };
  }
  if (!model) throw new UserError(`"${spec}" needs a model name, e.g. ${provider.id}:qwen2.5:7b-instruct`);
  return { provider, model, label: `${provider.id}:${model}` };
}
