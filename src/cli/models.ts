/** `fcbench models`: the model configs in configs/models/ (name, backend, format, endpoint or file). */
import type { Argv } from 'yargs';
import { EXIT } from '../core/errors.js';
import { listModelNames, MODELS_DIR, resolveModelConfig } from '../run/model-config.js';
import type { Command } from './command.js';

export function modelRows(dir: string = MODELS_DIR): string[][] {
  return listModelNames(dir).map((name) => {
    const c = resolveModelConfig(name, {}, dir);
    const where = c.backend === 'llama-cpp' ? (c.llamaCpp?.modelPath ?? '') : (c.baseUrl ?? '');
    return [c.name, c.displayName, c.backend, c.format, where];
  });
}

export const modelsCommand: Command = {
  command: 'models',
  describe: 'List the model configs (configs/models/*.json)',
  builder: (y: Argv) => y,
  run: async () => {
    const rows = [['name', 'display name', 'backend', 'format', 'endpoint / model file'], ...modelRows()];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
    return EXIT.ok;
  },
};
