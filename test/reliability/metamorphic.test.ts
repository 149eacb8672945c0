/**
 * Metamorphic tests of the shell analysis through the two gates that read it: a blocked command
 * stays blocked under every rewriting bash treats the same (quotes, escapes, wrappers, subshells,
 * substitutions, continuations, env, paths, re-parsed strings), under random chains of them, and
 * when harmless statements are added around it. Real bash confirms the rewrites still run it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REWRITES, HARMLESS, JOINS, plain, rewrite, type Command, type Rewrite } from './support/rewrites.js';
import { BLOCKED, NO_GIT, decide } from './support/gates.js';
import { planted } from './support/planted.js';
import { bashParses, checkable, gitRuns, OFF_PATH } from './support/ground-truth.js';
import { checked, params } from './support/budget.js';

function notBlocked(capability: string, variants: { label: string; command: string }[]) {
  return variants.map((v) => ({ ...v, ...decide(capability, v.command) })).filter((r) => r.kind !== 'deny');
}

type Step = (c: Command) => Command;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REWRITES).map((r) => (c: Command) => rewrite(c, r)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...JOINS), fc.constantFrom(...HARMLESS)).map(([j, h]) => (c: Command) => ({ text: j.apply(h, c.text), simple: false, plainHead: false })) },
);
const chain = fc.array(step, { minLength: 2, maxLength: 4 });

describe('the rewritings really run the command (real bash, recording git)', () => {
  it.each(REWRITES.filter((r) => !OFF_PATH.has(r.name)).map((r) => [r.name, r] as [string, Rewrite]))('%s', (_name, r) => {
    expect(gitRuns(rewrite(plain('git push origin main'), r).text)).toBe(true);
  });

  it('and so do random chains of them', () => {
    const samples = fc.sample(chain, { seed: 7, numRuns: 60 }).map((steps) => steps.reduce((c, s) => s(c), plain('git push origin main')).text);
    const runnable = samples.filter(checkable);
    expect(runnable.length).toBeGreaterThan(30);
    expect(runnable.filter((text) => !gitRuns(text))).toEqual([]);
  }, 60_000);

  it('and so does a git push planted in a random program (the shell fuzzer\'s claim)', () => {
    // After `a &&` or `a ||` the command runs only for some a; with every other join it runs.
    const conditional = new Set(['harmless && command', 'harmless || command']);
    const samples = fc.sample(planted({ [NO_GIT]: ['git push origin main'] }), { seed: 11, numRuns: 80 })
      .filter((p) => !conditional.has(p.join.name) && !OFF_PATH.has(p.rewrite.name) && bashParses(p.command));
    expect(samples.length).toBeGreaterThan(20);
    expect(samples.filter((p) => !gitRuns(p.command)).map((p) => p.command)).toEqual([]);
  }, 120_000);
});

for (const [capability, seeds] of Object.entries(BLOCKED)) {
  describe(`${capability}: blocked commands stay blocked`, () => {
    it('blocks every seed command as written', () => {
      expect(notBlocked(capability, seeds.map((s) => ({ label: 'as written', command: s })))).toEqual([]);
    });

    it.each(REWRITES.map((r) => [r.name, r] as [string, Rewrite]))('rewritten: %s', (_name, r) => {
      expect(notBlocked(capability, seeds.map((s) => ({ label: r.name, command: rewrite(plain(s), r).text })))).toEqual([]);
    });

    it.each(JOINS.map((j) => [j.name, j] as const))('with a harmless statement added: %s', (_name, join) => {
      const variants = seeds.flatMap((s) => HARMLESS.map((h) => ({ label: `${join.name} (${h})`, command: join.apply(h, s) })));
      expect(notBlocked(capability, variants)).toEqual([]);
    });

    it('stays blocked under random chains of rewrites and additions', async () => {
      await checked(`metamorphic chains ${capability}`, 150, () =>
        fc.assert(
          fc.property(fc.constantFrom(...seeds), chain, (seed, steps) => {
            const command = steps.reduce((c, s) => s(c), plain(seed)).text;
            expect({ command, ...decide(capability, command) }).toMatchObject({ command, kind: 'deny' });
          }),
          params(150),
        ),
      );
    }, 60_000);
  });
}
