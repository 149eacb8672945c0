// Building blocks for scripted lanes: spawning a kit agent, kei-task blocks, a complete report.
export const KIT_AGENT = 'kei-modal-runner';

/** The main thread's script: spawn one subagent whose prompt starts with its lane marker. */
export function spawnSteps(subMarker, task, agentType = KIT_AGENT) {
  return [
    { text: 'Delegating to the Modal runner.', tool: { name: 'Agent', input: { description: 'Modal runner task', prompt: `${subMarker} ${task}`, subagent_type: agentType, run_in_background: false } } },
    { text: 'The runner is working; waiting for its report.' },
  ];
}

export function keiTask({ whitelist = ['training/**'], denylist = [], fields } = {}) {
  const lines = ['```kei-task', 'role: edit-local', 'scope:', `  files-whitelist: ${JSON.stringify(whitelist)}`, `  files-denylist: ${JSON.stringify(denylist)}`];
  if (fields) lines.push('output:', `  report-fields-required: ${JSON.stringify(fields)}`);
  lines.push('```');
  return lines.join('\n');
}

/** kei-modal-runner's report with every field of its OUTPUT FORMAT; `omit` drops labels. */
export function report({ omit = [] } = {}) {
  const fields = [
    ['Goal', 'run the requested Modal step'],
    ['Scope', 'in: training/ / out: everything else'],
    ['Plan', '3 steps'],
    ['Executed', 'no files touched'],
    ['Verify', 'each criterion pass'],
    ['Evidence grades', 'E2 for the run status'],
    ['Handoffs made', 'none'],
    ['Cost estimate', '$2.25 (= 1 × 0.5h × $4.50/hr/gpu, verified via pricing page 2026-11-25)'],
    ['Cost tier', 'AUTO (<$5)'],
    ['Session spend so far', '$2.25 / $20 daily cap → headroom $17.75'],
    ['GPU', 'H100 | torch version: 2.3'],
    ['Pre-launch checklist', '[x] app-list [x] GPU-compat [x] file-verify [x] cost [x] vol+ckpt [x] observability [x] retries [x] spawn-not-map'],
    ['`modal app list` baseline', '1 running, train'],
    ['Variant plan', 'single-variant smoke FIRST, then fan out 0 remaining'],
    ['KILL GUARD', 'no stop issued'],
    ['Blockers / next', 'none'],
    ['Files written', 'none'],
    ['cargo-check', 'not applicable (no Cargo workspace)'],
    ['cargo-test', 'not applicable'],
    ['loc-delta', '+0 / -0'],
    ['blockers', 'none'],
    ['next', 'none'],
  ];
  const kept = fields.filter(([label]) => !omit.includes(label));
  return ['=== KEI-MODAL-RUNNER REPORT ===', ...kept.map(([label, value]) => `${label}: ${value}`)].join('\n');
}

export const bash = (command, description, text) => ({ ...(text ? { text } : {}), tool: { name: 'Bash', input: { command, description } } });
export const read = (file) => ({ tool: { name: 'Read', input: { file_path: file } } });
