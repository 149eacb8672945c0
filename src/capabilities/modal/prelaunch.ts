import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { launchesOf } from '../../hook/parts/modal-scan.js';
import { factScope, prelaunchOutcomes, recordBash, recordFileTool } from '../../hook/parts/modal-checks.js';

const PASS: GateOutcome = { kind: 'pass' };

function command(ctx: GateContext): string {
  return typeof ctx.toolInput.command === 'string' ? ctx.toolInput.command : '';
}

function beforeLaunch(ctx: GateContext): GateOutcome[] {
  const scan = launchesOf(ctx.shell(), command(ctx), ctx.input.cwd);
  // The checklist is about launches only: a call without one never loads the Modal checks.
  if (scan.launches.length === 0) return [PASS];
  const outcomes = prelaunchOutcomes(scan, factScope(ctx.input, ctx.stateDir), ctx.input.cwd, ctx.now());
  return outcomes.length > 0 ? outcomes : [PASS];
}

/** After a tool ran: remember what the checklist needs (app list, reads, edits, single-variant runs). */
function afterTool(ctx: GateContext): GateOutcome {
  // Of the file tools only Python files count: any other Read or Edit never loads the Modal checks.
  const path = ctx.toolInput.file_path;
  if (ctx.toolName !== 'Bash' && !(typeof path === 'string' && path.endsWith('.py'))) return PASS;
  const scope = factScope(ctx.input, ctx.stateDir);
  if (ctx.toolName === 'Bash') recordBash(ctx.shell(), command(ctx), ctx.input.cwd, scope, ctx.now());
  else recordFileTool(ctx.input, scope, ctx.now());
  return PASS;
}

const capability: CapabilityModule = {
  name: 'modal::prelaunch',
  gate(ctx) {
    if (ctx.event === 'PreToolUse') return ctx.toolName === 'Bash' ? beforeLaunch(ctx) : PASS;
    if (ctx.event === 'PostToolUse') return afterTool(ctx);
    return PASS;
  },
};
export default capability;
