/**
 * The daily spend ledger: one JSON line per Modal launch that ran, in $KEI_STATE_DIR/ledger.jsonl.
 * Appends are single O_APPEND writes (safe across parallel hook processes). Today's total is
 * read backwards from the end of the file, so the cost is today's lines, not the file's history.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { appendJsonLine } from './files.js';

export interface LaunchRecord {
  /** When the launch was cleared to run (local day = the day it counts for). */
  time: string;
  /** When it ran and was written here. */
  settledAt: string;
  session: string;
  agent: string;
  agentId: string | null;
  toolUseId: string | null;
  command: string;
  estimate: number;
  tier: 'auto' | 'warn' | 'stop';
  outcome: 'ran' | 'failed';
}

export interface CorruptLine {
  /** Byte offset of the line in the file. */
  offset: number;
  why: string;
}

export interface LedgerDay {
  day: string;
  launches: LaunchRecord[];
  spent: number;
  corrupt: CorruptLine[];
}

export class LedgerUnreadable extends Error {
  override name = 'LedgerUnreadable';
}

export const LEDGER_FILE = 'ledger.jsonl';
const CHUNK = 64 * 1024;
const MAX_SCAN = 8 * 1024 * 1024;
/** Lines are written in settle order; allow this much disorder between racing writers. */
const ORDER_SLACK_MS = 10 * 60 * 1000;

export function ledgerFile(stateDir: string): string {
  return join(stateDir, LEDGER_FILE);
}

export function appendLaunch(stateDir: string, record: LaunchRecord): void {
  appendJsonLine(ledgerFile(stateDir), record);
}

/** YYYY-MM-DD of the local calendar day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function startOfLocalDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Complete lines from the end of the file backwards, with their byte offsets. */
function* linesFromEnd(fd: number, size: number): Generator<{ text: string; offset: number }> {
  let pos = size;
  let carry = Buffer.alloc(0);
  while (pos > 0) {
    if (size - pos > MAX_SCAN) throw new LedgerUnreadable(`today's part of the ledger is larger than ${MAX_SCAN / 1024 / 1024} MB`);
    const start = Math.max(0, pos - CHUNK);
    const chunk = Buffer.alloc(pos - start);
    readSync(fd, chunk, 0, chunk.length, start);
    const data = Buffer.concat([chunk, carry]);
    let end = data.length;
    for (let k = data.length - 1; k >= 0; k--) {
      if (data[k] !== 0x0a) continue;
      if (k + 1 < end) yield { text: data.subarray(k + 1, end).toString('utf8'), offset: start + k + 1 };
      end = k;
    }
    carry = data.subarray(0, end);
    pos = start;
  }
  if (carry.length > 0) yield { text: carry.toString('utf8'), offset: 0 };
}

function parseRecord(text: string): LaunchRecord | string {
  let value: Partial<LaunchRecord>;
  try {
    value = JSON.parse(text) as Partial<LaunchRecord>;
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'not an object';
  if (typeof value.estimate !== 'number' || !Number.isFinite(value.estimate) || value.estimate < 0) return 'no valid estimate';
  if (typeof value.time !== 'string' || Number.isNaN(Date.parse(value.time))) return 'no valid time';
  if (typeof value.settledAt !== 'string' || Number.isNaN(Date.parse(value.settledAt))) return 'no valid settledAt';
  return value as LaunchRecord;
}

function openLedger(file: string): number | undefined {
  try {
    return openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new LedgerUnreadable(`cannot open ${file} (${code ?? (error as Error).message})`);
  }
}

function scan(fd: number, file: string, now: Date, day: LedgerDay): void {
  const stopBefore = startOfLocalDay(now) - ORDER_SLACK_MS;
  let size: number;
  try {
    size = fstatSync(fd).size;
    for (const line of linesFromEnd(fd, size)) {
      if (line.text.trim() === '') continue;
      const record = parseRecord(line.text);
      if (typeof record === 'string') {
        day.corrupt.push({ offset: line.offset, why: record });
        continue;
      }
      if (Date.parse(record.settledAt) < stopBefore) return;
      if (localDay(new Date(record.time)) === day.day) day.launches.unshift(record);
    }
  } catch (error) {
    if (error instanceof LedgerUnreadable) throw error;
    throw new LedgerUnreadable(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Today's launches and their sum. Corrupt lines are skipped and listed; an unreadable file throws LedgerUnreadable. */
export function readLedgerDay(stateDir: string, now: Date): LedgerDay {
  const file = ledgerFile(stateDir);
  const day: LedgerDay = { day: localDay(now), launches: [], spent: 0, corrupt: [] };
  const fd = openLedger(file);
  if (fd === undefined) return day;
  try {
    scan(fd, file, now, day);
  } finally {
    closeSync(fd);
  }
  day.spent = day.launches.reduce((sum, r) => sum + r.estimate, 0);
  return day;
}
