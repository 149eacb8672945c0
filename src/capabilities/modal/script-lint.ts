import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { launchesOf } from '../../hook/parts/modal-scan.js';
import { editedScriptFindings, launchFindings } from '../../hook/parts/modal-checks.js';

const PASS: GateOutcome = { kind: 'pass' };

function orPass(outcomes: GateOutcome[]): GateOutcome[] {
  return outcomes.length > 0 ? outcomes : [PASS];
}

function atLaunch(ctx: GateContext): GateOutcome[] {
  const command = typeof ctx.toolInput.command === 'string' ? ctx.toolInput.command : '';
  const scan = launchesOf(ctx.shell(), command, ctx.input.cwd);
  // Only launched scripts are linted: a call without a launch never loads the Modal checks.
  return scan.launches.length === 0 ? [PASS] : orPass(launchFindings(scan, ctx.input.cwd));
}

function afterEdit(ctx: GateContext): GateOutcome[] {
  const path = ctx.toolInput.file_path;
  // Only Python files are linted: any other edit never loads the Modal checks.
  return typeof path === 'string' && path.endsWith('.py') ? orPass(editedScriptFindings(path, ctx.input.cwd)) : [PASS];
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
