import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run as install } from '../../src/cli/commands/install.js';
import { capture } from './capture.js';
import { AGENT_A, fixturePackage, readJson, snapshot, targetDir, USER_SETTINGS } from './fixture.js';

type Hooks = Record<string, { matcher?: string; hooks: Record<string, unknown>[] }[]>;

const EVENTS = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'UserPromptSubmit', 'SubagentStart', 'SubagentStop'];

function keiHandler(hooks: Hooks, event: string): Record<string, unknown> {
  const found = hooks[event]!.flatMap((g) => g.hooks).find((h) => Array.isArray(h.args) && String((h.args as string[])[0]).endsWith('dist/kei.cjs'));
  if (!found) throw new Error(`no kei handler for ${event}`);
  return found;
}

describe('kei install into an empty config dir', () => {
  it('registers every event in exec form against the bundle by absolute path', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    const result = await capture(() => install(['--target', target], pkg));
    expect(result.code).toBe(0);
    const hooks = readJson(join(target, 'settings.json')).hooks as Hooks;
    expect(Object.keys(hooks)).toEqual(EVENTS);
    for (const event of EVENTS) {
      const h = keiHandler(hooks, event);
      expect(h).toMatchObject({ type: 'command', command: 'node', args: [join(pkg, 'dist', 'kei.cjs'), 'hook', event] });
      expect(typeof h.timeout).toBe('number');
      expect(h.onFailure).toBe(event === 'PreToolUse' ? 'block' : undefined);
    }
    expect(hooks.PreToolUse![0]!.matcher).toBe('Bash|Edit|Write|MultiEdit|NotebookEdit|Agent|Task');
    expect(hooks.PostToolUse![0]!.matcher!.split('|')).toEqual(expect.arrayContaining(['Bash', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit', 'Agent', 'Task']));
  });

});

describe('kei install: agents and backups in an empty config dir', () => {
  it('copies the kit agents and records what it wrote', async () => {
    const pkg = fixturePackage();
    const target = targetDir();
    await capture(() => install(['--target', target], pkg));
    expect(readdirSync(join(target, 'agents')).sort()).toEqual(['kei-alpha.md', 'kei-beta.md']);
    expect(readFileSync(join(target, 'agents', 'kei-alpha.md'), 'utf8')).toBe(AGENT_A);
    const record = readJson(join(target, 'kei', 'install.json'));
    expect(record).toMatchObject({ version: 1, packageRoot: pkg });
    expect(Object.keys(record.agents as object).sort()).toEqual(['kei-alpha.md', 'kei-beta.md']);
  });

  it('writes no backup when there was no settings file', async () => {
    const target = targetDir();
    await capture(() => install(['--target', target], fixturePackage()));
    expect(readdirSync(target).filter((f) => f.includes('kei-backup'))).toEqual([]);
  });
});

describe('kei install next to the user settings', () => {
  it("keeps the user's settings and hooks as they were, ours after theirs", async () => {
    const target = targetDir(JSON.stringify(USER_SETTINGS, null, 2));
    await capture(() => install(['--target', target], fixturePackage()));
    const after = readJson(join(target, 'settings.json'));
    expect(after.model).toBe('opus');
    expect(after.permissions).toEqual(USER_SETTINGS.permissions);
    const hooks = after.hooks as Hooks;
    expect(hooks.PreToolUse![0]).toEqual(USER_SETTINGS.hooks.PreToolUse[0]);
    expect(hooks.Stop).toEqual(USER_SETTINGS.hooks.Stop);
    expect(hooks.PreToolUse).toHaveLength(2);
  });

});

describe('kei install: backup and formatting', () => {
  it('backs up the old file byte for byte before changing it', async () => {
    const original = JSON.stringify(USER_SETTINGS);
    const target = targetDir(original);
    const result = await capture(() => install(['--target', target], fixturePackage()));
    const backups = readdirSync(target).filter((f) => f.startsWith('settings.json.kei-backup-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(target, backups[0]!), 'utf8')).toBe(original);
    expect(result.stdout).toContain(`previous version saved as ${join(target, backups[0]!)}`);
  });

  it('keeps the indentation the file uses', async () => {
    const target = targetDir(JSON.stringify(USER_SETTINGS, null, '\t'));
    await capture(() => install(['--target', target], fixturePackage()));
    expect(readFileSync(join(target, 'settings.json'), 'utf8')).toMatch(/^\t"model": "opus",$/m);
  });

});

describe('kei install: idempotence', () => {
  it('changes nothing when run a second time', async () => {
    const pkg = fixturePackage();
    const target = targetDir(JSON.stringify(USER_SETTINGS));
    await capture(() => install(['--target', target], pkg));
    const first = snapshot(target);
    const again = await capture(() => install(['--target', target], pkg));
    expect(again.code).toBe(0);
    expect(snapshot(target)).toEqual(first);
    expect(again.stdout).toContain('settings.json: unchanged');
    expect(again.stdout).toMatch(/unchanged\s+kei-alpha\.md/);
  });

  it('replaces the entries of an install from another checkout instead of adding a second set', async () => {
    const target = targetDir();
    await capture(() => install(['--target', target], fixturePackage()));
    const moved = fixturePackage();
    await capture(() => install(['--target', target], moved));
    const hooks = readJson(join(target, 'settings.json')).hooks as Hooks;
    for (const event of EVENTS) {
      expect(hooks[event]).toHaveLength(1);
      expect((keiHandler(hooks, event).args as string[])[0]).toBe(join(moved, 'dist', 'kei.cjs'));
    }
  });
});

describe('kei install updates the agents it owns', () => {
  it('replaces an installed agent the user did not touch when the kit changes', async () => {
    const target = targetDir();
    await capture(() => install(['--target', target], fixturePackage()));
    const newer = fixturePackage({ 'kei-alpha.md': AGENT_A + 'New rule.\n' });
    const result = await capture(() => install(['--target', target], newer));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/update\s+kei-alpha\.md/);
    expect(readFileSync(join(target, 'agents', 'kei-alpha.md'), 'utf8')).toContain('New rule.');
  });
});

describe('kei install next to agents built from the user manifests', () => {
  it('keeps an override `kei assemble` built from the user manifest, and does not record it', async () => {
    const { generatedNotice, stamp } = await import('../../src/assemble/notice.js');
    const target = targetDir();
    mkdirSync(join(target, 'agents'));
    const override = stamp(`---\nname: kei-alpha\ndescription: mine\n---\n${generatedNotice('kei/manifests/kei-alpha.yaml in the Claude config dir')}\nMy alpha.\n`);
    writeFileSync(join(target, 'agents', 'kei-alpha.md'), override);
    const result = await capture(() => install(['--target', target], fixturePackage()));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kept \(built from your own manifest\) kei-alpha\.md/);
    expect(readFileSync(join(target, 'agents', 'kei-alpha.md'), 'utf8')).toBe(override);
    expect(Object.keys(readJson(join(target, 'kei', 'install.json')).agents as object)).toEqual(['kei-beta.md']);
  });
});

describe('kei install through a symlinked settings.json', () => {
  it('writes the file the link points to and keeps the link', async () => {
    const { symlinkSync, lstatSync } = await import('node:fs');
    const dotfiles = targetDir(JSON.stringify(USER_SETTINGS));
    const target = targetDir();
    symlinkSync(join(dotfiles, 'settings.json'), join(target, 'settings.json'));
    expect((await capture(() => install(['--target', target], fixturePackage()))).code).toBe(0);
    expect(lstatSync(join(target, 'settings.json')).isSymbolicLink()).toBe(true);
    expect(Object.keys(readJson(join(dotfiles, 'settings.json')).hooks as object)).toContain('SubagentStop');
    expect(readdirSync(dotfiles).filter((f) => f.includes('kei-backup'))).toHaveLength(1);
  });
});
