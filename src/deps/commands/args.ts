/** A package-manager command's verdict: what it would change, and what to run instead (if anything). */
export interface Verdict {
  effect: string;
  /** A sentence naming a command that does what is allowed instead; '' when there is none. */
  instead: string;
}

/** Static argument values after argv[0]; undefined = not known before bash runs. */
export type Args = readonly (string | undefined)[];

export interface Parsed {
  /** Positional words in order (undefined = dynamic). */
  positionals: (string | undefined)[];
  /** Option words as written (`--frozen-lockfile`, `-g`, `--save=false`). */
  options: string[];
  /** Values of options that take one (`-r reqs.txt` → r: ['reqs.txt']), by option word. */
  values: Map<string, (string | undefined)[]>;
}

/**
 * Splits arguments into options and positionals. `valued` lists the options that consume the
 * next word; `--opt=value` never does. A lone `--` ends the options.
 */
export function parseArgs(args: Args, valued: ReadonlySet<string>): Parsed {
  const parsed: Parsed = { positionals: [], options: [], values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === undefined || !arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    parsed.options.push(arg);
    if (!arg.includes('=') && valued.has(arg)) {
      parsed.values.set(arg, [...(parsed.values.get(arg) ?? []), args[i + 1]]);
      i += 1;
    }
  }
  return parsed;
}

/** True when any of the option spellings was given (also as `--opt=…`). */
export function hasOption(parsed: Parsed, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o) || names.some((n) => o.startsWith(`${n}=`)));
}

export function verdict(effect: string, instead = ''): Verdict {
  return { effect, instead };
}

/** The words after the subcommand at `index` in the positionals. */
export function rest(parsed: Parsed, index: number): (string | undefined)[] {
  return parsed.positionals.slice(index + 1);
}

export function quoteList(words: (string | undefined)[]): string {
  return words.map((w) => (w === undefined ? 'a dynamic word' : `\`${w}\``)).join(', ');
}
