import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { launchesOf } from '../../modal/launch.js';
import { editedScriptFindings, launchFindings } from '../../modal/lint-outcomes.js';

const PASS: GateOutcome = { kind: 'pass' };

function orPass(outcomes: GateOutcome[]): GateOutcome[] {
  return outcomes.length > 0 ? outcomes : [PASS];
}

function atLaunch(ctx: GateContext): GateOutcome[] {
  const command = typeof ctx.toolInput.command === 'string' ? ctx.toolInput.command : '';
  return orPass(launchFindings(launchesOf(ctx.shell(), command, ctx.input.cwd), ctx.input.cwd));
}

function afterEdit(ctx: GateContext): GateOutcome[] {
  const path = ctx.toolInput.file_path;
  return typeof path === 'string' ? orPass(editedScriptFindings(path, ctx.input.cwd)) : [PASS];
}

const capability: CapabilityModule = {
  name: 'modal::script-lint',
  gate(ctx) {
    if (ctx.event === 'PreToolUse' && ctx.toolName === 'Bash') return atLaunch(ctx);
    if (ctx.event === 'PostToolUse' && ctx.toolName !== 'Bash') return afterEdit(ctx);
    return PASS;
  },
};
export default capability;
