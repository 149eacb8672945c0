/**
 * Fuzzed hook stdin through the runtime in process (fast, many inputs): every answer follows
 * Claude Code's protocol, nothing throws or hangs, and a governed call we cannot understand is
 * never let through.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { kitPolicy, workspace } from './support/kit.js';
import { mustBlock } from './support/must-block.js';
import { eventArg, payload } from './support/payloads.js';
import { asRaw, blocks, protocolProblems } from './support/protocol.js';
import { checked, params } from './support/budget.js';

/** Per call in process; the hook's own deadline (8 s) includes process start-up. */
const CALL_BUDGET_MS = 2000;

describe('fuzzed hook payloads, in process', () => {
  it('answer by the protocol, in time, and never pass what they cannot understand', async () => {
    const ws = workspace();
    const options = { stateDir: ws.stateDir, policy: kitPolicy(), modules: CAPABILITY_MODULES };
    await checked('payloads in process', 300, () =>
      fc.assert(
        fc.asyncProperty(eventArg, payload(ws), async (event, raw) => {
          const started = performance.now();
          const answer = await runHook(event, raw, options);
          const elapsed = performance.now() - started;
          expect(protocolProblems(event, asRaw(answer))).toEqual([]);
          expect(elapsed).toBeLessThan(CALL_BUDGET_MS);
          const why = mustBlock(event, raw);
          if (why !== undefined) expect({ why, blocked: blocks(asRaw(answer)) }).toEqual({ why, blocked: true });
        }),
        params(300),
      ),
    );
  }, 120_000);
});
