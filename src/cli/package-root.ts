import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

function isOurs(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'kei-substrate';
  } catch {
    return false;
  }
}

function walkUp(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (isOurs(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The kei-substrate package this CLI runs from (its agents/, capabilities/, dist/). */
export function packageRoot(): string {
  const script = process.argv[1] ? realpathSync(process.argv[1]) : process.cwd();
  const found = walkUp(dirname(script)) ?? walkUp(process.cwd());
  if (!found) throw new Error('cannot find the kei-substrate package root');
  return found;
}
