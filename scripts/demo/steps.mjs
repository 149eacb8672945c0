// The session the demo plays: the seed's pre-launch checklist for kei-modal-runner, and the
// calls its rules forbid. Each call says what the seed's rules require the hooks to answer.
import { join } from 'node:path';

const TASK = [
  '```kei-task',
  'role: edit-local',
  'scope:',
  '  files-whitelist: ["training/**"]',
  '  files-denylist: ["**/*.lock", ".github/**"]',
  'output:',
  '  report-fields-required: [files-written, blockers]',
  '```',
].join('\n');

const LAUNCH = 'modal run training/train.py::main --config training/configs/a.yaml';

function longFunction() {
  const body = Array.from({ length: 37 }, (_, i) => `    total += batch[${i}]`);
  return ['def prepare(batch):', '    total = 0', ...body, '    return total', ''].join('\n');
}

function report(withBlockers) {
  const lines = [
    '=== KEI-MODAL-RUNNER REPORT ===',
    'Goal: single-variant smoke run of training/train.py',
    'Files written: none',
    'Cost estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu, verified via pricing page 2026-11-25)',
    'Cost tier: AUTO (<$5)',
    'KILL GUARD: stop issued after literal "yes, stop it" user confirmation',
  ];
  if (withBlockers) lines.push('blockers: none');
  return lines.join('\n');
}

const bash = (command, description) => ({ tool: 'Bash', input: { command, description }, response: { stdout: '', stderr: '', interrupted: false, isImage: false } });

/** The steps: { title, say?, calls: [{ kind, ... , expect }] } in the order the session plays them. */
export function steps(world) {
  const train = join(world.worktree, 'training', 'train.py');
  return [
    { title: 'The orchestrator (main thread) spawns kei-modal-runner, binding its task with a kei-task block', calls: [
      { kind: 'spawn', input: { description: 'Smoke-run the fine-tune', prompt: `Launch a single-variant smoke run of training/train.py.\n\n${TASK}`, subagent_type: 'kei-modal-runner' }, expect: 'pass', note: "the main thread is the user's own: never gated; the kei-task block is noted for the agent" },
      { kind: 'event', event: 'SubagentStart', expect: 'pass', note: 'a kit agent: its calls are governed from here on' },
    ] },
    { title: 'Checklist 1: `modal app list` before anything else', calls: [{ kind: 'agent', ...bash('modal app list', 'List running Modal apps'), output: 'ap-123  llm-finetune  running  1h12m', expect: 'pass', note: 'allowed; PostToolUse records that the list was checked' }] },
    { title: 'Checklist 2: read the script back (file verify)', calls: [{ kind: 'agent', tool: 'Read', input: { file_path: train }, output: 'training/train.py (24 lines)', expect: 'pass' }] },
    { title: 'Launch with no dollar estimate stated', calls: [{ kind: 'agent', ...bash(LAUNCH, 'Launch the smoke run'), expect: 'deny' }] },
    { title: 'Launch again, the cost line stated first', say: 'Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)', calls: [{ kind: 'agent', ...bash(LAUNCH, 'Launch the smoke run'), output: 'App launched (demo: nothing was started)', expect: 'pass' }] },
    { title: 'Try to publish the branch', calls: [{ kind: 'agent', ...bash('git push origin main', 'Push the training branch'), expect: 'deny' }] },
    { title: 'Try to stop the running training app', calls: [{ kind: 'agent', ...bash('modal app stop ap-123', 'Stop the old run'), expect: 'deny' }] },
    { title: 'The user answers with the literal confirmation, and the stop goes through once', calls: [
      { kind: 'prompt', prompt: 'ok, yes, stop it', expect: 'pass', note: 'recorded: arms one stop for this session' },
      { kind: 'agent', ...bash('modal app stop ap-123', 'Stop the old run (user confirmed)'), output: 'Stopped app ap-123 (demo: nothing was stopped)', expect: 'pass' },
    ] },
    { title: 'Write a file outside the task whitelist', calls: [{ kind: 'agent', tool: 'Write', input: { file_path: join(world.worktree, 'src', 'app.py'), content: 'def handler(event):\n    return {"ok": False}\n' }, expect: 'deny' }] },
    { title: 'Write a 40-line function (the limit is 30)', calls: [{ kind: 'agent', tool: 'Write', input: { file_path: join(world.worktree, 'training', 'prepare.py'), content: longFunction() }, expect: 'deny' }] },
    { title: 'Return a report without the required `blockers:` field', calls: [{ kind: 'stop', message: report(false), expect: 'block' }] },
    { title: 'Return the complete report', calls: [{ kind: 'stop', message: report(true), active: true, expect: 'pass' }] },
  ];
}
