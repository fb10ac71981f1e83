/** The contract between the pipeline and one model format (src/formats/<name>.ts). */
import type { PyValue } from './pyvalue.js';
import type { Case } from './types.js';

/** The language BFCL checks a category in. */
export type Language = 'python' | 'java' | 'javascript';

/** Raised by a decoder when the output cannot be decoded (BFCL: decode_ast raised). */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/**
 * Raised by decodeExecute where BFCL's decoder did not raise but returned something that is not a
 * list of call strings (e.g. the 2024 xLAM handler returned the raw text when it was not JSON):
 * BFCL's executable checker reports `executable_decoder:wrong_output_format` for it, not `decoder_failed`.
 */
export class WrongOutputFormat extends DecodeError {
  constructor(
    message: string,
    /** What BFCL's decoder returned. */
    readonly decoded: PyValue,
  ) {
    super(message);
    this.name = 'WrongOutputFormat';
  }
}

/** What a format asks the backend to send. */
export type ModelRequest =
  | { kind: 'chat'; messages: Array<{ role: string; content: string }>; tools?: PyValue[] }
  | { kind: 'completion'; prompt: string };

export interface RequestOptions {
  /** Replace '.' with '_' in function names sent as tools (providers that reject dots). */
  underscoreNames?: boolean;
}

export interface Format {
  /** e.g. `bfcl-prompt`, `openai-fc`, `xlam`, `xlam-bfcl-v1`. */
  name: string;
  /** Function names were sent with '.' replaced by '_' (checker maps them back, BFCL underscore_to_dot). */
  underscoreToDot: boolean;
  /** The endpoint its requests need (default chat: the request is a message list). */
  endpoint?: 'chat' | 'completions';
  /** Sampling this format was defined with, used where the model config does not say (e.g. max_tokens 1200). */
  defaultSampling?: Partial<Sampling>;
  /** Build the request for one case (generation only). */
  request?(c: Case, opts?: RequestOptions): ModelRequest;
  /**
   * BFCL decode_ast: the stored `result` of a result-file line → the decoded value
   * (normally a list of `{name: {arg: value}}` dicts). Throws DecodeError when it cannot decode.
   */
  decodeAst(result: PyValue, language: Language): PyValue;
  /** What is stored as `result` in the result file for a backend reply (text, or `[{name: argsJson}]`). */
  resultOf?(reply: BackendReply): PyValue;
  /** BFCL decode_execute: the stored result → Python call strings. Throws DecodeError. */
  decodeExecute?(result: PyValue): string[];
}

/** Sampling parameters sent with every request (BFCL default: temperature 0.001, top_p 1). */
export interface Sampling {
  temperature: number;
  topP: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
}

/** What a backend got back for one request. */
export interface BackendReply {
  /** The text content (chat) or completion text; null when the model only returned tool calls. */
  text: string | null;
  /** Tool calls as the provider returned them (name + raw JSON argument text). */
  toolCalls?: Array<{ name: string; arguments: string }>;
  inputTokens?: number;
  outputTokens?: number;
  /** Seconds the successful attempt took (backends that retry report it; else the caller measures). */
  latency?: number;
  /** How many attempts the backend made (1 = no retry). */
  attempts?: number;
}

/** A way to ask a model (src/backends/<name>.ts). */
export interface Backend {
  readonly name: string;
  /** Get ready before the first request (e.g. download and load an embedded model); a failure here stops the run as bad input. */
  open?(): Promise<void>;
  /** Send one request. Throws on failure after the backend's own retries. */
  send(req: ModelRequest, sampling: Sampling, signal?: AbortSignal): Promise<BackendReply>;
  /** What the endpoint says about itself (e.g. the `/v1/models` answer), for the run manifest. */
  describe?(): Promise<unknown>;
  close?(): Promise<void>;
}
