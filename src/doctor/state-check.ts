import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type CheckLine } from './check.js';

/** The state dir (decision log, ledger, confirmations) accepts a write. */
export function checkStateDir(stateDir: string): CheckLine {
  const probe = join(stateDir, `.doctor-${process.pid}`);
  try {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(probe, 'probe');
    unlinkSync(probe);
    return ok(`state dir writable: ${stateDir}`);
  } catch (error) {
    return fail(`state dir ${stateDir} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'fix its permissions, or point KEI_STATE_DIR at a writable directory');
  }
}
