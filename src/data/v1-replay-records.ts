/**
 * The recorded ground-truth results of a BFCL v1 run (bfcl-spec-v1.md §4.6): every failure line of a
 * non-REST executable score file carries `prompt.execution_result`, the results of `prompt.ground_truth`
 * computed when that model was scored. Result j belongs to ground-truth call j.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePyJson } from '../core/pyjson.js';
import { PyDict } from '../core/pyvalue.js';
import type { RecordedCall } from '../check/v1-replay.js';
import { V1_CATEGORIES } from './v1-files.js';

/** All (call, recorded result) pairs found in the score files under `scoresDir` (`<model>/<cat>_score.json`). */
export function readReplayRecords(scoresDir: string): RecordedCall[] {
  const out: RecordedCall[] = [];
  if (!existsSync(scoresDir)) return out;
  const cats = V1_CATEGORIES.filter((c) => c.kind === 'exec').map((c) => c.name);
  for (const model of readdirSync(scoresDir).sort()) {
    for (const cat of cats) {
      const f = join(scoresDir, model, `${cat}_score.json`);
      if (!existsSync(f)) continue;
      const lines = readFileSync(f, 'utf8').split('\n');
      for (let i = 1; i < lines.length; i++) {
        if (!lines[i]!.includes('"execution_result"')) continue;
        let d;
        try {
          d = parsePyJson(lines[i]!);
        } catch {
          continue;
        }
        const prompt = d instanceof PyDict ? d.get('prompt') : undefined;
        if (!(prompt instanceof PyDict)) continue;
        const gt = prompt.get('ground_truth');
        const res = prompt.get('execution_result');
        if (!Array.isArray(gt) || !Array.isArray(res)) continue;
        gt.forEach((call, j) => {
          if (typeof call === 'string' && j < res.length) out.push({ call, value: res[j]! });
        });
      }
    }
  }
  return out;
}
