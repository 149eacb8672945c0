import { describe, expect, it } from 'vitest';
import { runVerifies } from '../../src/verify/runner.js';
import type { CapabilityModule, VerifyContext } from '../../src/capabilities/types.js';
import { testAgent } from '../helpers/gate.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function modules(): Map<string, CapabilityModule> {
  return new Map<string, CapabilityModule>([
    ['a::slow', { name: 'a::slow', verify: async () => { await sleep(150); return { status: 'pass', summary: 'slow ok', evidence: [] }; } }],
    ['b::gate-only', { name: 'b::gate-only', gate: () => ({ kind: 'pass' }) }],
    ['c::throws', { name: 'c::throws', verify: async () => { throw new Error('disk on fire'); } }],
    ['d::slow-too', { name: 'd::slow-too', verify: async (ctx: VerifyContext) => { await sleep(150); return { status: 'skipped', summary: `skipped for ${ctx.capability.name}`, evidence: [] }; } }],
  ]);
}

describe('runVerifies', () => {
  it('runs the verifies at once, reports them in the agent\'s order, and turns a throw into a failure', async () => {
    const agent = testAgent({ capabilities: ['d::slow-too', 'b::gate-only', 'c::throws', 'a::slow'] });
    const started = performance.now();
    const results = await runVerifies({ worktree: '/nonexistent', base: 'main', agent, task: undefined, report: undefined, modules: modules() });
    expect(performance.now() - started).toBeLessThan(290);
    expect(results.map(({ capability, status, summary }) => [capability, status, summary])).toEqual([
      ['d::slow-too', 'skipped', 'skipped for d::slow-too'],
      ['c::throws', 'fail', 'could not run: disk on fire'],
      ['a::slow', 'pass', 'slow ok'],
    ]);
    expect(results.every((r) => r.ms >= 0)).toBe(true);
  });
});
