/**
 * Where the official checker would raise (KeyError, NotImplementedError, TypeError, …) and so
 * stop the whole evaluation run, fcbench fails the one entry instead. The checker throws a
 * CheckerCrash internally; checkAst turns it into an invalid verdict with its error type.
 */
export class CheckerCrash extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'CheckerCrash';
  }
}

/** Error types of our own for inputs on which BFCL crashes (none of them is a BFCL error_type). */
export const CRASH = {
  /** A declared type missing from BFCL's type table (BFCL: KeyError). */
  unknownType: 'type_error:unknown_declared_type',
  /** A Java type BFCL lists but cannot convert: Set, Hashtable, Queue, Stack (BFCL: NotImplementedError). */
  unsupportedType: 'type_error:unsupported_declared_type',
  /** The function doc or the possible answer lacks something the checker reads (BFCL: KeyError/TypeError/IndexError). */
  malformedEntry: 'checker_error:malformed_entry',
  /** A model value of a shape BFCL's checker cannot handle there (BFCL: TypeError/AttributeError/ValueError). */
  unhandledValue: 'checker_error:unhandled_value',
} as const;
