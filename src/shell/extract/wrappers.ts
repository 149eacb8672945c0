import { posix } from 'node:path';
import type { ExecutedCommand } from '../types.js';
import { parseOptions, type OptionSpec } from './options.js';
import { innerSource, runCommand, type CommandSource } from './run.js';
import { deeper, problem, type Scope } from './scope.js';

/** A program that runs another program given on its command line after its own options. */
export interface WrapperDef extends OptionSpec {
  /** Operands before the command (timeout's duration, chroot's new root). */
  skip?: number;
  /** Options after which no command runs (command -v, ionice -p). */
  noCommand?: string[];
  /** Options whose value is the directory the command runs in. */
  chdir?: string[];
}

export const WRAPPERS: Record<string, WrapperDef> = {
  sudo: {
    shortValue: 'ugCDpRrtTU', longValue: ['user', 'group', 'close-from', 'chdir', 'prompt', 'role', 'type', 'command-timeout', 'other-user', 'chroot', 'host'],
    noCommand: ['l', 'v', 'k', 'K', 'V', 'list', 'validate', 'version', 'help', 'remove-timestamp', 'reset-timestamp'], chdir: ['D', 'chdir'],
  },
  doas: { shortValue: 'uC' },
  nohup: {},
  nice: { shortValue: 'n', longValue: ['adjustment'], numeric: true },
  ionice: { shortValue: 'cnpPu', longValue: ['class', 'classdata', 'pid', 'pgid', 'uid'], noCommand: ['p', 'P', 'u', 'pid', 'pgid', 'uid'] },
  timeout: { shortValue: 'sk', longValue: ['signal', 'kill-after'], skip: 1 },
  time: { shortValue: 'fo', longValue: ['format', 'output'] },
  stdbuf: { shortValue: 'ioe', longValue: ['input', 'output', 'error'] },
  command: { noCommand: ['v', 'V'] },
  builtin: {},
  exec: { shortValue: 'a' },
  setsid: {},
  chroot: { longValue: ['userspec', 'groups'], skip: 1 },
  taskset: { noCommand: ['p', 'pid'], skip: 1 },
  numactl: { shortValue: 'NmCiPp', longValue: ['cpunodebind', 'membind', 'physcpubind', 'interleave', 'preferred'] },
  prlimit: { shortValue: 'p', noCommand: ['p', 'pid'] },
  unbuffer: {},
  strace: { shortValue: 'abeEIopPsSuUX', noCommand: ['p'] },
  ltrace: { shortValue: 'aeEnopsSuwx', noCommand: ['p'] },
  valgrind: {},
  'xvfb-run': { shortValue: 'nsfep', longValue: ['server-num', 'server-args', 'auth-file', 'error-file'] },
  caffeinate: { shortValue: 'tw' },
  busybox: {},
  rtk: {},
  catchsegv: {},
  'dbus-run-session': {},
  unshare: { shortValue: 'SGRw', longValue: ['setuid', 'setgid', 'root', 'wd', 'map-user', 'map-group'] },
  'systemd-run': { shortValue: 'uMpEHsS', longValue: ['unit', 'property', 'description', 'slice', 'uid', 'gid', 'nice', 'working-directory', 'setenv', 'machine', 'host'] },
  'run-one': {},
  chrt: { noCommand: ['p', 'pid'], skip: 1 },
};

/** Finds the wrapped command and runs it one step deeper. */
export function unwrap(command: ExecutedCommand, source: CommandSource, scope: Scope, def: WrapperDef): void {
  const parsed = parseOptions(command.argv, 1, def);
  if ([...parsed.seen.keys()].some((key) => def.noCommand?.includes(key))) return;
  const index = parsed.dynamic ? parsed.index : parsed.index + (def.skip ?? 0);
  if (parsed.dynamic && (def.skip ?? 0) > 0) {
    problem(scope, `${command.name} has an argument that is not static, so the command it runs cannot be found`);
    return;
  }
  const inner = command.argv.slice(index);
  if (inner.length === 0) return;
  const next = deeper(scope, 'wrapper');
  const dir = def.chdir?.map((key) => parsed.seen.get(key)).find((value) => value !== undefined);
  if (dir !== undefined) next.cwd = { value: joinDir(scope.cwd.value, dir) };
  runCommand(inner, innerSource(source), next);
}

/** The directory after moving from `base` to `dir`; undefined = unknown. */
export function joinDir(base: string | undefined, dir: string): string | undefined {
  if (dir === '' || dir.startsWith('~') || dir === '-') return undefined;
  if (dir.startsWith('/')) return posix.normalize(dir);
  return base === undefined ? undefined : posix.normalize(posix.join(base, dir));
}
