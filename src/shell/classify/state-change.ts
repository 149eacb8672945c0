import type { ExecutedCommand, ShellAnalysis } from '../types.js';
import { stopFindings } from './stops.js';
import { PACKAGE_VERBS, READ_ONLY_VERBS } from './state-tables.js';


/** A command that changes state other than by writing a named file. */
export interface StateChange {
  command: ExecutedCommand;
  what: string;
}

/** The first non-option argument after `skip` leading ones (the subcommand). */
function verbAt(command: ExecutedCommand, skip = 0): string | undefined {
  return command.args.slice(skip).find((arg) => arg === undefined || !arg.startsWith('-')) ?? undefined;
}

const GIT_GLOBAL_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);

function gitVerb(command: ExecutedCommand): string | undefined {
  const args = command.args;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === undefined) return undefined;
    if (GIT_GLOBAL_VALUE.has(arg)) i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return '';
}

/** Tools whose subcommands nest (`docker container stop`, `modal app stop`): look at two words. */
const TWO_LEVEL = new Set(['docker', 'podman', 'kubectl', 'modal', 'helm', 'terraform', 'tofu', 'uv', 'conda', 'mamba', 'micromamba', 'go', 'rustup']);

/** Tools whose verbs are options (`pacman -S`, `crontab -r`). */
const OPTION_VERBS = new Set(['pacman', 'nix-env', 'crontab']);

function leadingWords(command: ExecutedCommand, count: number): (string | undefined)[] {
  return command.args.filter((arg) => arg === undefined || !arg.startsWith('-')).slice(0, count);
}

function packageChange(command: ExecutedCommand, name: string): StateChange | undefined {
  const verbs = Object.hasOwn(PACKAGE_VERBS, name) ? PACKAGE_VERBS[name] : undefined;
  if (!verbs) return undefined;
  if (OPTION_VERBS.has(name)) {
    const hit = command.args.find((arg) => arg === undefined || verbs.has(arg));
    return hit !== undefined || command.args.includes(undefined) ? { command, what: `${name} ${hit ?? '(not static)'}` } : undefined;
  }
  const words = leadingWords(command, TWO_LEVEL.has(name) ? 2 : 1);
  if (words.some((word) => word === undefined)) return { command, what: `${name} with a subcommand that is not static` };
  const hit = words.find((word) => verbs.has(word!));
  return hit !== undefined ? { command, what: `${name} ${words.join(' ')}` } : undefined;
}

function readOnlyOnly(command: ExecutedCommand, name: string): StateChange | undefined {
  const verbs = Object.hasOwn(READ_ONLY_VERBS, name) ? READ_ONLY_VERBS[name] : undefined;
  if (!verbs) return undefined;
  const verb = name === 'git' ? gitVerb(command) : name === 'gh' ? ghVerb(command) : verbAt(command);
  if (verb === '' && name !== 'git') return undefined;
  if (verb !== undefined && verbs.has(verb)) return undefined;
  return { command, what: `${name} ${verb ?? '(subcommand not static)'}` };
}

/** gh's verb is the second word (`gh pr view`); `gh api` reads only without a method or fields. */
function ghVerb(command: ExecutedCommand): string | undefined {
  const [group, verb] = command.args;
  if (group === 'api') {
    const writes = command.args.some((arg) => arg === undefined || /^(-X|--method|-f|-F|--field|--raw-field|--input)/.test(arg) && !/^(-X|--method)=?GET$/i.test(arg));
    return writes ? 'api (with a method or fields)' : 'view';
  }
  return group === 'auth' && verb === 'status' ? 'view' : verb;
}

/** Commands of the analysis that change state: installs, git, services, containers, stopping work. */
export function stateChanges(analysis: ShellAnalysis): StateChange[] {
  const out: StateChange[] = [];
  for (const command of analysis.commands) {
    const name = command.name.toLowerCase();
    const change = packageChange(command, name) ?? readOnlyOnly(command, name);
    if (change) out.push(change);
  }
  for (const stop of stopFindings(analysis)) out.push({ command: stop.command, what: stop.what });
  return out;
}
