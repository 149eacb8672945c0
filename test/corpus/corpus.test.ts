import { afterAll, describe, expect, it } from 'vitest';
import { decisionOf, runGate, testAgent } from '../helpers/gate.js';
import { CAPABILITY, FIXTURES, loadCorpus, type CorpusEntry } from './corpus.js';

const corpus = loadCorpus();
const readOnlyAgent = testAgent({ name: 'kei-critic', role: 'read-only', tools: ['Read', 'Grep', 'Glob', 'Bash'], bashReadOnly: true, reportName: 'KEI-CRITIC' });
const tally = { block: { right: 0, all: 0 }, allow: { right: 0, all: 0 } };

function decide(entry: CorpusEntry): 'block' | 'allow' {
  const outcomes = runGate({
    capability: CAPABILITY[entry.policy],
    toolInput: { command: entry.command },
    cwd: FIXTURES,
    ...(entry.policy === 'bash-read-only' ? { agent: readOnlyAgent } : {}),
  });
  return decisionOf(outcomes).kind === 'deny' ? 'block' : 'allow';
}

describe('corpus of labelled commands', () => {
  it('holds at least 400 commands, both directions for every policy', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const policy of ['no-git-ops', 'kill-guard', 'bash-read-only'] as const) {
      for (const want of ['block', 'allow'] as const) {
        expect(corpus.filter((e) => e.policy === policy && e.expect === want).length).toBeGreaterThan(20);
      }
    }
    expect(new Set(corpus.map((e) => `${e.policy}\0${e.command}`)).size).toBe(corpus.length);
  });

  it.each(corpus.map((entry) => [`${entry.policy} ${entry.expect}: ${entry.reason}`, entry] as const))('%s', (_title, entry) => {
    const got = decide(entry);
    tally[entry.expect].all += 1;
    if (got === entry.expect) tally[entry.expect].right += 1;
    expect({ command: entry.command, decision: got }).toEqual({ command: entry.command, decision: entry.expect });
  });

  afterAll(() => {
    const rate = (t: { right: number; all: number }) => `${t.right}/${t.all} (${((100 * t.right) / Math.max(t.all, 1)).toFixed(1)}%)`;
    console.log(`corpus: block cases blocked ${rate(tally.block)}; allow cases allowed ${rate(tally.allow)}`);
  });
});
