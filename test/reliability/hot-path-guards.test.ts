/**
 * The hook's own defences on its hot path: a hard stop for synchronous work, reads that never
 * block on a FIFO, a policy file of the wrong shape, and a damaged V8 code cache. Each is shown
 * in isolation and then through the real process.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBounded, WorkTimedOut } from '../../src/hook/bounded.js';
import { readRegularFile } from '../../src/state/regular-file.js';
import { readCache } from '../../src/hook/code-cache.js';
import { tempDir } from '../helpers/gate.js';
import { runHookProcess } from '../helpers/hook-process.js';
import { blocks, protocolProblems } from './support/protocol.js';
import { hookProcess } from './support/spawn.js';
import { governedBash, governedWrite, hookEnv, mainThreadWrite } from './support/hook-env.js';
import { governedCall } from './support/kit.js';

describe('runBounded: a hard stop for synchronous work', () => {
  it('returns the value and passes errors through', () => {
    expect(runBounded(() => 42, 1000)).toBe(42);
    expect(() => runBounded(() => { throw new RangeError('bad'); }, 1000)).toThrow(RangeError);
  });

  it.each([
    ['an endless loop', () => { for (;;) { /* spin */ } }],
    ['a backtracking regular expression', () => /^(a+)+$/.test('a'.repeat(40) + 'b')],
    ['a loop that catches everything', () => { for (;;) { try { JSON.parse('{'); } catch { /* keep going */ } } }],
  ])('stops %s at the limit', (_label, work) => {
    const started = performance.now();
    expect(() => runBounded(work as () => unknown, 150)).toThrow(WorkTimedOut);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('blocks a governed call whose checks outlive the deadline (real process)', () => {
    const h = hookEnv();
    const answer = runHookProcess('PreToolUse', governedBash(h, 'ls -la; '.repeat(30_000)), { ...h.env, KEI_HOOK_DEADLINE_MS: '1' });
    expect(blocks(answer)).toBe(true);
    // The hard stop (exit 2), or the gates' own early stop at half the budget (a deny).
    expect(answer.stderr + answer.stdout).toMatch(/checks did not finish within 1 ms; the call is blocked\.|checks took longer than 0\.5 ms; the call is blocked\./);
  });
});

describe('readRegularFile: never blocks, reads only regular files', () => {
  const dir = tempDir('kei-rel-read-');
  const fifo = join(dir, 'pipe.sh');
  execFileSync('mkfifo', [fifo]);
  writeFileSync(join(dir, 'ok.sh'), 'echo hi\n');
  writeFileSync(join(dir, 'big.sh'), 'x'.repeat(2048));

  it.each([
    ['a FIFO', fifo],
    ['a directory', dir],
    ['a character device', '/dev/zero'],
    ['a missing file', join(dir, 'missing.sh')],
    ['a file over the limit', join(dir, 'big.sh')],
  ])('refuses %s at once', (_label, path) => {
    const started = performance.now();
    expect(readRegularFile(path, 1024)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads a regular file', () => {
    expect(readRegularFile(join(dir, 'ok.sh'), 1024)).toBe('echo hi\n');
  });

  /** Every place a hook reads a path the agent names, handed a FIFO (`mkfifo /tmp/x.py` is an allowed temp write). */
  const FIFO_CALLS: [string, (fifo: string) => [string, Record<string, unknown>], boolean][] = [
    ['bash <fifo>', (f) => ['Bash', { command: `bash ${f}` }], true],
    ['source <fifo>', (f) => ['Bash', { command: `source ${f}` }], true],
    ['sh <fifo>', (f) => ['Bash', { command: `sh ${f}` }], true],
    ['running <fifo> directly', (f) => ['Bash', { command: f }], false],
    ['python3 <fifo>.py', (f) => ['Bash', { command: `python3 ${f}.py` }], true],
    ['modal run <fifo>.py', (f) => ['Bash', { command: `modal run ${f}.py`, description: 'Estimate: $1.00 (= 1 × 1h × $1.00/hr/gpu)' }], true],
    ['Edit of <fifo>.py', (f) => ['Edit', { file_path: `${f}.py`, old_string: 'a', new_string: 'b' }], true],
    ['Write over <fifo>.py', (f) => ['Write', { file_path: `${f}.py`, content: 'print(1)\n' }], true],
  ];

  it.each(FIFO_CALLS)('answers a governed %s promptly instead of hanging (real process)', async (_label, call, blocked) => {
    const h = hookEnv();
    const fifo = join(h.root, 'job');
    execFileSync('mkfifo', [fifo]);
    execFileSync('mkfifo', [`${fifo}.py`]);
    const [tool, input] = call(fifo);
    const answer = await hookProcess('PreToolUse', JSON.stringify(governedCall(h, tool, input)), { ...h.env, KEI_HOOK_DEADLINE_MS: '8000' }, 20_000);
    expect(protocolProblems('PreToolUse', answer)).toEqual([]);
    expect(answer.ms).toBeLessThan(10_000);
    expect(blocks(answer)).toBe(blocked);
  }, 30_000);

  it('answers promptly when the worktree task file is a FIFO, naming it (real process)', async () => {
    const h = hookEnv();
    rmSync(h.subagentTranscript);
    mkdirSync(join(h.worktree, '.kei'));
    execFileSync('mkfifo', [join(h.worktree, '.kei', 'task.yaml')]);
    const answer = await hookProcess('PreToolUse', governedWrite(h), { ...h.env, KEI_HOOK_DEADLINE_MS: '8000' }, 20_000);
    expect(protocolProblems('PreToolUse', answer)).toEqual([]);
    expect(answer.ms).toBeLessThan(10_000);
    expect(answer.stdout).toContain('it is not a regular file');
  }, 30_000);
});

describe('a compiled policy of the wrong shape', () => {
  it.each([['{}'], ['{"version":1,"agents":[]}'], ['{"version":1,"agents":"kei-modal-runner"}'], ['{"version":2,"agents":{}}'], ['null']])(
    'blocks subagents and lets the main thread be: %s',
    (text) => {
      const h = hookEnv();
      writeFileSync(join(h.stateDir, 'policy.json'), text);
      const sub = runHookProcess('PreToolUse', governedWrite(h), h.env);
      expect(sub.status).toBe(2);
      expect(sub.stderr).toContain('cannot read its compiled policy');
      expect(sub.stderr).toContain('is not a kei policy bundle');
      expect(runHookProcess('PreToolUse', mainThreadWrite(h), h.env)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    },
  );
});

describe('the V8 code cache is only an accelerator', () => {
  /** The runtime's own cache; each part it loaded has one next to it, named after it. */
  function cacheFile(stateDir: string): string {
    const [name] = readdirSync(join(stateDir, 'cache')).filter((f) => /^hook-runtime-[0-9a-f]+-v[\d.]+-\w+\.v8$/.test(f));
    return join(stateDir, 'cache', name!);
  }

  function damage(file: string, how: string): void {
    const bytes = readFileSync(file);
    if (how === 'one copy flipped') for (let i = 40; i < bytes.length / 2; i += 97) bytes[i]! ^= 0x5a;
    writeFileSync(file, how === 'truncated' ? bytes.subarray(0, 1000) : how === 'garbage' ? Buffer.alloc(4096, 7) : bytes);
  }

  it('writes the cache on the first governed call and answers the same with it', () => {
    const h = hookEnv();
    const first = runHookProcess('PreToolUse', governedWrite(h), h.env);
    const second = runHookProcess('PreToolUse', governedWrite(h), h.env);
    const stem = cacheFile(h.stateDir).replace(/^.*\//, '').replace(/\.v8$/, '');
    const caches = readdirSync(join(h.stateDir, 'cache')).filter((f) => f.endsWith('.v8'));
    expect(caches.filter((f) => f === `${stem}.v8`)).toHaveLength(1);
    expect(caches.every((f) => f.startsWith(`${stem}.`))).toBe(true);
    expect(caches.some((f) => f.includes('.hook-runtime-file-edits-'))).toBe(true);
    expect(second).toMatchObject({ status: first.status, stdout: first.stdout });
  });

  it.each([['one copy flipped'], ['truncated'], ['garbage']])('survives a cache file that is %s, and rewrites it', (how) => {
    const h = hookEnv();
    const clean = runHookProcess('PreToolUse', governedWrite(h), h.env);
    const file = cacheFile(h.stateDir);
    damage(file, how);
    expect(readCache(file)).toBeUndefined();
    const answer = runHookProcess('PreToolUse', governedWrite(h), h.env);
    expect(answer).toMatchObject({ status: clean.status, stdout: clean.stdout });
    expect(readCache(file)).toBeInstanceOf(Buffer);
  });

  it('still answers when the cache dir cannot be created', () => {
    const h = hookEnv();
    writeFileSync(join(h.stateDir, 'cache'), 'a file where the cache dir would go');
    const answer = runHookProcess('PreToolUse', governedWrite(h), h.env);
    expect(protocolProblems('PreToolUse', answer)).toEqual([]);
  });

  it('removes the cache of an older bundle when it writes a new one', () => {
    const h = hookEnv();
    mkdirSync(join(h.stateDir, 'cache'));
    writeFileSync(join(h.stateDir, 'cache', 'hook-runtime-0000000000000000-v0.0.0-x64.v8'), 'old');
    runHookProcess('PreToolUse', governedWrite(h), h.env);
    expect(readdirSync(join(h.stateDir, 'cache')).filter((f) => f.startsWith('hook-runtime-0000'))).toEqual([]);
  });
});
