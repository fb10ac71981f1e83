/** OpenAI-compatible `/completions`: one raw prompt (BFCL's way of querying local vLLM/SGLang models). */
import type { Backend, BackendReply, ModelRequest, Sampling } from '../core/format.js';
import { MalformedReply } from './inference-error.js';
import { firstChoice, OpenAIEndpoint, usageOf, type EndpointOptions } from './openai-endpoint.js';
import { bodyText, samplingEntries } from './request-body.js';

export class OpenAICompletionsBackend implements Backend {
  readonly name = 'openai-completions';
  readonly endpoint: OpenAIEndpoint;

  constructor(
    readonly model: string,
    opts: EndpointOptions,
  ) {
    this.endpoint = new OpenAIEndpoint(opts);
  }

  body(req: ModelRequest, sampling: Sampling): string {
    if (req.kind !== 'completion') throw new Error(`the openai-completions backend sends one prompt, but the format built a ${req.kind} request; use --endpoint chat`);
    return bodyText([['model', { plain: this.model }], ['prompt', { plain: req.prompt }], ...samplingEntries(sampling)]);
  }

  async send(req: ModelRequest, sampling: Sampling, signal?: AbortSignal): Promise<BackendReply> {
    const r = await this.endpoint.post('/completions', this.body(req, sampling), readCompletion, signal);
    return { ...r.body, latency: r.latency, attempts: r.attempts };
  }

  describe(): Promise<unknown> {
    return this.endpoint.models();
  }
}

function readCompletion(body: unknown): BackendReply {
  const text = firstChoice(body)['text'];
  if (typeof text !== 'string') throw new MalformedReply('malformed response body: choices[0].text is not a string');
  return { text, ...usageOf(body) };
}
