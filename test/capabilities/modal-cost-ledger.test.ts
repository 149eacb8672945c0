import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerFile, readLedgerDay } from '../../src/state/ledger.js';
import { releaseLaunch, RESERVATION_TTL_MS } from '../../src/modal/reservations.js';
import { call, kinds, minutesAfterNoon, modalSession, SESSION, AGENT } from '../modal/support/modal-gate.js';
import { runGate, testAgent } from '../helpers/gate.js';

const COST = 'modal::cost-line';
const LAUNCH = 'modal run train_good.py';
const SIX = 'Estimate: $6.00 (= 1 × 1h × $6.00/hr/gpu)';
const FOURTEEN = 'Estimate: $14.00 (= 1 × 1h × $14.00/hr/gpu)';
/** sweep.py takes two H100s per container. */
const SWEEP_FIFTEEN = 'Estimate: $15.00 (= 2 × 1h × $7.50/hr/gpu)';
const SWEEP_FOURTEEN = 'Estimate: $14.00 (= 2 × 1h × $7.00/hr/gpu)';

describe('modal::cost-line — billing happens when the launch has run', () => {
  it('PostToolUse writes one ledger line and reports the day', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_1' });
    expect(existsSync(ledgerFile(s.state))).toBe(false);
    const [note] = call(COST, s, LAUNCH, { event: 'PostToolUse', toolUseId: 'toolu_1', now: minutesAfterNoon(2) });
    expect(note).toMatchObject({ kind: 'warn', message: 'recorded' });
    expect(note!.reason).toBe('Launch recorded in the spend ledger at $6.00 (WARN); today\'s Modal spend is $6.00 of the $20.00 daily cap, headroom $14.00.');
    const [line] = readFileSync(ledgerFile(s.state), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toEqual({
      time: minutesAfterNoon(0).toISOString(), settledAt: minutesAfterNoon(2).toISOString(), session: SESSION, agent: 'kei-modal-runner',
      agentId: AGENT, toolUseId: 'toolu_1', command: LAUNCH, estimate: 6, tier: 'warn', outcome: 'ran',
    });
  });

  it('a launch that failed while running is billed as failed', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_1' });
    call(COST, s, LAUNCH, { event: 'PostToolUseFailure', toolUseId: 'toolu_1' });
    expect(readLedgerDay(s.state, minutesAfterNoon(1)).launches.map((r) => r.outcome)).toEqual(['failed']);
  });

});

describe('modal::cost-line — a launch that never runs', () => {
  it('while it might still run it holds its place under the cap, until released or stale', () => {
    const s = modalSession();
    expect(kinds(call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_1' }))).toEqual(['warn tier-warn']);
    const other = 'modal run sweep.py::single';
    expect(kinds(call(COST, s, other, { description: SWEEP_FIFTEEN, toolUseId: 'toolu_2', now: minutesAfterNoon(1) }))).toEqual(['ask cap-ask']);
    expect(releaseLaunch(s.state, 'toolu_1')).toBe(true);
    const afterTtl = new Date(minutesAfterNoon(2).getTime() + RESERVATION_TTL_MS + 60_000);
    expect(kinds(call(COST, s, other, { description: SWEEP_FOURTEEN, toolUseId: 'toolu_3', now: afterTtl }))).toEqual(['warn tier-warn']);
    expect(readLedgerDay(s.state, afterTtl).launches).toEqual([]);
  });

});

describe('modal::cost-line — retries and twins', () => {
  it('a retry of the same launch by the same agent replaces the try that was denied', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: FOURTEEN, toolUseId: 'toolu_1' });
    expect(kinds(call(COST, s, LAUNCH, { description: FOURTEEN, toolUseId: 'toolu_2', now: minutesAfterNoon(1) }))).toEqual(['warn tier-warn']);
    call(COST, s, LAUNCH, { event: 'PostToolUse', toolUseId: 'toolu_2', now: minutesAfterNoon(2) });
    expect(readLedgerDay(s.state, minutesAfterNoon(3)).spent).toBe(14);
  });

  it('twin launches in one parallel batch both count', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: FOURTEEN, toolUseId: 'toolu_1' });
    expect(kinds(call(COST, s, LAUNCH, { description: FOURTEEN, toolUseId: 'toolu_2', now: new Date(minutesAfterNoon(0).getTime() + 1000) }))).toEqual(['ask cap-ask']);
  });

  it('a launch the modal checklist denies is not reserved at all', () => {
    const s = modalSession();
    const agent = testAgent({ capabilities: ['modal::cost-line', 'modal::prelaunch', 'modal::script-lint'] });
    const out = runGate({ capability: COST, toolInput: { command: LAUNCH, description: FOURTEEN }, stateDir: s.state, cwd: s.root, agent, now: minutesAfterNoon(0) });
    expect(kinds(out)).toEqual(['warn tier-warn']);
    expect(existsSync(join(s.state, 'ledger-pending'))).toBe(false);
    runGate({ capability: 'modal::prelaunch', event: 'PostToolUse', toolInput: { command: 'modal app list' }, stateDir: s.state, cwd: s.root, agent, now: minutesAfterNoon(1) });
    runGate({ capability: COST, toolInput: { command: LAUNCH, description: FOURTEEN }, stateDir: s.state, cwd: s.root, agent, now: minutesAfterNoon(2) });
    expect(readdirSync(join(s.state, 'ledger-pending'))).toEqual(['toolu_test.json']);
  });
});

describe('modal::cost-line — nothing reserved without a cleared launch', () => {
  it('a denied launch reserves nothing', () => {
    const s = modalSession();
    expect(kinds(call(COST, s, LAUNCH, { description: 'no estimate here', toolUseId: 'toolu_1' }))).toEqual(['deny no-estimate']);
    expect(existsSync(join(s.state, 'ledger-pending'))).toBe(false);
    expect(kinds(call(COST, s, LAUNCH, { event: 'PostToolUse', toolUseId: 'toolu_1' }))).toEqual([]);
  });

  it('commands that launch nothing pass and reserve nothing', () => {
    const s = modalSession();
    for (const command of ['modal app list', 'modal volume ls ckpt', 'python -m pytest -q', 'cat train_good.py', 'modal run train_good.py --help']) {
      expect(kinds(call(COST, s, command))).toEqual([]);
    }
    expect(existsSync(join(s.state, 'ledger-pending'))).toBe(false);
  });
});

describe('modal::cost-line — ledger faults', () => {
  it('an unreadable ledger denies a launch that needs the cap check', () => {
    const s = modalSession();
    mkdirSync(ledgerFile(s.state));
    const [out] = call(COST, s, LAUNCH, { description: 'Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)' });
    expect(out).toMatchObject({ kind: 'deny', message: 'ledger-unreadable', data: { file: ledgerFile(s.state), cap: '20.00' } });
    expect(out!.reason).toMatch(/^Cannot read the Modal spend ledger \(cannot read .*EISDIR.*\), so today's spend under the \$20.00 daily cap is unknown/);
  });

  it('over $20 with an unreadable ledger still goes to the user, saying the spend is unknown', () => {
    const s = modalSession();
    mkdirSync(ledgerFile(s.state));
    const [out] = call(COST, s, LAUNCH, { description: 'Estimate: $36.00 (= 8 × 1h × $4.50/hr/gpu)' });
    expect(out).toMatchObject({ kind: 'ask', message: 'tier-ask', data: { spent: 'unknown (the ledger cannot be read)' } });
  });

  it('a corrupt line is reported and skipped, and the decision still stands', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_1' });
    call(COST, s, LAUNCH, { event: 'PostToolUse', toolUseId: 'toolu_1' });
    appendFileSync(ledgerFile(s.state), '{"estimate": 100, "time": \n');
    const out = call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_2' });
    expect(kinds(out)).toEqual(['warn ledger-corrupt', 'warn tier-warn']);
    expect(out[0]!.reason).toMatch(/^Skipped 1 unreadable line\(s\) of .*ledger\.jsonl \(byte offsets \d+ \(not JSON\)\); today's spend may be understated/);
    expect(out[1]!.data).toMatchObject({ total: '12.00' });
  });
});

describe('modal::cost-line — commands it cannot read', () => {
  it.each([['modal run $SCRIPT'], ['$MODAL run train_good.py'], ['python $LAUNCHER']])('%s is denied', (command) => {
    const [out] = call(COST, modalSession(), command, { description: SIX });
    expect(out).toMatchObject({ kind: 'deny', message: 'unanalysable' });
    expect(out!.reason).toMatch(/^Cannot tell whether this command launches Modal work: .*not a literal/);
  });

  it('pending reservations stay in their own folder', () => {
    const s = modalSession();
    call(COST, s, LAUNCH, { description: SIX, toolUseId: 'toolu_x' });
    expect(readdirSync(join(s.state, 'ledger-pending'))).toEqual(['toolu_x.json']);
  });
});
