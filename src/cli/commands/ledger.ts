import { parseArgs, UsageError } from '../args.js';
import { resolveStateDir } from '../../state/state-dir.js';
import { ledgerFile, LedgerUnreadable, readLedgerDay, type LaunchRecord, type LedgerDay } from '../../state/ledger.js';
import { pendingLaunches, type Reservation } from '../../modal/reservations.js';
import { DAILY_CAP_USD } from '../../modal/tiers.js';
import { dollars } from '../../modal/estimate.js';

const USAGE = 'usage: kei ledger [--json]';
const COMMAND_WIDTH = 70;

interface Summary {
  day: string;
  cap: number;
  spent: number;
  waiting: number;
  headroom: number;
  launches: LaunchRecord[];
  pending: Reservation[];
  corrupt: LedgerDay['corrupt'];
  file: string;
}

function summary(stateDir: string, now: Date): Summary {
  const day = readLedgerDay(stateDir, now);
  const pending = pendingLaunches(stateDir, now, undefined);
  const waiting = pending.reduce((sum, r) => sum + r.estimate, 0);
  const headroom = Math.max(0, Math.round((DAILY_CAP_USD - day.spent - waiting) * 100) / 100);
  return { day: day.day, cap: DAILY_CAP_USD, spent: day.spent, waiting, headroom, launches: day.launches, pending, corrupt: day.corrupt, file: ledgerFile(stateDir) };
}

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function oneLine(command: string): string {
  const flat = command.replace(/\s+/g, ' ').trim();
  return flat.length > COMMAND_WIDTH ? `${flat.slice(0, COMMAND_WIDTH - 1)}…` : flat;
}

function row(r: Reservation, status: string): string {
  const who = r.agentId ? `${r.agent} ${r.agentId.slice(0, 8)}` : r.agent;
  return `  ${clock(r.time)}  $${dollars(r.estimate).padStart(6)}  ${r.tier.toUpperCase().padEnd(4)}  ${status.padEnd(7)}  ${who}  ${oneLine(r.command)}`;
}

function text(s: Summary): string {
  const lines = [`Modal launches on ${s.day} (local day), from ${s.file}:`];
  if (s.launches.length === 0 && s.pending.length === 0) lines.push('  none yet');
  for (const r of s.launches) lines.push(row(r, r.outcome));
  for (const r of s.pending) lines.push(row(r, 'waiting'));
  lines.push(`Spent today: $${dollars(s.spent)} of the $${dollars(s.cap)} daily cap; headroom $${dollars(s.headroom)}.`);
  if (s.waiting > 0) lines.push(`Cleared but not run yet: $${dollars(s.waiting)} (counted against the cap until it runs or expires).`);
  return lines.join('\n') + '\n';
}

function json(s: Summary): string {
  const { day, cap, spent, waiting, headroom, launches, pending, corrupt, file } = s;
  return JSON.stringify({ day, cap, spent: Number(dollars(spent)), waiting: Number(dollars(waiting)), headroom, launches, pending, corrupt, file }, null, 2) + '\n';
}

function warnCorrupt(s: Summary): void {
  for (const c of s.corrupt) process.stderr.write(`kei ledger: skipped a corrupt line at byte ${c.offset} of ${s.file} (${c.why})\n`);
}

/** `kei ledger`: today's Modal launches, their sum and the headroom under the daily cap. */
export async function run(args: string[]): Promise<number> {
  let asJson: boolean;
  try {
    const { flags, positionals } = parseArgs(args, { json: 'boolean' });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    asJson = flags.json === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei ledger: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  let s: Summary;
  try {
    s = summary(resolveStateDir(), new Date());
  } catch (error) {
    if (!(error instanceof LedgerUnreadable)) throw error;
    process.stderr.write(`kei ledger: ${error.message}\n`);
    return 1;
  }
  warnCorrupt(s);
  process.stdout.write(asJson ? json(s) : text(s));
  return 0;
}
