/** The messages of a case's first turn (single-turn categories have only this one). */
import type { Case, Message } from '../core/types.js';

export function firstTurn(c: Case): Message[] {
  return (c.question[0] ?? []).map((m) => ({ role: m.role, content: m.content }));
}
