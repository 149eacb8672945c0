import { existsSync } from 'node:fs';
import { parseArgs, UsageError } from '../args.js';
import { resolveStateDir } from '../../state/state-dir.js';
import { decisionLogPath, type DecisionRecord } from '../../state/decision-log.js';
import { tailRecords } from '../../log/tail.js';
import { matches, parseDecisions, type LogFilter } from '../../log/filter.js';
import { formatTable } from '../../log/format.js';

const USAGE = `usage: kei log [--agent <type or id>] [--session <id>] [--decision deny|ask|warn|block|pass|error[,…]]
               [--all] [--limit N] [--json]`;

interface LogOptions {
  filter: LogFilter;
  limit: number;
  json: boolean;
}

function options(args: string[]): LogOptions {
  const { flags, positionals } = parseArgs(args, { agent: 'string', session: 'string', decision: 'string', limit: 'string', json: 'boolean', all: 'boolean' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit needs a positive whole number');
  let decisions;
  try {
    decisions = typeof flags.decision === 'string' ? parseDecisions(flags.decision) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const filter: LogFilter = { includePasses: flags.all === true, decisions };
  if (typeof flags.agent === 'string') filter.agent = flags.agent;
  if (typeof flags.session === 'string') filter.session = flags.session;
  return { filter, limit, json: flags.json === true };
}

function render(records: DecisionRecord[], opts: LogOptions): string {
  if (opts.json) return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
  if (records.length === 0) return 'no decisions match.\n';
  const tty = process.stdout.isTTY === true;
  const lines = formatTable(records, { width: tty ? process.stdout.columns : undefined, color: tty && !process.env.NO_COLOR, now: new Date() });
  return lines.join('\n') + '\n';
}

/** `kei log`: the latest gate decisions from the decision log, newest last. */
export async function run(args: string[]): Promise<number> {
  let opts: LogOptions;
  try {
    opts = options(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei log: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const file = decisionLogPath(resolveStateDir());
  if (!existsSync(file)) {
    if (!opts.json) process.stdout.write(`no decisions logged yet (${file}).\n`);
    return 0;
  }
  const result = tailRecords<DecisionRecord>(file, (r) => matches(r, opts.filter), opts.limit);
  process.stdout.write(render(result.records, opts));
  const notes: string[] = [];
  if (result.unreadable > 0) notes.push(`${result.unreadable} unreadable line(s) skipped`);
  if (result.truncated) notes.push('only the end of a very large log was searched');
  if (!opts.json && !opts.filter.includePasses && !opts.filter.decisions) notes.push('passes hidden (--all shows them)');
  if (notes.length > 0) process.stderr.write(`(${file}: ${notes.join('; ')})\n`);
  return 0;
}
