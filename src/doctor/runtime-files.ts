import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED = /"\.\/(hook-runtime-[\w-]+\.cjs)"/g;

/**
 * The files of the split hook runtime in `dir`, found from its entry by what each file requires:
 * those there, and those it requires that are not. The runtime loads a part only when a call
 * first needs it, so a missing part shows only then (as a denied call), not when the runtime
 * starts: this finds it before any call does. Files of other builds are not listed.
 */
export function runtimeFiles(dir: string): { present: string[]; missing: string[] } {
  const present: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    if (!existsSync(join(dir, name))) return void missing.push(name);
    present.push(name);
    for (const match of readFileSync(join(dir, name), 'utf8').matchAll(REQUIRED)) visit(match[1]!);
  };
  if (existsSync(join(dir, 'hook-runtime.cjs'))) visit('hook-runtime.cjs');
  return { present, missing };
}
