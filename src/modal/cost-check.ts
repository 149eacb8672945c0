/**
 * The cost line of a launch: stated, in the seed's form, with a product that adds up and a
 * rate not under the catalog's; then the tier and the daily cap decide pass, warn or ask.
 */
import type { HookInput } from '../protocol/hook-input.js';
import type { LaunchScan } from './launch.js';
import { arithmeticHolds, dollars, type Estimate } from './estimate.js';
import { findStatedEstimate } from './estimate-sources.js';
import { lastLaunch, type FactScope } from './launch-facts.js';
import { rateOutcomes, exampleLine } from './rate-check.js';
import { spendOutcomes } from './spend-check.js';
import type { ModalOutcome } from './outcome.js';

export interface CostCheckInput {
  input: HookInput;
  stateDir: string;
  now: Date;
  scan: LaunchScan;
  scope: FactScope;
}

const MAX_SHOWN = 200;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function deny(message: string, data: Record<string, string | number>): ModalOutcome[] {
  return [{ kind: 'deny', message, data }];
}

function wrongProduct(e: Estimate): ModalOutcome[] {
  return deny('wrong-product', {
    found: clip(e.text),
    stated: dollars(e.stated),
    gpus: e.gpus,
    hours: e.hours,
    rate: dollars(e.rate),
    product: dollars(e.product),
  });
}

/** The estimate for this call, or the deny that says what to write. */
function statedEstimate(c: CostCheckInput, launch: string): Estimate | ModalOutcome[] {
  const search = findStatedEstimate(c.input, lastLaunch(c.scope));
  const example = exampleLine(c.scan);
  if (!search.stated) {
    const looked = search.problems.length > 0 ? ` (Your messages could not be checked: ${search.problems.join('; ')}.)` : '';
    return deny('no-estimate', { launch, example, looked });
  }
  const reading = search.stated.reading;
  if (reading.kind === 'incomplete') return deny('incomplete-estimate', { found: clip(reading.text), problem: reading.problem, example });
  if (!arithmeticHolds(reading.estimate)) return wrongProduct(reading.estimate);
  return reading.estimate;
}

/** Outcomes for a PreToolUse Bash call (empty: not a launch, or a launch under $5 within the cap). */
export function costOutcomes(c: CostCheckInput): { outcomes: ModalOutcome[]; estimate: Estimate | undefined } {
  if (c.scan.doubts.length > 0) return { outcomes: deny('unanalysable', { why: clip(c.scan.doubts.join('; ')) }), estimate: undefined };
  if (c.scan.launches.length === 0) return { outcomes: [], estimate: undefined };
  const launch = clip(c.scan.launches.map((l) => l.text).join('; '));
  const stated = statedEstimate(c, launch);
  if (Array.isArray(stated)) return { outcomes: stated, estimate: undefined };
  const outcomes = [...rateOutcomes(stated, c.scan), ...spendOutcomes(c.stateDir, c.now, c.input, stated, launch)];
  return { outcomes, estimate: stated };
}
