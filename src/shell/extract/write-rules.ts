import type { Word } from '../types.js';
import { parseOptions, type OptionSpec, type ParsedOptions } from './options.js';
import { ARCHIVE_WRITES } from './write-archives.js';
import { NETWORK_WRITES } from './write-network.js';

export interface FoundWrite {
  path: string | undefined;
  via?: string;
}
export type WriteRule = (argv: Word[]) => FoundWrite[];

export function valueOf(word: Word | undefined): string | undefined {
  return word?.static ? word.value : undefined;
}

/** Options and operands of an ordinary (argument-permuting) tool. */
export function operands(argv: Word[], spec: OptionSpec): { parsed: ParsedOptions; rest: Word[] } {
  const parsed = parseOptions(argv, 1, spec, true);
  return { parsed, rest: parsed.operands };
}

/** Every operand is changed (rm, touch, mkdir …). */
function all(spec: OptionSpec = {}, skip = 0): WriteRule {
  return (argv) => operands(argv, spec).rest.slice(skip).map((word) => ({ path: valueOf(word) }));
}

/** cp/ln/install: `-t DIR` or the last operand (with one operand, ln links into the cwd). */
function destination(spec: OptionSpec, sourcesToo = false): WriteRule {
  return (argv) => {
    const { parsed, rest } = operands(argv, spec);
    const dir = parsed.seen.get('t') ?? parsed.seen.get('target-directory');
    const sources = sourcesToo ? rest.slice(0, dir !== undefined ? undefined : -1).map((word) => ({ path: valueOf(word) })) : [];
    if (dir !== undefined) return [{ path: dir }, ...sources];
    if (rest.length === 1 && argv[0]?.value?.endsWith('ln')) return [{ path: valueOf(rest[0])?.split('/').pop() }];
    return rest.length >= 2 ? [{ path: valueOf(rest[rest.length - 1]) }, ...sources] : [];
  };
}

function afterFirst(spec: OptionSpec): WriteRule {
  return (argv) => {
    const { parsed, rest } = operands(argv, spec);
    const reference = [...parsed.seen.keys()].some((key) => key === 'reference');
    return (reference ? rest : rest.slice(1)).map((word) => ({ path: valueOf(word) }));
  };
}

function optionValue(letters: string[], spec: OptionSpec): WriteRule {
  return (argv) => {
    const { parsed } = operands(argv, spec);
    return letters.filter((key) => parsed.seen.has(key)).map((key) => ({ path: parsed.seen.get(key) }));
  };
}

const SED: OptionSpec = { shortValue: 'efl', longValue: ['expression', 'file', 'line-length'] };
const SHORT_WITH_I = /^-[a-zA-Z]*i/;

/** sed -i: every file operand (the script is the first operand unless -e/-f gave it). */
function sed(argv: Word[]): FoundWrite[] {
  const { parsed, rest } = operands(argv, SED);
  const inPlace = parsed.seen.has('i') || parsed.seen.has('in-place') || argv.some((w) => SHORT_WITH_I.test(w.value ?? '') && !w.value!.startsWith('--'));
  if (!inPlace) return [];
  const scripted = parsed.seen.has('e') || parsed.seen.has('f') || parsed.seen.has('expression') || parsed.seen.has('file');
  return (scripted ? rest : rest.slice(1)).map((word) => ({ path: valueOf(word), via: 'sed -i' }));
}

function dd(argv: Word[]): FoundWrite[] {
  return argv.filter((word) => !word.static || word.value!.startsWith('of=')).map((word) => ({ path: word.static ? word.value!.slice(3) : undefined }));
}

const FIND_EXPRESSION = /^[-(!]/;
const FIND_FILE_ACTION = /^-f(print0?|printf|ls)$/;

function findWrites(argv: Word[]): FoundWrite[] {
  const out: FoundWrite[] = [];
  const firstExpression = argv.findIndex((w, i) => i > 0 && FIND_EXPRESSION.test(w.value ?? '-'));
  const roots = argv.slice(1, firstExpression < 0 ? undefined : firstExpression);
  argv.forEach((word, i) => {
    if (word.value === '-delete') out.push(...(roots.length ? roots : [undefined]).map((root) => ({ path: root ? valueOf(root) : '.', via: 'find -delete' })));
    if (FIND_FILE_ACTION.test(word.value ?? '')) out.push({ path: valueOf(argv[i + 1]), via: `find ${word.value}` });
  });
  return out;
}

const sortOutput = optionValue(['o', 'output'], { shortValue: 'kotSTt', longValue: ['output', 'key', 'field-separator', 'buffer-size', 'temporary-directory'] });

const UNIQ: OptionSpec = { shortValue: 'fsw', longValue: ['skip-fields', 'skip-chars', 'check-chars'] };

function uniq(argv: Word[]): FoundWrite[] {
  const rest = operands(argv, UNIQ).rest;
  return rest.length >= 2 ? [{ path: valueOf(rest[1]) }] : [];
}

function mktemp(argv: Word[]): FoundWrite[] {
  const { parsed, rest } = operands(argv, { shortValue: 'p', longValue: ['tmpdir', 'suffix'] });
  const dir = parsed.seen.get('p') ?? parsed.seen.get('tmpdir');
  if (parsed.seen.has('u') || parsed.seen.has('dry-run')) return [];
  if (dir !== undefined || parsed.seen.has('t') || rest.length === 0) return [{ path: `${dir || '/tmp'}/${valueOf(rest[0]) ?? 'tmp.XXXXXXXXXX'}` }];
  return [{ path: valueOf(rest[0]) }];
}

const COPY: OptionSpec = { shortValue: 'StT', longValue: ['suffix', 'target-directory', 'backup'] };

export const COMMAND_WRITES: Record<string, WriteRule> = {
  tee: all({ longValue: [] }),
  sponge: all(),
  rm: all(),
  rmdir: all(),
  unlink: all(),
  shred: all({ shortValue: 'nsu', longValue: ['iterations', 'size', 'random-source'] }),
  touch: all({ shortValue: 'dtr', longValue: ['date', 'reference'] }),
  truncate: all({ shortValue: 'sr', longValue: ['size', 'reference'] }),
  fallocate: all({ shortValue: 'lon', longValue: ['length', 'offset'] }),
  mkdir: all({ shortValue: 'm', longValue: ['mode', 'context'] }),
  mkfifo: all({ shortValue: 'm', longValue: ['mode'] }),
  mknod: all({ shortValue: 'm' }),
  cp: destination(COPY),
  mv: destination(COPY, true),
  ln: destination(COPY),
  install: (argv) => (argv.some((w) => w.value === '-d' || w.value === '--directory') ? all({ shortValue: 'mogS' })(argv) : destination({ ...COPY, shortValue: 'mogSt' })(argv)),
  chmod: afterFirst({}),
  chown: afterFirst({}),
  chgrp: afterFirst({}),
  chattr: afterFirst({}),
  setfacl: all({ shortValue: 'mMxX' }),
  dd,
  sed,
  find: findWrites,
  sort: sortOutput,
  uniq,
  mktemp,
  split: (argv) => [{ path: valueOf(operands(argv, { shortValue: 'abClnt' }).rest[1]) ?? 'x', via: 'split' }],
  csplit: (argv) => [{ path: operands(argv, { shortValue: 'bfn' }).parsed.seen.get('f') ?? 'xx', via: 'csplit' }],
  ed: all(),
  ex: all(),
  vi: all(),
  vim: all(),
  nvim: all(),
  nano: all(),
  emacs: all(),
  sudoedit: all(),
  time: optionValue(['o', 'output'], { shortValue: 'fo', longValue: ['format', 'output'] }),
  script: (argv) => {
    const rest = operands(argv, { shortValue: 'cEIOTtBm', longValue: ['command', 'log-in', 'log-out', 'log-timing'] }).rest;
    return [{ path: valueOf(rest[0]) ?? 'typescript' }];
  },
  ...ARCHIVE_WRITES,
  ...NETWORK_WRITES,
};
