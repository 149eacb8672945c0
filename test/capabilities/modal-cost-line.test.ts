import { describe, expect, it } from 'vitest';
import { readLedgerDay } from '../../src/state/ledger.js';
import { call, kinds, minutesAfterNoon, modalSession, SESSION, AGENT, type ModalSession } from '../modal/support/modal-gate.js';
import { subagentTranscript, textLine, toolUseLine } from '../modal/support/transcript.js';

const COST = 'modal::cost-line';
const LAUNCH = 'modal run train_good.py';

function launch(s: ModalSession, description: string, toolUseId = 'toolu_test', now = minutesAfterNoon(0), command = LAUNCH) {
  return call(COST, s, command, { description, toolUseId, now });
}

/** A launch that passes the cost line and runs (PostToolUse). */
function launchAndRun(s: ModalSession, description: string, toolUseId: string, now = minutesAfterNoon(0)) {
  const before = launch(s, description, toolUseId, now);
  call(COST, s, LAUNCH, { event: 'PostToolUse', toolUseId, now, description });
  return before;
}

describe('modal::cost-line — where the estimate is stated', () => {
  it('a launch with no estimate is denied with the exact form, priced for the script GPU', () => {
    const [out] = launch(modalSession(), 'Train the model');
    expect(out).toMatchObject({ kind: 'deny', message: 'no-estimate', data: { launch: LAUNCH, example: 'Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)' } });
    expect(out!.reason).toContain('in exactly this form: `Estimate: $X.XX (= N_gpus × hours × $/hr/gpu)`');
    expect(out!.reason).toContain('Your messages could not be checked: cannot read');
  });

  it('accepts it from the Bash description', () => {
    expect(kinds(launch(modalSession(), 'Smoke run. Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)'))).toEqual([]);
  });

  it('accepts it from a # comment in the command', () => {
    const s = modalSession();
    expect(kinds(call(COST, s, `${LAUNCH}  # Estimate: $2.25 (= 1 x 0.5h x $4.50/hr)`))).toEqual([]);
    expect(kinds(call(COST, s, `# Estimate: $2.25 (= 1 * 0.5 hours * 4.50 $/hr)\n${LAUNCH}`))).toEqual([]);
  });

  it('a # inside a quoted string is not a comment', () => {
    expect(kinds(call(COST, modalSession(), `${LAUNCH} --note "# Estimate: $2.25 (= 1 × 0.5h × $4.50/hr)"`))).toEqual(['deny no-estimate']);
  });

});

describe("modal::cost-line — the estimate in the agent's own messages", () => {
  it("accepts it from the agent's own message before the call (real subagent transcript layout)", () => {
    const s = modalSession();
    subagentTranscript(s.projects, SESSION, AGENT, [
      textLine('msg_1', 'App list is clean. Estimate: $3.30 (= 1 × 0.75h × $4.40/hr/gpu)', AGENT),
      toolUseLine('msg_1', 'toolu_now', LAUNCH, AGENT),
    ]);
    const out = launch(s, 'Launch training', 'toolu_now');
    expect(kinds(out)).toEqual(['warn rate-low']);
    expect(out[0]!.reason).toBe(
      'The cost line prices a GPU at $4.40/hr, but H100 costs $4.50/hr in our price list: the estimate looks low. Verify the rate on https://modal.com/pricing and restate the estimate if it changed.',
    );
  });

  it('an estimate stated before the previous launch does not cover the next one', () => {
    const s = modalSession();
    subagentTranscript(s.projects, SESSION, AGENT, [
      textLine('msg_1', 'Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)', AGENT),
      toolUseLine('msg_1', 'toolu_1', LAUNCH, AGENT),
      textLine('msg_2', 'It finished. Launching again.', AGENT),
      toolUseLine('msg_2', 'toolu_2', LAUNCH, AGENT),
    ]);
    expect(kinds(launchAndRun(s, 'first', 'toolu_1'))).toEqual([]);
    expect(kinds(launch(s, 'second', 'toolu_2'))).toEqual(['deny no-estimate']);
  });
});

const CASES_1 = [
  ['Estimate: $12.00 (= 8 × 1h × $4.50/hr/gpu)', { stated: '12.00', product: '36.00', gpus: 8, hours: 1, rate: '4.50' }],
  ['Estimate: $4.50 (= 1 × 30 min × $4.50/hr)', { stated: '4.50', product: '2.25', gpus: 1, hours: 0.5, rate: '4.50' }],
  ['Estimate: $9.10 (= 2 x 1 hr x $4.50/hr)', { stated: '9.10', product: '9.00', gpus: 2, hours: 1, rate: '4.50' }],
] as const;

describe('modal::cost-line — arithmetic', () => {
  it.each(CASES_1)('%s is denied with the right product', (line, data) => {
    const [out] = launch(modalSession(), line);
    expect(out).toMatchObject({ kind: 'deny', message: 'wrong-product', data });
    expect(out!.reason).toContain(`= $${data.product}, not $${data.stated}. Restate it as \`Estimate: $${data.product} (= ...)\``);
  });

  it('an estimate without a breakdown is denied, naming what is missing', () => {
    const [out] = launch(modalSession(), 'Estimate: $5.00');
    expect(out).toMatchObject({ kind: 'deny', message: 'incomplete-estimate', data: { found: 'Estimate: $5.00', problem: 'it has no breakdown in parentheses' } });
  });

  it('fewer GPUs than one container holds is flagged', () => {
    const out = call(COST, modalSession(), 'modal run sweep.py::single', { description: 'Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)' });
    expect(out).toContainEqual(expect.objectContaining({ kind: 'warn', message: 'gpu-count-low', data: { gpus: 1, count: 2, gpu: 'H100' } }));
  });
});

const CASES_2 = [
  ['Estimate: $4.99 (= 1 × 1h × $4.99/hr/gpu)', []],
  ['Estimate: $5.00 (= 1 × 1h × $5.00/hr/gpu)', ['warn tier-warn']],
  ['Estimate: $20.00 (= 4 × 1h × $5.00/hr/gpu)', ['warn tier-warn']],
  ['Estimate: $20.01 (= 1 × 1h × $20.01/hr/gpu)', ['ask tier-ask']],
] as const;

describe('modal::cost-line — tiers at the edges', () => {
  it.each(CASES_2)('%s → %j', (line, expected) => {
    expect(kinds(launch(modalSession(), line))).toEqual(expected);
  });

  it('the warning states the spend, the cap and the headroom', () => {
    const [out] = launch(modalSession(), 'Estimate: $6.00 (= 1 × 1h × $6.00/hr/gpu)');
    expect(out!.reason).toBe(
      'Estimate $6.00 is in the $5–$20 tier: today\'s Modal spend becomes $6.00 of the $20.00 daily cap (headroom after this launch: $14.00). Verify the GPU price on https://modal.com/pricing; runs over $5 get a GO/NO-GO from kei-cost-guardian.',
    );
  });

  it('over $20 the user decides', () => {
    const [out] = launch(modalSession(), 'Estimate: $36.00 (= 8 × 1h × $4.50/hr/gpu)');
    expect(out).toMatchObject({ kind: 'ask', message: 'tier-ask', data: { estimate: '36.00', limit: '20.00', spent: '$0.00', cap: '20.00' } });
  });
});

const six = 'Estimate: $6.00 (= 1 × 1h × $6.00/hr/gpu)';

function spentEighteen(): ModalSession {
  const s = modalSession();
  for (const id of ['toolu_a', 'toolu_b', 'toolu_c']) expect(kinds(launchAndRun(s, six, id))).toEqual(['warn tier-warn']);
  expect(readLedgerDay(s.state, minutesAfterNoon(1)).spent).toBe(18);
  return s;
}

describe('modal::cost-line — the daily cap across launches', () => {


  it('is crossed by the sum of earlier launches that ran', () => {
    const [out] = launch(spentEighteen(), 'Estimate: $5.00 (= 1 × 1h × $5.00/hr/gpu)', 'toolu_d');
    expect(out).toMatchObject({ kind: 'ask', message: 'cap-ask', data: { estimate: '5.00', spent: '18.00', total: '23.00', cap: '20.00' } });
    expect(out!.reason).toBe("Estimate $5.00 on top of today's $18.00 makes $23.00, past the $20.00 daily cap: the user must OK spending past the cap.");
  });

});

describe('modal::cost-line — the daily cap, at and under it', () => {
  it('reaching the cap exactly is still within it', () => {
    expect(kinds(launch(spentEighteen(), 'Estimate: $2.00 (= 1 × 0.4h × $5.00/hr/gpu)', 'toolu_d'))).toEqual([]);
  });

  it('applies to runs under $5 too: many small runs cannot pass the cap unasked', () => {
    expect(kinds(launch(spentEighteen(), 'Estimate: $4.00 (= 1 × 0.8h × $5.00/hr/gpu)', 'toolu_d'))).toEqual(['ask cap-ask']);
  });

  it('a launch the user approved after an ask is billed once it runs', () => {
    const s = spentEighteen();
    launchAndRun(s, 'Estimate: $5.00 (= 1 × 1h × $5.00/hr/gpu)', 'toolu_d');
    expect(readLedgerDay(s.state, minutesAfterNoon(1)).spent).toBe(23);
  });

  it('counts launches cleared but not yet run', () => {
    const s = modalSession();
    expect(kinds(launch(s, 'Estimate: $15.00 (= 1 × 1h × $15.00/hr/gpu)', 'toolu_a'))).toEqual(['warn tier-warn']);
    expect(kinds(launch(s, six, 'toolu_b'))).toEqual(['ask cap-ask']);
  });

  it('yesterday does not count', () => {
    const s = modalSession();
    launchAndRun(s, 'Estimate: $18.00 (= 4 × 1h × $4.50/hr/gpu)', 'toolu_y', new Date(2026, 10, 24, 20, 0));
    expect(kinds(launch(s, six, 'toolu_t'))).toEqual(['warn tier-warn']);
  });
});
