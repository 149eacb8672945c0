/**
 * Claude Code runs the hooks of a parallel batch at the same time. Fifty hook processes at once
 * must lose no decision line, corrupt none, and leave every session fact file whole; hooks
 * killed mid-write must not damage lines that were already written.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
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

/** Under fifty parallel starts on two cores a hook can take seconds; this test is about writes, not time. */
const SLOW_OK = { KEI_HOOK_DEADLINE_MS: '120000' };

describe('concurrent hook processes', () => {
  it(`${WRITERS} at once lose no decision line and corrupt no state file`, async () => {
    const reference = hookEnv();
    await hookProcess('PreToolUse', call(reference, 0), { ...reference.env, ...SLOW_OK });
    const perCall = jsonLines(decisionLogPath(reference.stateDir)).length;
    expect(perCall).toBeGreaterThan(0);

    const h = hookEnv();
    const stdins = Array.from({ length: WRITERS }, (_, i) => call(h, i));
    const answers = await Promise.all(stdins.map((stdin) => hookProcess('PreToolUse', stdin, { ...h.env, ...SLOW_OK }, 150_000)));
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
    const kills = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 20 + ((i * 37) % 400) : undefined));
    const stdin = call(h, 1);
    const answers = await pooled(kills, 10, (killAfter) => hookProcess('PreToolUse', stdin, { ...h.env, ...SLOW_OK }, killAfter ?? 120_000));
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
  it.each([1, 2, 3])('round %i: exactly one of two concurrent `modal app stop` calls passes', async () => {
    const h = hookEnv();
    const prompt = JSON.stringify({ session_id: 'sess-rel-0001', transcript_path: h.transcript, cwd: h.worktree, hook_event_name: 'UserPromptSubmit', prompt: 'Fine — yes, stop it.' });
    const armed = await hookProcess('UserPromptSubmit', prompt, h.env);
    expect(protocolProblems('UserPromptSubmit', armed)).toEqual([]);
    const stop = (i: number) => JSON.stringify(governedCall(h, 'Bash', { command: 'modal app stop ap-123' }, { tool_use_id: `toolu_stop${i}` }));
    const answers = await Promise.all([0, 1].map((i) => hookProcess('PreToolUse', stop(i), { ...h.env, ...SLOW_OK })));
    expect(answers.flatMap((a) => protocolProblems('PreToolUse', a))).toEqual([]);
    expect(answers.filter((a) => blocks(a))).toHaveLength(1);
    const third = await hookProcess('PreToolUse', stop(2), h.env);
    expect(blocks(third)).toBe(true);
  }, 60_000);
});
