/**
 * Python operations on possible-answer containers that BFCL applies without checking their
 * shape: `x in c`, `len(c)` and `c[i]`. Shapes on which Python raises throw CheckerCrash.
 */
import { PyDict, pyIn, PyTuple, pyTypeName, type PyValue } from '../core/pyvalue.js';
import { CheckerCrash, CRASH } from './checker-crash.js';

/** Python `item in container`. */
export function pyContains(container: PyValue, item: PyValue): boolean {
  if (Array.isArray(container)) return pyIn(item, container);
  if (container instanceof PyTuple) return pyIn(item, container.items);
  if (container instanceof PyDict) return container.has(item);
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new CheckerCrash(CRASH.malformedEntry, `'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    return container.includes(item);
  }
  throw new CheckerCrash(CRASH.malformedEntry, `argument of type '${pyTypeName(container)}' is not iterable`);
}

/**
 * The items `for j in range(len(c)): c[j]` visits: a list's elements, a str's characters.
 * Anything else makes BFCL raise.
 */
export function pyIndexedItems(container: PyValue): PyValue[] {
  if (Array.isArray(container)) return container;
  if (container instanceof PyTuple) return container.items;
  if (typeof container === 'string') return Array.from(container);
  if (container instanceof PyDict && container.size === 0) return [];
  throw new CheckerCrash(CRASH.malformedEntry, `a possible answer holds ${pyTypeName(container)} where a list of allowed values is expected`);
}
