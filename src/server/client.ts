/**
 * The hook process's side of the hook server (protocol.ts): hand the call to a warm server when
 * one takes it quickly, otherwise tell the caller to decide in process (and start a server for the
 * next call). Only synchronous, non-blocking file operations: nothing here can hang the hook, and
 * nothing can let a call through on its own. Every failure is "decide it yourself", except a
 * server that took the call and then stayed silent past the deadline, which is a block.
 */
import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { answerOf, doorOf, requestOf } from './protocol.js';

export type ServerReply =
  | { kind: 'answer'; text: string }
  /** No usable server: decide in process. `start` when a new server should be started. */
  | { kind: 'unavailable'; why: string; start: boolean }
  /** The server took the call and did not answer in time. */
  | { kind: 'timeout'; ms: number };

export interface AskOptions {
  mailbox: string;
  /** The event name and the hook's stdin (protocol.ts encodeRequest). */
  request: string;
  /** How long a live server may take to take the call. */
  takeMs: number;
  /** How long the server may take to answer, from the hand-over. */
  answerMs: number;
}

// Made on first use: the dispatcher holding this module runs for every call, most of them not ours.
let sleeper: Int32Array | undefined;
const sleep = (ms: number): void => void Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, ms);

function inodeOf(path: string): number | undefined {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
}

function removed(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server that does not take calls (stopped, or stuck) loses its door, so the next call starts a
 * fresh one; the old one exits when it sees the door gone. Only the door we used is removed.
 */
function retire(door: string, inode: number): void {
  if (inodeOf(door) === inode) removed(door);
}

/** Whether anything holds the door open for reading (a server that died leaves none). */
function doorHasReader(door: string): boolean {
  try {
    closeSync(openSync(door, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch {
    return false;
  }
}

/** Knocks: one line into the door, without ever waiting on it. */
function knock(door: string, id: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(door, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'open failed';
  }
  try {
    writeSync(fd, `${id}\n`);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'write failed';
  } finally {
    closeSync(fd);
  }
}

function waitForAnswer(options: AskOptions, door: string, doorInode: number, id: string): ServerReply {
  const request = requestOf(options.mailbox, id);
  const answer = answerOf(options.mailbox, id);
  const started = Date.now();
  let taken = false;
  let probedAt = 0;
  for (;;) {
    if (existsSync(answer)) {
      const text = readFileSync(answer, 'utf8');
      removed(answer);
      return { kind: 'answer', text };
    }
    const elapsed = Date.now() - started;
    if (!taken && elapsed >= options.takeMs) {
      // Withdrawing and taking are both one unlink/rename of the same file: one of them wins.
      if (removed(request)) {
        retire(door, doorInode);
        return { kind: 'unavailable', why: `the server did not take the call within ${options.takeMs} ms`, start: true };
      }
      taken = true;
    }
    if (elapsed - probedAt >= 50) {
      probedAt = elapsed;
      if (!doorHasReader(door)) {
        removed(request);
        return { kind: 'unavailable', why: 'the server went away', start: true };
      }
    }
    if (elapsed >= options.answerMs) return { kind: 'timeout', ms: options.answerMs };
    // Answers come within a few milliseconds: look often at first, then less.
    sleep(elapsed < 20 ? 0.1 : 1);
  }
}

export function askServer(options: AskOptions): ServerReply {
  const door = doorOf(options.mailbox);
  const doorInode = inodeOf(door);
  if (doorInode === undefined) return { kind: 'unavailable', why: 'no server', start: true };
  const id = `${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const request = requestOf(options.mailbox, id);
  try {
    writeFileSync(request, options.request, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    return { kind: 'unavailable', why: `cannot leave the call (${(error as NodeJS.ErrnoException).code})`, start: false };
  }
  const problem = knock(door, id);
  if (problem !== undefined) {
    removed(request);
    // ENXIO: a door nobody reads (a server that exited). EAGAIN: a full door (a stuck server).
    if (problem === 'EAGAIN') retire(door, doorInode);
    return { kind: 'unavailable', why: `the server's door: ${problem}`, start: true };
  }
  return waitForAnswer(options, door, doorInode, id);
}
