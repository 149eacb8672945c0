/**
 * The billing side of a launch: cleared at PreToolUse (a reservation keyed by tool_use_id),
 * written to the ledger when its Bash call has run (PostToolUse / PostToolUseFailure).
 */
import type { HookInput } from '../protocol/hook-input.js';
import { appendLaunch, type LaunchRecord } from '../state/ledger.js';
import { launcherOf, reserveLaunch, settleLaunch, type Reservation } from './reservations.js';
import { recordLastLaunch, type FactScope } from './launch-facts.js';
import { spendToday } from './spend-check.js';
import { DAILY_CAP_USD, tierOf } from './tiers.js';
import { dollars, type Estimate } from './estimate.js';
import type { ModalOutcome } from './outcome.js';

/** Reserves a cleared launch until its call has run (or bills it now when the call has no id). */
export function clearLaunch(stateDir: string, input: HookInput, estimate: Estimate, now: Date): void {
  const reservation: Reservation = {
    ...launcherOf(input),
    time: now.toISOString(),
    agent: input.agent_type ?? 'main',
    toolUseId: input.tool_use_id ?? null,
    estimate: estimate.stated,
    tier: tierOf(estimate.stated),
  };
  if (input.tool_use_id) reserveLaunch(stateDir, input.tool_use_id, reservation);
  else appendLaunch(stateDir, { ...reservation, settledAt: now.toISOString(), outcome: 'ran' });
}

function recordedNote(stateDir: string, record: LaunchRecord, now: Date): ModalOutcome[] {
  try {
    const spent = spendToday(stateDir, now, undefined).spent;
    const headroom = Math.max(0, DAILY_CAP_USD - spent);
    return [{ kind: 'warn', message: 'recorded', data: { estimate: dollars(record.estimate), tier: record.tier.toUpperCase(), spent: dollars(spent), cap: dollars(DAILY_CAP_USD), headroom: dollars(headroom) } }];
  } catch {
    return [];
  }
}

/** The launching call ran (or failed while running): bill it once and remember it as the agent's last launch. */
export function launchRan(stateDir: string, input: HookInput, scope: FactScope, now: Date): ModalOutcome[] {
  if (!input.tool_use_id) return [];
  const record = settleLaunch(stateDir, input.tool_use_id, input.hook_event_name === 'PostToolUse' ? 'ran' : 'failed', now);
  if (!record) return [];
  recordLastLaunch(scope, input.tool_use_id, now);
  return recordedNote(stateDir, record, now);
}
