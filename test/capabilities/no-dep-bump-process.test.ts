/**
 * Both gates through the real bundled hook process, as Claude Code runs it for the governed
 * kei-modal-runner: the TOML parser is loaded on demand for a manifest edit, and a long
 * function in a Write is denied with its name.
 */
import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHookProcess } from '../helpers/hook-process.js';
import { hookEnv } from '../reliability/support/hook-env.js';
import { governedCall } from '../reliability/support/kit.js';
import { pythonFunction } from '../measure/support/sources.js';

function reason(answer: { stdout: string }): string {
  return answer.stdout ? (JSON.parse(answer.stdout).hookSpecificOutput.permissionDecisionReason as string) : '';
}

it('denies adding a dependency to pyproject.toml and passes a change elsewhere in it', () => {
  const h = hookEnv();
  const manifest = join(h.worktree, 'train', 'pyproject.toml');
  writeFileSync(manifest, '[project]\nname = "trainer"\ndependencies = ["torch>=2.1"]\n\n[tool.ruff]\nline-length = 100\n');
  const edit = (oldString: string, newString: string) =>
    runHookProcess('PreToolUse', JSON.stringify(governedCall(h, 'Edit', { file_path: manifest, old_string: oldString, new_string: newString })), h.env);
  expect(reason(edit('"torch>=2.1"]', '"torch>=2.1", "wandb"]'))).toContain(
    '[safety::no-dep-bump] This edit of train/pyproject.toml adds wandb = wandb to [project.dependencies].',
  );
  expect(edit('line-length = 100', 'line-length = 120')).toMatchObject({ status: 0, stdout: '' });
});

it('denies a Write whose function passes 30 lines, naming it', () => {
  const h = hookEnv();
  const call = governedCall(h, 'Write', { file_path: join(h.worktree, 'train', 'loop.py'), content: pythonFunction('train_loop', 31) });
  expect(reason(runHookProcess('PreToolUse', JSON.stringify(call), h.env))).toContain(
    '[quality::constructor-pattern] train_loop in train/loop.py would span lines 1-31: 31 lines; the limit is 30',
  );
});

it('denies `pip install` of a package through the real shell analysis', () => {
  const h = hookEnv();
  const call = governedCall(h, 'Bash', { command: 'python -m pip install wandb', description: 'install' });
  expect(reason(runHookProcess('PreToolUse', JSON.stringify(call), h.env))).toContain("[safety::no-dep-bump] `python -m pip install wandb` installs `wandb`, which the project's requirements do not list.");
});
