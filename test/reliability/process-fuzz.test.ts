/**
 * Fuzzed stdin through the real hook process (the bytes Claude Code would pipe in, damaged at
 * the byte level too): exit 0 with valid protocol JSON or nothing, or exit 2 with a reason —
 * never 1, never a signal, never past the deadline; governed calls that are not understood block.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { installTestPolicy } from '../helpers/policy.js';
import { kitPolicy, workspace } from './support/kit.js';
import { eventArg, payload } from './support/payloads.js';
import { damage } from './support/bytes.js';
import { blocks, protocolProblems } from './support/protocol.js';
import { hookProcess, pooled } from './support/spawn.js';
import { FUZZ_SEED, report, runs } from './support/budget.js';
import { mustBlock } from './support/must-block.js';

/** The hook's own deadline is 8 s, plus slack for process start-up on a loaded 2-core machine. */
const PROCESS_BUDGET_MS = 12_000;

function decoded(stdin: Buffer): unknown {
  try {
    return JSON.parse(stdin.toString('utf8'));
  } catch {
    return undefined;
  }
}

describe('fuzzed hook payloads, as real processes', () => {
  it('every process answers by the protocol within its deadline', async () => {
    const ws = workspace();
    installTestPolicy(ws.stateDir, kitPolicy());
    const cases = fc.sample(fc.tuple(eventArg, payload(ws), damage), { seed: FUZZ_SEED, numRuns: runs(30) });
    const failures: unknown[] = [];
    await pooled(cases, 2, async ([event, raw, hurt]) => {
      const stdin = hurt.apply(JSON.stringify(raw));
      const answer = await hookProcess(event, stdin, { KEI_STATE_DIR: ws.stateDir });
      const problems = protocolProblems(event, answer);
      if (answer.ms > PROCESS_BUDGET_MS) problems.push(`took ${Math.round(answer.ms)} ms`);
      const parsed = decoded(stdin);
      const why = parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) ? 'not one JSON object' : mustBlock(event, parsed as Record<string, unknown>);
      if (why !== undefined && !blocks(answer)) problems.push(`passed although ${why}`);
      if (problems.length > 0) failures.push({ event, damage: hurt.name, stdin: stdin.subarray(0, 300).toString('utf8'), problems, stderr: answer.stderr.slice(0, 300) });
    });
    report('payloads through the process', cases.length, failures.length);
    expect(failures).toEqual([]);
  }, 180_000);
});
