import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './gate.js';

export const KEI_BIN = join(REPO_ROOT, 'dist', 'kei.cjs');

export interface ProcessAnswer {
  status: number | null;
  stdout: string;
  stderr: string;
  json: any;
}

/** Runs the real bundled hook as Claude Code does: one process, JSON on stdin. */
export function runHookProcess(event: string, stdin: string | Buffer, env: Record<string, string> = {}): ProcessAnswer {
  const result = spawnSync(process.execPath, [KEI_BIN, 'hook', event], {
    input: stdin,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  let json: any;
  try {
    json = result.stdout ? JSON.parse(result.stdout) : undefined;
  } catch {
    json = undefined;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}
