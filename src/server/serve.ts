/**
 * The hook server: a long-lived process with the runtime loaded and compiled, answering governed
 * tool calls handed over by hook processes (see client.ts). It decides exactly as a hook process
 * would (the same `governedAnswer`, the same policy file read per call, the same deadlines) and
 * goes away on its own: when idle, when its socket is gone or replaced, when the runtime it
 * loaded is rebuilt, or after many calls (so nothing it holds can grow without bound).
 */
import { chmodSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type { HookAnswer } from '../protocol/output.js';
import { hardFailure } from '../protocol/output.js';
import { compiledPolicyFile, parseCompiledPolicy } from '../hook/compiled-policy.js';
import type { PolicyBundle } from '../policy/bundle-types.js';
import { resolveStateDir } from '../state/state-dir.js';
import { ACK, decodeRequest, STATUS_REQUEST, type ServerStatus } from './protocol.js';
import { startMarkerFor } from './start.js';

type Runtime = typeof import('../hook/process.js');

export interface ServeOptions {
  socketPath: string;
  distDir: string;
  idleMs: number;
  maxCalls: number;
  /** How often the server checks whether it should go away. */
  checkMs: number;
}

export function serveOptionsFromEnv(socketPath: string, distDir: string, env: NodeJS.ProcessEnv = process.env): ServeOptions {
  return {
    socketPath,
    distDir,
    idleMs: Number(env.KEI_HOOK_SERVER_IDLE_MS) || 15 * 60_000,
    maxCalls: Number(env.KEI_HOOK_SERVER_MAX_CALLS) || 20_000,
    checkMs: 1000,
  };
}

/** A file's identity: a rebuilt runtime or a socket replaced by a newer server looks different. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
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
    const file = compiledPolicyFile(resolveStateDir(), distDir);
    const id = identity(file);
    if (cached && id !== undefined && cached.file === file && cached.identity === id) return cached.policy;
    const policy = parseCompiledPolicy(file);
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

export function serve(options: ServeOptions): void {
  const runtimeFile = join(options.distDir, 'hook-runtime.cjs');
  const runtimeIdentity = identity(runtimeFile);
  const runtime = require(runtimeFile) as Runtime;
  const policy = policyReader(options.distDir);
  const startedAt = new Date();
  let served = 0;
  let lastCall = Date.now();
  let socketIdentity: string | undefined;

  const status = (): ServerStatus => ({ pid: process.pid, served, startedAt: startedAt.toISOString(), runtime: runtimeFile });

  const handle = (socket: Socket): void => {
    lastCall = Date.now();
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    // A client that never sends its call is dropped (it has answered the call itself by then).
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => {
      if (text === '') return socket.destroy();
      const { event, stdin } = decodeRequest(text);
      if (event === STATUS_REQUEST) return void socket.end(JSON.stringify(status()));
      served++;
      void decide(runtime, policy, options, event, stdin).then((answer) => {
        lastCall = Date.now();
        socket.end(JSON.stringify(answer));
      });
    });
    socket.write(ACK);
  };

  const server = createServer({ allowHalfOpen: true }, handle);
  const stop = (): void => {
    clearInterval(watchdog);
    server.close(() => process.exit(0));
    // Calls in flight finish; a stuck one does not keep the process.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  const watchdog = setInterval(() => {
    const idle = Date.now() - lastCall > options.idleMs;
    const replaced = socketIdentity !== undefined && identity(options.socketPath) !== socketIdentity;
    const rebuilt = identity(runtimeFile) !== runtimeIdentity;
    if (idle || replaced || rebuilt || served >= options.maxCalls) stop();
  }, options.checkMs);

  // Listen on a private name, then rename over the public one: a newer server replaces an older
  // one in one step, and a client never sees a socket that is not yet listening.
  const temporary = `${options.socketPath}.${process.pid}.tmp`;
  chmodSync(dirname(options.socketPath), 0o700);
  server.listen(temporary, () => {
    renameSync(temporary, options.socketPath);
    socketIdentity = identity(options.socketPath);
    try {
      unlinkSync(startMarkerFor(options.socketPath));
    } catch {
      // Already gone.
    }
  });
  server.on('error', () => process.exit(1));
}
