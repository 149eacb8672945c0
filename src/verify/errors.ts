/**
 * The verify cannot run at all (not a git repository, unknown base ref, unreadable task spec):
 * the CLI exits 2 and the stop hook reports it as a failed check, never as a pass.
 */
export class VerifyEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifyEnvironmentError';
  }
}
