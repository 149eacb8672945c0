/** Test support: a project directory holding copies of the Modal fixture scripts. */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseShell } from '../../../src/shell/index.js';
import type { ShellAnalysis } from '../../../src/shell/types.js';
import { REPO_ROOT, tempDir } from '../../helpers/gate.js';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'modal');

export interface Workspace {
  /** The project root (the calls' cwd). */
  root: string;
  /** A fresh state dir. */
  state: string;
  /** Absolute path of a fixture copied into root/<name>. */
  file(name: string): string;
}

export function workspace(): Workspace {
  const root = tempDir('kei-modal-ws-');
  mkdirSync(join(root, 'src'));
  cpSync(FIXTURES, join(root, 'src'), { recursive: true });
  cpSync(FIXTURES, root, { recursive: true });
  return { root, state: tempDir('kei-modal-state-'), file: (name) => join(root, name) };
}

/** The shell analysis the hook would compute for this command (it reads local scripts too). */
export function analyse(command: string, cwd: string): ShellAnalysis {
  const readScript = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  return analyseShell(command, { cwd, readScript });
}
