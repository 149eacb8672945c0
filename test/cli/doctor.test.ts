import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as doctor } from '../../src/cli/commands/doctor.js';
import { run as install } from '../../src/cli/commands/install.js';
import { claudeVersionLine } from '../../src/doctor/versions.js';
import { checkHooks } from '../../src/doctor/hooks-check.js';
import { checkAgents, checkKitAssembled } from '../../src/doctor/agents-check.js';
import { checkStateDir } from '../../src/doctor/state-check.js';
import { renderLines, type CheckLine } from '../../src/doctor/check.js';
import { capture } from '../install/capture.js';
import { targetDir } from '../install/fixture.js';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';
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

const text = (lines: CheckLine[]) => renderLines(lines);

afterEach(() => vi.unstubAllEnvs());

describe('kei doctor, whole runs', () => {
  it('prints OK for every check of a healthy installation and exits 0', async () => {
    const { pkg, target } = await installed();
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.stdout).not.toMatch(/^(FAIL|WARN)/m);
    expect(out.code).toBe(0);
    for (const event of ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'UserPromptSubmit', 'SubagentStart', 'SubagentStop']) {
      expect(line(out.stdout, new RegExp(`self-test ${event}:`))).toMatch(/^OK /);
    }
    expect(line(out.stdout, /kei-modal-runner calling NotebookEdit/)).toMatch(/^OK /);
    expect(out.stdout).toMatch(/\n\d+ OK, 0 WARN, 0 FAIL\n$/);
  });

  it('fails with the fix when nothing is installed', async () => {
    const out = await capture(() => doctor(['--target', targetDir()], doctorPackage(), env()));
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('FAIL  hooks: PreToolUse has no kei entry in');
    expect(out.stdout).toContain('      fix: run `kei install`');
  });

});

describe('kei doctor, whole runs that fail', () => {
  it('fails when the bundle lacks the files loaded after the dispatcher', async () => {
    const { pkg, target } = await installed();
    rmSync(join(pkg, 'dist', 'lazy'), { recursive: true });
    rmSync(join(pkg, 'dist', 'hook-runtime.cjs'));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.code).toBe(1);
    expect(line(out.stdout, /bundle: .* lacks/)).toMatch(/^FAIL .*lacks hook-runtime\.cjs, lazy\/$/);
    expect(out.stdout).toContain('fix: run `npm run build` in the package');
  });

  it('fails when the bundle lacks a part of the hook runtime, which loads only when a call needs it', async () => {
    const { pkg, target } = await installed();
    writeFileSync(join(pkg, 'dist', 'hook-runtime.cjs'), 'require("./hook-runtime-shared-1-0123456789ab.cjs");');
    writeFileSync(join(pkg, 'dist', 'hook-runtime-shared-1-0123456789ab.cjs'), 'const bash = () => require("./hook-runtime-bash-0123456789ab.cjs");');
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.code).toBe(1);
    expect(line(out.stdout, /bundle: .* lacks/)).toMatch(/^FAIL .*lacks hook-runtime-bash-0123456789ab\.cjs$/);
  });

  it('fails each self-test when the bundle crashes', async () => {
    const { pkg, target } = await installed(doctorPackage('crash'));
    const out = await capture(() => doctor(['--target', target], pkg, env()));
    expect(out.code).toBe(1);
    expect(line(out.stdout, /self-test SubagentStop/)).toMatch(/^FAIL .*: exit 1: boom$/);
    expect(line(out.stdout, /self-test PreToolUse: main thread/)).toMatch(/^FAIL /);
  });

  it('on the package itself: the real bundle, the generated kit, and a governed deny', async () => {
    const { target } = await installed(REPO_ROOT);
    const out = await capture(() => doctor(['--target', target], REPO_ROOT, env()));
    expect(line(out.stdout, /^\w+\s+hooks:/)).toMatch(/^OK    hooks: PreToolUse, PostToolUse, PostToolUseFailure, UserPromptSubmit, SubagentStart, SubagentStop registered/);
    expect(line(out.stdout, /bundle:/)).toBe(`OK    bundle: ${join(REPO_ROOT, 'dist', 'kei.cjs')}`);
    expect(line(out.stdout, /agents: \d+ kit agents/)).toMatch(/^OK    agents: \d+ kit agents installed and current$/);
    expect(line(out.stdout, /main thread Bash/)).toMatch(/^OK /);
    expect(line(out.stdout, /kei-modal-runner calling NotebookEdit/)).toMatch(/^OK /);
  });
});

describe('doctor: Claude Code version', () => {
  it.each([
    ['2.1.328', 'OK', /Claude Code 2\.1\.328/],
    ['2.1.200', 'WARN', /onFailure: "block"` needs 2\.1\.295/],
    ['2.1.100', 'FAIL', /exec-form hooks \(command \+ args\) need 2\.1\.139/],
    ['2.1.50', 'FAIL', /agent_type\) only from 2\.1\.69/],
    [null, 'FAIL', /`claude` is not on PATH/],
  ])('%s → %s', (version, status, message) => {
    const result = claudeVersionLine({ PATH: pathWithClaude(version) });
    expect(result.status).toBe(status);
    expect(result.what).toMatch(message);
    expect(result.fix === undefined).toBe(status === 'OK');
  });
});

describe('doctor: hooks', () => {
  it('fails when the hooks point at a bundle that is gone', async () => {
    const { pkg, target } = await installed();
    const file = join(target, 'settings.json');
    writeFileSync(file, readFileSync(file, 'utf8').split(join(pkg, 'dist')).join('/gone/dist'));
    expect(text(checkHooks(target, pkg).lines)).toContain('FAIL  hooks: PreToolUse runs /gone/dist/kei.cjs, which does not exist');
  });

  it('accepts the enabled plugin in place of settings entries', () => {
    const findings = checkHooks(targetDir(JSON.stringify({ enabledPlugins: { 'kei-substrate@kei-substrate': true } })), doctorPackage());
    expect(text(findings.lines)).toContain('OK    hooks: provided by the enabled kei-substrate plugin');
    expect(findings).toMatchObject({ plugin: true, settingsHooks: false });
  });

  it('warns when both the plugin and settings register the hooks', async () => {
    const { pkg, target } = await installed();
    const file = join(target, 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), enabledPlugins: { 'kei-substrate@m': true } }));
    expect(text(checkHooks(target, pkg).lines)).toMatch(/^WARN  hooks: registered both by settings\.json and by the enabled plugin/m);
  });

  it('reports a malformed settings file', () => {
    expect(text(checkHooks(targetDir('{oops'), doctorPackage()).lines)).toMatch(/^FAIL  hooks: .*settings\.json: not valid JSON/m);
  });
});

describe('doctor: agents and state dir', () => {
  it('fails on a missing and on a hand-edited agent', async () => {
    const { pkg, target } = await installed();
    rmSync(join(target, 'agents', 'kei-critic.md'));
    writeFileSync(join(target, 'agents', 'kei-validator.md'), 'edited');
    const out = text(checkAgents(target, pkg, false));
    expect(out).toContain(`FAIL  agents: kei-critic.md not installed in ${join(target, 'agents')}`);
    expect(out).toContain(`FAIL  agents: kei-validator.md in ${join(target, 'agents')} differ from the kit`);
  });

  it("fails when the package's generated agents are out of date with their manifests", () => {
    const pkg = doctorPackage();
    expect(checkKitAssembled(pkg).status).toBe('OK');
    const manifest = join(pkg, 'agents', 'manifests', 'kei-critic.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('role: |\n', 'role: |\n  A sentence added by hand.\n'));
    const result = checkKitAssembled(pkg);
    expect(result.status).toBe('FAIL');
    expect(result.what).toContain('agents/kei-critic.md (differs)');
    expect(result.fix).toContain('kei assemble');
  });

  it('fails when the state dir cannot be written, naming the error', () => {
    const result = checkStateDir(blockedStateDir());
    expect(result.status).toBe('FAIL');
    expect(result.what).toMatch(/is not writable \(ENOTDIR\)/);
    expect(checkStateDir(tempDir('kei-state-')).status).toBe('OK');
  });
});

describe('doctor: hooks switched off', () => {
  it('fails when the settings disable all hooks', async () => {
    const { pkg, target } = await installed();
    const file = join(target, 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), disableAllHooks: true }));
    expect(text(checkHooks(target, pkg).lines)).toMatch(/^FAIL  hooks: .* sets "disableAllHooks": true, so no hook runs/m);
  });
});
