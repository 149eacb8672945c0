/** The real hook process, started asynchronously (so a suite can run several at once). */
import { spawn } from 'node:child_process';
import { KEI_BIN } from '../../helpers/hook-process.js';
import type { RawAnswer } from './protocol.js';

export interface TimedAnswer extends RawAnswer {
  ms: number;
}

/** `prefix` runs the hook through another program first (e.g. setpriv to drop to another user). */
export function hookProcess(event: string, stdin: string | Buffer, env: Record<string, string>, killAfterMs?: number, prefix: string[] = []): Promise<TimedAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const argv = [...prefix, process.execPath, KEI_BIN, 'hook', event];
    const child = spawn(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // EPIPE when the hook exits before reading all of stdin is part of the test, not a failure.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs ?? 30_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started });
    });
  });
}

/** Runs tasks with at most `width` in flight. */
export async function pooled<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
