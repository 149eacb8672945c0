/**
 * Launches cleared at PreToolUse wait here, keyed by tool_use_id, until their Bash call has run
 * (PostToolUse or PostToolUseFailure): only then are they written to the ledger. A call that
 * another check denies, or the user refuses, never runs and so is never billed. While a launch
 * waits, its estimate still counts against the daily cap, so parallel launches cannot overrun it.
 */
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { claimToken, safeSegment, writeFileAtomic } from '../state/files.js';
import type { HookInput } from '../protocol/hook-input.js';
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

/** Who is launching what, to recognise a retry of a launch that was denied and never ran. */
export interface Launcher {
  session: string;
  agentId: string | null;
  command: string;
}

const COMMAND_LIMIT = 500;

/** The launcher of this call, with the command as the ledger stores it. */
export function launcherOf(input: HookInput): Launcher {
  const command = typeof input.tool_input?.command === 'string' ? input.tool_input.command.slice(0, COMMAND_LIMIT) : '';
  return { session: input.session_id, agentId: input.agent_id ?? null, command };
}

/** Siblings of one parallel batch clear within moments of each other; an older twin is a denied try. */
const RETRY_AFTER_MS = 5_000;

function supersededBy(r: Reservation, launcher: Launcher | undefined, now: Date): boolean {
  if (!launcher || r.session !== launcher.session || r.agentId !== launcher.agentId || r.command !== launcher.command) return false;
  return now.getTime() - Date.parse(r.time) > RETRY_AFTER_MS;
}

/**
 * Launches cleared today that have not run yet and still count against the cap: not stale,
 * not this call's own, and not an earlier try of the same command by the same agent (that
 * try was denied, or the agent could not be trying again). Their files stay, so a late run is
 * still billed.
 */
export function pendingLaunches(stateDir: string, now: Date, exceptToolUseId: string | undefined, launcher?: Launcher): Reservation[] {
  const today = localDay(now);
  const skip = exceptToolUseId === undefined ? undefined : `${safeSegment(exceptToolUseId)}.json`;
  const out: Reservation[] = [];
  for (const name of entries(stateDir)) {
    if (!name.endsWith('.json') || name === skip) continue;
    const r = readReservation(join(pendingDir(stateDir), name));
    if (!r || supersededBy(r, launcher, now)) continue;
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
