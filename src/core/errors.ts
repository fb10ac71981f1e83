/** Errors that end a command with a DESIGN.md exit code and a message that says what and where. */

export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, incomplete: 3 } as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
