/**
 * The hook process's side of the hook server: hand the call to a warm server when one answers
 * quickly, otherwise tell the caller to decide in process (and start a server for the next call).
 * Nothing here can let a call through on its own: every failure is "decide it yourself", except a
 * server that took the call and then went silent past the deadline, which is a deny.
 */
import type { Socket } from 'node:net';
import { lstatSync, unlinkSync } from 'node:fs';
import type { HookAnswer } from '../protocol/output.js';
import { ACK, decodeAnswer } from './protocol.js';

export type ServerReply =
  | { kind: 'answer'; answer: HookAnswer }
  /** No usable server: decide in process. `start` when a new server should be started. */
  | { kind: 'unavailable'; why: string; start: boolean }
  /** The server took the call and did not answer in time. */
  | { kind: 'timeout'; ms: number };

export interface AskOptions {
  socketPath: string;
  /** Sent after the ACK: the event name and the hook's stdin. */
  request: string;
  /** How long a live server may take to accept the call. */
  ackMs: number;
  /** How long the server may take to decide once it has the call. */
  answerMs: number;
}

function inodeOf(path: string): number | undefined {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
}

/**
 * A server that does not take calls (stopped, or stuck in one call) is moved out of the way so the
 * next call starts a fresh one; the old one exits when it sees its socket gone. Only the file we
 * connected to is removed, never one a new server has put there since.
 */
function retire(path: string, inode: number | undefined): void {
  if (inode === undefined || inodeOf(path) !== inode) return;
  try {
    unlinkSync(path);
  } catch {
    // Someone else retired it first.
  }
}

export function askServer(options: AskOptions): Promise<ServerReply> {
  const inode = inodeOf(options.socketPath);
  if (inode === undefined) return Promise.resolve({ kind: 'unavailable', why: 'no server', start: true });
  // Loaded only here: a call that is not ours never pays for node:net.
  const { createConnection } = require('node:net') as typeof import('node:net');
  return new Promise((resolve) => {
    const socket: Socket = createConnection(options.socketPath);
    socket.setEncoding('utf8');
    let acked = false;
    let received = '';
    let settled = false;
    const done = (reply: ServerReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    let timer = setTimeout(() => {
      retire(options.socketPath, inode);
      done({ kind: 'unavailable', why: `server did not take the call within ${options.ackMs} ms`, start: true });
    }, options.ackMs);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (acked) return done({ kind: 'unavailable', why: `server connection failed (${error.code ?? error.message})`, start: false });
      // A socket file with no server behind it: a server that exited. Start another.
      const stale = error.code === 'ECONNREFUSED' || error.code === 'ENOENT';
      done({ kind: 'unavailable', why: `no server (${error.code ?? error.message})`, start: stale });
    });
    socket.on('data', (chunk: string) => {
      if (!acked) {
        if (!chunk.startsWith(ACK)) return done({ kind: 'unavailable', why: 'server spoke out of turn', start: false });
        acked = true;
        clearTimeout(timer);
        timer = setTimeout(() => done({ kind: 'timeout', ms: options.answerMs }), options.answerMs);
        socket.end(options.request);
        chunk = chunk.slice(ACK.length);
      }
      received += chunk;
    });
    socket.on('end', () => {
      const answer = acked ? decodeAnswer(received) : undefined;
      done(answer ? { kind: 'answer', answer } : { kind: 'unavailable', why: 'server closed without an answer', start: false });
    });
    socket.on('close', () => done({ kind: 'unavailable', why: 'server closed the connection', start: false }));
  });
}
