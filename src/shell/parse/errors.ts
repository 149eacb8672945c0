/** The command is not valid shell (bash would refuse it, or we do not understand it). */
export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

/** A bound in LIMITS was passed. */
export class ShellLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellLimitError';
  }
}
