import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/format.js';
import { PyDict, PyFloat } from '../../src/core/pyvalue.js';
import { getFormat } from '../../src/formats/index.js';
import { casesOf } from '../fixtures/conformance.js';

const f = getFormat('openai-fc');
const fn = (tool: PyDict): PyDict => tool.get('function') as PyDict;

describe('openai-fc', () => {
  it('converts docs to tools as BFCL does (§10.3): dots, object, float note', () => {
    const c = casesOf('simple_python').get('simple_python_30')!;
    const req = f.request!(c);
    if (req.kind !== 'chat') throw new Error('chat expected');
    expect(req.messages).toEqual([{ role: 'user', content: c.question[0]![0]!.content }]);
    const tool = req.tools![0] as PyDict;
    expect(tool.get('type')).toBe('function');
    expect(fn(tool).get('name')).toBe('kinematics_final_velocity_from_distance');
    const params = fn(tool).get('parameters') as PyDict;
    expect(params.get('type')).toBe('object');
    const v = (params.get('properties') as PyDict).get('initial_velocity') as PyDict;
    expect(v.get('type')).toBe('number');
    expect(v.get('format')).toBe('float');
    expect(v.get('description')).toBe('Initial velocity of the object. Default is 0, m/s This is a float type value.');
  });

  it('keeps dotted names when asked to', () => {
    const req = f.request!(casesOf('simple_python').get('simple_python_30')!, { underscoreNames: false });
    if (req.kind !== 'chat') throw new Error('chat expected');
    expect(fn(req.tools![0] as PyDict).get('name')).toBe('kinematics.final_velocity_from_distance');
  });

  it('stores tool calls as [{name: argumentsJson}] and text otherwise', () => {
    const stored = f.resultOf!({ text: null, toolCalls: [{ name: 'calc_area', arguments: '{"base": 10, "h": 2.5}' }] });
    expect(stored).toEqual([new PyDict([['calc_area', '{"base": 10, "h": 2.5}']])]);
    const decoded = f.decodeAst(stored, 'python') as PyDict[];
    const args = decoded[0]!.get('calc_area') as PyDict;
    expect(args.get('base')).toBe(10);
    expect(args.get('h')).toEqual(new PyFloat(2.5));
    expect(f.decodeExecute!(stored)).toEqual(['calc_area(base=10,h=2.5)']);
    expect(f.resultOf!({ text: 'No tool fits.', toolCalls: [] })).toBe('No tool fits.');
    expect(() => f.decodeAst('No tool fits.', 'python')).toThrow(DecodeError);
  });
});
