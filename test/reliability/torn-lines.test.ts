/**
 * A line torn by a writer that was killed mid-write (or hit a full disk) must not swallow the
 * next record: the log and the ledger are read line by line, and a record glued onto garbage
 * is a record lost (for the ledger: a launch missing from today's spend).
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendJsonLine } from '../../src/state/files.js';
import { appendDecisions, decisionLogPath, type DecisionRecord } from '../../src/state/decision-log.js';
import { appendLaunch, ledgerFile, readLedgerDay, type LaunchRecord } from '../../src/state/ledger.js';
import { tempDir } from '../helpers/gate.js';

const TORN = '{"time":"2026-01-01T00:00:00.000Z","session":"s","decis';

function lastLine(file: string): unknown {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  return JSON.parse(lines[lines.length - 1]!);
}

const record: DecisionRecord = { time: new Date().toISOString(), session: 's2', agentId: 'a', agentType: 'kei-modal-runner', event: 'PreToolUse', tool: 'Bash', capability: 'policy::no-git-ops', decision: 'deny', reason: 'r', micros: 1 };

describe('appending after a torn line', () => {
  it('keeps a JSON line whole (appendJsonLine)', () => {
    const file = join(tempDir(), 'x.jsonl');
    appendFileSync(file, TORN);
    appendJsonLine(file, { n: 1 });
    expect(lastLine(file)).toEqual({ n: 1 });
    expect(readFileSync(file, 'utf8').startsWith(TORN + '\n')).toBe(true);
  });

  it('keeps a decision record whole (appendDecisions)', () => {
    const state = tempDir();
    appendFileSync(decisionLogPath(state), TORN);
    appendDecisions(state, [record]);
    expect(lastLine(decisionLogPath(state))).toEqual(record);
  });

  it("counts a launch written after a torn ledger line in today's spend", () => {
    const state = tempDir();
    const now = new Date();
    appendFileSync(ledgerFile(state), TORN);
    const launch: LaunchRecord = { time: now.toISOString(), settledAt: now.toISOString(), session: 's', agent: 'kei-modal-runner', agentId: 'a', toolUseId: 't', command: 'modal run train.py', estimate: 4.4, tier: 'auto', outcome: 'ran' };
    appendLaunch(state, launch);
    const day = readLedgerDay(state, now);
    expect(day.spent).toBe(4.4);
    expect(day.corrupt).toHaveLength(1);
  });

  it('adds nothing to a file that ends in a newline', () => {
    const file = join(tempDir(), 'y.jsonl');
    appendJsonLine(file, { n: 1 });
    appendJsonLine(file, { n: 2 });
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });
});
