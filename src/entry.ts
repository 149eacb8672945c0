/**
 * `kei` — the one executable. `kei hook <Event>` is what Claude Code runs on every tool call, so
 * this file stays tiny: it reads stdin, decides whether the call is ours, and only then loads the
 * runtime bundle. Everything else loads the CLI bundle.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isManifestEdit, needsRuntime } from './hook/precheck.js';
import { resolveStateDir } from './state/state-dir.js';
import type { HookAnswer } from './protocol/output.js';
import type { LoadedBundle } from './hook/code-cache.js';
import type { PolicyBundle } from './policy/bundle-types.js';

const distDir = dirname(realpathSync(process.argv[1] ?? '.'));

function finish(answer: HookAnswer): void {
  if (answer.stderr) process.stderr.write(answer.stderr.endsWith('\n') ? answer.stderr : `${answer.stderr}\n`);
  if (answer.stdout) process.stdout.write(answer.stdout, () => process.exit(answer.exitCode));
  else process.exit(answer.exitCode);
}

const isMap = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The compiled policy (the state dir's copy wins over the one shipped in dist/). A file of the
 * wrong shape throws like an unreadable one: `{}` or `"agents": []` must not quietly make every
 * agent ungoverned. The runtime gets the parsed bundle, so it is read once per call.
 */
function readCompiledPolicy(): PolicyBundle {
  const user = join(resolveStateDir(), 'policy.json');
  const file = existsSync(user) ? user : join(distDir, 'policy.json');
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Partial<PolicyBundle> | null;
  if (bundle?.version !== 1 || !isMap(bundle.agents) || !isMap(bundle.capabilities)) {
    throw new Error(`${file} is not a kei policy bundle (version 1 with agents and capabilities maps)`);
  }
  return bundle as PolicyBundle;
}

function governedByName(payload: unknown): boolean {
  const type = (payload as Record<string, unknown> | null)?.agent_type;
  return typeof type === 'string' && type !== '';
}

function readStdinJson(): { payload: unknown } | { error: HookAnswer } {
  let text = '';
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    // no stdin at all is handled as empty input below
  }
  try {
    return { payload: JSON.parse(text) };
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
    policy = readCompiledPolicy();
  } catch (error) {
    // Without a policy we cannot tell which agents are ours: block subagents, never the main thread.
    if (!governedByName(payload)) return finish({ stdout: '', stderr: '', exitCode: 0 });
    return finish({ stdout: '', stderr: `kei-substrate: cannot read its compiled policy (${(error as Error).message}); reinstall with \`kei install\`.`, exitCode: 2 });
  }
  if (!needsRuntime(event, payload, policy.agents)) return notOurs(event, payload);
  const runtime = loadRuntime();
  const answer = await runtime.exports.governedAnswer(event, payload, distDir, policy);
  runtime.persist();
  finish(answer);
}

/** Set by scripts/build.mjs: a hash of hook-runtime.cjs, naming its V8 code cache. */
declare const KEI_RUNTIME_ID: string | undefined;

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
} else {
  const cli = require(join(distDir, 'cli.cjs')) as typeof import('./cli/main.js');
  cli.main(command === undefined ? [] : [command, ...rest]).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`kei: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
