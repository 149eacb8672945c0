/**
 * Metamorphic tests of the shell analysis through the two gates that read it: a blocked command
 * stays blocked under every rewriting bash treats the same (quotes, escapes, wrappers, subshells,
 * substitutions, continuations, env, paths, re-parsed strings), under random chains of them, and
 * when harmless statements are added around it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REWRITES, HARMLESS, JOINS, type Rewrite } from './support/rewrites.js';
import { BLOCKED, decide } from './support/gates.js';
import { checked, params } from './support/budget.js';

function stillBlocked(capability: string, variants: { label: string; command: string }[]) {
  return variants.map((v) => ({ ...v, ...decide(capability, v.command) })).filter((r) => r.kind !== 'deny');
}

for (const [capability, seeds] of Object.entries(BLOCKED)) {
  describe(`${capability}: blocked commands stay blocked`, () => {
    it('blocks every seed command as written', () => {
      expect(stillBlocked(capability, seeds.map((s) => ({ label: 'as written', command: s })))).toEqual([]);
    });

    it.each(REWRITES.map((r) => [r.name, r] as [string, Rewrite]))('rewritten: %s', (_name, rewrite) => {
      expect(stillBlocked(capability, seeds.map((s) => ({ label: rewrite.name, command: rewrite.apply(s) })))).toEqual([]);
    });

    it.each(JOINS.map((j) => [j.name, j] as const))('with a harmless statement added: %s', (_name, join) => {
      const variants = seeds.flatMap((s) => HARMLESS.map((h) => ({ label: `${join.name} (${h})`, command: join.apply(h, s) })));
      expect(stillBlocked(capability, variants)).toEqual([]);
    });

    it('stays blocked under random chains of rewrites and additions', async () => {
      const rewrite = fc.constantFrom(...REWRITES);
      const addition = fc.tuple(fc.constantFrom(...JOINS), fc.constantFrom(...HARMLESS));
      const step = fc.oneof(rewrite.map((r) => (c: string, simple: boolean) => (r.simpleOnly && !simple ? c : r.apply(c))), addition.map(([j, h]) => (c: string) => j.apply(h, c)));
      await checked(`metamorphic chains ${capability}`, 150, () =>
        fc.assert(
          fc.property(fc.constantFrom(...seeds), fc.array(step, { minLength: 2, maxLength: 3 }), (seed, steps) => {
            // Only the first step sees a simple command; later head-only rewrites would change a wrapper instead.
            const command = steps.reduce((text, s, i) => s(text, i === 0), seed);
            expect({ command, ...decide(capability, command) }).toMatchObject({ command, kind: 'deny' });
          }),
          params(150),
        ),
      );
    }, 60_000);
  });
}
