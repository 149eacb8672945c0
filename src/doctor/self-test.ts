import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PolicyBundle } from '../policy/bundle-types.js';
import { fail, ok, type CheckLine } from './check.js';
import { selfTests, type Answer, type SelfTest } from './self-test-payloads.js';

function callHook(bundle: string, event: string, payload: unknown, env: NodeJS.ProcessEnv, cwd: string): Promise<Answer> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, 'hook', event], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: error.message, ms: Date.now() - start });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

/** Checks the protocol (exit 0, JSON or nothing, the right event name, never `allow`) and the decision. */
export function judgeAnswer(test: SelfTest, answer: Answer): string | undefined {
  if (answer.code !== 0) return `exit ${answer.code}${answer.stderr ? `: ${answer.stderr.trim().split('\n')[0]}` : ''}`;
  let parsed: Record<string, unknown> | undefined;
  if (answer.stdout.trim() !== '') {
    try {
      parsed = JSON.parse(answer.stdout) as Record<string, unknown>;
    } catch {
      return `output is not JSON: ${answer.stdout.slice(0, 120)}`;
    }
    const specific = parsed.hookSpecificOutput as Record<string, unknown> | undefined;
    if (specific && specific.hookEventName !== test.event) return `hookEventName is ${String(specific.hookEventName)}, expected ${test.event}`;
    if (specific?.permissionDecision === 'allow') return 'answered `allow`, which would skip the user\'s own permission rules';
  }
  return test.judge(parsed);
}

const SELF_TEST_FIX = 'rebuild with `npm run build`; `kei explain --agent <name> --tool <Tool> -- <input>` shows what each capability decides';

function pickAgent(policy: PolicyBundle): PolicyBundle['agents'][string] | undefined {
  const agents = Object.values(policy.agents);
  return agents.find((a) => a.name === 'kei-modal-runner') ?? agents[0];
}

/** Sends a synthetic governed payload through each hook event and checks each answer. */
export async function runSelfTests(bundle: string, env: NodeJS.ProcessEnv): Promise<CheckLine[]> {
  let policy: PolicyBundle;
  try {
    policy = JSON.parse(readFileSync(join(dirname(bundle), 'policy.json'), 'utf8')) as PolicyBundle;
  } catch (error) {
    return [fail(`self-test: cannot read ${join(dirname(bundle), 'policy.json')} (${(error as Error).message})`, 'run `npm run build` in the package')];
  }
  const agent = pickAgent(policy);
  if (!agent) return [fail('self-test: the compiled policy governs no agent', 'add manifests under agents/manifests and run `npm run build`')];
  const dir = mkdtempSync(join(tmpdir(), 'kei-doctor-'));
  try {
    const tests = selfTests(agent, dir);
    const childEnv = { ...env, KEI_STATE_DIR: join(dir, 'state') };
    const answers: Answer[] = [];
    // Two at a time: the times shown stay close to what one call costs.
    for (let i = 0; i < tests.length; i += 2) {
      answers.push(...(await Promise.all(tests.slice(i, i + 2).map((t) => callHook(bundle, t.event, t.payload, childEnv, dir)))));
    }
    return tests.map((t, i) => {
      const problem = judgeAnswer(t, answers[i]!);
      const what = `self-test ${t.event}: ${t.label} (${answers[i]!.ms} ms)`;
      return problem ? fail(`${what}: ${problem}`, SELF_TEST_FIX) : ok(what);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
