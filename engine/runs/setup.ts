/** What a trace needs before it starts, for the CLI and the app alike: a model that answers, online sources, and what the run records. */
import { guardedFetch, type NetworkPolicy } from '../../agents/network/policy.js';
import { safeUrl, type ProviderSettings } from '../../agents/providers/settings.js';
import type { ChatModel, ModelProvider } from '../../agents/providers/types.js';
import { arxivClient, type ArxivClient } from '../../agents/sourcing/arxiv.js';
import { hubClient, type HubClient } from '../../agents/sourcing/hub.js';
import { UserError } from '../../shared/errors.js';
import type { ExtractorMode } from './trace.js';

/** Fails early, with a hint, when the model server is down or lacks the model. */
export async function checkModel(provider: ModelProvider, model: ChatModel, settings: ProviderSettings, network: NetworkPolicy): Promise<void> {
  const status = await provider.status(settings, network);
  if (status.state === 'not checked') throw new UserError(status.message);
  if (status.state === 'unreachable') {
    const hint = provider.id === 'ollama' ? ' — is Ollama running? (ollama serve)' : ' — is the server running, and is ROOTLINE_OPENAI_BASE_URL right?';
    throw new UserError(`cannot use ${model.label}: ${status.message}${hint}`);
  }
  const names = new Set(status.models);
  if (status.models.length > 0 && !names.has(model.model) && !names.has(`${model.model}:latest`)) {
    const pull = provider.id === 'ollama' ? ` (install it with: ollama pull ${model.model})` : '';
    throw new UserError(`${status.endpoint} has no model "${model.model}"${pull}; it has: ${status.models.join(', ')}`);
  }
}

/** The Hugging Face Hub and arXiv, only in online mode. */
export function onlineSources(network: NetworkPolicy): { hub: HubClient; arxiv: ArxivClient } | undefined {
  if (!network.online) return undefined;
  const fetch = guardedFetch({ remoteAllowed: true, purpose: 'online sources', hint: '' });
  return {
    hub: hubClient({ fetch, endpoint: process.env.ROOTLINE_HF_ENDPOINT || process.env.HF_ENDPOINT || undefined, token: process.env.HF_TOKEN || undefined }),
    arxiv: arxivClient({ fetch, endpoint: process.env.ROOTLINE_ARXIV_ENDPOINT || undefined }),
  };
}

/** What the run records about its options, so it can be resumed: never an API key, never a password in a URL. */
export function runRecord(options: { online?: boolean; library?: string; reviewThreshold: number }, label: string, mode: ExtractorMode, settings: ProviderSettings): Record<string, unknown> {
  return {
    model: label,
    mode,
    online: Boolean(options.online),
    library: options.library ?? null,
    reviewThreshold: options.reviewThreshold,
    ...(mode === 'builtin'
      ? {}
      : {
          endpoint: label.startsWith('ollama:') ? safeUrl(settings.ollamaHost) : safeUrl(settings.openaiBaseURL),
          timeoutSeconds: settings.timeoutSeconds,
          attempts: settings.attempts,
          concurrency: settings.concurrency,
          stream: settings.stream,
          chunkChars: settings.chunkChars,
        }),
  };
}
