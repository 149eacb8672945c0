import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as log } from '../../src/cli/commands/log.js';
import { tailRecords } from '../../src/log/tail.js';
import type { DecisionRecord } from '../../src/state/decision-log.js';
import { tempDir } from '../helpers/gate.js';
import { capture } from '../install/capture.js';

function rec(n: number, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    time: new Date(Date.UTC(2026, 10, 25, 10, 0, n)).toISOString(),
    session: 'sess-one',
    agentId: 'a583d82909ac9f161',
    agentType: 'kei-modal-runner',
    event: 'PreToolUse',
    tool: 'Bash',
    capability: 'policy::no-git-ops',
    decision: 'deny',
    reason: `reason ${n}\nsecond line`,
    micros: 120,
    ...over,
  };
}

const LOG: DecisionRecord[] = [
  rec(1),
  rec(2, { decision: 'pass', capability: 'tools::deny-tools', reason: '' }),
  rec(3, { agentType: 'kei-substrate:kei-modal-runner', agentId: 'b111', decision: 'ask', capability: 'modal::cost-line' }),
  rec(4, { agentType: 'kei-critic', agentId: 'c222', session: 'sess-two', decision: 'warn' }),
  rec(5, { event: 'SubagentStop', tool: null, decision: 'block', capability: 'output::report-format' }),
  rec(6, { decision: 'error', capability: 'scope::files-whitelist' }),
];

function stateWith(records: DecisionRecord[]): string {
  const dir = tempDir('kei-log-');
  writeFileSync(join(dir, 'decisions.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  vi.stubEnv('KEI_STATE_DIR', dir);
  return dir;
}

async function jsonOf(args: string[]): Promise<number[]> {
  const out = await capture(() => log([...args, '--json']));
  expect(out.code).toBe(0);
  return out.stdout.trim().split('\n').filter(Boolean).map((l) => Number(/reason (\d+)/.exec((JSON.parse(l) as DecisionRecord).reason)?.[1] ?? 2));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('kei log filters', () => {
  it.each([
    [[], [1, 3, 4, 5, 6]],
    [['--all'], [1, 2, 3, 4, 5, 6]],
    [['--decision', 'pass'], [2]],
    [['--decision', 'deny,block'], [1, 5]],
    [['--agent', 'kei-modal-runner'], [1, 3, 5, 6]],
    [['--agent', 'c22'], [4]],
    [['--session', 'sess-t'], [4]],
    [['--agent', 'kei-modal-runner', '--decision', 'ask'], [3]],
    [['--limit', '2'], [5, 6]],
  ])('%j → records %j (oldest first)', async (args, expected) => {
    stateWith(LOG);
    expect(await jsonOf(args)).toEqual(expected);
  });
});

describe('kei log in a terminal', () => {
  it('prints aligned columns with the first line of each reason', async () => {
    stateWith(LOG);
    const out = await capture(() => log(['--decision', 'deny']));
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+AGENT\s+CALL\s+DECISION\s+CAPABILITY\s+REASON$/);
    expect(lines[1]).toMatch(/kei-modal-runner a583d82\s+PreToolUse Bash\s+DENY\s+policy::no-git-ops\s+reason 1$/);
    expect(lines).toHaveLength(2);
  });

  it('says when no decision was logged yet', async () => {
    vi.stubEnv('KEI_STATE_DIR', tempDir('kei-log-empty-'));
    const out = await capture(() => log([]));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('no decisions logged yet');
  });

  it.each([
    [['--decision', 'allow'], "unknown decision 'allow'"],
    [['--limit', '0'], '--limit needs a positive whole number'],
    [['--agnet', 'x'], 'unknown option --agnet'],
  ])('rejects %j', async (args, message) => {
    stateWith(LOG);
    const out = await capture(() => log(args));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
  });
});

describe('tailRecords reads only the end of a large log', () => {
  it('never reaches the head of the file when the tail answers', () => {
    const dir = tempDir('kei-tail-');
    const file = join(dir, 'decisions.jsonl');
    writeFileSync(file, 'not json at all\n'.repeat(400_000));
    appendFileSync(file, LOG.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const result = tailRecords<DecisionRecord>(file, () => true, 3);
    expect(result.records.map((r) => r.reason.slice(0, 8))).toEqual(['reason 4', 'reason 5', 'reason 6']);
    expect(result.unreadable).toBe(0);
  });

  it('stops at the scan limit and says so', () => {
    const dir = tempDir('kei-tail-');
    const file = join(dir, 'decisions.jsonl');
    writeFileSync(file, JSON.stringify(rec(1)) + '\n' + JSON.stringify(rec(2, { decision: 'pass' })).concat('\n').repeat(20_000));
    const result = tailRecords<DecisionRecord>(file, (r) => r.decision === 'deny', 1, 256 * 1024);
    expect(result).toEqual({ records: [], unreadable: 0, truncated: true });
  });

  it('joins lines split across read chunks and skips a torn line', () => {
    const dir = tempDir('kei-tail-');
    const file = join(dir, 'decisions.jsonl');
    const many = Array.from({ length: 3000 }, (_, i) => rec(i, { reason: `reason ${i} ${'x'.repeat(i % 97)}` }));
    writeFileSync(file, many.slice(0, 1500).map((r) => JSON.stringify(r)).join('\n') + '\n{"time":"torn\n' + many.slice(1500).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const result = tailRecords<DecisionRecord>(file, () => true, 10_000);
    expect(result.records).toEqual(many);
    expect(result.unreadable).toBe(1);
  });
});
