import { appendFileSync, mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/ledger.js';
import { appendLaunch, ledgerFile, type LaunchRecord } from '../../src/state/ledger.js';
import { reserveLaunch } from '../../src/modal/reservations.js';
import { tempDir } from '../helpers/gate.js';

let state: string;
let out: string;
let err: string;

beforeEach(() => {
  state = tempDir();
  out = err = '';
  vi.stubEnv('KEI_STATE_DIR', state);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A launch `order` milliseconds ago (close to now, so it is today even just after midnight). */
function launched(order: number, estimate: number, command: string): LaunchRecord {
  const time = new Date(Date.now() - order).toISOString();
  return { time, settledAt: time, session: 's', agent: 'kei-modal-runner', agentId: 'a583d82909ac9f161', toolUseId: `t${order}`, command, estimate, tier: estimate < 5 ? 'auto' : 'warn', outcome: 'ran' };
}

describe('kei ledger', () => {
  it("prints today's launches, the sum and the headroom", async () => {
    appendLaunch(state, launched(2, 3.3, 'modal run train.py::main'));
    appendLaunch(state, launched(1, 6, 'modal run --detach sweep.py::single'));
    expect(await run([])).toBe(0);
    expect(out).toMatch(/^Modal launches on \d{4}-\d\d-\d\d \(local day\), from .*ledger\.jsonl:\n/);
    expect(out).toMatch(/\$ {2}3\.30 {2}AUTO {2}ran {6}kei-modal-runner a583d829 {2}modal run train\.py::main\n/);
    expect(out).toContain('Spent today: $9.30 of the $20.00 daily cap; headroom $10.70.\n');
  });

  it('--json gives the same numbers to machines, with launches still waiting to run', async () => {
    appendLaunch(state, launched(1, 6, 'modal run a.py'));
    reserveLaunch(state, 'toolu_w', { ...launched(0, 4, 'modal run b.py'), toolUseId: 'toolu_w' });
    expect(await run(['--json'])).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ cap: 20, spent: 6, waiting: 4, headroom: 10, corrupt: [] });
    expect(json.launches.map((r: LaunchRecord) => r.command)).toEqual(['modal run a.py']);
    expect(json.pending.map((r: LaunchRecord) => r.command)).toEqual(['modal run b.py']);
  });

});

describe('kei ledger — empty, corrupt and unreadable', () => {
  it('says so when there is nothing today', async () => {
    expect(await run([])).toBe(0);
    expect(out).toContain('  none yet\nSpent today: $0.00 of the $20.00 daily cap; headroom $20.00.');
  });

  it('reports corrupt lines on stderr and still answers', async () => {
    appendLaunch(state, launched(1, 2, 'modal run a.py'));
    appendFileSync(ledgerFile(state), 'garbage\n');
    expect(await run([])).toBe(0);
    expect(err).toMatch(/kei ledger: skipped a corrupt line at byte \d+ of .*ledger\.jsonl \(not JSON\)/);
    expect(out).toContain('Spent today: $2.00');
  });

  it('fails on an unreadable ledger and on bad arguments', async () => {
    expect(await run(['--yesterday'])).toBe(2);
    expect(err).toContain('kei ledger: unknown option --yesterday');
    mkdirSync(ledgerFile(state));
    expect(await run([])).toBe(1);
    expect(err).toMatch(/kei ledger: cannot read .*EISDIR/);
  });
});
