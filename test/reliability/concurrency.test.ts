/**
 * Claude Code runs the hooks of a parallel batch at the same time. Fifty hook processes at once
 * must lose no decision line, corrupt none, and leave every session fact file whole; hooks
 * killed mid-write must not damage lines that were already written.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerFile } from '../../src/state/ledger.js';
import { REPO_ROOT } from '../helpers/gate.js';
import { decisionLogPath } from '../../src/state/decision-log.js';
import { addSubagent, governedCall } from './support/kit.js';
import { hookEnv } from './support/hook-env.js';
import { hookProcess, pooled } from './support/spawn.js';
import { blocks, protocolProblems } from './support/protocol.js';
import { corruptJsonFiles, jsonLines } from './support/state-files.js';
import { report } from './support/budget.js';

const WRITERS = 50;

/** Each writer is its own subagent of one session, so its lines can be counted apart. */
function call(h: ReturnType<typeof hookEnv>, i: number): string {
  const agentId = `a0writer${String(i).padStart(4, '0')}`;
  addSubagent(h, agentId);
  return JSON.stringify(governedCall(h, 'Write', { file_path: `${h.worktree}/train/f${i}.py`, content: `print(${i})\n` }, { tool_use_id: `toolu_c${i}`, agent_id: agentId }));
}


describe('concurrent hook processes', () => {
  it(`${WRITERS} at once lose no decision line and corrupt no state file`, async () => {
    const reference = hookEnv();
    await hookProcess('PreToolUse', call(reference, 0), reference.env);
    const perCall = jsonLines(decisionLogPath(reference.stateDir)).length;
    expect(perCall).toBeGreaterThan(0);

    const h = hookEnv();
    const stdins = Array.from({ length: WRITERS }, (_, i) => call(h, i));
    const answers = await Promise.all(stdins.map((stdin) => hookProcess('PreToolUse', stdin, h.env, 150_000)));
    expect(answers.flatMap((a) => protocolProblems('PreToolUse', a))).toEqual([]);
    const lines = jsonLines(decisionLogPath(h.stateDir)) as { agentId?: string; unparsable?: string }[];
    const perWriter = Array.from({ length: WRITERS }, (_, i) => lines.filter((l) => l.agentId === `a0writer${String(i).padStart(4, '0')}`).length);
    report(`concurrent writers (${WRITERS}): decision lines lost`, WRITERS * perCall, WRITERS * perCall - lines.length);
    expect(lines.filter((l) => l.unparsable !== undefined)).toEqual([]);
    const odd = perWriter.flatMap((n, i) => (n === perCall ? [] : lines.filter((l) => l.agentId === `a0writer${String(i).padStart(4, '0')}`)));
    expect(odd).toEqual([]);
    expect(corruptJsonFiles(h.stateDir)).toEqual([]);
  }, 180_000);

  it('hooks killed mid-run leave every earlier line whole and every line parsable', async () => {
    const h = hookEnv();
    const earlier = Array.from({ length: 200 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(i % 50) })).join('\n') + '\n';
    writeFileSync(decisionLogPath(h.stateDir), earlier);
    const kills = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 20 + ((i * 37) % 400) : undefined));
    const stdin = call(h, 1);
    const answers = await pooled(kills, 10, (killAfter) => hookProcess('PreToolUse', stdin, h.env, killAfter ?? 120_000));
    const finished = answers.filter((a) => a.signal === null);
    expect(finished.flatMap((a) => protocolProblems('PreToolUse', a))).toEqual([]);
    expect(finished.length).toBeGreaterThan(0);
    const lines = jsonLines(decisionLogPath(h.stateDir));
    expect(lines.slice(0, 200)).toEqual(earlier.trim().split('\n').map((l) => JSON.parse(l)));
    expect(lines.filter((l) => (l as { unparsable?: string }).unparsable !== undefined)).toEqual([]);
    expect(corruptJsonFiles(h.stateDir)).toEqual([]);
  }, 180_000);
});

describe('a stop confirmation and two racing stop commands (real processes)', () => {
  it.each([1, 2])('round %i: exactly one of two concurrent `modal app stop` calls passes', async () => {
    const h = hookEnv();
    const prompt = JSON.stringify({ session_id: 'sess-rel-0001', transcript_path: h.transcript, cwd: h.worktree, hook_event_name: 'UserPromptSubmit', prompt: 'Fine — yes, stop it.' });
    const armed = await hookProcess('UserPromptSubmit', prompt, h.env);
    expect(protocolProblems('UserPromptSubmit', armed)).toEqual([]);
    const stop = (i: number) => JSON.stringify(governedCall(h, 'Bash', { command: 'modal app stop ap-123' }, { tool_use_id: `toolu_stop${i}` }));
    const answers = await Promise.all([0, 1].map((i) => hookProcess('PreToolUse', stop(i), h.env)));
    expect(answers.flatMap((a) => protocolProblems('PreToolUse', a))).toEqual([]);
    expect(answers.filter((a) => blocks(a))).toHaveLength(1);
    const third = await hookProcess('PreToolUse', stop(2), h.env);
    expect(blocks(third)).toBe(true);
  }, 60_000);
});

describe('parallel Modal launches (real processes)', () => {
  const LAUNCHES = 25;
  const ESTIMATE = 'Estimate: $1.00 (= 1 × 1h × $1.00/hr/gpu)';

  function launch(h: ReturnType<typeof hookEnv>, i: number, event = 'PreToolUse'): string {
    const call = governedCall(h, 'Bash', { command: 'modal run train_good.py', description: ESTIMATE }, { tool_use_id: `toolu_launch${i}`, hook_event_name: event });
    return JSON.stringify(event === 'PreToolUse' ? call : { ...call, tool_response: { stdout: 'ok', stderr: '' } });
  }

  /** One parallel batch of launches, shared by the two tests below (it is the slow part). */
  let batch: Promise<{ h: ReturnType<typeof hookEnv>; answers: Awaited<ReturnType<typeof hookProcess>>[] }> | undefined;
  const parallelLaunches = () => (batch ??= launchBatch());

  async function launchBatch() {
    const h = hookEnv();
    cpSync(join(REPO_ROOT, 'test/fixtures/modal/train_good.py'), join(h.worktree, 'train_good.py'));
    const list = { ...governedCall(h, 'Bash', { command: 'modal app list', description: 'list apps' }), hook_event_name: 'PostToolUse', tool_response: { stdout: '', stderr: '' } };
    await hookProcess('PostToolUse', JSON.stringify(list), h.env);
    const answers = await Promise.all(Array.from({ length: LAUNCHES }, (_, i) => hookProcess('PreToolUse', launch(h, i), h.env, 150_000)));
    return { h, answers };
  }

  it(`${LAUNCHES} $1 launches at once never clear more than the $20 daily cap without asking`, async () => {
    const { answers } = await parallelLaunches();
    expect(answers.flatMap((a) => protocolProblems('PreToolUse', a))).toEqual([]);
    const cleared = answers.filter((a) => !blocks(a) && !(a.stdout.includes('"permissionDecision":"ask"'))).length;
    expect(cleared).toBeLessThanOrEqual(20);
  }, 240_000);

  it('the ledger gets one whole line for every launch that ran', async () => {
    const { h, answers } = await parallelLaunches();
    // A denied launch never runs (under load some wait too long for the cap lock and are denied);
    // every other one runs, the user saying yes to those that ask.
    const ran = answers.flatMap((a, i) => (blocks(a) ? [] : [i]));
    expect(ran.length).toBeGreaterThan(0);
    const settled = await Promise.all(ran.map((i) => hookProcess('PostToolUse', launch(h, i, 'PostToolUse'), h.env, 150_000)));
    expect(settled.flatMap((a) => protocolProblems('PostToolUse', a))).toEqual([]);
    const lines = jsonLines(ledgerFile(h.stateDir)) as { toolUseId?: string; unparsable?: string }[];
    report(`concurrent ledger writers (${ran.length}): lines lost`, ran.length, ran.length - lines.length);
    expect(lines.filter((l) => l.unparsable !== undefined)).toEqual([]);
    expect(lines.map((l) => l.toolUseId).sort()).toEqual(ran.map((i) => `toolu_launch${i}`).sort());
    expect(corruptJsonFiles(h.stateDir)).toEqual([]);
  }, 240_000);
});
