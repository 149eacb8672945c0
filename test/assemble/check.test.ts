/** `kei assemble` and `kei assemble --check` on a copy of the kit: what is written, what is reported, exit codes. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkAssembled } from '../../src/assemble/index.js';
import { runAssemble } from '../../src/cli/commands/assemble.js';
import { captureIo, copyKit, manifest, REPO_ROOT, snapshot, writeManifest } from './kit.js';

async function assemble(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { out, err, io } = captureIo();
  const code = await runAssemble(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** A kit copy whose generated files match its sources. */
async function freshKit(): Promise<string> {
  const root = copyKit();
  expect((await assemble(['--root', root, '--kit-only'])).code).toBe(0);
  return root;
}

function flipOneByte(path: string): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf('# FORBIDDEN') + 2;
  bytes[at] = bytes[at] === 0x46 ? 0x66 : 0x46;
  writeFileSync(path, bytes);
}

it('passes (exit 0) when every generated file matches', async () => {
  const root = await freshKit();
  const result = await assemble(['--root', root, '--kit-only', '--check']);
  expect(result).toMatchObject({ code: 0, err: '' });
});

it('fails (exit 1) on a one-byte hand edit, names the file, and writes nothing', async () => {
  const root = await freshKit();
  flipOneByte(join(root, 'agents', 'kei-critic.md'));
  const before = snapshot(root);
  const result = await assemble(['--root', root, '--kit-only', '--check']);
  expect(result.code).toBe(1);
  expect(result.err).toContain('agents/kei-critic.md (differs)');
  expect(snapshot(root)).toEqual(before);
});

it('lists every differing file: edited, missing, stale and orphaned', async () => {
  const root = await freshKit();
  flipOneByte(join(root, 'agents', 'kei-critic.md'));
  rmSync(join(root, 'docs', 'AGENT-ROLES.md'));
  writeFileSync(join(root, 'agents', 'blocks', 'pre-dev-gate.md'), '# PRE-DEV GATE\n\nChanged.\n');
  writeFileSync(join(root, 'agents', 'kei-gone.md'), readFileSync(join(root, 'agents', 'kei-critic.md'), 'utf8').replace(/kei-critic\.yaml/g, 'kei-gone.yaml'));
  const result = await assemble(['--root', root, '--kit-only', '--check']);
  expect(result.code).toBe(1);
  const listed = result.err.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
  expect(listed).toEqual([
    'agents/kei-code-implementer.md (differs)',
    'agents/kei-critic.md (differs)',
    'agents/kei-fal-ai-runner.md (differs)',
    'agents/kei-gone.md (orphan)',
    'agents/kei-infra-implementer.md (differs)',
    'agents/kei-ml-implementer.md (differs)',
    'agents/kei-modal-runner.md (differs)',
    'docs/AGENT-ROLES.md (missing)',
  ]);
});

it('with names, checks only those agents', async () => {
  const root = await freshKit();
  flipOneByte(join(root, 'agents', 'kei-critic.md'));
  expect((await assemble(['--root', root, '--kit-only', '--check', 'kei-architect'])).code).toBe(0);
  expect((await assemble(['--root', root, '--kit-only', '--check', 'kei-critic'])).code).toBe(1);
});

it('the committed kit is up to date with its sources (what CI runs)', () => {
  expect(checkAssembled(REPO_ROOT).map((s) => `${s.path} (${s.reason})`)).toEqual([]);
});

it('writes every agent and the roles table, then reports all up to date', async () => {
  const root = copyKit();
  rmSync(join(root, 'agents', 'kei-critic.md'));
  const first = await assemble(['--root', root, '--kit-only']);
  expect(first.out).toContain('wrote agents/kei-critic.md');
  const second = await assemble(['--root', root, '--kit-only']);
  expect(second.out).toBe('kei assemble: 13 file(s), 0 written, 13 up to date\n');
});

it('with names, writes only those agents (and the roles table)', async () => {
  const root = await freshKit();
  flipOneByte(join(root, 'agents', 'kei-critic.md'));
  flipOneByte(join(root, 'agents', 'kei-architect.md'));
  const result = await assemble(['--root', root, '--kit-only', 'kei-critic']);
  expect(result.out).toContain('wrote agents/kei-critic.md');
  expect(result.out).not.toContain('kei-architect');
  expect((await assemble(['--root', root, '--kit-only', '--check'])).err).toContain('agents/kei-architect.md (differs)');
});

it('builds a new kit manifest and removes the file of a deleted one', async () => {
  const root = await freshKit();
  writeManifest(join(root, 'agents', 'manifests'), manifest('kei-scribe'));
  expect((await assemble(['--root', root, '--kit-only'])).out).toContain('wrote agents/kei-scribe.md');
  rmSync(join(root, 'agents', 'manifests', 'kei-scribe.yaml'));
  const result = await assemble(['--root', root, '--kit-only']);
  expect(result.out).toContain('removed agents/kei-scribe.md (its manifest is gone)');
  expect(snapshot(root).has('agents/kei-scribe.md')).toBe(false);
});

it.each([
  [['--bogus'], 'unknown option --bogus'],
  [['--check=yes'], '--check takes no value'],
  [['--root'], '--root needs a value'],
  [['../x'], "'../x' is not an agent name"],
  [['kei-ghost'], "no manifest for 'kei-ghost'"],
  [['--root', '/nonexistent-kit'], '/nonexistent-kit is not a kei kit'],
])('usage error %j exits 2: %s', async (args, message) => {
  const root = copyKit();
  const before = snapshot(root);
  const result = await assemble(['--root', root, '--kit-only', ...args]);
  expect(result.code).toBe(2);
  expect(result.err).toContain(message);
  expect(snapshot(root)).toEqual(before);
});

it('runs as a real process through the kei binary: --check exit codes', () => {
  const root = copyKit();
  const kei = (args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'kei.cjs'), 'assemble', '--root', root, '--kit-only', ...args], { encoding: 'utf8' });
  expect(kei([]).status).toBe(0);
  expect(kei(['--check']).status).toBe(0);
  flipOneByte(join(root, 'agents', 'kei-validator.md'));
  const failed = kei(['--check']);
  expect(failed.status).toBe(1);
  expect(failed.stderr).toContain('agents/kei-validator.md (differs)');
  expect(kei(['--nope']).status).toBe(2);
});
