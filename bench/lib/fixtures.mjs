// A realistic place for the hook to run: a git worktree, a state dir with the policy, a session
// transcript whose subagent file carries the kei-task block, and the payloads of each scenario.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rustFile, BASH_200 } from './payload-text.mjs';

export const AGENT = 'kei-modal-runner';
const SESSION = 'bench-session-0001';
const AGENT_ID = 'a0bench000000001';

const TASK_BLOCK = [
  '```kei-task',
  'role: edit-local',
  'scope:',
  '  files-whitelist: ["train/**", "crates/forge/src/**"]',
  '  files-denylist: ["**/Cargo.toml", "**/Cargo.lock", ".github/**"]',
  '```',
].join('\n');

function write(file, text) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

function makeWorktree(dir) {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('git', ['init', '-q', dir], { stdio: 'ignore' });
  } catch {
    mkdirSync(join(dir, '.git'));
  }
  write(join(dir, 'train', 'train.py'), 'print("train", flush=True)\n');
  write(join(dir, 'configs', 'base.yaml'), 'learning_rate: 0.001\n');
  write(join(dir, 'logs', 'train.log'), 'step 1 loss 2.0\n'.repeat(100));
  write(join(dir, 'crates', 'forge', 'Cargo.toml'), '[package]\nname = "forge"\nversion = "0.1.0"\n');
  write(join(dir, 'crates', 'forge', 'src', 'lib.rs'), 'pub mod model;\n');
}

function makeTranscripts(projects) {
  const main = join(projects, `${SESSION}.jsonl`);
  write(main, JSON.stringify({ type: 'user', message: { role: 'user', content: 'Launch the sweep.' }, sessionId: SESSION }) + '\n');
  const prompt = `Run the forge model update.\n\n${TASK_BLOCK}\n`;
  const sub = join(projects, SESSION, 'subagents', `agent-${AGENT_ID}.jsonl`);
  write(sub, JSON.stringify({ type: 'user', isSidechain: true, agentId: AGENT_ID, sessionId: SESSION, message: { role: 'user', content: prompt } }) + '\n');
  return main;
}

/** The kit's policy when it already has the agent; otherwise the compiled capabilities plus the agent. */
function policyFor(distDir, stateDir) {
  const shipped = JSON.parse(readFileSync(join(distDir, 'policy.json'), 'utf8'));
  if (shipped.agents?.[AGENT]) return 'dist/policy.json (kit manifest)';
  const wanted = ['tools::deny-tools', 'policy::no-git-ops', 'scope::files-whitelist', 'scope::files-denylist', 'quality::constructor-pattern',
    'quality::cargo-check-green', 'quality::tests-green', 'safety::no-dep-bump', 'output::report-format',
    'safety::kill-guard', 'modal::cost-line', 'modal::prelaunch', 'modal::script-lint'];
  const agent = {
    name: AGENT, role: 'edit-local', tools: ['Glob', 'Grep', 'Read', 'Edit', 'Write', 'Bash', 'Agent'],
    capabilities: wanted.filter((c) => shipped.capabilities[c]), bashReadOnly: false, reportName: AGENT.toUpperCase(), defaultScope: null,
  };
  write(join(stateDir, 'policy.json'), JSON.stringify({ ...shipped, agents: { ...shipped.agents, [AGENT]: agent } }));
  return 'state-dir policy.json (kit capabilities + synthesized kei-modal-runner: manifest not in dist yet)';
}

export function createFixtures(distDir) {
  const root = mkdtempSync(join(tmpdir(), 'kei-bench-'));
  const worktree = join(root, 'worktree');
  const stateDir = join(root, 'state');
  const home = join(root, 'home');
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  makeWorktree(worktree);
  const transcript = makeTranscripts(join(root, 'projects', 'bench'));
  const policySource = policyFor(distDir, stateDir);
  const base = { session_id: SESSION, transcript_path: transcript, cwd: worktree, permission_mode: 'default', hook_event_name: 'PreToolUse' };
  const governed = { ...base, agent_id: AGENT_ID, agent_type: AGENT };
  const rust = rustFile(150);
  const payloads = {
    mainBash: { ...base, tool_name: 'Bash', tool_input: { command: BASH_200, description: 'inspect run' }, tool_use_id: 'toolu_b1' },
    otherWrite: { ...base, agent_id: 'a0other0000001', agent_type: 'general-purpose', tool_name: 'Write', tool_input: { file_path: join(worktree, 'crates/forge/src/model.rs'), content: rust }, tool_use_id: 'toolu_w0' },
    governedBash: { ...governed, tool_name: 'Bash', tool_input: { command: BASH_200, description: 'inspect run' }, tool_use_id: 'toolu_b2' },
    governedWrite: { ...governed, tool_name: 'Write', tool_input: { file_path: join(worktree, 'crates/forge/src/model.rs'), content: rust }, tool_use_id: 'toolu_w1' },
  };
  const env = { PATH: process.env.PATH, HOME: home, KEI_STATE_DIR: stateDir, LANG: 'C.UTF-8' };
  return { root, worktree, stateDir, env, payloads, policySource, rustLines: rust.split('\n').length - 1 };
}
