/** What a model provider is (a descriptor) and what a connected chat model does. */
import type { NetworkPolicy } from '../network/policy.js';
import type { ProviderSettings } from './settings.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** The JSON schema the reply must follow (structured output), with a name for servers that want one. */
  schema: { name: string; jsonSchema: Record<string, unknown> };
  /** Fires on cancellation or on the attempt's timeout; the request is abandoned at once. */
  signal: AbortSignal;
}

export interface ChatReply {
  content: string;
  promptTokens: number | null;
  completionTokens: number | null;
}

/** A model ready to answer: one provider, one model name. */
export interface ChatModel {
  provider: string;
  model: string;
  /** `provider:model`, as the user writes it and as evidence records it. */
  label: string;
  chat(request: ChatRequest): Promise<ChatReply>;
}

export interface ProviderStatus {
  provider: string;
  /** Where it was looked for (never with a key in it). */
  endpoint: string | null;
  state: 'ready' | 'reachable' | 'unreachable' | 'not configured' | 'not checked';
  models: string[];
  message: string;
}

/** A model provider: one file each, listed in registry.ts. */
export interface ModelProvider {
  id: string;
  description: string;
  /** Connects to a model; undefined for the built-in extractor, which needs none. */
  connect(model: string, settings: ProviderSettings, network: NetworkPolicy): ChatModel | undefined;
  /** Whether the provider answers and which models it has. */
  status(settings: ProviderSettings, network: NetworkPolicy, signal?: AbortSignal): Promise<ProviderStatus>;
}
