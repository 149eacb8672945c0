/**
 * `kei` — the one executable. `kei hook <Event>` is what Claude Code runs on every tool call, so
 * this file stays tiny: it reads stdin, decides whether the call is ours, and only then loads the
 * runtime bundle. Everything else loads the CLI bundle.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isManifestEdit, needsRuntime } from './hook/precheck.js';
import { resolveStateDir } from './state/state-dir.js';
import { policyPath, readPolicy } from './policy/load-bundle.js';
import { hardFailure, type HookAnswer } from './protocol/output.js';
import type { LoadedBundle } from './hook/code-cache.js';
import type { PolicyBundle } from './policy/bundle-types.js';
import { mailboxFor } from './server/address.js';
import { askServer } from './server/client.js';
import { decodeAnswer, encodeRequest } from './server/protocol.js';
import { startServer } from './server/start.js';

const distDir = dirname(realpathSync(process.argv[1] ?? '.'));

function finish(answer: HookAnswer): void {
  if (answer.stderr) process.stderr.write(answer.stderr.endsWith('\n') ? answer.stderr : `${answer.stderr}\n`);
  if (answer.stdout) process.stdout.write(answer.stdout, () => process.exit(answer.exitCode));
  else process.exit(answer.exitCode);
}

function governedByName(payload: unknown): boolean {
  const type = (payload as Record<string, unknown> | null)?.agent_type;
  return typeof type === 'string' && type !== '';
}

function readStdinJson(): { payload: unknown; text: string } | { error: HookAnswer } {
  let text = '';
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    // no stdin at all is handled as empty input below
  }
  try {
    return { payload: JSON.parse(text), text };
  } catch {
    return { error: { stdout: '', stderr: `kei-substrate: hook input is not JSON (${text.length === 0 ? 'stdin was empty' : `${text.length} bytes`}).`, exitCode: 2 } };
  }
}

/** A call that is not ours: silent, unless it edits a manifest (then the agents are rebuilt). */
function notOurs(event: string, payload: unknown): void {
  if (!isManifestEdit(event, payload)) return finish({ stdout: '', stderr: '', exitCode: 0 });
  const regen = require(join(distDir, 'manifest-edit.cjs')) as typeof import('./hook/manifest-edit.js');
  finish(regen.answerManifestEdit(payload as Record<string, unknown>, distDir));
}

async function hookMain(event: string): Promise<void> {
  const input = readStdinJson();
  if ('error' in input) return finish(input.error);
  const payload = input.payload;
  // The main thread's calls need the policy only for bookkeeping (a prompt, a spawn with a
  // task): most of them finish here without reading it.
  if (!governedByName(payload) && !needsRuntime(event, payload, {})) return notOurs(event, payload);
  let policy: PolicyBundle;
  try {
    policy = readPolicy(policyPath(resolveStateDir(), distDir));
  } catch (error) {
    // Without a policy we cannot tell which agents are ours: block subagents, never the main thread.
    if (!governedByName(payload)) return finish({ stdout: '', stderr: '', exitCode: 0 });
    return finish({ stdout: '', stderr: `kei-substrate: cannot read its compiled policy (${(error as Error).message}); reinstall with \`kei install\`.`, exitCode: 2 });
  }
  if (!needsRuntime(event, payload, policy.agents)) return notOurs(event, payload);
  const served = answerViaServer(event, input.text);
  if ('answer' in served) return finish(served.answer);
  const runtime = loadRuntime();
  const answer = await runtime.exports.governedAnswer(event, payload, distDir, policy);
  runtime.persist();
  // Started after deciding, so the new server's start-up does not compete with this call.
  if (served.startAt !== undefined) startServer(distDir, served.startAt);
  finish(answer);
}

/** Set by scripts/build.mjs: a hash of hook-runtime.cjs, naming its V8 code cache. */
declare const KEI_RUNTIME_ID: string | undefined;

/** Tool calls are many and short: those go to the hook server. The rest are rare or long (the return verifier). */
const SERVED_EVENTS = new Set(['PreToolUse', 'PostToolUse']);

/**
 * The call decided by a warm hook server (see src/server/); otherwise it is decided in this
 * process, and `startAt` names the mailbox of a server to start for the calls after it.
 */
function answerViaServer(event: string, stdin: string): { answer: HookAnswer } | { startAt?: string } {
  if (!SERVED_EVENTS.has(event) || process.env.KEI_HOOK_SERVER === 'off' || typeof KEI_RUNTIME_ID !== 'string') return {};
  const identity = { runtimeId: KEI_RUNTIME_ID, nodeVersion: process.version, execPath: process.execPath, env: process.env };
  const mailbox = mailboxFor(resolveStateDir(), identity);
  const deadlineMs = Number(process.env.KEI_HOOK_DEADLINE_MS) || 8000;
  const reply = askServer({ mailbox, request: encodeRequest(event, stdin), takeMs: 1000, answerMs: deadlineMs + 2000 });
  if (reply.kind === 'answer') {
    const answer = decodeAnswer(reply.text);
    // Something that is not an answer: decide in process rather than trust it.
    return answer ? { answer } : {};
  }
  if (reply.kind === 'timeout') {
    // The server has the call and went silent: as a hook that overran its deadline, block it.
    const reason = `kei-substrate: checks did not finish within ${reply.ms} ms; the call is blocked.`;
    return { answer: event === 'PreToolUse' ? hardFailure(reason) : { stdout: '', stderr: reason, exitCode: 0 } };
  }
  return reply.start ? { startAt: mailbox } : {};
}

/** The runtime bundle, through the V8 code cache when there is a build id (see code-cache.ts). */
function loadRuntime(): LoadedBundle<typeof import('./hook/process.js')> {
  const file = join(distDir, 'hook-runtime.cjs');
  const id = typeof KEI_RUNTIME_ID === 'string' ? KEI_RUNTIME_ID : undefined;
  if (id === undefined || process.env.KEI_CODE_CACHE === 'off') return { exports: require(file), persist() {} };
  // Required here, not imported at the top: calls that are not ours never load node:vm.
  const cache = require('./hook/code-cache.js') as typeof import('./hook/code-cache.js');
  return cache.requireWithCodeCache(file, cache.cacheFileFor(join(resolveStateDir(), 'cache'), id));
}

function guard(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kei-substrate: internal error (${message}); blocking.\n`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'hook') {
  process.on('uncaughtException', guard);
  // Claude Code stops a hook that outlives its timeout; exiting runs the exit handlers that
  // take down child process groups (a verifier's cargo build) with it.
  process.on('SIGTERM', () => process.exit(2));
  process.on('unhandledRejection', guard);
  hookMain(rest[0] ?? '').catch(guard);
} else if (command === 'hook-server') {
  const server = require(join(distDir, 'hook-server.cjs')) as typeof import('./server/serve.js');
  server.serve(server.serveOptionsFromEnv(rest[0] ?? '', distDir));
} else {
  const cli = require(join(distDir, 'cli.cjs')) as typeof import('./cli/main.js');
  cli.main(command === undefined ? [] : [command, ...rest]).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`kei: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
