/** The values that flow through the pipeline (see DESIGN.md). */
import { PyDict, type PyValue } from './pyvalue.js';

export interface Message {
  role: string;
  content: string;
}

/** One parameter schema of a BFCL function doc (a typed view; `raw` keeps the exact original). */
export interface ParamSchema {
  type: string;
  description?: string;
  properties?: Map<string, ParamSchema>;
  items?: ParamSchema;
  required?: string[];
  raw: PyDict;
}

export interface FunctionDoc {
  name: string;
  description: string;
  parameters: ParamSchema;
  raw: PyDict;
}

/** Where a line came from, for error messages. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One BFCL test case (question entry). */
export interface Case {
  id: string;
  category: string;
  /** Turns, each a list of messages. */
  question: Message[][];
  functions: FunctionDoc[];
  raw: PyDict;
  source?: SourceRef;
}

/** One expected call of a possible answer: parameter → allowed values (`""` = may be omitted). */
export interface ExpectedCall {
  name: string;
  params: Map<string, PyValue[]>;
}

export interface PossibleAnswer {
  id: string;
  calls: ExpectedCall[];
  raw: PyDict;
  source?: SourceRef;
}

/** A decoded model call. */
export interface Call {
  name: string;
  args: PyDict;
}

/** A checker's verdict on one entry. */
export interface Verdict {
  valid: boolean;
  /** BFCL's error_type, e.g. `value_error:string`; absent when valid. */
  errorType?: string;
  /** Human-readable messages (BFCL's `error` list). */
  errors: string[];
}

export const VALID: Verdict = Object.freeze({ valid: true, errors: [] }) as Verdict;

export function invalid(errorType: string, ...errors: string[]): Verdict {
  return { valid: false, errorType, errors };
}
