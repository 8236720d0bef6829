/** Options of the verbs that use model providers or the network, and the settings they make. */
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { NetworkPolicy } from '../../agents/network/policy.js';
import { resolveSettings, type ProviderSettings } from '../../agents/providers/settings.js';
import { UserError } from '../../shared/errors.js';

export interface ModelCliOptions {
  online?: boolean;
  allowRemoteModel?: boolean;
  settings?: string;
  ollamaHost?: string;
  openaiBaseUrl?: string;
}

export function modelOptions(command: Command): Command {
  return command
    .option('--online', 'allow requests beyond this machine: the Hugging Face Hub, arXiv, a remote model server (offline by default)')
    .option('--allow-remote-model', 'allow a model server on another machine without the rest of online mode')
    .option('--ollama-host <url>', 'Ollama’s address (default ROOTLINE_OLLAMA_HOST, OLLAMA_HOST or http://127.0.0.1:11434)')
    .option('--openai-base-url <url>', 'an OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (default ROOTLINE_OPENAI_BASE_URL or OPENAI_BASE_URL)')
    .addOption(new Option('--settings <file>', 'a JSON file of model settings (ollamaHost, openaiBaseURL, openaiApiKey, timeoutSeconds, attempts, concurrency, stream, contextTokens, chunkChars)'));
}

export function networkPolicy(options: ModelCliOptions): NetworkPolicy {
  return { online: Boolean(options.online), allowRemoteModel: Boolean(options.allowRemoteModel) };
}

export function modelSettings(options: ModelCliOptions, overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  let file: Record<string, unknown> = {};
  if (options.settings) {
    let text: string;
    try {
      text = readFileSync(options.settings, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read the settings file: ${(error as Error).message}`, options.settings);
    }
    try {
      file = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new UserError(`the settings file is not JSON: ${(error as Error).message}`, options.settings);
    }
    if (!file || typeof file !== 'object' || Array.isArray(file)) throw new UserError('the settings file must hold one JSON object', options.settings);
  }
  const flags: Partial<ProviderSettings> = {};
  if (options.ollamaHost) flags.ollamaHost = options.ollamaHost;
  if (options.openaiBaseUrl) flags.openaiBaseURL = options.openaiBaseUrl;
  return resolveSettings(process.env, file, { ...flags, ...overrides });
}

export { safeUrl } from '../../agents/providers/settings.js';
