// The process scenarios, each a command line plus stdin, all sharing one environment.
import { join } from 'node:path';

function hook(distDir, fx, id, label, payload, target, extraEnv = {}) {
  return {
    id, label, target,
    command: process.execPath,
    args: [join(distDir, 'kei.cjs'), 'hook', 'PreToolUse'],
    stdin: JSON.stringify(payload),
    env: { ...fx.env, ...extraEnv },
    cwd: fx.worktree,
  };
}

export function variantsFor(distDir, fx, peer) {
  const list = [
    { id: 'floor', label: '`node -e 0` (floor)', target: null, command: process.execPath, args: ['-e', '0'], stdin: JSON.stringify(fx.payloads.mainBash), env: fx.env, cwd: fx.worktree },
    hook(distDir, fx, 'main-bash', 'not ours: main thread, Bash 200 B', fx.payloads.mainBash, 1.05),
    hook(distDir, fx, 'other-write', 'not ours: unknown subagent, Write 150-line .rs', fx.payloads.otherWrite, 1.05),
    hook(distDir, fx, 'gov-bash', 'kei-modal-runner: Bash 200 B, task bound + cached', fx.payloads.governedBash, 1.15),
    hook(distDir, fx, 'gov-write', `kei-modal-runner: Write ${fx.rustLines}-line .rs (function lengths)`, fx.payloads.governedWrite, 1.2),
    // The same calls decided in the hook process itself: what a call pays without a server.
    hook(distDir, fx, 'inproc-bash', 'in process (hook server off): Bash 200 B', fx.payloads.governedBash, null, { KEI_HOOK_SERVER: 'off' }),
    hook(distDir, fx, 'inproc-write', `in process (hook server off): Write ${fx.rustLines}-line .rs`, fx.payloads.governedWrite, null, { KEI_HOOK_SERVER: 'off' }),
    hook(distDir, fx, 'inproc-bash-nocache', 'in process, V8 code cache off: Bash 200 B', fx.payloads.governedBash, null, { KEI_HOOK_SERVER: 'off', KEI_CODE_CACHE: 'off' }),
  ];
  if (peer.script) {
    list.push({
      id: 'peer', label: `cc-safety-net ${peer.version} --claude-code, same Bash 200 B`, target: null,
      command: process.execPath, args: [peer.script, '--claude-code'], stdin: JSON.stringify(fx.payloads.mainBash), env: fx.env, cwd: fx.worktree,
    });
  }
  return list;
}

/** What the process answered, in a few words (so a deny is never mistaken for a pass). */
export function describeAnswer(run) {
  if (run.status !== 0) return `exit ${run.status ?? run.signal}${run.stderr ? `: ${run.stderr.trim().split('\n')[0].slice(0, 80)}` : ''}`;
  if (!run.stdout.trim()) return 'exit 0, silent (pass)';
  try {
    const out = JSON.parse(run.stdout);
    const decision = out.hookSpecificOutput?.permissionDecision ?? out.decision;
    return decision ? `exit 0, ${decision}` : 'exit 0, context only';
  } catch {
    return 'exit 0, non-JSON stdout';
  }
}
