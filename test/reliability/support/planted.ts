/** A blocked command, respelled by one rewrite, joined to a random program that does not mention it. */
import fc from 'fast-check';
import { shellGrammar } from './shell-grammar.js';
import { JOINS, REWRITES, plain, rewrite, type Rewrite } from './rewrites.js';
import { BLOCKED } from './gates.js';

export interface Planted {
  capability: string;
  seed: string;
  rewrite: Rewrite;
  join: (typeof JOINS)[number];
  filler: string;
  command: string;
}

export function planted(seeds: Record<string, string[]> = BLOCKED): fc.Arbitrary<Planted> {
  return fc
    .tuple(
      fc.constantFrom(...Object.entries(seeds).flatMap(([capability, list]) => list.map((seed) => [capability, seed] as const))),
      fc.constantFrom(...REWRITES),
      fc.constantFrom(...JOINS),
      shellGrammar().program,
    )
    // The program in braces: `a && b | command` would make the command depend on `a`.
    .map(([[capability, seed], r, join, filler]) => ({ capability, seed, rewrite: r, join, filler, command: join.apply(`{ ${filler}\n}`, rewrite(plain(seed), r).text) }));
}
