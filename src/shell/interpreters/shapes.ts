import type { Shape } from './apis.js';
import type { Arg, Call } from './calls.js';
import type { Finding, Language } from './scan.js';

function apiName(call: Call): string {
  return call.qualifier && !call.qualifier.startsWith('.') ? `${call.qualifier}.${call.name}` : call.name;
}

function positional(call: Call): Arg[] {
  return call.args.filter((arg) => arg.kind !== 'keyword');
}

function dynamic(call: Call, what: string): Finding {
  return { kind: 'dynamic-exec', api: apiName(call), detail: `${apiName(call)}(…) ${what}` };
}

/** An exec from an argument: a list is an argv, a string is shell text, anything else unknown. */
function execOf(call: Call, arg: Arg | undefined, prefix: string[] = []): Finding {
  const api = apiName(call);
  if (arg?.kind === 'list' && arg.values.length + prefix.length > 0) return { kind: 'exec', api, detail: [...prefix, ...arg.values].join(' '), argv: [...prefix, ...arg.values] };
  if (arg?.kind === 'string' && prefix.length === 0) return { kind: 'exec', api, detail: arg.value, shell: arg.value };
  if (arg?.kind === 'string') return { kind: 'exec', api, detail: [...prefix, arg.value].join(' '), argv: [...prefix, arg.value] };
  return dynamic(call, 'runs a command built at run time');
}

function argvOf(call: Call, args: Arg[]): Finding {
  const values = args.map((arg) => (arg.kind === 'string' ? arg.value : undefined));
  if (values.length === 0 || values.some((v) => v === undefined)) return dynamic(call, 'runs a command built at run time');
  return { kind: 'exec', api: apiName(call), detail: values.join(' '), argv: values as string[] };
}

function writeOf(call: Call, arg: Arg | undefined): Finding {
  const method = call.qualifier?.startsWith('.');
  const path = !method && arg?.kind === 'string' ? arg.value : undefined;
  return { kind: 'write', api: apiName(call), detail: path ?? 'a path known only at run time', ...(path !== undefined ? { path } : {}) };
}

function killOf(call: Call, pid: Arg | undefined, signal: Arg | undefined): Finding[] {
  if (signal?.kind === 'string' && signal.value === '0') return [];
  const pidText = pid?.kind === 'string' ? pid.value : undefined;
  return [{ kind: 'kill', api: apiName(call), detail: pidText ? `signals process ${pidText}` : 'signals a process', ...(pidText ? { pid: pidText } : {}) }];
}

const WRITE_MODE = /[wax+]|>|\|/;

function openOf(call: Call, language: Language): Finding[] {
  const args = positional(call);
  const keyword = call.args.find((arg) => arg.kind === 'keyword' && (arg.name === 'mode' || arg.name === 'flags'));
  const mode = keyword?.kind === 'keyword' ? keyword.value : args[1];
  if (mode === undefined) return [];
  if (mode.kind !== 'string') return [writeOf(call, args[0])];
  if (language === 'node' ? /[wa+]/.test(mode.value) : WRITE_MODE.test(mode.value)) return [writeOf(call, args[0])];
  return [];
}

/** perl open(FH, '>', $path), open(FH, ">out"), open(FH, "cmd |"), open(FH, '-|', 'cmd'). */
function perlOpen(call: Call): Finding[] {
  const args = positional(call);
  const mode = args[1];
  if (mode?.kind !== 'string') return args.length > 1 ? [dynamic(call, 'opens something chosen at run time')] : [];
  if (args.length === 2) {
    const text = mode.value.trim();
    if (text.startsWith('|') || text.endsWith('|')) return [execOf(call, { kind: 'string', value: text.replace(/^\||\|$/g, '') })];
    const m = /^(\+?[<>]{1,2}|\+<)\s*(.*)$/.exec(text);
    return m && m[1]!.includes('>') ? [writeOf(call, { kind: 'string', value: m[2]! })] : [];
  }
  if (mode.value.includes('|')) return [execOf(call, args[2])];
  return mode.value.includes('>') || mode.value.includes('+') ? [writeOf(call, args[2])] : [];
}

function systemOf(call: Call): Finding {
  const args = positional(call);
  if (args.length === 1) return execOf(call, args[0]);
  return argvOf(call, args);
}

export function applyShape(shape: Shape, call: Call, language: Language): Finding[] {
  const args = positional(call);
  switch (shape) {
    case 'shell':
    case 'argv':
      return [execOf(call, args[0])];
    case 'file-list':
      return [args[0]?.kind === 'string' ? execOf(call, args[1] ?? { kind: 'list', values: [] }, [args[0].value]) : dynamic(call, 'runs a program chosen at run time')];
    case 'path-list':
      return [execOf(call, args[1])];
    case 'path-args':
      return [argvOf(call, args.slice(1))];
    case 'mode-path-args':
      return [argvOf(call, args.slice(2))];
    case 'mode-path-list':
      return [execOf(call, args[2])];
    case 'spread':
    case 'system':
      return shape === 'spread' ? [argvOf(call, args)] : [systemOf(call)];
    case 'kill':
      return killOf(call, args[0], args[1]);
    case 'kill-sig-first':
      return killOf(call, args[1], args[0]);
    case 'method-kill':
      return killOf(call, undefined, undefined);
    default:
      return writeOrCode(shape, call, language, args);
  }
}

function writeOrCode(shape: Shape, call: Call, language: Language, args: Arg[]): Finding[] {
  switch (shape) {
    case 'write0':
      return [writeOf(call, args[0])];
    case 'write-all':
      return (args.length > 0 ? args : [undefined]).map((arg) => writeOf(call, arg));
    case 'write-both':
      return [writeOf(call, args[0]), writeOf(call, args[1])];
    case 'write-last':
      return [writeOf(call, args[args.length - 1])];
    case 'open':
      return openOf(call, language);
    case 'perl-open':
      return perlOpen(call);
    case 'code':
      return codeOf(call, args[0]);
    default:
      return [dynamic(call, 'can run code chosen at run time')];
  }
}

/** eval('static code') is scanned again; eval of anything else is unknown. */
function codeOf(call: Call, arg: Arg | undefined): Finding[] {
  if (arg === undefined) return [];
  if (arg.kind === 'string') return [{ kind: 'dynamic-exec', api: apiName(call), detail: 'static code', code: arg.value }];
  return [dynamic(call, 'runs code built at run time')];
}
