import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** <target>/settings.json, or the file it links to: a dotfile manager's symlink stays a symlink. */
export function settingsFileOf(target: string): string {
  const file = join(target, 'settings.json');
  return existsSync(file) && lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
}

export function readFileOrNull(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** Temp file and rename: Claude Code (which watches settings.json) never sees half a file. */
export function writeAtomic(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.kei-${process.pid}-${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/** Copies a file aside before we change it; never overwrites an earlier backup. */
export function backup(file: string, now: Date): string {
  const base = `${file}.kei-backup-${stamp(now)}`;
  let candidate = base;
  for (let n = 1; existsSync(candidate); n++) candidate = `${base}-${n}`;
  writeFileSync(candidate, readFileSync(file), { flag: 'wx' });
  return candidate;
}
