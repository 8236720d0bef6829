/** The built-in extractor as a provider: no model, no network, always ready. */
import type { ModelProvider } from './types.js';

export const builtinProvider: ModelProvider = {
  id: 'builtin',
  description: 'the built-in extractor: no model, no network',
  connect: () => undefined,
  status: async () => ({ provider: 'builtin', endpoint: null, state: 'ready', models: [], message: 'always available (no model)' }),
};
