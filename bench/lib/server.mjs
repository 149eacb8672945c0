// The hook server as the benchmark sees it: which one serves the fixture, how much memory it
// holds, and what the first call of a session costs (no server yet: decided in process, and a
// server started for the calls after it).
import { closeSync, constants, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { timedRun } from './spawn.mjs';
import { median } from './stats.mjs';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A server's status through its mailbox (the protocol of src/server/protocol.ts), or undefined. */
function status(mailbox) {
  const id = `bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const request = join(mailbox, `req-${id}`);
  const answer = join(mailbox, `ans-${id}`);
  try {
    writeFileSync(request, '#status\n', { flag: 'wx' });
    const fd = openSync(join(mailbox, 'door'), constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(fd, `${id}\n`);
    closeSync(fd);
  } catch {
    rmSync(request, { force: true });
    return undefined;
  }
  for (let waited = 0; waited < 1000; waited++) {
    if (existsSync(answer)) {
      const text = readFileSync(answer, 'utf8');
      rmSync(answer, { force: true });
      return JSON.parse(text);
    }
    Atomics.wait(sleeper, 0, 0, 1);
  }
  rmSync(request, { force: true });
  return undefined;
}

/** Status of every server in the state dir. */
export async function servers(stateDir) {
  let names = [];
  try {
    names = readdirSync(join(stateDir, 'run')).filter((n) => n.startsWith('hook-') && !n.endsWith('.starting'));
  } catch {
    return [];
  }
  return names.map((n) => status(join(stateDir, 'run', n))).filter(Boolean);
}

/** Resident and peak memory of a process in kB, from /proc. */
export function memoryKb(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1]);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

/** Servers that have not served a call yet: the ones the first calls started. */
async function newServers(stateDir, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const list = (await servers(stateDir)).filter((s) => s.served === 0);
    if (list.length > 0 || Date.now() > until) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `runs` first calls, each in an environment no server has seen (so each is decided in process
 * and starts a server). Each server is stopped before the next run, so none competes for the CPU.
 */
export async function firstCalls(variant, stateDir, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const run = timedRun({ ...variant, env: { ...variant.env, KEI_BENCH_FIRST_CALL: String(i) } });
    times.push(run.ms);
    for (const s of await newServers(stateDir)) process.kill(s.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  }
  return median(times);
}
