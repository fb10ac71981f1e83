/** Backend names → constructors. A new backend (e.g. llama-cpp) adds one entry here and to configs/model.schema.json. */
import type { Backend } from '../core/format.js';
import { OpenAIChatBackend } from './openai-chat.js';
import { OpenAICompletionsBackend } from './openai-completions.js';
import { LlamaCppBackend, type LlamaCppSettings } from './llama-cpp.js';
import type { RetryPolicy } from './retry.js';

/** What any backend may need; each uses the parts it knows. */
export interface BackendSettings {
  /** Model id sent with each request. */
  model: string;
  baseUrl?: string;
  apiKey: string;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** The embedded engine's model and settings (llama-cpp). */
  llamaCpp?: LlamaCppSettings;
}

type Factory = (s: BackendSettings) => Backend;

function needUrl(s: BackendSettings, backend: string): string {
  if (!s.baseUrl) throw new Error(`the ${backend} backend needs a base URL (config key base_url or --base-url)`);
  return s.baseUrl;
}

export const BACKENDS: Record<string, Factory> = {
  'openai-chat': (s) => new OpenAIChatBackend(s.model, { baseUrl: needUrl(s, 'openai-chat'), apiKey: s.apiKey, timeoutMs: s.timeoutMs, retry: s.retry }),
  'llama-cpp': (s) => {
    if (!s.llamaCpp?.modelPath) throw new Error('the llama-cpp backend needs a model file: --model-path FILE.gguf|hf:<owner>/<repo>/<file> (config key llama_cpp.model_path)');
    return new LlamaCppBackend({ ...s.llamaCpp, label: s.model, timeoutMs: s.timeoutMs });
  },
  'openai-completions': (s) => new OpenAICompletionsBackend(s.model, { baseUrl: needUrl(s, 'openai-completions'), apiKey: s.apiKey, timeoutMs: s.timeoutMs, retry: s.retry }),
};

/** Backends that talk HTTP to a base URL (they need a key or a local URL). */
export const HTTP_BACKENDS = new Set(['openai-chat', 'openai-completions']);

export function createBackend(name: string, s: BackendSettings): Backend {
  const f = BACKENDS[name];
  if (!f) throw new Error(`unknown backend "${name}"; known: ${Object.keys(BACKENDS).join(', ')}`);
  return f(s);
}
