/**
 * The seed's cost tiers and daily cap, in one place (text.md states the same numbers; a test
 * keeps them in step): under $5 runs, $5 to $20 runs with a warning inside the daily cap,
 * over $20 (or past the cap) the user decides.
 */

export const AUTO_BELOW_USD = 5;
export const ASK_ABOVE_USD = 20;
export const DAILY_CAP_USD = 20;
/** A fresh `modal app list` is one younger than this. */
export const APP_LIST_FRESH_MINUTES = 30;

/** AUTO (<$5), WARN ($5-$20), STOP (>$20), as the seed names them. */
export type Tier = 'auto' | 'warn' | 'stop';

export function cents(usd: number): number {
  return Math.round(usd * 100);
}

export function tierOf(usd: number): Tier {
  if (cents(usd) < cents(AUTO_BELOW_USD)) return 'auto';
  if (cents(usd) <= cents(ASK_ABOVE_USD)) return 'warn';
  return 'stop';
}

/** Spent today plus this launch stays within the daily cap. */
export function withinCap(spentUsd: number, usd: number): boolean {
  return cents(spentUsd) + cents(usd) <= cents(DAILY_CAP_USD);
}
