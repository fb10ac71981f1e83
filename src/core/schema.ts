/** Build the typed views of function docs and possible answers from parsed JSON values. */
import { PyDict, type PyValue } from './pyvalue.js';
import type { ExpectedCall, FunctionDoc, ParamSchema } from './types.js';

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

function str(v: PyValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function paramSchemaFromPy(raw: PyValue, where: string): ParamSchema {
  if (!(raw instanceof PyDict)) throw new SchemaError(`${where}: a parameter schema must be an object`);
  const schema: ParamSchema = { type: str(raw.get('type')) ?? 'string', raw };
  const desc = str(raw.get('description'));
  if (desc !== undefined) schema.description = desc;
  const props = raw.get('properties');
  if (props instanceof PyDict) {
    schema.properties = new Map();
    for (const [k, v] of props) {
      if (typeof k !== 'string') throw new SchemaError(`${where}: property names must be strings`);
      schema.properties.set(k, paramSchemaFromPy(v, `${where}.${k}`));
    }
  }
  const items = raw.get('items');
  if (items instanceof PyDict) schema.items = paramSchemaFromPy(items, `${where}[]`);
  const req = raw.get('required');
  if (Array.isArray(req)) schema.required = req.filter((r): r is string => typeof r === 'string');
  return schema;
}

export function functionDocFromPy(raw: PyValue, where: string): FunctionDoc {
  if (!(raw instanceof PyDict)) throw new SchemaError(`${where}: a function doc must be an object`);
  const name = str(raw.get('name'));
  if (name === undefined) throw new SchemaError(`${where}: function doc has no "name"`);
  const params = raw.get('parameters') ?? new PyDict([['type', 'dict'], ['properties', new PyDict()], ['required', []]]);
  return {
    name,
    description: str(raw.get('description')) ?? '',
    parameters: paramSchemaFromPy(params, `${where}(${name})`),
    raw,
  };
}

/** `{"func": {"param": [options…]}}` → ExpectedCall. */
export function expectedCallFromPy(raw: PyValue, where: string): ExpectedCall {
  if (!(raw instanceof PyDict) || raw.size !== 1) throw new SchemaError(`${where}: an expected call must be an object with one key`);
  const [name, body] = raw.entries()[0]!;
  if (typeof name !== 'string' || !(body instanceof PyDict)) throw new SchemaError(`${where}: an expected call must map a name to an object`);
  const params = new Map<string, PyValue[]>();
  for (const [k, v] of body) {
    if (typeof k !== 'string' || !Array.isArray(v)) throw new SchemaError(`${where}: parameter ${String(k)} must map to a list of allowed values`);
    params.set(k, v);
  }
  return { name, params };
}
