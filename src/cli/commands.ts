/** Every sub-command, in the order `fcbench --help` lists them. */
import type { Command } from './command.js';
import { dataCommand } from './data.js';
import { reportCommand } from './report.js';
import { generateCommand } from './generate.js';

export const commands: Command[] = [dataCommand, generateCommand, reportCommand];
