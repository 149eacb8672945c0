import type { CheckResult } from '../runner.js';

const LABEL: Record<CheckResult['status'], string> = { pass: 'pass', fail: 'FAIL', skipped: 'skipped' };

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** The human table: one row per capability (result, time, summary), its evidence indented under it. */
export function formatTable(results: CheckResult[]): string {
  const nameWidth = Math.max('capability'.length, ...results.map((r) => r.capability.length));
  const rows = [`${'capability'.padEnd(nameWidth)}  ${'result'.padEnd(7)}  ${'time'.padStart(6)}  details`];
  const indent = ' '.repeat(nameWidth + 2 + 7 + 2 + 6 + 2);
  for (const r of results) {
    rows.push(`${r.capability.padEnd(nameWidth)}  ${LABEL[r.status].padEnd(7)}  ${duration(r.ms).padStart(6)}  ${r.summary}`);
    for (const line of r.evidence) rows.push(`${indent}${line}`);
  }
  return rows.join('\n') + '\n';
}

export function overall(results: CheckResult[]): string {
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  return `${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped\n`;
}
