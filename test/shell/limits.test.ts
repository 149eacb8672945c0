import { beforeAll, describe, expect, it } from 'vitest';
import { analyseShell } from '../../src/shell/index.js';

/**
 * How much slower this machine allocates than a normal one: 100,000 small objects take about
 * 5 ms on an idle laptop. Loaded CI machines can be many times slower; the budget scales with it
 * so the test still tells linear from exponential (capped at 50 times).
 */
function machineFactor(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const start = performance.now();
    const keep: unknown[] = [];
    for (let i = 0; i < 100_000; i += 1) keep.push({ i, parts: [i], text: 'x' + i });
    best = Math.min(best, performance.now() - start);
  }
  return Math.min(50, Math.max(1, best / 5));
}

let budget = 100;
beforeAll(() => {
  const factor = machineFactor();
  budget = 100 * factor;
  console.log(`allocation speed factor ${factor.toFixed(1)}: budget ${budget.toFixed(0)} ms`);
});

/** Inputs built to be slow or deep. Each must come back quickly, and a limit means unknown. */
const pathological: [string, string, RegExp | undefined][] = [
  ['1 MB of text', 'a'.repeat(1_048_576), /longer than/],
  ['10,000 nested $(', '$('.repeat(10_000) + 'x' + ')'.repeat(10_000), /nesting deeper than 64/],
  ['10,000 unclosed $(', 'echo ' + '$('.repeat(10_000), /nesting deeper than 64/],
  ['10,000 nested "$(', 'echo ' + '"$('.repeat(10_000), /nesting deeper than 64/],
  ['10,000 nested backticks', '`'.repeat(10_001), undefined],
  ['10,000 nested (', '('.repeat(10_000) + 'ls' + ')'.repeat(10_000), undefined],
  ['10,000 nested ( (', '( '.repeat(10_000) + 'ls' + ' )'.repeat(10_000), /nesting deeper/],
  ['10,000 nested {', '{ '.repeat(10_000) + 'ls; ' + '}; '.repeat(10_000), /nesting deeper/],
  ['10,000 nested ${x:-', 'echo ' + '${x:-'.repeat(10_000), /nesting deeper/],
  ['10,000 nested $((', 'echo ' + '$(('.repeat(10_000), /nesting deeper/],
  ['10,000 nested if', 'if true; then '.repeat(10_000), /nesting deeper/],
  ['100 KB of [', 'echo ' + '['.repeat(100_000), undefined],
  ['100 KB of {a,', 'echo ' + '{a,'.repeat(33_000), undefined],
  ['100 KB of backslashes', 'echo ' + '\\\\'.repeat(50_000), undefined],
  ['100 KB of quotes', 'echo ' + "''".repeat(50_000), undefined],
  ['30,000 words', 'echo ' + 'a '.repeat(30_000), /more than 20000 words/],
  ['30 wrappers deep', 'sudo '.repeat(30) + 'git push', /more than 24 nested wrappers/],
  ['bash -c 12 deep', Array.from({ length: 12 }).reduce<string>((acc) => `bash -c ${JSON.stringify(acc)}`, 'git push'), undefined],
  ['function calling itself', 'f() { f; f; }; f', undefined],
  ['functions fanning out', Array.from({ length: 20 }, (_, i) => `f${i}() { f${i + 1} a; f${i + 1} b; }`).join('; ') + '; f0', undefined],
  ['5,000 heredocs', 'cat <<EOF\n'.repeat(5000) + 'EOF\n'.repeat(5000), undefined],
];

describe('bounded analysis', () => {
  it.each(pathological)('%s is answered in well under 100 ms', { timeout: 120_000 }, (_label, command, problem) => {
    let elapsed = Infinity;
    let result = analyseShell(command);
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      result = analyseShell(command);
      elapsed = Math.min(elapsed, performance.now() - start);
    }
    expect(elapsed).toBeLessThan(budget);
    if (problem) {
      expect(result.status).toBe('unknown');
      expect(result.problems.join('\n')).toMatch(problem);
    }
  });
});
