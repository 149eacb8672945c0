/**
 * Finds the Modal launches in one Bash call, from the shell analysis: `modal run|deploy|serve`,
 * `modal shell` with a GPU, under any Python launcher, and local Python that calls
 * `.remote`/`.spawn`/... on a Modal function. What cannot be told apart is reported as a doubt.
 */
import type { ExecutedCommand, ShellAnalysis } from '../shell/types.js';
import { invocationOf, type Invocation } from './invocation.js';
import { modalCommand, scriptRef, type LaunchSubcommand, type ScriptRefWords } from './modal-cli.js';
import { cachedScriptFacts, entryDefinition, launchesRemoteWork } from './script-facts.js';
import { locateScript, type LaunchScript } from './launch-script.js';

export type { LaunchScript } from './launch-script.js';

export interface ModalLaunch {
  via: 'modal' | 'python';
  subcommand: LaunchSubcommand | undefined;
  /** The command's source text, for messages. */
  text: string;
  script: LaunchScript | undefined;
  /** Inline Python (python -c) that launches, when that is what runs. */
  code: string | undefined;
  gpuFlag: string | undefined;
}

export interface LaunchScan {
  launches: ModalLaunch[];
  /** Commands that may launch but cannot be told apart (dynamic words, unreadable scripts). */
  doubts: string[];
  /** The call runs `modal app list`. */
  appList: boolean;
}

const MAYBE_MODAL = /modal|python|\.py\b|\buvx?\b|poetry|pipx|\bpdm\b/i;
const REMOTE_CALL = /\.(remote|remote_gen|spawn|map|starmap|for_each|spawn_map)\s*\(/;

function shellGpu(script: LaunchScript | undefined): boolean {
  if (!script?.source?.ok) return false;
  const facts = cachedScriptFacts(script.source.text);
  const entry = entryDefinition(facts, script.entry);
  const fn = entry ? facts.modal.functions.find((f) => f.definition === entry) : undefined;
  return fn ? fn.gpus.length > 0 : entry === undefined && facts.modal.gpus.length > 0;
}

function modalLaunch(scan: LaunchScan, cmd: ExecutedCommand, args: (string | undefined)[], locate: (ref: ScriptRefWords) => LaunchScript): void {
  const mc = modalCommand(args);
  if (mc.kind === 'app-list') scan.appList = true;
  if (mc.kind === 'dynamic') scan.doubts.push(`${mc.why} in \`${cmd.text}\``);
  if (mc.kind !== 'launch') return;
  const script = mc.ref ? locate(mc.ref) : undefined;
  if (mc.subcommand === 'shell' && mc.gpu === undefined && !shellGpu(script)) return;
  scan.launches.push({ via: 'modal', subcommand: mc.subcommand, text: cmd.text, script, code: undefined, gpuFlag: mc.gpu });
}

function pythonFileLaunch(scan: LaunchScan, cmd: ExecutedCommand, script: LaunchScript): void {
  const source = script.source;
  if (script.path === undefined) return void scan.doubts.push(`the directory of \`${cmd.text}\` is not known, so ${script.shown} cannot be read`);
  if (script.writtenByCall) return void scan.doubts.push(`${script.shown} is written and run by the same call; write it first, read it back, then run it`);
  if (!source?.ok) {
    if (source && !source.missing) scan.doubts.push(`${script.shown} cannot be checked: ${source.why}`);
    return;
  }
  if (!launchesRemoteWork(cachedScriptFacts(source.text))) return;
  scan.launches.push({ via: 'python', subcommand: undefined, text: cmd.text, script, code: undefined, gpuFlag: undefined });
}

function classify(scan: LaunchScan, cmd: ExecutedCommand, inv: Invocation, raw: string, locate: (ref: ScriptRefWords) => LaunchScript): void {
  switch (inv.kind) {
    case 'modal':
      return modalLaunch(scan, cmd, inv.args, locate);
    case 'python-file':
      return pythonFileLaunch(scan, cmd, locate(scriptRef(inv.file, false)));
    case 'python-module':
      return pythonFileLaunch(scan, cmd, locate(scriptRef(inv.module, true)));
    case 'python-code':
      if (launchesRemoteWork(cachedScriptFacts(inv.code))) scan.launches.push({ via: 'python', subcommand: undefined, text: cmd.text, script: undefined, code: inv.code, gpuFlag: undefined });
      return;
    case 'python-stdin':
      if (/modal/.test(raw) && REMOTE_CALL.test(raw)) scan.launches.push({ via: 'python', subcommand: undefined, text: cmd.text, script: undefined, code: raw, gpuFlag: undefined });
      return;
    case 'dynamic':
      scan.doubts.push(`${inv.why} in \`${cmd.text}\``);
      return;
    default:
  }
}

function dynamicNameDoubt(cmd: ExecutedCommand): string | undefined {
  const looksLikeLaunch = cmd.args.some((a) => a !== undefined && (a === 'run' || a === 'deploy' || a === 'serve' || a === 'shell' || a === 'modal' || a.endsWith('.py')));
  return looksLikeLaunch ? `the command name of \`${cmd.text}\` is not a literal` : undefined;
}

function unique(launches: ModalLaunch[]): ModalLaunch[] {
  const seen = new Set<string>();
  return launches.filter((l) => {
    const key = `${l.via}|${l.subcommand}|${l.script?.path ?? l.script?.shown}|${l.code ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function scanLaunches(analysis: ShellAnalysis, raw: string, cwd: string): LaunchScan {
  const scan: LaunchScan = { launches: [], doubts: [], appList: false };
  if (analysis.status === 'unknown' && MAYBE_MODAL.test(raw)) scan.doubts.push(`the command could not be analysed (${analysis.problems[0] ?? 'unknown construct'})`);
  for (const cmd of analysis.commands) {
    const locate = (ref: ScriptRefWords) => locateScript(ref, cmd, cwd, analysis);
    if (cmd.dynamicName) {
      const doubt = dynamicNameDoubt(cmd);
      if (doubt) scan.doubts.push(doubt);
      continue;
    }
    classify(scan, cmd, invocationOf(cmd.argv.map((w) => w.value)), raw, locate);
  }
  scan.launches = unique(scan.launches);
  return scan;
}

const memo = new WeakMap<ShellAnalysis, LaunchScan>();
/** scanLaunches, once per analysis (several capabilities ask during one hook call). */
export function launchesOf(analysis: ShellAnalysis, raw: string, cwd: string): LaunchScan {
  let scan = memo.get(analysis);
  if (!scan) {
    scan = scanLaunches(analysis, raw, cwd);
    memo.set(analysis, scan);
  }
  return scan;
}
