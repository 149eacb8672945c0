/** One line of `kei doctor`: what was checked, how it went, and how to fix it when it did not. */
export interface CheckLine {
  status: 'OK' | 'WARN' | 'FAIL';
  what: string;
  fix?: string;
}

export const ok = (what: string): CheckLine => ({ status: 'OK', what });
export const warn = (what: string, fix: string): CheckLine => ({ status: 'WARN', what, fix });
export const fail = (what: string, fix: string): CheckLine => ({ status: 'FAIL', what, fix });

export function renderLines(lines: CheckLine[]): string {
  const out: string[] = [];
  for (const line of lines) {
    out.push(`${line.status.padEnd(5)} ${line.what}`);
    if (line.fix) out.push(`      fix: ${line.fix}`);
  }
  const count = (s: CheckLine['status']) => lines.filter((l) => l.status === s).length;
  out.push('', `${count('OK')} OK, ${count('WARN')} WARN, ${count('FAIL')} FAIL`);
  return out.join('\n') + '\n';
}
