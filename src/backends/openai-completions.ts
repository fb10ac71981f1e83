/** OpenAI-compatible `/completions`: one raw prompt (BFCL's way of querying local vLLM/SGLang models). */
import type { BackendReply, ModelRequest, Sampling } from '../core/format.js';
import { MalformedReply } from './inference-error.js';
import { OpenAIBackend } from './openai-backend.js';
import { firstChoice, usageOf } from './openai-endpoint.js';
import { bodyText, samplingEntries } from './request-body.js';

export class OpenAICompletionsBackend extends OpenAIBackend {
  readonly name = 'openai-completions';
  protected readonly path = '/completions';
  protected readonly read = readCompletion;

  body(req: ModelRequest, sampling: Sampling): string {
    if (req.kind !== 'completion') throw new Error(`the openai-completions backend sends one prompt, but the format built a ${req.kind} request; use --endpoint chat`);
    return bodyText([['model', { plain: this.model }], ['prompt', { plain: req.prompt }], ...samplingEntries(sampling)]);
  }
}

function readCompletion(body: unknown): BackendReply {
  const text = firstChoice(body)['text'];
  if (typeof text !== 'string') throw new MalformedReply('malformed response body: choices[0].text is not a string');
  return { text, ...usageOf(body) };
}
