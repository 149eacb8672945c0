import type { ExecutedCommand } from '../types.js';

export interface Targets {
  pids: string[];
  patterns: { text: string; full: boolean }[];
}

const KILL_VALUE = new Set(['-s', '-n', '--signal']);
const SIGNAL_OPTIONS = new Set(['-s', '-n', '--signal']);
const PKILL_VALUE = new Set(['-s', '--signal', '-o', '-y', '-Z', '-n', '-g', '--pgroup', '-G', '--group', '-P', '--parent', '-t', '--terminal', '-u', '--euid', '-U', '--uid', '--ns', '--nslist', '-F', '--pidfile']);

/** What kill/pkill/killall/skill would signal; undefined when it sends no signal (`kill -0`, `kill -l`). */
export function killTargets(command: ExecutedCommand): Targets | undefined {
  const args = command.args;
  const name = command.name.toLowerCase();
  const valueOptions = name === 'kill' ? KILL_VALUE : PKILL_VALUE;
  const operands: (string | undefined)[] = [];
  let signal: string | undefined = 'TERM';
  let full = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === undefined || !arg.startsWith('-') || arg === '-' || /^-[0-9]+$/.test(arg) && name === 'kill' && i > 0) {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (name !== 'pkill' && /^-(l|L|-list|-table)$/.test(arg)) return undefined;
    if (valueOptions.has(arg)) {
      if (SIGNAL_OPTIONS.has(arg) && (name === 'kill' || arg !== '-n')) signal = args[i + 1];
      i += 1;
    } else if (arg.startsWith('--signal=')) signal = arg.slice(9);
    else if (/^-[fx]+$/.test(arg) && name !== 'kill') full = full || arg.includes('f');
    else if (/^-[A-Za-z0-9+]+$/.test(arg) && (name === 'kill' || /^-[0-9]+$|^-[A-Z]/.test(arg))) signal = arg.slice(1);
  }
  if (signal === '0' || signal === 'SIG0') return undefined;
  return name === 'kill'
    ? { pids: operands.map((op) => op ?? '?'), patterns: [] }
    : { pids: [], patterns: operands.map((op) => ({ text: op ?? '?', full })) };
}
