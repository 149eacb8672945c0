import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import type { LaunchScan } from '../../modal/launch.js';
import type { FactScope } from '../../modal/launch-facts.js';
import { launchesOf } from '../../hook/parts/modal-scan.js';
import { clearLaunch, costOutcomes, factScope, launchFindings, launchRan, prelaunchOutcomes, releaseLaunch } from '../../hook/parts/modal-checks.js';
import { withLock } from '../../state/lock.js';
import { join } from 'node:path';

const PASS: GateOutcome = { kind: 'pass' };

function command(ctx: GateContext): string {
  return typeof ctx.toolInput.command === 'string' ? ctx.toolInput.command : '';
}

/** The agent's other Modal checks deny this call too: it will not run, so it must not hold a place under the cap. */
function checklistDenies(ctx: GateContext, scan: LaunchScan, scope: FactScope, now: Date): boolean {
  const has = (name: string) => ctx.agent.capabilities.includes(name);
  const denies = (outcomes: { kind: string }[]) => outcomes.some((o) => o.kind === 'deny');
  if (has('modal::prelaunch') && denies(prelaunchOutcomes(scan, scope, ctx.input.cwd, now))) return true;
  return has('modal::script-lint') && denies(launchFindings(scan, ctx.input.cwd));
}

/** PreToolUse: a launch needs a cost line that adds up, and a tier/cap decision; a cleared launch is reserved. */
function beforeLaunch(ctx: GateContext): GateOutcome[] {
  const now = ctx.now();
  const scan = launchesOf(ctx.shell(), command(ctx), ctx.input.cwd);
  if (scan.launches.length === 0 && scan.doubts.length === 0) return [PASS];
  const scope = factScope(ctx.input, ctx.stateDir);
  // Reading today's spend and reserving a place under the cap is one step for parallel launches.
  return withLock(join(ctx.stateDir, 'ledger.lock'), () => {
    const { outcomes, estimate } = costOutcomes({ input: ctx.input, stateDir: ctx.stateDir, now, scan, scope });
    const cleared = estimate !== undefined && !outcomes.some((o) => o.kind === 'deny');
    if (cleared && !checklistDenies(ctx, scan, scope, now)) clearLaunch(ctx.stateDir, ctx.input, estimate, now);
    return outcomes.length > 0 ? outcomes : [PASS];
  });
}

const capability: CapabilityModule = {
  name: 'modal::cost-line',
  decided(input, stateDir, decision) {
    // A launch another gate denied will never run: it must not hold a place under the cap.
    if (decision === 'deny' && input.tool_use_id) releaseLaunch(stateDir, input.tool_use_id);
  },
  gate(ctx) {
    if (ctx.toolName !== 'Bash') return PASS;
    if (ctx.event === 'PreToolUse') return beforeLaunch(ctx);
    if (ctx.event === 'PostToolUse' || ctx.event === 'PostToolUseFailure') {
      const notes = launchRan(ctx.stateDir, ctx.input, factScope(ctx.input, ctx.stateDir), ctx.now());
      return notes.length > 0 ? notes : PASS;
    }
    return PASS;
  },
};
export default capability;
