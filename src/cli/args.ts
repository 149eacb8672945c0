/** A small strict option parser: unknown flags are errors, `--` ends options. */
export interface ParsedArgs {
  flags: Record<string, string | boolean>;
  positionals: string[];
  rest: string[];
}

export class UsageError extends Error {}

export function parseArgs(args: string[], spec: Record<string, 'string' | 'boolean'>): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return { flags, positionals, rest: args.slice(i + 1) };
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
    } else {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    }
  }
  return { flags, positionals, rest: [] };
}
