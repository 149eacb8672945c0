// Lays the session out for a terminal: each step, each hook call, the decision and its reason.
import { relative } from 'node:path';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const COLOR = { deny: '1;31', block: '1;31', error: '1;31', ask: '1;33', warn: '1;33', note: '1;34', pass: '1;32' };
const WIDTH = Math.max(80, Math.min(process.stdout.columns || 110, 130));
const out = (line = '') => process.stdout.write(`${line}\n`);

export function header(world, repoRoot) {
  out(paint('1', 'kei-substrate demo: one kei-modal-runner session through the real, installed hooks'));
  out(`  Claude config  ${world.config}   (kit installed by \`kei install --target\`)`);
  out(`  hook bundle    ${repoRoot}/dist/kei.cjs`);
  out(`  worktree       ${world.worktree}   (a real git repo)`);
  out(`  decision log   ${world.stateDir}/decisions.jsonl`);
  out('  No network, no API key: each call below is the JSON Claude Code would send, piped into the installed hook.');
}

export function stepTitle(n, step) {
  out();
  out(paint('1;36', `── ${n}. ${step.title}`));
  if (step.say) out(`   kei-modal-runner says: ${paint('3', step.say)}`);
}

function subject(world, call) {
  if (call.kind === 'spawn') return `Agent → ${call.input.subagent_type} (prompt carries a kei-task block)`;
  if (call.kind === 'prompt') return `user prompt: “${call.prompt}”`;
  if (call.kind === 'stop') return `returns its report (${call.message.split('\n').length} lines)`;
  if (call.kind === 'event') return call.event;
  if (call.tool === 'Bash') return `Bash  $ ${call.input.command}`;
  return `${call.tool}  ${relative(world.worktree, call.input.file_path)}`;
}

const WHO = { spawn: 'main thread', prompt: 'user' };

/** Splits text into lines of at most `width` characters, at spaces where it can. */
function wrap(text, width) {
  const lines = [];
  for (const paragraph of text.split('\n').filter((l) => l.trim() !== '')) {
    let rest = paragraph;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width) > width / 2 ? rest.lastIndexOf(' ', width) : width;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    lines.push(rest);
  }
  return lines;
}

function answerLines(event, answer, note) {
  if (answer === null) return [`${event}: ${paint('2', 'no hook registered for this tool (not gated)')}`];
  const word = paint(COLOR[answer.decision] ?? '1', answer.decision.toUpperCase());
  const indent = ' '.repeat(event.length + 3 + answer.decision.length + 2);
  const text = wrap(answer.text, WIDTH - 20 - indent.length);
  if (text.length === 0) return [`${event} → ${word}${note && answer.decision === 'pass' ? paint('2', `  ${note}`) : ''}`];
  return [`${event} → ${word}  ${text[0]}`, ...text.slice(1).map((l) => `${indent}${l}`)];
}

/** Prints one call and its hook answers; returns true when the deciding answer is the expected one. */
export function callResult(world, call, answers) {
  out(`   ${paint('1', (WHO[call.kind] ?? 'kei-modal-runner').padEnd(17))}${subject(world, call)}`);
  answers.forEach(({ event, answer }, i) => {
    for (const l of answerLines(event, answer, i === 0 ? call.note : undefined)) out(`   ${' '.repeat(17)}${l}`);
  });
  const got = answers[0]?.answer?.decision ?? 'pass';
  const ok = got === call.expect;
  if (!ok) out(`   ${' '.repeat(17)}${paint('1;31', `✗ the seed's rules require ${call.expect.toUpperCase()} here, the hooks answered ${got.toUpperCase()}`)}`);
  return ok;
}

export function summary(world, results) {
  const good = results.filter((r) => r.ok).length;
  out();
  out(paint('1', `${good} of ${results.length} calls answered as the seed's rules require.`));
  for (const r of results.filter((x) => !x.ok)) out(paint('31', `  not yet: step ${r.step}: ${r.title}`));
  out(`See the decisions again: KEI_STATE_DIR=${world.stateDir} node dist/kei.cjs log --all`);
  out(`Everything lives under ${world.root}; delete it when done.`);
}
