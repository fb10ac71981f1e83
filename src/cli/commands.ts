/** Every sub-command, in the order `fcbench --help` lists them. */
import type { Command } from './command.js';
import { dataCommand } from './data.js';
import { evaluateCommand } from './evaluate.js';
import { generateCommand } from './generate.js';
import { compareCommand } from './compare.js';
import { mergeCommand } from './merge.js';
import { modelsCommand } from './models.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';

export const commands: Command[] = [runCommand, dataCommand, generateCommand, evaluateCommand, reportCommand, compareCommand, mergeCommand, modelsCommand];
