import type { DecisionRecord } from '../state/decision-log.js';

export interface FormatOptions {
  /** Terminal width; reasons are cut to fit when set. */
  width?: number;
  color: boolean;
  now: Date;
}

const COLORS: Record<string, string> = { deny: '31', block: '31', error: '31', ask: '33', warn: '33', pass: '32' };

function when(time: string, now: Date): string {
  const t = new Date(time);
  if (Number.isNaN(t.getTime())) return String(time).slice(0, 19);
  const clock = t.toTimeString().slice(0, 8);
  return t.toDateString() === now.toDateString() ? clock : `${t.toISOString().slice(0, 10)} ${clock}`;
}

function who(r: DecisionRecord): string {
  const id = r.agentId ? ` ${r.agentId.slice(0, 7)}` : '';
  return `${r.agentType ?? 'main'}${id}`;
}

function firstLine(reason: unknown): string {
  const text = typeof reason === 'string' ? reason : '';
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function row(r: DecisionRecord, now: Date): string[] {
  const call = r.tool ? `${r.event} ${r.tool}` : String(r.event);
  return [when(r.time, now), who(r), call, String(r.decision).toUpperCase(), String(r.capability), firstLine(r.reason)];
}

/** The records as aligned columns, newest last, one line each. */
export function formatTable(records: DecisionRecord[], options: FormatOptions): string[] {
  const rows = records.map((r) => row(r, options.now));
  const header = ['TIME', 'AGENT', 'CALL', 'DECISION', 'CAPABILITY', 'REASON'];
  const widths = header.slice(0, 5).map((h, i) => Math.max(h.length, ...rows.map((c) => c[i]!.length)));
  const render = (cells: string[], decision?: string) => {
    const fixed = cells.slice(0, 5).map((c, i) => c.padEnd(widths[i]!));
    if (options.color && decision && COLORS[decision]) fixed[3] = `\u001b[${COLORS[decision]}m${fixed[3]}\u001b[0m`;
    const lead = widths.reduce((a, w) => a + w + 2, 0);
    let reason = cells[5]!;
    if (options.width && lead + reason.length > options.width) reason = `${reason.slice(0, Math.max(10, options.width - lead - 1))}…`;
    return `${fixed.join('  ')}  ${reason}`.trimEnd();
  };
  return [render(header), ...rows.map((cells, i) => render(cells, String(records[i]!.decision)))];
}
