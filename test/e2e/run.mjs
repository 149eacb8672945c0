#!/usr/bin/env node
// End-to-end tests with the real Claude Code CLI on loopback: `npm run test:e2e [name filter]`.
// Installs the pinned CLI into a cache dir (once), builds the package, and runs each scenario
// against a scripted fake Messages API on 127.0.0.1. Never skips: a missing CLI is a failure.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClaude, CLAUDE_VERSION } from './lib/claude-cli.mjs';
import { runScenario } from './lib/scenario.mjs';
import { missingPart } from './lib/landed.mjs';
import { SCENARIOS } from './scenarios/index.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const jobs = Math.max(1, Number(process.env.KEI_E2E_JOBS) || 2);
const log = (line) => process.stdout.write(`${line}\n`);

function setUp() {
  log('e2e: building the package (node scripts/build.mjs)');
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const bin = ensureClaude(log);
  log(`e2e: Claude Code ${CLAUDE_VERSION} at ${bin}`);
  return bin;
}

async function runAll(selected, bin) {
  const results = new Array(selected.length);
  let next = 0;
  const worker = async () => {
    while (next < selected.length) {
      const i = next++;
      results[i] = await runScenario(selected[i], { bin, repoRoot });
      report(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, selected.length) }, worker));
  return results;
}

function report(result) {
  const status = result.failures.length === 0 ? 'PASS' : 'FAIL';
  log(`${status}  ${result.name}  (${(result.ms / 1000).toFixed(1)} s)`);
  for (const failure of result.failures) log(`      - ${failure}`);
  if (result.failures.length === 0) return;
  const missing = result.needs.map((c) => missingPart(repoRoot, c)).filter(Boolean);
  for (const note of missing) log(`      depends on ${note}`);
  if (result.sandboxRoot) log(`      sandbox kept: ${result.sandboxRoot}`);
}

async function main() {
  const filter = process.argv.slice(2).join(' ').toLowerCase();
  const selected = SCENARIOS.filter((s) => s.name.toLowerCase().includes(filter));
  if (selected.length === 0) throw new Error(`no scenario matches '${filter}'`);
  let bin;
  try {
    bin = setUp();
  } catch (error) {
    log(`e2e: set-up FAILED (build or Claude Code install): ${error.message}`);
    log(`0 passed, ${selected.length} failed`);
    process.exit(1);
  }
  const started = Date.now();
  const results = await runAll(selected, bin);
  const failed = results.filter((r) => r.failures.length > 0).length;
  log(`\ne2e: ${selected.length} scenarios in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  log(`e2e: harness error: ${error.stack ?? error}`);
  log('0 passed, 1 failed');
  process.exit(1);
});
