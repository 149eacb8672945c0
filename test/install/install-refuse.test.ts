import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as install } from '../../src/cli/commands/install.js';
import { capture } from './capture.js';
import { fixturePackage, snapshot, targetDir } from './fixture.js';

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

});

describe('kei install refuses on conflicts', () => {
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
    rmSync(join(pkg, 'dist', 'kei.cjs'));
    const target = targetDir();
    const result = await capture(() => install(['--target', target], pkg));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(pkg, 'dist', 'kei.cjs')} is missing: build the package first`);
    expect(existsSync(join(target, 'settings.json'))).toBe(false);
  });
});
