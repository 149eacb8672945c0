/**
 * The modal CLI's own arguments: which subcommand runs (`run`/`deploy`/`serve`/`shell` start
 * paid work, `app list` is the pre-launch look), the script reference, and `--gpu`.
 */

type Words = (string | undefined)[];

export type LaunchSubcommand = 'run' | 'deploy' | 'serve' | 'shell';

export interface ScriptRefWords {
  /** As written, e.g. 'train.py::main' or 'pkg.train'. */
  written: string;
  /** Relative or absolute file path of the script. */
  file: string;
  entry: string | undefined;
}

export type ModalCommand =
  | { kind: 'launch'; subcommand: LaunchSubcommand; ref: ScriptRefWords | undefined; gpu: string | undefined }
  | { kind: 'app-list' }
  | { kind: 'other' }
  | { kind: 'dynamic'; why: string };

const LAUNCH_SUBCOMMANDS = new Set<string>(['run', 'deploy', 'serve', 'shell']);
const VALUE_OPTIONS = new Set(['-e', '--env', '--write-result', '--name', '--tag', '--timeout', '--image', '--add-python', '--volume', '--secret', '--cpu', '--memory', '--cloud', '--region', '--cmd', '-c']);
const HELP = new Set(['--help', '-h']);

/** `train.py::main` → file train.py, entry main; `pkg.train::main` (module form) → pkg/train.py. */
export function scriptRef(written: string, isModule: boolean): ScriptRefWords {
  const cut = written.indexOf('::');
  const target = cut < 0 ? written : written.slice(0, cut);
  const entry = cut < 0 ? undefined : written.slice(cut + 2) || undefined;
  const moduleForm = isModule || (!target.endsWith('.py') && !target.includes('/'));
  return { written, file: moduleForm ? `${target.replace(/\./g, '/')}.py` : target, entry };
}

function launch(subcommand: LaunchSubcommand, rest: Words): ModalCommand {
  let ref: ScriptRefWords | undefined;
  let gpu: string | undefined;
  for (let i = 0; i < rest.length && ref === undefined; i++) {
    const a = rest[i];
    if (a === undefined) return { kind: 'dynamic', why: `an argument of modal ${subcommand} is not a literal` };
    if (a === '-m' || a === '--gpu') {
      const value = rest[++i];
      if (value === undefined) return { kind: 'dynamic', why: `the value of ${a} is not a literal` };
      if (a === '-m') ref = scriptRef(value, true);
      else gpu = value;
    } else if (a.startsWith('--gpu=')) gpu = a.slice('--gpu='.length);
    else if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) ref = scriptRef(a, false);
  }
  return { kind: 'launch', subcommand, ref, gpu };
}

/** What `modal <args>` does, for the checks that care. */
export function modalCommand(args: Words): ModalCommand {
  const sub = args[0];
  if (sub === undefined) return args.length === 0 ? { kind: 'other' } : { kind: 'dynamic', why: 'the modal subcommand is not a literal' };
  if (args.some((a) => a !== undefined && HELP.has(a))) return { kind: 'other' };
  if (sub === 'app' && args[1] === 'list') return { kind: 'app-list' };
  if (LAUNCH_SUBCOMMANDS.has(sub)) return launch(sub as LaunchSubcommand, args.slice(1));
  return { kind: 'other' };
}
