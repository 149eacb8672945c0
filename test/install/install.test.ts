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

describe('kei install refuses and changes nothing', () => {
  const malformed: [string, string, RegExp][] = [
    ['not JSON', '{"model": "opus",', /not valid JSON/],
    ['a top-level array', '[]', /top level is not a JSON object/],
    ['hooks not an object', '{"hooks": []}', /"hooks" is not an object/],
    ['an event that is not an array', '{"hooks": {"PreToolUse": {}}}', /"hooks.PreToolUse" is not an array/],
    ['a group without hooks', '{"hooks": {"Stop": [{"matcher": "x"}]}}', /"hooks.Stop\[0\].hooks" is not an array/],
  ];
  it.each(malformed)('for a settings file with %s', async (_name, text, problem) => {
    const target = targetDir(text);
    const before = snapshot(target);
    const result = await capture(() => install(['--target', target], fixturePackage()));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr).toContain('left as it is');
    expect(snapshot(target)).toEqual(before);
  });

  it("when an agent of the same name is the user's own file", async () => {
    const target = targetDir();
    mkdirSync(join(target, 'agents'));
    writeFileSync(join(target, 'agents', 'kei-alpha.md'), 'my own alpha\n');
    const before = snapshot(target);
    const result = await capture(() => install(['--target', target], fixturePackage()));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(target, 'agents', 'kei-alpha.md')} exists and is not the copy kei installed`);
    expect(snapshot(target)).toEqual(before);
  });

  it('when the package is not built', async () => {
    const pkg = fixturePackage();
    writeFileSync(join(pkg, 'dist', 'policy.json'), '{}');
    const { rmSync } = await import('node:fs');
    rmSync(join(pkg, 'dist', 'kei.cjs'));
    const target = targetDir();
    const result = await capture(() => install(['--target', target], pkg));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(pkg, 'dist', 'kei.cjs')} is missing: build the package first`);
    expect(existsSync(join(target, 'settings.json'))).toBe(false);
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
