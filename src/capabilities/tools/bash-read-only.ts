import { stateChanges } from '../../hook/parts/bash.js';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { unanalysable } from '../policy/support/bash-unanalysable.js';

/**
 * tools::bash-read-only — for roles whose Bash only reads: no file writes (redirections, tee,
 * sed -i, cp/mv/rm …, interpreter writes, downloads) and no state changes (installs, git,
 * services, containers, stopping work).
 */
function gate(ctx: GateContext): GateOutcome[] {
  if (ctx.toolName !== 'Bash') return [{ kind: 'pass' }];
  const analysis = ctx.shell();
  if (analysis.status === 'unknown') return [unanalysable(analysis)];
  const outcomes: GateOutcome[] = [];
  for (const write of analysis.writes) {
    outcomes.push({ kind: 'deny', message: 'write', data: { command: write.command.text, target: write.path ?? 'a file named only at run time', via: write.via } });
  }
  for (const change of stateChanges(analysis)) {
    outcomes.push({ kind: 'deny', message: 'state', data: { command: change.command.text, what: change.what } });
  }
  for (const effect of analysis.effects) {
    if (effect.kind !== 'dynamic-exec') continue;
    outcomes.push({ kind: 'deny', message: 'hidden-exec', data: { command: effect.command.text, language: effect.language, detail: effect.detail } });
  }
  return outcomes.length > 0 ? outcomes.slice(0, 5) : [{ kind: 'pass' }];
}

const capability: CapabilityModule = { name: 'tools::bash-read-only', gate };
export default capability;
