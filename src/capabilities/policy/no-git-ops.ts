import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gitFindings } from '../../hook/parts/bash.js';
import type { ExecutedCommand, ShellAnalysis } from '../../shell/types.js';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { unanalysable } from './support/bash-unanalysable.js';

/**
 * policy::no-git-ops — the orchestrator owns git. Denies every executed git (any path, any
 * wrapper, git-* helpers), GitHub repository operations, and edits of `.git` behind git's back.
 * Mentions (grep "git push", echo 'git push', a quoted heredoc) are not invocations.
 */
function gate(ctx: GateContext): GateOutcome[] {
  if (ctx.toolName !== 'Bash') return [{ kind: 'pass' }];
  const analysis = ctx.shell();
  if (analysis.status === 'unknown') return [unanalysable(analysis)];
  const outcomes: GateOutcome[] = gitFindings(analysis).map((finding) => ({
    kind: 'deny',
    message: finding.kind,
    data: { command: finding.command.text, what: finding.what },
  }));
  outcomes.push(...linkedGit(analysis, ctx.input.cwd), ...hiddenExec(analysis));
  return outcomes.length > 0 ? outcomes : [{ kind: 'pass' }];
}

/** `/tmp/x push` where /tmp/x is a symlink to git: the name on disk decides. */
function linkedGit(analysis: ShellAnalysis, cwd: string): GateOutcome[] {
  return analysis.commands.filter((command) => resolvesToGit(command, cwd)).map((command) => ({
    kind: 'deny',
    message: 'git',
    data: { command: command.text, what: `${command.argv[0]!.value} is a link to git` },
  }));
}

function resolvesToGit(command: ExecutedCommand, cwd: string): boolean {
  const program = command.argv[0]?.value;
  if (!program?.includes('/') || command.cwd === undefined) return false;
  try {
    const real = basename(realpathSync(resolve(cwd, command.cwd, program)));
    return real !== command.name && (real === 'git' || real.startsWith('git-'));
  } catch {
    return false;
  }
}

function hiddenExec(analysis: ShellAnalysis): GateOutcome[] {
  return analysis.effects.filter((effect) => effect.kind === 'dynamic-exec').map((effect) => ({
    kind: 'deny',
    message: 'hidden-exec',
    data: { command: effect.command.text, language: effect.language, detail: effect.detail },
  }));
}

const capability: CapabilityModule = { name: 'policy::no-git-ops', gate };
export default capability;
