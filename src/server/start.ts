/**
 * Starting a hook server from a hook process, in the background: this call is decided in process
 * as usual, the next one finds the server. Parallel hooks start one server between them: the first
 * takes a marker file; a marker older than a few seconds is from a start that failed.
 */
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STALE_START_MS = 10_000;

export function startMarkerFor(mailbox: string): string {
  return `${mailbox}.starting`;
}

function takeMarker(marker: string): boolean {
  try {
    closeSync(openSync(marker, 'wx', 0o600));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    if (Date.now() - statSync(marker).mtimeMs < STALE_START_MS) return false;
    unlinkSync(marker);
    closeSync(openSync(marker, 'wx', 0o600));
    return true;
  } catch {
    return false;
  }
}

/** Never throws: a server that cannot start only costs speed. */
export function startServer(distDir: string, mailbox: string): boolean {
  try {
    // Only the user may reach the mailboxes: the directory is private.
    mkdirSync(dirname(mailbox), { recursive: true, mode: 0o700 });
    if (!takeMarker(startMarkerFor(mailbox))) return false;
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    // Detached, in its own session, holding none of this hook's pipes: Claude Code waits for the
    // hook's stdout to close, and must not wait for the server.
    const child = spawn(process.execPath, [join(distDir, 'kei.cjs'), 'hook-server', mailbox], {
      detached: true,
      stdio: 'ignore',
      cwd: '/',
      env: process.env,
    });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
