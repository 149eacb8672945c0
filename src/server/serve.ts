/**
 * The hook server: a long-lived process with the runtime loaded and compiled, answering governed
 * tool calls handed over by hook processes (see client.ts). It decides exactly as a hook process
 * would (the same `governedAnswer`, the same policy file read per call, the same deadlines) and
 * goes away on its own: when idle, when its door is gone or replaced, when the runtime it
 * loaded is rebuilt, or after many calls (so nothing it holds can grow without bound). It takes
 * calls through its mailbox (protocol.ts).
 */
import { chmodSync, constants, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type { HookAnswer } from '../protocol/output.js';
import { hardFailure } from '../protocol/output.js';
import { policyPath, readPolicy } from '../policy/load-bundle.js';
import type { PolicyBundle } from '../policy/bundle-types.js';
import { resolveStateDir } from '../state/state-dir.js';
import { answerOf, CALL_ID, decodeRequest, doorOf, requestOf, STATUS_REQUEST, takenOf, type ServerStatus } from './protocol.js';
import { startMarkerFor } from './start.js';

type Runtime = typeof import('../hook/process.js');

export interface ServeOptions {
  mailbox: string;
  distDir: string;
  idleMs: number;
  maxCalls: number;
  /** How often the server checks whether it should go away. */
  checkMs: number;
}

export function serveOptionsFromEnv(mailbox: string, distDir: string, env: NodeJS.ProcessEnv = process.env): ServeOptions {
  return {
    mailbox,
    distDir,
    idleMs: Number(env.KEI_HOOK_SERVER_IDLE_MS) || 15 * 60_000,
    maxCalls: Number(env.KEI_HOOK_SERVER_MAX_CALLS) || 20_000,
    checkMs: 1000,
  };
}

/** A file's identity: a rebuilt runtime or a door replaced by a newer server looks different. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The door's identity is its inode alone: knocks change a FIFO's times. */
function inode(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function internalError(error: unknown): HookAnswer {
  const message = error instanceof Error ? error.message : String(error);
  return hardFailure(`kei-substrate: internal error (${message}); blocking.`);
}

/**
 * The policy as a hook process would read it now. Policy files are replaced by rename, so a
 * changed file has a new identity; an unchanged one is not parsed again.
 */
function policyReader(distDir: string): () => PolicyBundle {
  let cached: { file: string; identity: string; policy: PolicyBundle } | undefined;
  return () => {
    const file = policyPath(resolveStateDir(), distDir);
    const id = identity(file);
    if (cached && id !== undefined && cached.file === file && cached.identity === id) return cached.policy;
    const policy = readPolicy(file);
    cached = id === undefined ? undefined : { file, identity: id, policy };
    return policy;
  };
}

async function decide(runtime: Runtime, policy: () => PolicyBundle, options: ServeOptions, event: string, stdin: string): Promise<HookAnswer> {
  try {
    const payload = JSON.parse(stdin) as unknown;
    return await runtime.governedAnswer(event, payload, options.distDir, policy());
  } catch (error) {
    return internalError(error);
  }
}

/** Creates the door as a FIFO under a private name (Node has no mkfifo of its own). */
function makeDoor(path: string): void {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  execFileSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
}

/** Answers are written whole under a temp name and renamed, so a hook never reads half of one. */
function post(mailbox: string, id: string, text: string): void {
  const tmp = `${answerOf(mailbox, id)}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, answerOf(mailbox, id));
}

/** Takes the call named `id`, unless its hook has withdrawn it (then it is not ours to decide). */
function take(mailbox: string, id: string): string | undefined {
  if (!CALL_ID.test(id)) return undefined;
  const taken = takenOf(mailbox, id);
  try {
    renameSync(requestOf(mailbox, id), taken);
  } catch {
    return undefined;
  }
  try {
    return readFileSync(taken, 'utf8');
  } finally {
    rmSync(taken, { force: true });
  }
}

const LEFTOVER = /^(req|taken|ans)-/;

/** Calls and answers nobody came back for (a hook killed mid-call) do not pile up. */
function sweep(mailbox: string, olderThanMs: number): void {
  const now = Date.now();
  for (const name of readdirSync(mailbox)) {
    if (!LEFTOVER.test(name)) continue;
    const file = join(mailbox, name);
    if (now - (modifiedAt(file) ?? now) > olderThanMs) rmSync(file, { force: true });
  }
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

export function serve(options: ServeOptions): void {
  const { mailbox } = options;
  const runtimeFile = join(options.distDir, 'hook-runtime.cjs');
  const runtimeIdentity = identity(runtimeFile);
  const runtime = require(runtimeFile) as Runtime;
  const policy = policyReader(options.distDir);
  const startedAt = new Date();
  let served = 0;
  let lastCall = Date.now();

  const status = (): ServerStatus => ({ pid: process.pid, served, startedAt: startedAt.toISOString(), runtime: runtimeFile });

  const handle = (id: string): void => {
    const text = take(mailbox, id);
    if (text === undefined) return;
    lastCall = Date.now();
    const { event, stdin } = decodeRequest(text);
    if (event === STATUS_REQUEST) return post(mailbox, id, JSON.stringify(status()));
    served++;
    void decide(runtime, policy, options, event, stdin).then((answer) => {
      lastCall = Date.now();
      post(mailbox, id, JSON.stringify(answer));
    });
  };

  mkdirSync(mailbox, { recursive: true, mode: 0o700 });
  chmodSync(dirname(mailbox), 0o700);
  chmodSync(mailbox, 0o700);
  // Made under a private name and renamed over the public one: a newer server replaces an older
  // one in one step, and a hook never knocks on a door nobody has opened yet.
  const temporary = join(mailbox, `door.${process.pid}.tmp`);
  makeDoor(temporary);
  // Read and write: the door never reads as closed while no hook has it open.
  const fd = openSync(temporary, constants.O_RDWR | constants.O_NONBLOCK);
  const door = new Socket({ fd, readable: true, writable: false });
  let pending = '';
  door.setEncoding('utf8');
  door.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const id of lines) handle(id);
  });
  door.on('error', () => process.exit(1));
  renameSync(temporary, doorOf(mailbox));
  const doorIdentity = inode(doorOf(mailbox));
  rmSync(startMarkerFor(mailbox), { force: true });

  setInterval(() => {
    const idle = Date.now() - lastCall > options.idleMs;
    const replaced = inode(doorOf(mailbox)) !== doorIdentity;
    const rebuilt = identity(runtimeFile) !== runtimeIdentity;
    // Decisions run synchronously, so none is half done when this timer runs.
    if (idle || replaced || rebuilt || served >= options.maxCalls) process.exit(0);
    sweep(mailbox, 60_000);
  }, options.checkMs);
}
