/**
 * The clock going backwards between arming a stop confirmation and using it: the 15 minutes can
 * no longer be measured, so the stop is denied (a small NTP step is tolerated). Forward time
 * still expires it. Through the runtime, with the session's prompt as the user typed it.
 */
import { describe, expect, it } from 'vitest';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { governedCall, kitPolicy, workspace } from './support/kit.js';
import { asRaw, blocks } from './support/protocol.js';

const T = new Date('2026-03-01T12:00:00.000Z').getTime();
const MIN = 60_000;

async function stopAfterConfirmation(offsetMs: number) {
  const ws = workspace();
  const at = (ms: number) => ({ stateDir: ws.stateDir, policy: kitPolicy(), modules: CAPABILITY_MODULES, now: () => new Date(ms) });
  const prompt = { session_id: 'sess-rel-0001', transcript_path: ws.transcript, cwd: ws.worktree, hook_event_name: 'UserPromptSubmit', prompt: 'yes, stop it' };
  await runHook('UserPromptSubmit', prompt, at(T));
  const answer = await runHook('PreToolUse', governedCall(ws, 'Bash', { command: 'modal app stop ap-123' }), at(T + offsetMs));
  return asRaw(answer);
}

describe('stop confirmations and the clock', () => {
  it.each([
    ['one minute later', false, MIN],
    ['the clock stepped back 30 s (NTP)', false, -30_000],
    ['16 minutes later (expired)', true, 16 * MIN],
    ['the clock went back 2 hours', true, -120 * MIN],
    ['the clock went back a day', true, -24 * 60 * MIN],
  ])('%s: blocked = %s', async (_label, blocked, offset) => {
    expect(blocks(await stopAfterConfirmation(offset))).toBe(blocked);
  });
});
