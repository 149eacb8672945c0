#!/usr/bin/env node
// `npm run demo`: installs the kit into a temporary Claude config dir and plays a realistic
// kei-modal-runner session through the real hooks, printing every call and its decision.
// Exit 1 when any answer differs from what the seed's rules require.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorld } from './demo/world.mjs';
import { steps } from './demo/steps.mjs';
import { play } from './demo/play.mjs';
import { callResult, header, stepTitle, summary } from './demo/print.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds dist/ when it is missing or older than its sources (a fresh clone, or after a pull). */
function buildIfStale() {
  if (process.env.KEI_DEMO_NO_BUILD) return; // the test suite builds once, before any test runs
  const built = Math.min(...['kei.cjs', 'hook-runtime.cjs', 'cli.cjs', 'policy.json'].map((f) => (existsSync(join(repoRoot, 'dist', f)) ? statSync(join(repoRoot, 'dist', f)).mtimeMs : 0)));
  const sources = Math.max(...['src', 'capabilities', 'agents', 'settings.json', join('scripts', 'build.mjs')].map((p) => newest(join(repoRoot, p))));
  if (built > sources) return;
  process.stdout.write('Building the hook bundle (node scripts/build.mjs)…\n');
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}

function main() {
  buildIfStale();
  const world = createWorld(repoRoot);
  header(world, repoRoot);
  const results = [];
  steps(world).forEach((step, i) => {
    stepTitle(i + 1, step);
    step.calls.forEach((call, k) => {
      const answers = play(world, call, k === 0 ? step.say : undefined);
      results.push({ step: i + 1, title: step.title, ok: callResult(world, call, answers) });
    });
  });
  summary(world, results);
  // The demo's hook server goes with it (its state dir stays for `kei log`): a server exits
  // within a second of its socket being removed.
  rmSync(join(world.stateDir, 'run'), { recursive: true, force: true });
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main();
