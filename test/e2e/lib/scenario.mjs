// Runs one scenario: a sandbox, one fake API per `claude -p` run, then the scenario's checks.
import { rmSync } from 'node:fs';
import { startFakeApi } from './fake-api.mjs';
import { claudeEnv, runClaude } from './claude-cli.mjs';
import { createSandbox } from './sandbox.mjs';
import { Expect } from './checks.mjs';

async function runOnce(spec, ctx) {
  const api = await startFakeApi(spec.lanes);
  try {
    const extraArgs = [];
    if (ctx.plugin) extraArgs.push('--plugin-dir', ctx.repoRoot);
    if (spec.resume && ctx.sessionId) extraArgs.push('--resume', ctx.sessionId);
    const env = { ...claudeEnv({ home: ctx.sandbox.home, apiUrl: api.url, stateDir: ctx.sandbox.stateDir, path: ctx.sandbox.path }), KEI_E2E_SHIM_LOG: ctx.sandbox.shimLog };
    const result = await runClaude(ctx.bin, { prompt: spec.prompt, cwd: ctx.sandbox.project, env, extraArgs });
    return { result, lanes: Object.fromEntries(api.lanes.map((l) => [l.name, l])), unrouted: api.unrouted };
  } finally {
    await api.close();
  }
}

function checkRun(expect, run, i) {
  const { result } = run;
  const label = `run ${i + 1}`;
  if (!expect.that(!result.timedOut, `${label}: claude -p did not finish in time`)) return false;
  if (!expect.that(result.code === 0 && result.json !== undefined, `${label}: claude -p exited ${result.code}; stderr: ${result.stderr.slice(0, 400)}; stdout: ${result.stdout.slice(0, 400)}`)) return false;
  expect.that(run.unrouted.length === 0, `${label}: requests no lane answered: ${run.unrouted.join(' | ').slice(0, 400)}`);
  return true;
}

/** Resolves to { name, failures, ms, sandboxRoot }; the sandbox is removed unless a check failed or KEI_E2E_KEEP is set. */
export async function runScenario(scenario, { bin, repoRoot }) {
  const start = Date.now();
  const sandbox = createSandbox({ repoRoot, install: scenario.install ?? 'settings' });
  const ctx = { bin, repoRoot, sandbox, plugin: scenario.install === 'plugin', sessionId: undefined };
  const expect = new Expect();
  const runs = [];
  try {
    for (const spec of scenario.runs(sandbox)) {
      const run = await runOnce(spec, ctx);
      ctx.sessionId = run.result.json?.session_id ?? ctx.sessionId;
      runs.push(run);
    }
    const healthy = runs.map((run, i) => checkRun(expect, run, i)).every(Boolean);
    if (healthy) scenario.check({ runs, sandbox, expect, bin, repoRoot });
  } catch (error) {
    expect.failures.push(`harness error: ${error.stack ?? error}`);
  }
  const keep = expect.failures.length > 0 || process.env.KEI_E2E_KEEP;
  if (!keep) rmSync(sandbox.root, { recursive: true, force: true });
  return { name: scenario.name, needs: scenario.needs ?? [], failures: expect.failures, ms: Date.now() - start, sandboxRoot: keep ? sandbox.root : undefined };
}
