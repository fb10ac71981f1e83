/** fcbench command line: one yargs command module per sub-command (src/cli/<command>.ts). */
import yargs, { type Argv } from 'yargs';
import { EXIT, UserError } from '../core/errors.js';
import { commands } from './commands.js';

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  let parser: Argv = yargs(argv)
    .scriptName('fcbench')
    .usage('$0 <command> [options]\n\nEvaluate function-calling models the way BFCL does.')
    .strict()
    .demandCommand(1, 'Name a command (see the list above).')
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UserError(`${msg}\nRun 'fcbench --help' for usage.`);
    });
  for (const cmd of commands) {
    parser = parser.command({
      command: cmd.command,
      describe: cmd.describe,
      builder: cmd.builder,
      handler: async (args) => {
        code = await cmd.run(args);
      },
    });
  }
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`fcbench: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
  return code;
}
