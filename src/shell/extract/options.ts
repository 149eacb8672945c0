import type { Word } from '../types.js';

/** How a wrapper's own options look, so the command it runs can be found after them. */
export interface OptionSpec {
  /** Short option letters that take a value (attached `-uroot` or next word `-u root`). */
  shortValue?: string;
  /** Long options (without `--`) that take a value when not written `--name=value`. */
  longValue?: string[];
  /** A single `-NUMBER` word is an option (nice -10). */
  numeric?: boolean;
  /** Stop at the first word that is not an option (default true). */
  firstOperandEnds?: boolean;
}

export interface ParsedOptions {
  /** Index of the first operand; argv.length when none. */
  index: number;
  /** The operands, in order (with permuting, also those between options). */
  operands: Word[];
  /** Options seen: `-u` → 'root', `--chdir` → '/x', flags → ''. Short bundles are split. */
  seen: Map<string, string>;
  /** An option word was not static: where the operands start cannot be known. */
  dynamic: boolean;
}

/**
 * Reads options from `start`. Wrappers stop at their first operand (the command); most GNU tools
 * accept options anywhere (`firstOperandEnds: false`, or `permute`), so then every word is looked at.
 */
export function parseOptions(argv: Word[], start: number, spec: OptionSpec, permute = spec.firstOperandEnds === false): ParsedOptions {
  const out: ParsedOptions = { index: argv.length, operands: [], seen: new Map(), dynamic: false };
  let i = start;
  while (i < argv.length) {
    const word = argv[i]!;
    const value = word.value;
    if (value === '--') {
      out.index = Math.min(out.index, i + 1);
      out.operands.push(...argv.slice(i + 1));
      return out;
    }
    if (!word.static || !value!.startsWith('-') || value === '-') {
      if (!permute) return { ...out, index: i, operands: argv.slice(i), dynamic: !word.static };
      out.index = Math.min(out.index, i);
      out.operands.push(word);
      i += 1;
      continue;
    }
    i = value!.startsWith('--') ? longOption(argv, i, value!, spec, out.seen) : shortOptions(argv, i, value!, spec, out.seen);
  }
  return out;
}
function longOption(argv: Word[], i: number, value: string, spec: OptionSpec, seen: Map<string, string>): number {
  const eq = value.indexOf('=');
  const name = value.slice(2, eq < 0 ? undefined : eq);
  if (eq >= 0) {
    seen.set(name, value.slice(eq + 1));
    return i + 1;
  }
  if (spec.longValue?.includes(name)) {
    seen.set(name, argv[i + 1]?.value ?? '');
    return i + 2;
  }
  seen.set(name, '');
  return i + 1;
}

function shortOptions(argv: Word[], i: number, value: string, spec: OptionSpec, seen: Map<string, string>): number {
  if (spec.numeric && /^-[0-9]+$/.test(value)) {
    seen.set('n', value.slice(1));
    return i + 1;
  }
  for (let k = 1; k < value.length; k += 1) {
    const letter = value[k]!;
    if (!spec.shortValue?.includes(letter)) {
      seen.set(letter, '');
      continue;
    }
    if (k + 1 < value.length) {
      seen.set(letter, value.slice(k + 1));
      return i + 1;
    }
    seen.set(letter, argv[i + 1]?.value ?? '');
    return i + 2;
  }
  return i + 1;
}
