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
  /** Build the request for one case (generation only). */
  request?(c: Case, opts?: RequestOptions): ModelRequest;
  /**
   * BFCL decode_ast: the stored `result` of a result-file line → the decoded value
   * (normally a list of `{name: {arg: value}}` dicts). Throws DecodeError when it cannot decode.
   */
  decodeAst(result: PyValue, language: Language): PyValue;
  /** BFCL decode_execute: the stored result → Python call strings. Throws DecodeError. */
  decodeExecute?(result: PyValue): string[];
}
