/** Question and possible-answer entries (BFCL §2) from parsed JSON lines. */
import { expectedCallFromPy, functionDocFromPy, SchemaError } from '../core/schema.js';
import { PyDict, type PyValue } from '../core/pyvalue.js';
import type { Case, Message, PossibleAnswer } from '../core/types.js';
import type { JsonlLine, JsonlProblem } from './jsonl.js';

function messagesOf(turn: PyValue, where: string): Message[] {
  if (!Array.isArray(turn)) throw new SchemaError(`${where}: a turn must be a list of messages`);
  return turn.map((m, i) => {
    if (!(m instanceof PyDict)) throw new SchemaError(`${where}[${i}]: a message must be an object`);
    const role = m.get('role');
    const content = m.get('content');
    if (typeof role !== 'string' || typeof content !== 'string') throw new SchemaError(`${where}[${i}]: a message needs string "role" and "content"`);
    return { role, content };
  });
}

export function caseFromPy(v: PyValue, category: string, file: string, line: number): Case {
  const where = `${file}:${line}`;
  if (!(v instanceof PyDict)) throw new SchemaError(`${where}: an entry must be an object`);
  const id = v.get('id');
  if (typeof id !== 'string') throw new SchemaError(`${where}: entry has no string "id"`);
  const q = v.get('question');
  let question: Message[][];
  if (typeof q === 'string') question = [[{ role: 'user', content: q }]];
  else if (Array.isArray(q) && q.every((t) => Array.isArray(t))) question = q.map((t, i) => messagesOf(t, `${where} question[${i}]`));
  else if (Array.isArray(q)) question = [messagesOf(q, `${where} question`)];
  else throw new SchemaError(`${where}: entry ${id} has no "question"`);
  const f = v.get('function');
  const docs = f === undefined || f === '' ? [] : Array.isArray(f) ? f : [f];
  const functions = docs.map((d, i) => functionDocFromPy(d, `${where} function[${i}]`));
  return { id, category, question, functions, raw: v, source: { file, line } };
}

export function answerFromPy(v: PyValue, file: string, line: number): PossibleAnswer {
  const where = `${file}:${line}`;
  if (!(v instanceof PyDict)) throw new SchemaError(`${where}: an entry must be an object`);
  const id = v.get('id');
  if (typeof id !== 'string') throw new SchemaError(`${where}: entry has no string "id"`);
  const gt = v.get('ground_truth');
  const calls = Array.isArray(gt) && gt.every((c) => c instanceof PyDict) ? gt.map((c, i) => expectedCallFromPy(c, `${where} ground_truth[${i}]`)) : [];
  return { id, calls, raw: v, source: { file, line } };
}

/** Convert parsed lines; entries that fail become problems and the rest are kept. */
export function convertLines<T>(lines: JsonlLine[], file: string, convert: (v: PyValue, line: number) => T, problems: JsonlProblem[]): T[] {
  const out: T[] = [];
  for (const l of lines) {
    try {
      out.push(convert(l.value, l.line));
    } catch (e) {
      problems.push({ file, line: l.line, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
