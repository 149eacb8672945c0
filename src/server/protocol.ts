/**
 * The hook server's wire format, on a Unix socket, one call per connection:
 *
 *   server: ACK                       (as soon as it takes the connection)
 *   client: <event> "\n" <stdin>      (only after the ACK; then it ends its side)
 *   server: <answer JSON>             (then it ends the connection)
 *
 * The client sends nothing until the server has shown it is alive, so a call the client gave up
 * on (and answered itself) is never decided a second time by a server that woke up late.
 */
import type { HookAnswer } from '../protocol/output.js';

export const ACK = '+';

/** A request for the server's own state instead of a hook call. */
export const STATUS_REQUEST = '#status';

export interface ServerStatus {
  pid: number;
  served: number;
  startedAt: string;
  runtime: string;
}

export function encodeRequest(event: string, stdin: string): string {
  return `${event}\n${stdin}`;
}

export function decodeRequest(text: string): { event: string; stdin: string } {
  const cut = text.indexOf('\n');
  return cut < 0 ? { event: text, stdin: '' } : { event: text.slice(0, cut), stdin: text.slice(cut + 1) };
}

/** The answer, or undefined when the bytes are not one (then the call is decided in process). */
export function decodeAnswer(text: string): HookAnswer | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const a = value as Partial<HookAnswer> | null;
  if (a === null || typeof a !== 'object' || typeof a.stdout !== 'string' || typeof a.stderr !== 'string') return undefined;
  return a.exitCode === 0 || a.exitCode === 2 ? { stdout: a.stdout, stderr: a.stderr, exitCode: a.exitCode } : undefined;
}
