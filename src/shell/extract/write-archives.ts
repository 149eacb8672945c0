import type { Word } from '../types.js';
import { parseOptions } from './options.js';
import type { FoundWrite, WriteRule } from './write-rules.js';

function value(word: Word | undefined): string | undefined {
  return word?.static ? word.value : undefined;
}

const TAR_VALUE = 'fCTXbHKNgILV';
const TAR_LONG = ['file', 'directory', 'files-from', 'exclude-from', 'blocking-factor', 'format', 'starting-file', 'newer', 'listed-incremental', 'use-compress-program', 'tape-length', 'label'];

/** tar: extracting writes into -C DIR (or the cwd); creating or appending writes the archive. */
function tar(argv: Word[]): FoundWrite[] {
  const first = value(argv[1]);
  const oldStyle = first !== undefined && !first.startsWith('-') && /^[A-Za-z]+$/.test(first);
  const words = oldStyle ? [argv[0]!, { ...argv[1]!, value: '-' + first, raw: '-' + first }, ...argv.slice(2)] : argv;
  const parsed = parseOptions(words, 1, { shortValue: TAR_VALUE, longValue: TAR_LONG, firstOperandEnds: false });
  const seen = parsed.seen;
  const has = (...keys: string[]) => keys.some((key) => seen.has(key));
  const out: FoundWrite[] = [];
  if (has('x', 'extract', 'get')) out.push({ path: seen.get('C') ?? seen.get('directory') ?? '.', via: 'tar -x' });
  const archive = seen.get('f') ?? seen.get('file');
  if (has('c', 'create', 'r', 'append', 'u', 'update', 'A', 'catenate', 'concatenate', 'delete') && archive !== '-') {
    out.push({ path: archive, via: 'tar' });
  }
  return out;
}

function unzip(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: 'dxP', firstOperandEnds: false });
  if (['l', 't', 'v', 'Z', 'p', 'c', 'z'].some((key) => parsed.seen.has(key))) return [];
  return [{ path: parsed.seen.get('d') ?? '.', via: 'unzip' }];
}

/** gzip and friends replace each file operand unless told to write to stdout or only test/list. */
function compressor(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: 'bST', longValue: ['suffix', 'threads'], firstOperandEnds: false });
  if (['c', 'stdout', 'to-stdout', 't', 'test', 'l', 'list'].some((key) => parsed.seen.has(key))) return [];
  return parsed.operands.map((word) => ({ path: value(word) }));
}

const RSYNC_VALUE = 'efBTMi';
const RSYNC_LONG = ['rsh', 'filter', 'exclude', 'include', 'temp-dir', 'partial-dir', 'chmod', 'chown', 'log-file', 'backup-dir', 'suffix', 'compare-dest', 'copy-dest', 'link-dest', 'exclude-from', 'include-from', 'files-from', 'rsync-path', 'password-file'];

/** rsync: the local destination (the last operand), and the sources with --remove-source-files. */
function rsync(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: RSYNC_VALUE, longValue: RSYNC_LONG, firstOperandEnds: false });
  const rest = parsed.operands;
  const out: FoundWrite[] = [];
  const dest = rest[rest.length - 1];
  if (rest.length >= 2 && !/^[^/]*:/.test(value(dest) ?? '')) out.push({ path: value(dest), via: 'rsync' });
  if (parsed.seen.has('remove-source-files')) out.push(...rest.slice(0, -1).map((word) => ({ path: value(word), via: 'rsync' })));
  const log = parsed.seen.get('log-file');
  if (log !== undefined) out.push({ path: log, via: 'rsync --log-file' });
  return out;
}

/** patch: -o FILE, else the file operand, else files named inside the patch (unknown here). */
function patch(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: 'pidDrBYzFgVo', longValue: ['strip', 'input', 'directory', 'output', 'reject-file', 'prefix', 'suffix'], firstOperandEnds: false });
  if (parsed.seen.has('dry-run') || parsed.seen.has('C')) return [];
  const output = parsed.seen.get('o') ?? parsed.seen.get('output');
  if (output !== undefined) return [{ path: output }];
  const rest = parsed.operands;
  return [{ path: rest.length > 0 ? value(rest[0]) : undefined }];
}

export const ARCHIVE_WRITES: Record<string, WriteRule> = {
  tar,
  unzip,
  gzip: compressor,
  gunzip: compressor,
  bzip2: compressor,
  bunzip2: compressor,
  xz: compressor,
  unxz: compressor,
  zstd: compressor,
  unzstd: compressor,
  lz4: compressor,
  compress: compressor,
  uncompress: compressor,
  rsync,
  patch,
};
