import type { ExecutedCommand, ShellAnalysis } from '../types.js';
import { killTargets, type Targets } from './kill-args.js';

/** A command that would stop running work, and what it targets. */
export interface StopFinding {
  command: ExecutedCommand;
  /** Short description: 'kill -9', 'modal app stop', 'pkill -f modal'. */
  what: string;
  /** Static PIDs (or job specs) it signals. */
  pids: string[];
  /** Process-name patterns (pkill/killall), with whether they match the full command line. */
  patterns: { text: string; full: boolean }[];
}

type Rule = (command: ExecutedCommand, args: (string | undefined)[]) => StopFinding | undefined;

function found(command: ExecutedCommand, what: string, targets: Targets = { pids: [], patterns: [] }): StopFinding {
  return { command, what, pids: targets.pids, patterns: targets.patterns };
}

/** `modal app stop|kill`, `modal container stop|kill`, after any global options. */
const modal: Rule = (command, args) => {
  const i = args.findIndex((arg) => arg === 'app' || arg === 'container');
  const verb = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && (verb === 'stop' || verb === 'kill' || (verb === undefined && args.length > i + 1))) return found(command, `modal ${args[i]} ${verb ?? '(not static)'}`);
  const sub = args.find((arg) => arg === undefined || !arg.startsWith('-'));
  if (i < 0 && args.length > 0 && sub === undefined) return found(command, 'modal (subcommand not static)');
  return undefined;
};

function subcommandIn(verbs: string[], label?: string): Rule {
  return (command, args) => {
    const verb = args.find((arg) => arg === undefined || verbs.includes(arg));
    if (verb === undefined && args.some((arg) => arg === undefined)) return found(command, `${label ?? command.name} (arguments not static)`);
    return verb ? found(command, `${label ?? command.name} ${verb}`) : undefined;
  };
}

const docker: Rule = (command, args) => {
  const verb = args.find((arg) => arg !== undefined && !arg.startsWith('-') && !['container', 'compose'].includes(arg));
  if (['kill', 'stop', 'restart', 'pause', 'down'].includes(verb ?? '')) return found(command, `${command.name} ${verb}`);
  if (verb === 'rm' && args.some((arg) => arg === '-f' || arg === '--force')) return found(command, `${command.name} rm --force`);
  return undefined;
};

const tmux: Rule = (command, args) => {
  const kill = args.find((arg) => arg?.startsWith('kill-'));
  if (kill) return found(command, `tmux ${kill}`);
  const interrupts = args.includes('send-keys') && args.some((arg) => arg === 'C-c' || arg === 'C-\\' || arg === '^C');
  return interrupts ? found(command, 'tmux send-keys C-c') : undefined;
};

const screen: Rule = (command, args) => (args.includes('-X') && args.some((arg) => arg === 'quit' || arg === 'kill') ? found(command, 'screen -X quit') : undefined);
const fuser: Rule = (command, args) => (args.some((arg) => arg !== undefined && /^-[a-zA-Z]*k/.test(arg)) ? found(command, 'fuser -k') : undefined);
const always: Rule = (command) => found(command, command.name);
const init: Rule = (command, args) => (args[0] === '0' || args[0] === '6' ? found(command, `${command.name} ${args[0]}`) : undefined);
const signals: Rule = (command) => {
  const targets = killTargets(command);
  return targets ? found(command, describe(command), targets) : undefined;
};

function describe(command: ExecutedCommand): string {
  const flags = command.args.filter((arg) => arg !== undefined && arg.startsWith('-')).slice(0, 2);
  return [command.name, ...flags].join(' ');
}

const RULES: Record<string, Rule> = {
  kill: signals, pkill: signals, killall: signals, skill: signals, slay: always, killall5: always,
  fuser, tmux, screen, modal, docker, podman: docker, nerdctl: docker,
  systemctl: subcommandIn(['stop', 'kill', 'restart', 'try-restart', 'reload-or-restart', 'isolate', 'poweroff', 'reboot', 'halt']),
  service: subcommandIn(['stop', 'restart', 'force-reload']),
  kubectl: subcommandIn(['delete', 'drain']),
  pm2: subcommandIn(['stop', 'kill', 'delete', 'restart']),
  supervisorctl: subcommandIn(['stop', 'restart']),
  scancel: always, qdel: always, bkill: always, shutdown: always, reboot: always, halt: always, poweroff: always, init, telinit: init,
};

/** Every command in the analysis that stops running work, plus interpreter code that sends signals. */
export function stopFindings(analysis: ShellAnalysis): StopFinding[] {
  const out: StopFinding[] = [];
  for (const command of analysis.commands) {
    const name = command.name.toLowerCase();
    const rule = Object.hasOwn(RULES, name) ? RULES[name] : undefined;
    const finding = rule?.(command, command.args);
    if (finding) out.push(finding);
  }
  for (const effect of analysis.effects) {
    if (effect.kind !== 'kill') continue;
    const pid = /process (\S+)$/.exec(effect.detail)?.[1];
    out.push({ command: effect.command, what: `${effect.language} ${effect.api}`, pids: pid ? [pid] : [], patterns: [] });
  }
  return out;
}
