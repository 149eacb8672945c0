import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Tests that spawn the real hook need dist/ built from the current sources. */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}
