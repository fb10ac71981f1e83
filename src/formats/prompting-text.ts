/** The first two steps of BFCL's default prompting decoder (bfcl-spec.md §4.1, `default_decode_ast_prompting`). */

/**
 * Strip the characters `` ` ``, newline and space from both ends (a character-set strip, like
 * Python `str.strip("`\n ")`), then make sure the text starts with `[` and ends with `]`.
 * Applying it twice gives the same text, so decoders may apply it again.
 */
export function bracketed(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isStripped(text.charCodeAt(start))) start++;
  while (end > start && isStripped(text.charCodeAt(end - 1))) end--;
  let out = text.slice(start, end);
  if (!out.startsWith('[')) out = '[' + out;
  if (!out.endsWith(']')) out = out + ']';
  return out;
}

function isStripped(c: number): boolean {
  return c === 0x60 || c === 0x0a || c === 0x20;
}
