/** Byte-identical output for identical input, wherever and whenever it runs. */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { assembleAll } from '../../src/assemble/index.js';
import { copyKit, REPO_ROOT, snapshot } from './kit.js';

const relativeMap = (root: string, files: Map<string, string>): Map<string, string> =>
  new Map([...files].map(([path, content]) => [relative(root, path), content]));

it('two temp copies of the kit give the same bytes', () => {
  const [a, b] = [copyKit(), copyKit()];
  const [left, right] = [relativeMap(a, assembleAll(a)), relativeMap(b, assembleAll(b))];
  expect(left.size).toBe(13);
  expect([...right.keys()]).toEqual([...left.keys()]);
  for (const [path, content] of left) expect(right.get(path), path).toBe(content);
});

it('real runs in different places, time zones and locales write the same files', () => {
  const run = (root: string, env: Record<string, string>): void => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'kei.cjs'), 'assemble', '--root', root, '--kit-only'], {
      cwd: env.CWD === 'root' ? root : '/',
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  };
  const [a, b] = [copyKit(), copyKit()];
  run(a, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', CWD: 'root' });
  run(b, { TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C', CWD: '/' });
  expect(snapshot(b)).toEqual(snapshot(a));
});

it('the output names no machine-local path and no time', () => {
  const root = copyKit();
  for (const content of assembleAll(root).values()) {
    expect(content).not.toContain(root);
    expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(content).not.toContain('\r');
  }
});

it('CRLF sources give the same output as LF sources', async () => {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const root = copyKit();
  const expected = relativeMap(root, assembleAll(root));
  for (const file of ['agents/blocks/baseline.md', 'capabilities/tools/deny-tools/text.md', 'agents/manifests/kei-critic.yaml']) {
    const path = join(root, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
  }
  expect(relativeMap(root, assembleAll(root))).toEqual(expected);
});
