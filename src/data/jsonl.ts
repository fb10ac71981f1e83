/** JSON-lines files read the Python way (int vs float kept); a bad line is reported, never fatal. */
import { readFileSync } from 'node:fs';
import { JsonParseError, parsePyJson } from '../core/pyjson.js';
import type { PyValue } from '../core/pyvalue.js';

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  value: PyValue;
}

export interface JsonlProblem {
  file: string;
  line: number;
  message: string;
}

export interface JsonlRead {
  lines: JsonlLine[];
  problems: JsonlProblem[];
}

/** Parse JSON-lines text; empty lines are skipped, unparsable ones become problems. */
export function parseJsonl(text: string, file: string): JsonlRead {
  const lines: JsonlLine[] = [];
  const problems: JsonlProblem[] = [];
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    if (raw.trim() === '') continue;
    try {
      lines.push({ line: i + 1, value: parsePyJson(raw) });
    } catch (e) {
      const why = e instanceof JsonParseError ? `${e.reason} at column ${e.column}` : String(e);
      const torn = i === parts.length - 1 && !text.endsWith('\n');
      problems.push({ file, line: i + 1, message: torn ? `torn last line (${why})` : `not valid JSON (${why})` });
    }
  }
  return { lines, problems };
}

export function readJsonl(file: string): JsonlRead {
  return parseJsonl(readFileSync(file, 'utf8'), file);
}
