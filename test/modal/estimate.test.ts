import { describe, expect, it } from 'vitest';
import { arithmeticHolds, findEstimates, latestEstimate } from '../../src/modal/estimate.js';
import { bashComments } from '../../src/modal/bash-comments.js';

function parsed(text: string) {
  const r = latestEstimate(text);
  if (r?.kind !== 'estimate') throw new Error(`not an estimate: ${JSON.stringify(r)}`);
  return r.estimate;
}

const CASES_1 = [
  ['seed form, × and /hr/gpu', 'Estimate: $9.00 (= 2 × 1h × $4.50/hr/gpu)', 9, 2, 1, 4.5],
  ['x as times, hr', 'Estimate: $2.25 (= 1 x 0.5 hr x $4.50/hr)', 2.25, 1, 0.5, 4.5],
  ['* as times, hours', 'Estimate: $36.00 (= 8 * 1 hours * $4.50/hr/gpu)', 36, 8, 1, 4.5],
  ['rate written 4.50 $/hr', 'Estimate: $1.10 (= 1 × 1h × 1.10 $/hr)', 1.1, 1, 1, 1.1],
  ['GPU name after the count', 'Estimate: $13.50 (= 3 H100 × 1h × $4.50/hr/gpu)', 13.5, 3, 1, 4.5],
  ['variants multiply into the count', 'Estimate: $27.00 (= 3 variants × 2 GPUs × 1h × $4.50/hr/gpu)', 27, 6, 1, 4.5],
  ['minutes', 'Estimate: $3.38 (= 1 × 45 min × $4.50/hr)', 3.38, 1, 0.75, 4.5],
  ['no space, h glued', 'Estimate: $3.30 (=1×0.75h×$4.40/hr)', 3.3, 1, 0.75, 4.4],
  ['markdown bold label', '**Estimate:** $8.00 (= 1 × 1h × $8.00/hr/gpu)', 8, 1, 1, 8],
  ['lower case label, /gpu/hr', 'estimate: $1,350.00 (= 100 × 3h × $4.50/gpu/hr)', 1350, 100, 3, 4.5],
  ['≈ before the amount', 'Estimate: ~$4.50 (≈ 1 × 1 h × $4.50/hr)', 4.5, 1, 1, 4.5],
  ['GPU-hour unit', 'Estimate: $2.20 (= 2 × 1h × $1.10/GPU-hr)', 2.2, 2, 1, 1.1],
] as const;

describe('cost line forms', () => {
  it.each(CASES_1)('%s', (_name, text, stated, gpus, hours, rate) => {
    const e = parsed(text);
    expect([e.stated, e.gpus, e.hours, e.rate]).toEqual([stated, gpus, hours, rate]);
    expect(arithmeticHolds(e)).toBe(true);
  });
});

const CASES_2 = [
  ['exact', 'Estimate: $9.00 (= 2 × 1h × $4.50/hr)', true],
  ['one cent off', 'Estimate: $9.01 (= 2 × 1h × $4.50/hr)', true],
  ['two cents off, within 1%', 'Estimate: $9.08 (= 2 × 1h × $4.50/hr)', true],
  ['over a cent and over 1%', 'Estimate: $9.10 (= 2 × 1h × $4.50/hr)', false],
  ['a cent off a tiny sum is fine', 'Estimate: $0.46 (= 1 × 0.1h × $4.50/hr)', true],
  ['two cents off a tiny sum is not', 'Estimate: $0.47 (= 1 × 0.1h × $4.50/hr)', false],
  ['within 1% of a large sum', 'Estimate: $1360.00 (= 100 × 3h × $4.50/hr)', true],
  ['over 1% of a large sum', 'Estimate: $1370.00 (= 100 × 3h × $4.50/hr)', false],
  ['a third of the real cost', 'Estimate: $12.00 (= 8 × 1h × $4.50/hr)', false],
  ['forgot the GPU count', 'Estimate: $4.50 (= 8 × 1h × $4.50/hr)', false],
  ['hours as minutes slip', 'Estimate: $4.50 (= 1 × 30 min × $4.50/hr)', false],
] as const;

describe('arithmetic', () => {
  it.each(CASES_2)('%s → holds=%s', (_name, text, holds) => {
    expect(arithmeticHolds(parsed(text))).toBe(holds);
  });

  it('reports the right product for a wrong line', () => {
    const e = parsed('Estimate: $12.00 (= 8 × 1h × $4.50/hr)');
    expect(e.product).toBeCloseTo(36);
  });
});

const CASES_3 = [
  ['amount only', 'Estimate: $5.00', 'it has no breakdown in parentheses'],
  ['template copied literally', 'Estimate: $X.XX (= N_gpus × hours × $/hr/gpu)', undefined],
  ['no rate', 'Estimate: $5.00 (= 1 × 1h)', 'its breakdown needs exactly one rate in $/hr per GPU'],
  ['no duration', 'Estimate: $5.00 (= 1 × $5.00/hr)', 'its breakdown needs exactly one duration in hours (h, hr, hours)'],
  ['no count', 'Estimate: $4.50 (= 1h × $4.50/hr)', 'its breakdown needs the number of GPUs'],
  ['rate without per-hour', 'Estimate: $4.50 (= 1 × 1h × $4.50)', 'its breakdown has the rate must read like $4.50/hr or $4.50/hr/gpu'],
  ['zero hours', 'Estimate: $0.00 (= 1 × 0h × $4.50/hr)', 'its breakdown has a number that is not positive'],
] as const;

const CASES_4 = [
  'We estimate this costs about $5.',
  'Estimated cost: $3.00 (= 1 × 1h × $3.00/hr)',
  'The estimate is unknown.',
  '',
] as const;

describe('incomplete and non-estimates', () => {
  it.each(CASES_3)('%s', (_name, text, problem) => {
    const r = latestEstimate(text);
    if (problem === undefined) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r).toEqual({ kind: 'incomplete', text: expect.any(String), problem });
  });

  it.each(CASES_4)('%j is not a cost line', (text) => {
    expect(findEstimates(text)).toEqual([]);
  });

});

describe('latest estimate', () => {
  it('takes the last statement when there are several', () => {
    const e = parsed('Estimate: $4.50 (= 1 × 1h × $4.50/hr)\nrevised — Estimate: $9.00 (= 2 × 1h × $4.50/hr)');
    expect(e.stated).toBe(9);
  });

  it('finds the latest line quickly in long text', () => {
    const text = 'Estimate: $1 ('.repeat(20_000) + ' Estimate: $4.50 (= 1 × 1h × $4.50/hr)';
    const start = performance.now();
    expect(parsed(text).stated).toBe(4.5);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('gives up on prose after a bounded number of mentions', () => {
    const text = 'estimate '.repeat(100_000);
    const start = performance.now();
    expect(latestEstimate(text)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(200);
  });
});

const CASES_5 = [
  ['trailing comment', 'modal run t.py  # Estimate: $1', [' Estimate: $1']],
  ['own line', '# note\nmodal run t.py', [' note']],
  ['after ;', 'a;# c', [' c']],
  ['# in single quotes', "echo '# no' # yes", [' yes']],
  ['# in double quotes', 'echo "a # no"', []],
  ['$# and ${#x} are not comments', 'echo $# ${#x}', []],
  ['escaped hash', 'echo \\# no', []],
  ['mid-word hash', 'echo a#b', []],
] as const;

describe('bashComments', () => {
  it.each(CASES_5)('%s', (_name, command, expected) => {
    expect(bashComments(command)).toEqual(expected);
  });
});
