import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run as install } from '../../src/cli/commands/install.js';
import { run as uninstall } from '../../src/cli/commands/uninstall.js';
import { capture } from './capture.js';
import { fixturePackage, readJson, snapshot, targetDir, USER_SETTINGS } from './fixture.js';

describe('kei uninstall', () => {
  it('gives back the settings the user had, and removes the agents and the record', async () => {
    const pkg = fixturePackage();
    const target = targetDir(JSON.stringify(USER_SETTINGS, null, 2));
    await capture(() => install(['--target', target], pkg));
    const result = await capture(() => uninstall(['--target', target], pkg));
    expect(result.code).toBe(0);
    expect(readJson(join(target, 'settings.json'))).toEqual(USER_SETTINGS);
    expect(readdirSync(join(target, 'agents'))).toEqual([]);
    expect(existsSync(join(target, 'kei'))).toBe(false);
    expect(result.stdout).toContain('6 kei hook entries removed');
  });

  it('removes the hooks key it created in a settings file that had none', async () => {
    const pkg = fixturePackage();
    const target = targetDir('{"model": "opus"}');
    await capture(() => install(['--target', target], pkg));
    await capture(() => uninstall(['--target', target], pkg));
    expect(readJson(join(target, 'settings.json'))).toEqual({ model: 'opus' });
  });

});

describe('kei uninstall: shared groups and changed agents', () => {
  it('keeps a user hook that shares a group with ours', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    const settings = readJson(join(target, 'settings.json')) as { hooks: Record<string, { hooks: unknown[] }[]> };
    settings.hooks.SubagentStop![0]!.hooks.push({ type: 'command', command: 'notify-send stop' });
    writeFileSync(join(target, 'settings.json'), JSON.stringify(settings));
    await capture(() => uninstall(['--target', target], pkg));
    expect(readJson(join(target, 'settings.json'))).toEqual({ hooks: { SubagentStop: [{ hooks: [{ type: 'command', command: 'notify-send stop' }] }] } });
  });

  it('leaves an agent the user changed since install, and says so', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    writeFileSync(join(target, 'agents', 'kei-beta.md'), 'edited by hand\n');
    const result = await capture(() => uninstall(['--target', target], pkg));
    expect(result.code).toBe(0);
    expect(readdirSync(join(target, 'agents'))).toEqual(['kei-beta.md']);
    expect(result.stdout).toMatch(/keep \(changed since install\) agents\/kei-beta\.md/);
    expect(result.stdout).toMatch(/remove\s+agents\/kei-alpha\.md/);
  });

});

describe('kei uninstall: without a record, and backups', () => {
  it('without a record, removes our entries by what they run and agents identical to the kit', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    rmSync(join(target, 'kei'), { recursive: true });
    await capture(() => uninstall(['--target', target], pkg));
    expect(readJson(join(target, 'settings.json'))).toEqual({});
    expect(readdirSync(join(target, 'agents'))).toEqual([]);
  });

  it('backs up the settings before removing entries', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    const installed = readFileSync(join(target, 'settings.json'), 'utf8');
    await capture(() => uninstall(['--target', target], pkg));
    const backups = readdirSync(target).filter((f) => f.startsWith('settings.json.kei-backup-'));
    expect(backups.map((b) => readFileSync(join(target, b), 'utf8'))).toContain(installed);
  });

});

describe('kei uninstall: safety', () => {
  it('never deletes a file a tampered record names outside the agents folder', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    writeFileSync(join(target, 'precious.md'), 'keep me');
    const record = readJson(join(target, 'kei', 'install.json'));
    (record.agents as Record<string, string>)['../precious.md'] = 'x';
    writeFileSync(join(target, 'kei', 'install.json'), JSON.stringify(record));
    await capture(() => uninstall(['--target', target], pkg));
    expect(readFileSync(join(target, 'precious.md'), 'utf8')).toBe('keep me');
  });

  it('reports a malformed settings file, leaves it alone and exits 1', async () => {
    const pkg = fixturePackage();
    const target = targetDir('{"hooks": ');
    const result = await capture(() => uninstall(['--target', target], pkg));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/settings\.json: not valid JSON/);
    expect(readFileSync(join(target, 'settings.json'), 'utf8')).toBe('{"hooks": ');
  });

});

describe('kei uninstall --dry-run', () => {
  it('with --dry-run writes nothing', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    const before = snapshot(target);
    const result = await capture(() => uninstall(['--target', target, '--dry-run'], pkg));
    expect(result.code).toBe(0);
    expect(snapshot(target)).toEqual(before);
    expect(result.stdout).toContain(`-            "args": ["${join(pkg, 'dist', 'kei.cjs')}", "hook", "PreToolUse"],`);
  });
});
