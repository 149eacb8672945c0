import { readdirSync, readFileSync } from 'node:fs';

/** A running process as /proc shows it. */
export interface ProcessInfo {
  pid: string;
  /** argv joined by spaces. */
  commandLine: string;
  /** How long it has run, e.g. '1h12m'; undefined when /proc does not say. */
  elapsed: string | undefined;
}

/** Linux reports start times in clock ticks; 100 per second on every mainstream architecture. */
const CLOCK_TICKS = 100;
const MAX_SCAN = 4096;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** The process with this PID, or undefined when there is none (or no /proc). */
export function describeProcess(pid: string): ProcessInfo | undefined {
  if (!/^[0-9]{1,9}$/.test(pid)) return undefined;
  const cmdline = read(`/proc/${pid}/cmdline`);
  if (cmdline === undefined) return undefined;
  const commandLine = cmdline.replace(/\0+$/, '').split('\0').join(' ') || `[${read(`/proc/${pid}/comm`)?.trim() ?? '?'}]`;
  return { pid, commandLine: commandLine.length > 160 ? commandLine.slice(0, 160) + '…' : commandLine, elapsed: elapsedOf(pid) };
}

function elapsedOf(pid: string): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  const uptime = Number(read('/proc/uptime')?.split(' ')[0]);
  if (stat === undefined || !Number.isFinite(uptime)) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = Number(fields[19]);
  return Number.isFinite(start) ? formatDuration(uptime - start / CLOCK_TICKS) : undefined;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [d, h, m] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60)];
  if (d > 0) return `${d}d${h}h`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * Processes a pkill/killall pattern would hit. Only plain-text patterns are looked up (a regex
 * from a command line is never run here); `full` matches the whole command line, else the name.
 */
export function findProcesses(pattern: string, full: boolean, limit = 5): ProcessInfo[] {
  if (!/^[A-Za-z0-9 _./:=-]+$/.test(pattern)) return [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^[0-9]+$/.test(entry)).slice(0, MAX_SCAN);
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const pid of pids) {
    if (pid === String(process.pid)) continue;
    const subject = full ? read(`/proc/${pid}/cmdline`)?.split('\0').join(' ') : read(`/proc/${pid}/comm`)?.trim();
    if (!subject?.includes(pattern)) continue;
    const info = describeProcess(pid);
    if (info) out.push(info);
    if (out.length >= limit) break;
  }
  return out;
}
