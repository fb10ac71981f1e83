/** OpenAI-compatible `/chat/completions` (vLLM, Ollama, OpenAI, …). */
import type { BackendReply, ModelRequest, Sampling } from '../core/format.js';
import { MalformedReply } from './inference-error.js';
import { OpenAIBackend } from './openai-backend.js';
import { firstChoice, objectOf, usageOf } from './openai-endpoint.js';
import { bodyText, samplingEntries, type BodyValue } from './request-body.js';

export class OpenAIChatBackend extends OpenAIBackend {
  readonly name = 'openai-chat';
  protected readonly path = '/chat/completions';
  protected readonly read = readChat;

  body(req: ModelRequest, sampling: Sampling): string {
    if (req.kind !== 'chat') throw new Error(`the openai-chat backend sends chat requests, but the format built a ${req.kind} request; use --endpoint completions`);
    const messages = req.messages.map((m) => ({ role: m.role, content: m.content }));
    const entries: Array<[string, BodyValue]> = [['model', { plain: this.model }], ['messages', { plain: messages }]];
    if (req.tools && req.tools.length > 0) entries.push(['tools', req.tools]);
    return bodyText([...entries, ...samplingEntries(sampling)]);
  }
}

function readChat(body: unknown): BackendReply {
  const message = objectOf(firstChoice(body)['message'], 'choices[0].message');
  const content = message['content'];
  if (content !== null && content !== undefined && typeof content !== 'string') throw new MalformedReply('malformed response body: message.content is not a string');
  const reply: BackendReply = { text: typeof content === 'string' ? content : null, ...usageOf(body) };
  const calls = message['tool_calls'];
  if (Array.isArray(calls) && calls.length > 0) {
    reply.toolCalls = calls.map((c, i) => {
      const fn = objectOf(objectOf(c, `tool_calls[${i}]`)['function'], `tool_calls[${i}].function`);
      const name = fn['name'];
      const args = fn['arguments'];
      if (typeof name !== 'string') throw new MalformedReply(`malformed response body: tool_calls[${i}].function.name is not a string`);
      return { name, arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}) };
    });
  }
  return reply;
}
