/**
 * Broken state dirs for fault injection, made as real as the machine allows:
 * - read-only: a tmpfs remounted read-only when running as root with mount rights; as root
 *   without them, the hook runs as `nobody` (setpriv) on a 0555 dir; otherwise plain chmod 0555;
 * - full: a small tmpfs filled to the last byte when mounting is possible; otherwise the state
 *   files are symlinks to /dev/full (every write fails with ENOSPC).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/gate.js';

export interface BrokenDir {
  dir: string;
  method: string;
  /** Prefix for the hook command (run as another user), or empty. */
  runAs: string[];
  /** Makes room again (full) or does nothing. */
  recover(): void;
  cleanup(): void;
}

const isRoot = process.getuid?.() === 0;

function tryMount(dir: string, size: string): boolean {
  return isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

export function readOnlyDir(populate: (dir: string) => void): BrokenDir {
  const dir = join(tempDir('kei-rel-ro-'), 'state');
  mkdirSync(dir);
  if (tryMount(dir, '4m')) {
    populate(dir);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    return { dir, method: 'read-only tmpfs', runAs: [], recover() {}, cleanup: () => unmount(dir) };
  }
  populate(dir);
  chmodSync(dir, 0o555);
  const runAs = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
  return { dir, method: isRoot ? 'chmod 0555, hook run as nobody' : 'chmod 0555', runAs, recover() {}, cleanup: () => chmodSync(dir, 0o755) };
}

/** A state dir with no free space left; `files` that cannot be filled become /dev/full links. */
export function fullDir(populate: (dir: string) => void, files: string[]): BrokenDir {
  const dir = join(tempDir('kei-rel-full-'), 'state');
  mkdirSync(dir);
  if (tryMount(dir, '1m')) {
    populate(dir);
    const filler = join(dir, 'filler');
    // Fill in shrinking steps down to single bytes, so not even a partial page is left.
    for (let step = 64 * 1024; step >= 1; step = Math.floor(step / 4)) {
      try {
        for (;;) writeFileSync(filler, Buffer.alloc(step), { flag: 'a' });
      } catch {
        // full at this step size; try a smaller one
      }
    }
    return { dir, method: 'tmpfs filled to the last byte', runAs: [], recover: () => rmSync(filler, { force: true }), cleanup: () => unmount(dir) };
  }
  populate(dir);
  for (const file of files) {
    rmSync(join(dir, file), { force: true });
    symlinkSync('/dev/full', join(dir, file));
  }
  return { dir, method: 'state files linked to /dev/full', runAs: [], recover: () => files.forEach((f) => rmSync(join(dir, f), { force: true })), cleanup() {} };
}
