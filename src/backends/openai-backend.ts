/** What the OpenAI-compatible backends share: one endpoint, one POST path per request kind, the models list. */
import type { Backend, BackendReply, ModelRequest, Sampling } from '../core/format.js';
import { OpenAIEndpoint, type EndpointOptions } from './openai-endpoint.js';

export abstract class OpenAIBackend implements Backend {
  abstract readonly name: string;
  readonly endpoint: OpenAIEndpoint;
  /** The path requests are POSTed to (`/chat/completions`, `/completions`). */
  protected abstract readonly path: string;

  constructor(
    readonly model: string,
    opts: EndpointOptions,
  ) {
    this.endpoint = new OpenAIEndpoint(opts);
  }

  /** The exact JSON text sent for a request. */
  abstract body(req: ModelRequest, sampling: Sampling): string;

  /** Reads the reply from a successful response body (MalformedReply when it is not one). */
  protected abstract readonly read: (body: unknown) => BackendReply;

  async send(req: ModelRequest, sampling: Sampling, signal?: AbortSignal): Promise<BackendReply> {
    const r = await this.endpoint.post(this.path, this.body(req, sampling), this.read, signal);
    return { ...r.body, latency: r.latency, attempts: r.attempts };
  }

  describe(): Promise<unknown> {
    return this.endpoint.models();
  }
}
