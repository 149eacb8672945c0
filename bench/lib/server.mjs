// The hook server as the benchmark sees it: which one serves the fixture, how much memory it
// holds, and what the first call of a session costs (no server yet: decided in process, and a
// server started for the calls after it).
import { readdirSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { timedRun } from './spawn.mjs';
import { median } from './stats.mjs';

function status(socketPath) {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let text = '';
    let acked = false;
    const timer = setTimeout(() => (socket.destroy(), resolve(undefined)), 2000);
    socket.setEncoding('utf8');
    socket.on('error', () => (clearTimeout(timer), resolve(undefined)));
    socket.on('data', (chunk) => {
      if (!acked && chunk.startsWith('+')) {
        acked = true;
        socket.end('#status\n');
        chunk = chunk.slice(1);
      }
      text += chunk;
    });
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** Status of every server listening in the state dir. */
export async function servers(stateDir) {
  let names = [];
  try {
    names = readdirSync(join(stateDir, 'run')).filter((n) => n.endsWith('.sock'));
  } catch {
    return [];
  }
  const found = await Promise.all(names.map((n) => status(join(stateDir, 'run', n))));
  return found.filter(Boolean);
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
