/**
 * We preach it: the measuring and dependency code, its gates and its tests hold to the size rule
 * they enforce (every file at most 200 lines, every function at most 30).
 */
import { expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { sizeFindings } from '../../src/measure/size-limits.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const OWN = [
  ...['src/measure', 'src/deps', 'test/measure', 'test/deps'].flatMap((dir) => filesUnder(join(REPO_ROOT, dir))),
  ...readdirSync(join(REPO_ROOT, 'test/capabilities')).filter((f) => /^(constructor-pattern|no-dep-bump)/.test(f)).map((f) => join(REPO_ROOT, 'test/capabilities', f)),
  join(REPO_ROOT, 'src/capabilities/quality/constructor-pattern.ts'),
  join(REPO_ROOT, 'src/capabilities/safety/no-dep-bump.ts'),
].filter((file) => file.endsWith('.ts'));

it('covers the code it is about', () => {
  expect(OWN.length).toBeGreaterThan(40);
});

it.each(OWN.map((file) => [relative(REPO_ROOT, file), file]))('%s is within the limits', (_rel, file) => {
  expect(sizeFindings({ path: file, before: undefined, after: readFileSync(file, 'utf8') })).toEqual([]);
});
