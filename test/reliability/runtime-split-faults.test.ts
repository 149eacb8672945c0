/**
 * A part of the split hook runtime that cannot be loaded (missing, damaged, or a shared file it
 * needs is gone) must fail closed for a governed agent: the call is denied, or the stop blocked,
 * with a reason that names the file, never let through. With the V8 code cache and without.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';
import { runtimeFiles } from '../../src/doctor/runtime-files.js';
import { governedCall } from './support/kit.js';
import { governedBash, governedWrite, hookEnv, type HookEnv } from './support/hook-env.js';

/** A copy of dist/ to break. */
function distCopy(): string {
  const dir = join(tempDir('kei-split-dist-'), 'dist');
  cpSync(join(REPO_ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

/** A file of the runtime as built now (dist/ may also hold the build before). */
const fileOf = (dist: string, stem: RegExp): string => join(dist, runtimeFiles(dist).present.find((f) => stem.test(f))!);

/** A shared file that the part requires as it loads and the runtime's entry does not. */
function sharedFileOf(dist: string, part: RegExp): string {
  const required = [...readFileSync(fileOf(dist, part), 'utf8').matchAll(/"\.\/(hook-runtime-shared-[\w-]+\.cjs)"/g)].map((m) => m[1]!);
  const core = readFileSync(join(dist, 'hook-runtime.cjs'), 'utf8');
  return join(dist, required.find((name) => !core.includes(name))!);
}

function hook(dist: string, h: HookEnv, event: string, stdin: string, cache: boolean) {
  const env = { ...process.env, ...h.env, ...(cache ? {} : { KEI_CODE_CACHE: 'off' }) };
  return spawnSync(process.execPath, [join(dist, 'kei.cjs'), 'hook', event], { input: stdin, env, encoding: 'utf8', timeout: 60_000 });
}

function denial(stdout: string): string {
  const out = JSON.parse(stdout).hookSpecificOutput;
  expect(out.permissionDecision).toBe('deny');
  return out.permissionDecisionReason as string;
}

const stopCall = (h: HookEnv) => {
  const { tool_name: _tool, tool_input: _input, tool_use_id: _id, ...rest } = governedCall(h, 'Bash', {});
  return JSON.stringify({ ...rest, hook_event_name: 'SubagentStop', stop_hook_active: false, last_assistant_message: 'Done.' });
};

describe.each([['with the code cache', true], ['without the code cache', false]])('a part that cannot be loaded, %s', (_label, cache) => {
  it('denies a governed Bash call when the Bash part is missing, and names it', () => {
    const dist = distCopy();
    rmSync(fileOf(dist, /^hook-runtime-bash-/));
    const h = hookEnv();
    const answer = hook(dist, h, 'PreToolUse', governedBash(h, 'ls -la'), cache);
    expect(answer.status).toBe(0);
    const reason = denial(answer.stdout);
    expect(reason).toMatch(/cannot load hook-runtime-bash-[0-9a-f]{12}\.cjs, part of its hook runtime/);
    expect(reason).toContain('[policy::no-git-ops]');
  });

  it('denies a governed Write when the part of the file tools is damaged', () => {
    const dist = distCopy();
    writeFileSync(fileOf(dist, /^hook-runtime-file-edits-/), 'this is not JavaScript (');
    const h = hookEnv();
    const reason = denial(hook(dist, h, 'PreToolUse', governedWrite(h), cache).stdout);
    expect(reason).toMatch(/cannot load hook-runtime-file-edits-/);
    expect(reason).toContain('[quality::constructor-pattern]');
  });

  it('denies a governed Write when a shared file the part needs is gone', () => {
    const dist = distCopy();
    rmSync(sharedFileOf(dist, /^hook-runtime-file-edits-/));
    const h = hookEnv();
    expect(denial(hook(dist, h, 'PreToolUse', governedWrite(h), cache).stdout)).toMatch(/cannot load hook-runtime-file-edits-/);
  });

  it('blocks a governed stop when the return verifier is missing', () => {
    const dist = distCopy();
    rmSync(fileOf(dist, /^hook-runtime-verify-/));
    const h = hookEnv();
    const answer = hook(dist, h, 'SubagentStop', stopCall(h), cache);
    const out = JSON.parse(answer.stdout);
    expect(out.decision).toBe('block');
    expect(out.reason).toMatch(/could not check this call: .*cannot load hook-runtime-verify-/);
  });
});
