/**
 * JSON Schema (the subset function docs use) → a GBNF grammar for llama.cpp, so a constrained
 * model can only write JSON that matches the schema.
 *
 * Supported: `const`, `enum`, `type` (string, integer, number, boolean, null, array, object, or a
 * list of them), `properties` with `required` (keys are written in the declared order; an optional
 * key may be left out), `additionalProperties` (objects without `properties` take any keys),
 * `items`, `anyOf`/`oneOf`, and `{}` (any JSON value). Other keywords (`minimum`, `pattern`, …)
 * are not enforced: the grammar guarantees syntax, names and shapes, not every constraint.
 *
 * Unlike node-llama-cpp's own JSON-schema grammar (where every listed property is required), a
 * key that is not in `required` is optional here — function parameters with defaults need that.
 */

export type JsonSchema = boolean | { [key: string]: unknown };

/** Whitespace between tokens: bounded, so a model cannot loop on blanks forever. */
const WS = '[ \\t\\n]{0,8}';

const PRIMITIVES: Record<string, string> = {
  ws: WS,
  string: '"\\"" ( [^"\\\\\\x00-\\x1f] | "\\\\" ( ["\\\\/bfnrt] | "u" [0-9a-fA-F]{4} ) )* "\\""',
  integer: '"-"? ( "0" | [1-9] [0-9]{0,17} )',
  number: '"-"? ( "0" | [1-9] [0-9]{0,17} ) ( "." [0-9]{1,17} )? ( [eE] [-+]? [0-9]{1,3} )?',
  boolean: '"true" | "false"',
  null: '"null"',
  value: 'object | array | string | number | boolean | null',
  object: '"{" ws ( string ws ":" ws value ( ws "," ws string ws ":" ws value )* )? ws "}"',
  array: '"[" ws ( value ( ws "," ws value )* )? ws "]"',
};

/** A GBNF string literal for `text` (escapes quotes, backslashes and control characters). */
export function gbnfLiteral(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** The literal for a JSON value written as JSON (`"a"`, `1`, `true`). */
function jsonLiteral(v: unknown): string {
  return gbnfLiteral(JSON.stringify(v));
}

class GrammarBuilder {
  private readonly rules = new Map<string, string>();
  private readonly usedPrimitives = new Set<string>(['ws']);
  private counter = 0;

  private primitive(name: string): string {
    if (!(name in PRIMITIVES)) throw new Error(`no primitive ${name}`);
    if (!this.usedPrimitives.has(name)) {
      this.usedPrimitives.add(name);
      // `value`, `object`, `array` refer to each other and to every scalar.
      if (name === 'value' || name === 'object' || name === 'array') for (const n of ['value', 'object', 'array', 'string', 'number', 'boolean', 'null']) this.usedPrimitives.add(n);
    }
    return name;
  }

  private newRule(hint: string, body: string): string {
    const name = `${hint.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40) || 'r'}-${++this.counter}`;
    this.rules.set(name, body);
    return name;
  }

  /** An expression (rule name or inline alternatives in parentheses) matching `schema`. */
  expr(schema: JsonSchema, hint: string): string {
    if (schema === true || (typeof schema === 'object' && Object.keys(schema).filter((k) => !IGNORED.has(k)).length === 0)) return this.primitive('value');
    if (schema === false) throw new Error(`the schema of ${hint} accepts nothing`);
    const s = schema;
    if ('const' in s) return jsonLiteral(s['const']);
    if (Array.isArray(s['enum'])) {
      const alts = (s['enum'] as unknown[]).map(jsonLiteral);
      if (alts.length === 0) throw new Error(`the enum of ${hint} is empty`);
      return `( ${alts.join(' | ')} )`;
    }
    const union = (s['anyOf'] ?? s['oneOf']) as JsonSchema[] | undefined;
    if (Array.isArray(union)) {
      if (union.length === 0) throw new Error(`the anyOf/oneOf of ${hint} is empty`);
      return `( ${union.map((u, i) => this.expr(u, `${hint}-${i}`)).join(' | ')} )`;
    }
    const type = s['type'];
    if (Array.isArray(type)) return `( ${type.map((t) => this.typed(String(t), s, hint)).join(' | ')} )`;
    if (typeof type === 'string') return this.typed(type, s, hint);
    if (s['properties'] !== undefined) return this.typed('object', s, hint);
    if (s['items'] !== undefined) return this.typed('array', s, hint);
    return this.primitive('value');
  }

  private typed(type: string, s: Record<string, unknown>, hint: string): string {
    switch (type) {
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
      case 'null':
        return this.primitive(type);
      case 'array': {
        const items = s['items'];
        if (items === undefined || items === true || Array.isArray(items)) return this.primitive('array');
        const item = this.expr(items as JsonSchema, `${hint}-item`);
        this.primitive('ws');
        return this.newRule(`${hint}-array`, `"[" ws ( ${item} ( ws "," ws ${item} )* )? ws "]"`);
      }
      case 'object':
        return this.object(s, hint);
      default:
        throw new Error(`unsupported JSON Schema type "${type}" at ${hint}`);
    }
  }

  /** Keys in declared order; required keys must appear, optional ones may be skipped. */
  private object(s: Record<string, unknown>, hint: string): string {
    const props = s['properties'] as Record<string, JsonSchema> | undefined;
    if (!props || Object.keys(props).length === 0) {
      return s['additionalProperties'] === false ? '( "{" ws "}" )' : this.primitive('object');
    }
    const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
    const keys = Object.keys(props);
    const kv = keys.map((k, i) => `${jsonLiteral(k)} ws ":" ws ${this.expr(props[k]!, `${hint}-${k}-${i}`)}`);
    // first[i]: keys i.. when none was written yet; after[i]: keys i.. after at least one.
    const after: string[] = new Array<string>(keys.length + 1);
    const first: string[] = new Array<string>(keys.length + 1);
    after[keys.length] = '""';
    first[keys.length] = '""';
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const a = required.has(k) ? `ws "," ws ${kv[i]} ${after[i + 1]}` : `( ws "," ws ${kv[i]} )? ${after[i + 1]}`;
      after[i] = i === keys.length - 1 ? `( ${a} )` : this.newRule(`${hint}-after`, a);
      const f = required.has(k) ? `${kv[i]} ${after[i + 1]}` : `${kv[i]} ${after[i + 1]} | ${first[i + 1]}`;
      first[i] = this.newRule(`${hint}-first`, f);
    }
    return this.newRule(`${hint}-object`, `"{" ws ${first[0]} ws "}"`);
  }

  build(root: string): string {
    const lines = [`root ::= ws ${root} ws`];
    for (const [name, body] of this.rules) lines.push(`${name} ::= ${body}`);
    for (const name of Object.keys(PRIMITIVES)) if (this.usedPrimitives.has(name)) lines.push(`${name} ::= ${PRIMITIVES[name]}`);
    return lines.join('\n') + '\n';
  }
}

/** Annotation keywords that do not change what a schema accepts. */
const IGNORED = new Set(['description', 'title', 'default', 'examples', '$schema', '$comment', 'format']);

/** A GBNF grammar (root rule `root`) accepting exactly the JSON texts that match `schema` (within the supported subset). */
export function jsonSchemaToGbnf(schema: JsonSchema): string {
  const b = new GrammarBuilder();
  const root = b.expr(schema, 'root');
  return b.build(root);
}
