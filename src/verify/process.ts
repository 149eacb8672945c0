import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  ms: number;
}

export interface ProcessOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Output beyond this is dropped from the front: only the tail matters for evidence. */
const KEEP_BYTES = 4 * 1024 * 1024;

function keepTail(chunks: Buffer[], size: number): number {
  let total = size;
  while (total > KEEP_BYTES && chunks.length > 1) total -= chunks.shift()!.length;
  return total;
}

/** Process groups still running, killed if this process exits first (no orphaned builds). */
const running = new Set<number>();
let exitHookInstalled = false;

function track(pid: number | undefined): void {
  if (pid === undefined) return;
  running.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => running.forEach((group) => killGroup(group)));
  }
}

/** Kills the whole process group, so cargo's rustc children die with it. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs a program (no shell) and collects its output. Never rejects for a non-zero exit, a
 * time-out or an abort: those are reported in the result. Rejects only when it cannot start.
 */
export function runProcess(command: string, args: string[], options: ProcessOptions): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outSize = 0;
    let errSize = 0;
    let timedOut = false;
    let aborted = false;
    child.stdout.on('data', (b: Buffer) => { out.push(b); outSize = keepTail(out, outSize + b.length); });
    child.stderr.on('data', (b: Buffer) => { err.push(b); errSize = keepTail(err, errSize + b.length); });
    const timer = options.timeoutMs ? setTimeout(() => { timedOut = true; killGroup(child.pid); }, options.timeoutMs) : undefined;
    const onAbort = () => { aborted = true; killGroup(child.pid); };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => { if (child.pid !== undefined) running.delete(child.pid); clearTimeout(timer); options.signal?.removeEventListener('abort', onAbort); reject(error); });
    child.on('close', (code) => {
      if (child.pid !== undefined) running.delete(child.pid);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
      resolve({ code, stdout: text(out), stderr: text(err), timedOut, aborted, ms: performance.now() - started });
    });
  });
}

/** The last `count` non-empty lines of a text, for failure evidence. */
export function lastLines(text: string, count: number): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count);
}
