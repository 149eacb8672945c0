/**
 * Launches cleared at PreToolUse wait here, keyed by tool_use_id, until their Bash call has run
 * (PostToolUse or PostToolUseFailure): only then are they written to the ledger. A call that
 * another check denies, or the user refuses, never runs and so is never billed. While a launch
 * waits, its estimate still counts against the daily cap, so parallel launches cannot overrun it.
 */
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { claimToken, safeSegment, writeFileAtomic } from '../state/files.js';
import { appendLaunch, localDay, LedgerUnreadable, type LaunchRecord } from '../state/ledger.js';

export type Reservation = Omit<LaunchRecord, 'settledAt' | 'outcome'>;

const DIR = 'ledger-pending';
/** A cleared launch that has not run after this long is assumed not to run (denied or refused). */
export const RESERVATION_TTL_MS = 30 * 60 * 1000;

function pendingDir(stateDir: string): string {
  return join(stateDir, DIR);
}

function pendingFile(stateDir: string, toolUseId: string): string {
  return join(pendingDir(stateDir), `${safeSegment(toolUseId)}.json`);
}

export function reserveLaunch(stateDir: string, toolUseId: string, reservation: Reservation): void {
  writeFileAtomic(pendingFile(stateDir, toolUseId), JSON.stringify(reservation));
}

function readReservation(file: string): Reservation | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Reservation;
    return typeof value.estimate === 'number' && typeof value.time === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function entries(stateDir: string): string[] {
  try {
    return readdirSync(pendingDir(stateDir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new LedgerUnreadable(`cannot list ${pendingDir(stateDir)} (${code})`);
  }
}

/** Launches cleared today that have not run yet (and are not stale), except `exceptToolUseId`. */
export function pendingLaunches(stateDir: string, now: Date, exceptToolUseId: string | undefined): Reservation[] {
  const today = localDay(now);
  const skip = exceptToolUseId === undefined ? undefined : `${safeSegment(exceptToolUseId)}.json`;
  const out: Reservation[] = [];
  for (const name of entries(stateDir)) {
    if (!name.endsWith('.json') || name === skip) continue;
    const r = readReservation(join(pendingDir(stateDir), name));
    if (!r) continue;
    const time = new Date(r.time);
    if (localDay(time) === today && now.getTime() - time.getTime() < RESERVATION_TTL_MS) out.push(r);
  }
  return out;
}

function removeClaimed(stateDir: string, toolUseId: string): void {
  const prefix = `${safeSegment(toolUseId)}.json.used.`;
  for (const name of entries(stateDir)) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(pendingDir(stateDir), name));
    } catch {
      // another settler removed it first
    }
  }
}

/**
 * The launching Bash call ran: moves its reservation into the ledger, exactly once even when
 * called twice. Returns the record written, or undefined when there was nothing to settle.
 */
export function settleLaunch(stateDir: string, toolUseId: string, outcome: LaunchRecord['outcome'], now: Date): LaunchRecord | undefined {
  const file = pendingFile(stateDir, toolUseId);
  const reservation = readReservation(file);
  if (!claimToken(file)) return undefined;
  const record: LaunchRecord | undefined = reservation && { ...reservation, settledAt: now.toISOString(), outcome };
  if (record) appendLaunch(stateDir, record);
  removeClaimed(stateDir, toolUseId);
  return record;
}

/** Drops a reservation whose call was finally denied (for the runtime, after all gates decided). */
export function releaseLaunch(stateDir: string, toolUseId: string): boolean {
  const file = pendingFile(stateDir, toolUseId);
  if (!claimToken(file)) return false;
  removeClaimed(stateDir, toolUseId);
  return true;
}
