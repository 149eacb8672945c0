/**
 * Fuzz budgets: small and seeded in CI (the whole reliability suite stays well under a minute on
 * two cores); `npm run fuzz` raises KEI_FUZZ_SCALE and may pick a fresh seed. Every property
 * records how many inputs it ran, so the fuzz script can print the totals.
 */
import { appendFileSync } from 'node:fs';

export const FUZZ_SCALE = Math.max(1, Number(process.env.KEI_FUZZ_SCALE) || 1);
export const FUZZ_SEED = Number(process.env.KEI_FUZZ_SEED) || 20_261_125;

export function runs(ciRuns: number): number {
  return Math.round(ciRuns * FUZZ_SCALE);
}

/** fast-check parameters for one property: seeded and bounded; `quick` skips shrinking (slow inputs). */
export function params(ciRuns: number, quick = false) {
  return { seed: FUZZ_SEED, numRuns: runs(ciRuns), endOnFailure: quick } as const;
}

/** Appends `{property, inputs, failures}` to $KEI_FUZZ_REPORT when set (scripts/fuzz.mjs). */
export function report(property: string, inputs: number, failures: number): void {
  const file = process.env.KEI_FUZZ_REPORT;
  if (file) appendFileSync(file, JSON.stringify({ property, inputs, failures }) + '\n');
}

/** Runs one fast-check assertion and records its input count (and a failure) for the report. */
export async function checked(property: string, ciRuns: number, assertion: () => Promise<void> | void): Promise<void> {
  try {
    await assertion();
  } catch (error) {
    report(property, runs(ciRuns), 1);
    throw error;
  }
  report(property, runs(ciRuns), 0);
}
