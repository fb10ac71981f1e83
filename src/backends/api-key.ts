/** The API key for an endpoint: from the named environment variable, or a placeholder for a local server. */

/** Sent when no key is needed (vLLM, Ollama and llama.cpp servers accept any key unless started with one). */
export const PLACEHOLDER_KEY = 'EMPTY';

export function isLocalUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || h === '0.0.0.0' || /^127\./.test(h) || h.endsWith('.localhost');
  } catch {
    return false;
  }
}

/**
 * Returns the key, or an error message saying what to set. A local endpoint without a key gets
 * the placeholder; a remote one needs the variable set.
 */
export function resolveApiKey(
  envName: string | undefined,
  baseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): { key: string } | { error: string } {
  const value = envName ? env[envName] : undefined;
  if (value !== undefined && value !== '') return { key: value };
  if (isLocalUrl(baseUrl)) return { key: PLACEHOLDER_KEY };
  if (!envName) return { error: `${baseUrl} is not a local endpoint and the model config names no api_key_env; add "api_key_env" to the config or pass --api-key-env NAME` };
  return { error: `the environment variable ${envName} is not set; ${baseUrl} needs an API key (export ${envName}=... or pass --api-key-env NAME)` };
}
