/** Worker thread of `fcbench evaluate --profile bfcl-v1`: scores its share of the model folders (see evaluate-v1.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import { evaluateV1, type EvaluateV1Options } from '../run/evaluate-v1.js';
import { summarizeV1 } from './evaluate-v1.js';

evaluateV1(workerData as EvaluateV1Options).then(
  (r) => parentPort!.postMessage({ ok: true, summary: summarizeV1(r) }),
  (e: unknown) => parentPort!.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e), user: e instanceof UserError }),
);
