/** Times a synchronous function in this process: the first (cold) call, then warm repeats. */
export interface Timing {
  label: string;
  bytes: number;
  coldMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
  note: string;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function sortedAt(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** Repeats until `budgetMs` is spent or `maxRuns` is reached (at least 5 warm runs). */
export function time(label: string, bytes: number, run: () => string, budgetMs = 1500, maxRuns = 300): Timing {
  let start = process.hrtime.bigint();
  const note = run();
  const coldMs = ms(start);
  const samples: number[] = [];
  const began = process.hrtime.bigint();
  while (samples.length < maxRuns && (samples.length < 5 || ms(began) < budgetMs)) {
    start = process.hrtime.bigint();
    run();
    samples.push(ms(start));
  }
  samples.sort((a, b) => a - b);
  return {
    label,
    bytes,
    coldMs,
    medianMs: sortedAt(samples, 0.5),
    p95Ms: sortedAt(samples, 0.95),
    maxMs: Math.max(coldMs, samples[samples.length - 1] ?? 0),
    runs: samples.length + 1,
    note,
  };
}
