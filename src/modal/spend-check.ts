/**
 * Tiers and the daily cap for a stated estimate, against today's ledger plus launches that
 * were cleared and have not run yet.
 */
import { readLedgerDay, ledgerFile, LedgerUnreadable, type LedgerDay } from '../state/ledger.js';
import type { HookInput } from '../protocol/hook-input.js';
import { launcherOf, pendingLaunches, type Launcher } from './reservations.js';
import { ASK_ABOVE_USD, DAILY_CAP_USD, tierOf, withinCap } from './tiers.js';
import { PRICING_PAGE } from './catalog.js';
import { dollars, type Estimate } from './estimate.js';
import type { ModalOutcome } from './outcome.js';

export interface Spend {
  spent: number;
  day: LedgerDay;
}

/** Today's spend: ledger lines of the local day plus pending launches (except this call's and its earlier tries). */
export function spendToday(stateDir: string, now: Date, exceptToolUseId: string | undefined, launcher?: Launcher): Spend {
  const day = readLedgerDay(stateDir, now);
  const pending = pendingLaunches(stateDir, now, exceptToolUseId, launcher);
  return { spent: day.spent + pending.reduce((sum, r) => sum + r.estimate, 0), day };
}

function corruptWarning(stateDir: string, day: LedgerDay): ModalOutcome[] {
  if (day.corrupt.length === 0) return [];
  const offsets = day.corrupt.slice(0, 5).map((c) => `${c.offset} (${c.why})`).join(', ');
  return [{ kind: 'warn', message: 'ledger-corrupt', data: { count: day.corrupt.length, file: ledgerFile(stateDir), offsets } }];
}

export function spendOutcomes(stateDir: string, now: Date, input: HookInput, estimate: Estimate, launch: string): ModalOutcome[] {
  const amount = dollars(estimate.stated);
  const cap = dollars(DAILY_CAP_USD);
  const tier = tierOf(estimate.stated);
  let spend: Spend;
  try {
    spend = spendToday(stateDir, now, input.tool_use_id, launcherOf(input));
  } catch (error) {
    if (!(error instanceof LedgerUnreadable)) throw error;
    if (tier === 'stop') return [{ kind: 'ask', message: 'tier-ask', data: { estimate: amount, limit: dollars(ASK_ABOVE_USD), launch, spent: 'unknown (the ledger cannot be read)', cap } }];
    return [{ kind: 'deny', message: 'ledger-unreadable', data: { why: error.message, file: ledgerFile(stateDir), cap } }];
  }
  const spent = dollars(spend.spent);
  const total = dollars(spend.spent + estimate.stated);
  const out = corruptWarning(stateDir, spend.day);
  if (tier === 'stop') out.push({ kind: 'ask', message: 'tier-ask', data: { estimate: amount, limit: dollars(ASK_ABOVE_USD), launch, spent: `$${spent}`, cap } });
  else if (!withinCap(spend.spent, estimate.stated)) out.push({ kind: 'ask', message: 'cap-ask', data: { estimate: amount, spent, total, cap } });
  else if (tier === 'warn') out.push({ kind: 'warn', message: 'tier-warn', data: { estimate: amount, total, cap, headroom: dollars(Math.max(0, DAILY_CAP_USD - spend.spent - estimate.stated)), page: PRICING_PAGE } });
  return out;
}
