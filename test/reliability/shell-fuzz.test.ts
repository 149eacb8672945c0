/**
 * Random shell text into the analysis: programs generated from a bash grammar, and the same
 * programs (and the labelled corpus) mutated at random. The analysis never throws, never takes
 * longer than 100 ms, gives the same answer twice, and an answer of 'unknown' is a deny in both
 * Bash gates. Programs with a blocked command planted in an executed position are blocked.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseShell } from '../../src/shell/index.js';
import { shellGrammar, mutated } from './support/shell-grammar.js';
import { KILL_GUARD, NO_GIT, decide } from './support/gates.js';
import { planted } from './support/planted.js';
import { corpusCommands } from './support/corpus.js';
import { checked, params } from './support/budget.js';

const LIMIT_MS = 100;

function analysed(command: string) {
  const started = performance.now();
  const analysis = analyseShell(command, { cwd: '/tmp' });
  return { analysis, ms: performance.now() - started };
}

/** The summary two runs on the same text must agree on. */
function fingerprint(command: string): string {
  const { analysis } = analysed(command);
  return JSON.stringify([analysis.status, analysis.commands.map((c) => [c.name, c.args, c.origin]), analysis.writes.map((w) => [w.path, w.via])]);
}

function checkAnalysis(command: string): void {
  const { analysis, ms } = analysed(command);
  expect(['ok', 'unknown']).toContain(analysis.status);
  expect(ms).toBeLessThan(LIMIT_MS);
  expect(fingerprint(command)).toBe(fingerprint(command));
  if (analysis.status === 'unknown') {
    for (const capability of [NO_GIT, KILL_GUARD]) expect({ command, capability, kind: decide(capability, command).kind }).toEqual({ command, capability, kind: 'deny' });
  }
}

const everything = shellGrammar(['ls', 'echo', 'git', 'modal', 'kill', 'cat', 'bash', 'sh', 'eval', 'env', 'xargs', 'sudo', 'python3']);

describe('shell analysis under random text', () => {
  it('handles generated programs: no throw, in time, stable, unknown means deny', async () => {
    await checked('shell grammar programs', 250, () => fc.assert(fc.property(everything.program, checkAnalysis), params(250)));
  }, 120_000);

  it('handles mutated programs the same way', async () => {
    await checked('mutated shell programs', 250, () => fc.assert(fc.property(mutated(everything.program), checkAnalysis), params(250)));
  }, 120_000);

  it('handles the mutated corpus the same way', async () => {
    const corpus = corpusCommands();
    expect(corpus.length).toBeGreaterThan(0);
    await checked('mutated corpus', 250, () => fc.assert(fc.property(mutated(fc.constantFrom(...corpus)), checkAnalysis), params(250)));
  }, 120_000);

  it('blocks a blocked command planted anywhere it runs inside a random program', async () => {
    await checked('planted blocked commands', 200, () =>
      fc.assert(
        fc.property(planted(), (p) => {
          expect({ command: p.command, kind: decide(p.capability, p.command).kind }).toEqual({ command: p.command, kind: 'deny' });
        }),
        params(200),
      ),
    );
  }, 120_000);
});
