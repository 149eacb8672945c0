/**
 * The seed's cost line: `Estimate: $X.XX (= N_gpus × hours × $/hr/gpu)`, read by a small
 * cursor scanner (no backtracking regex), and its arithmetic.
 */
import { splitFactors, type Factors } from './estimate-factors.js';

export interface Estimate {
  /** The dollar amount stated, X. */
  stated: number;
  gpus: number;
  hours: number;
  rate: number;
  /** gpus × hours × rate. */
  product: number;
  text: string;
}

export type EstimateReading =
  | { kind: 'estimate'; estimate: Estimate }
  | { kind: 'incomplete'; text: string; problem: string };

const MAX_BREAKDOWN = 240;
/** Prose mentions of "estimate" looked at before giving up on one text. */
const MAX_TRIES = 2000;
const MARKUP = new Set(['*', '_', '`', ' ', '\t']);
const APPROX = new Set(['~', '≈', ' ']);
const BLANK = new Set([' ', '\t']);

function skip(text: string, i: number, chars: Set<string>): number {
  while (i < text.length && chars.has(text[i]!)) i++;
  return i;
}

/** `$1,234.50` at i (optionally `~`/`≈` before the dollar sign): the amount and the index after it. */
function readAmount(text: string, i: number): { amount: number; next: number } | undefined {
  i = skip(text, i, APPROX);
  if (text[i] !== '$') return undefined;
  let j = i + 1;
  while (j < text.length && /[0-9.,]/.test(text[j]!)) j++;
  const amount = Number(text.slice(i + 1, j).replace(/,/g, '').replace(/\.$/, ''));
  if (j === i + 1 || !Number.isFinite(amount)) return undefined;
  return { amount, next: text[j - 1] === '.' || text[j - 1] === ',' ? j - 1 : j };
}

function readBreakdown(text: string, i: number): { inner: string; next: number } | undefined {
  i = skip(text, i, BLANK);
  if (text[i] !== '(') return undefined;
  const close = text.slice(i, i + MAX_BREAKDOWN).indexOf(')');
  if (close < 0) return undefined;
  return { inner: text.slice(i + 1, i + close), next: i + close + 1 };
}

function holds(product: number, stated: number): boolean {
  const diff = Math.abs(product - stated);
  return diff <= 0.01 + 1e-9 || diff <= 0.01 * product + 1e-9;
}

export function arithmeticHolds(e: Estimate): boolean {
  return holds(e.product, e.stated);
}

function reading(text: string, start: number, label: number): { reading: EstimateReading; next: number } | undefined {
  const i = skip(text, label, MARKUP);
  if (text[i] !== ':') return undefined;
  const amount = readAmount(text, skip(text, i + 1, MARKUP));
  if (!amount) return undefined;
  const breakdown = readBreakdown(text, amount.next);
  if (!breakdown) {
    const shown = text.slice(start, amount.next);
    return { reading: { kind: 'incomplete', text: shown, problem: 'it has no breakdown in parentheses' }, next: amount.next };
  }
  const shown = text.slice(start, breakdown.next);
  const factors: Factors | string = splitFactors(breakdown.inner);
  if (typeof factors === 'string') return { reading: { kind: 'incomplete', text: shown, problem: factors }, next: breakdown.next };
  const product = factors.gpus * factors.hours * factors.rate;
  return { reading: { kind: 'estimate', estimate: { stated: amount.amount, ...factors, product, text: shown } }, next: breakdown.next };
}

/** Every `Estimate: $…` statement in the text, in order (prose that merely says "estimate" is skipped). */
export function findEstimates(text: string): EstimateReading[] {
  const out: EstimateReading[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf('estimate', from);
    if (at < 0) return out;
    const found = reading(text, at, at + 'estimate'.length);
    if (found) out.push(found.reading);
    from = found ? found.next : at + 1;
  }
}

/** The last estimate stated in the text: the agent's current word. Searched from the end, so it stops early. */
export function latestEstimate(text: string): EstimateReading | undefined {
  const lower = text.toLowerCase();
  let at = lower.lastIndexOf('estimate');
  for (let tries = 0; at >= 0 && tries < MAX_TRIES; tries++) {
    const found = reading(text, at, at + 'estimate'.length);
    if (found) return found.reading;
    at = at === 0 ? -1 : lower.lastIndexOf('estimate', at - 1);
  }
  return undefined;
}

/** Dollars with two decimals. */
export function dollars(amount: number): string {
  return amount.toFixed(2);
}
