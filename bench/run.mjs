// `npm run bench`: every hook scenario measured side by side with `node -e 0` (and the
// peer guard) in interleaved rounds, plus in-process analysis timings. Writes bench/results.md.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFixtures } from './lib/fixtures.mjs';
import { installPeer } from './lib/peer.mjs';
import { variantsFor, describeAnswer } from './lib/variants.mjs';
import { timedRun, peakRssKb, memoryMethod, cleanupScratch } from './lib/spawn.mjs';
import { summary, median, shuffled, seededRandom } from './lib/stats.mjs';
import { runInProcess } from './lib/inprocess.mjs';
import { header, processTable, inProcessTable, serverNotes } from './lib/report.mjs';
import { firstCalls, memoryKb, servers } from './lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    'mem-rounds': { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
    seed: { type: 'string', default: '9' },
    'no-peer': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(root, 'bench', 'results.md') },
  },
});
const options = { rounds: Number(values.rounds), memRounds: Number(values['mem-rounds']), warmup: Number(values.warmup), seed: Number(values.seed) };

function log(text) {
  process.stderr.write(`${text}\n`);
}

function measure(variants) {
  const random = seededRandom(options.seed);
  const times = new Map(variants.map((v) => [v.id, []]));
  const answers = new Map();
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const v of shuffled(variants, random)) {
      const run = timedRun(v);
      if (!answers.has(v.id)) answers.set(v.id, describeAnswer(run));
      if (round >= options.warmup) times.get(v.id).push(run.ms);
    }
  }
  const method = memoryMethod();
  const rss = new Map(variants.map((v) => [v.id, []]));
  for (let round = 0; round < options.memRounds; round++) {
    for (const v of shuffled(variants, random)) rss.get(v.id).push(peakRssKb(v, method));
  }
  const row = (v) => ({ ...v, time: summary(times.get(v.id)), rssKb: median(rss.get(v.id)), answer: answers.get(v.id) });
  return { method, rows: variants.map(row) };
}

async function main() {
  if (!existsSync(join(distDir, 'kei.cjs'))) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const fx = createFixtures(distDir);
  const peer = values['no-peer'] ? { error: 'skipped (--no-peer)' } : installPeer();
  if (peer.error) log(`peer: ${peer.error}; measuring ours only`);
  const only = values.only?.split(',');
  const variants = variantsFor(distDir, fx, peer).filter((v) => !only || v.id === 'floor' || only.includes(v.id));
  log(`measuring ${variants.length} scenarios x ${options.rounds} rounds ...`);
  const { method, rows } = measure(variants);
  const floor = rows.find((r) => r.id === 'floor');
  const server = await serverFacts(fx, variants.find((v) => v.id === 'gov-bash'));
  const broken = rows.filter((r) => !(r.time.min > 5) || r.answer.startsWith('exit null'));
  if (broken.length > 0) log(`warning: implausible runs (did the process start?): ${broken.map((r) => r.id).join(', ')}`);
  const shell = await runInProcess(root, 'bench/inprocess/shell.ts', 'src/shell/index.ts');
  const measureFns = await runInProcess(root, 'bench/inprocess/measure.ts', 'src/measure/index.ts');
  const text = [
    header(options, { memoryMethod: method, policySource: fx.policySource, peer }),
    '## Hook process per tool call',
    '',
    processTable(rows, floor, rows.find((r) => r.id === 'peer')),
    '',
    serverNotes(server, floor),
    '## In-process analysis (no process start)',
    '',
    inProcessTable('Shell analysis: analyseShell', shell),
    inProcessTable('Function lengths (src/measure)', measureFns),
  ].join('\n');
  writeFileSync(values.out, text);
  process.stdout.write(text);
  rmSync(fx.root, { recursive: true, force: true });
  cleanupScratch();
}

/** The server that decided the governed scenarios, and what a session's first call costs. */
async function serverFacts(fx, governedBash) {
  const status = (await servers(fx.stateDir)).sort((a, b) => b.served - a.served)[0];
  if (!status || !governedBash) return {};
  const memory = memoryKb(status.pid);
  const firstCallRuns = 10;
  log(`measuring ${firstCallRuns} first calls (no server yet) ...`);
  return { status, memory, firstCallRuns, firstCallMs: await firstCalls(governedBash, fx.stateDir, firstCallRuns) };
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
