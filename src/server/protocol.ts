/**
 * How a hook process hands a call to the hook server, with nothing but synchronous file
 * operations (a socket would cost the hook process more to set up than the whole call is
 * allowed to take). The server's mailbox is a private directory:
 *
 *   door          a FIFO the server holds open for reading
 *   req-<id>      the call: <event> "\n" <stdin>, written by the hook
 *   ans-<id>      the answer JSON, written by the server (temp file + rename)
 *
 * The hook writes req-<id>, then writes "<id>\n" into the door (one write under PIPE_BUF, so
 * lines never mix). The server takes the call by renaming req-<id> away, decides, and writes
 * ans-<id>. A hook that gives up deletes req-<id>: exactly one of the two succeeds, so a call is
 * either decided by the server or by the hook itself, never by both.
 */
import type { HookAnswer } from '../protocol/output.js';
import { join } from 'node:path';

/** A request for the server's own state instead of a hook call. */
export const STATUS_REQUEST = '#status';

export interface ServerStatus {
  pid: number;
  served: number;
  startedAt: string;
  runtime: string;
}

export const doorOf = (mailbox: string): string => join(mailbox, 'door');
export const requestOf = (mailbox: string, id: string): string => join(mailbox, `req-${id}`);
export const takenOf = (mailbox: string, id: string): string => join(mailbox, `taken-${id}`);
export const answerOf = (mailbox: string, id: string): string => join(mailbox, `ans-${id}`);

/** Ids are made by hooks and read back by the server: only these characters name a file of ours. */
export const CALL_ID = /^[0-9a-z-]{1,64}$/;

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
