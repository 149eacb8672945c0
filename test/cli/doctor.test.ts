import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as doctor } from '../../src/cli/commands/doctor.js';
import { run as install } from '../../src/cli/commands/install.js';
import { capture } from '../install/capture.js';
import { targetDir } from '../install/fixture.js';
import { tempDir } from '../helpers/gate.js';
import { blockedStateDir, doctorPackage, pathWithClaude } from './doctor-fixture.js';

const env = (extra: Record<string, string> = {}) => ({ PATH: pathWithClaude('2.1.328'), KEI_STATE_DIR: tempDir('kei-state-'), ...extra });

async function installed(pkg = doctorPackage()): Promise<{ pkg: string; target: string }> {
  const target = targetDir();
  expect((await capture(() => install(['--target', target], pkg))).code).toBe(0);
  return { pkg, target };
}

function line(out: string, pattern: RegExp): string {
  const found = out.split('\n').find((l) => pattern.test(l));
  if (!found) throw new Error(`no line matching ${pattern} in:\n${out}`);
  return found;
}

afterEach(() => vi.unstubAllEnvs());

describe('kei doctor on a healthy installation', () => {
  it('prints OK for every check and exits 0', async () => {
    const { pkg, target } = await installed();
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.stdout).not.toMatch(/^FAIL/m);
    expect(out.code).toBe(0);
    for (const event of ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'UserPromptSubmit', 'SubagentStart', 'SubagentStop']) {
      expect(line(out.stdout, new RegExp(`self-test ${event}:`))).toMatch(/^OK /);
    }
    expect(line(out.stdout, /kei-alpha calling NotebookEdit/)).toMatch(/^OK /);
    expect(line(out.stdout, /agents:/)).toBe('OK    agents: 2 kit agents installed and current');
  });
});

describe('kei doctor: Claude Code version', () => {
  it.each([
    ['2.1.328', 'OK', /Claude Code 2\.1\.328/],
    ['2.1.200', 'WARN', /onFailure: "block"` needs 2\.1\.295/],
    ['2.1.100', 'FAIL', /exec-form hooks \(command \+ args\) need 2\.1\.139/],
    ['2.1.50', 'FAIL', /agent_type\) only from 2\.1\.69/],
    [null, 'FAIL', /`claude` is not on PATH/],
  ])('%s → %s', async (version, status, message) => {
    const { pkg, target } = await installed();
    const out = await capture(() => doctor(['--target', target], pkg, env({ PATH: pathWithClaude(version) })));
    const found = line(out.stdout, /Claude Code/);
    expect(found.startsWith(status)).toBe(true);
    expect(found).toMatch(message);
    expect(out.code).toBe(status === 'FAIL' ? 1 : 0);
  });
});

describe('kei doctor: hooks', () => {
  it('fails with the fix when nothing is installed', async () => {
    const out = await capture(() => doctor(['--target', targetDir()], doctorPackage(), env()));
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('FAIL  hooks: PreToolUse has no kei entry in');
    expect(out.stdout).toContain('      fix: run `kei install`');
  });

  it('fails when the hooks point at a bundle that is gone', async () => {
    const { pkg, target } = await installed();
    const file = join(target, 'settings.json');
    writeFileSync(file, readFileSync(file, 'utf8').split(join(pkg, 'dist')).join('/gone/dist'));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.code).toBe(1);
    expect(line(out.stdout, /hooks: PreToolUse runs/)).toBe('FAIL  hooks: PreToolUse runs /gone/dist/kei.cjs, which does not exist');
  });

  it('accepts the enabled plugin in place of settings entries', async () => {
    const pkg = doctorPackage();
    const target = targetDir(JSON.stringify({ enabledPlugins: { 'kei-substrate@kei-substrate': true } }));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.stdout).toContain('OK    hooks: provided by the enabled kei-substrate plugin');
    expect(out.stdout).toContain('OK    agents: 2 kit agents served by the plugin');
    expect(out.code).toBe(0);
  });

  it('warns when both the plugin and settings register the hooks', async () => {
    const { pkg, target } = await installed();
    const file = join(target, 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), enabledPlugins: { 'kei-substrate@m': true } }));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(line(out.stdout, /registered both/)).toMatch(/^WARN /);
  });

  it('reports a malformed settings file', async () => {
    const out = await capture(() => doctor(['--target', targetDir('{oops')], doctorPackage(), env()));
    expect(line(out.stdout, /^FAIL  hooks:/)).toMatch(/settings\.json: not valid JSON/);
  });
});

describe('kei doctor: agents, state dir, self-test', () => {
  it('fails on a missing and on a hand-edited agent', async () => {
    const { pkg, target } = await installed();
    const { rmSync } = await import('node:fs');
    rmSync(join(target, 'agents', 'kei-alpha.md'));
    writeFileSync(join(target, 'agents', 'kei-beta.md'), 'edited');
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.stdout).toContain(`FAIL  agents: kei-alpha.md not installed in ${join(target, 'agents')}`);
    expect(out.stdout).toContain(`FAIL  agents: kei-beta.md in ${join(target, 'agents')} differ from the kit`);
  });

  it('fails when a manifest has no generated agent in the package', async () => {
    const { pkg, target } = await installed();
    writeFileSync(join(pkg, 'agents', 'manifests', 'kei-gamma.yaml'), 'name: kei-gamma\n');
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(line(out.stdout, /no generated file/)).toMatch(/^FAIL  agents: no generated file for kei-gamma\.md/);
  });

  it('fails when the state dir cannot be written', async () => {
    const { pkg, target } = await installed();
    const out = await capture(() => doctor(['--target', target], pkg, env({ KEI_STATE_DIR: blockedStateDir() })));
    expect(line(out.stdout, /state dir/)).toMatch(/^FAIL  state dir .* is not writable \(ENOTDIR\)/);
    expect(out.code).toBe(1);
  });

  it('fails each self-test when the bundle crashes', async () => {
    const { pkg, target } = await installed(doctorPackage('crash'));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.code).toBe(1);
    expect(line(out.stdout, /self-test SubagentStop/)).toMatch(/^FAIL .*: exit 1: boom$/);
  });
});

describe('kei doctor against the package itself', () => {
  it('finds the real bundle, the generated kit and the governed deny of a tool outside the agent list', async () => {
    const { REPO_ROOT } = await import('../helpers/gate.js');
    const { target } = await installed(REPO_ROOT);
    const out = await capture(() => doctor(['--target', target], REPO_ROOT, env()));
    expect(line(out.stdout, /^\w+\s+hooks:/)).toMatch(/^OK    hooks: PreToolUse, PostToolUse, PostToolUseFailure, UserPromptSubmit, SubagentStart, SubagentStop registered/);
    expect(line(out.stdout, /bundle:/)).toBe(`OK    bundle: ${join(REPO_ROOT, 'dist', 'kei.cjs')}`);
    expect(line(out.stdout, /agents:/)).toMatch(/^OK    agents: \d+ kit agents installed and current$/);
    expect(line(out.stdout, /main thread Bash/)).toMatch(/^OK /);
    expect(line(out.stdout, /kei-modal-runner calling NotebookEdit/)).toMatch(/^OK /);
  });
});
