import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run as install } from '../../src/cli/commands/install.js';
import { capture } from './capture.js';
import { fixturePackage, snapshot, targetDir, USER_SETTINGS } from './fixture.js';

describe('kei install --dry-run', () => {
  it('shows the diff of settings.json and the agent copies, and writes nothing', async () => {
    const pkg = fixturePackage();
    const target = targetDir(JSON.stringify(USER_SETTINGS, null, 2) + '\n');
    const before = snapshot(target);
    const result = await capture(() => install(['--target', target, '--dry-run'], pkg));
    expect(result.code).toBe(0);
    expect(snapshot(target)).toEqual(before);
    const out = result.stdout;
    expect(out).toContain('(dry run: nothing written)');
    expect(out).toContain(`--- ${join(target, 'settings.json')}`);
    expect(out).toContain(`+            "args": ["${join(pkg, 'dist', 'kei.cjs')}", "hook", "PreToolUse"],`);
    expect(out).toContain('+            "onFailure": "block"');
    expect(out).not.toMatch(/^-\s+"model"/m);
    expect(out).toMatch(/add\s+kei-alpha\.md/);
  });

});

describe('kei install --dry-run on an installed target', () => {
  it('says there is nothing to change on an installed target', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    const result = await capture(() => install(['--target', target, '--dry-run'], pkg));
    expect(result.stdout).toContain('settings.json: unchanged');
    expect(result.stdout).not.toContain('---');
  });

  it('rejects unknown options with a usage line', async () => {
    const result = await capture(() => install(['--targte', '/tmp'], fixturePackage()));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --targte');
    expect(result.stderr).toContain('usage: kei install');
  });
});
