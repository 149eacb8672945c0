/**
 * zod and the YAML parser are needed only when a task spec is parsed for the first time, glob
 * matching only for a command with a glob in it, TOML only for a dependency manifest: the
 * build moves them out of the hook bundle into dist/lazy/ (scripts/lazy-modules.mjs). The hook
 * bundle must not carry them, and each path that needs one must still work through the real
 * process.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { runHookProcess } from '../helpers/hook-process.js';
import { governedCall } from './support/kit.js';
import { hookEnv } from './support/hook-env.js';

const dist = join(REPO_ROOT, 'dist');

function reason(answer: { stdout: string }): string {
  return answer.stdout ? (JSON.parse(answer.stdout).hookSpecificOutput.permissionDecisionReason as string) : '';
}

describe('deferred modules', () => {
  it('keeps zod and the YAML parser out of the hook bundle', () => {
    // The runtime is split in several files (scripts/runtime-split.mjs); none may carry them.
    const runtime = readdirSync(dist).filter((f) => /^hook-runtime.*\.cjs$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    expect(runtime).not.toContain('"ZodError"');
    expect(runtime).not.toContain('YAMLParseError');
    expect(readFileSync(join(dist, 'lazy', 'task-spec-schema.cjs'), 'utf8')).toContain('"ZodError"');
    expect(readFileSync(join(dist, 'lazy', 'yaml.cjs'), 'utf8')).toContain('YAMLParseError');
    for (const name of ['task-spec-schema', 'yaml', 'picomatch', 'smol-toml']) expect(runtime).toContain(`("./lazy/${name}.cjs")`);
  });

  it('matches a glob that reaches .git (picomatch, loaded from dist/lazy/)', () => {
    const h = hookEnv();
    const answer = runHookProcess('PreToolUse', JSON.stringify(governedCall(h, 'Bash', { command: 'rm -rf .gi?' })), h.env);
    expect(reason(answer)).toContain('[policy::no-git-ops]');
  });

  it('compares the dependency tables of a Cargo.toml edit (smol-toml, loaded from dist/lazy/)', () => {
    const h = hookEnv();
    const manifest = join(h.worktree, 'configs', 'Cargo.toml');
    writeFileSync(manifest, '[package]\nname = "x"\n\n[dependencies]\nrand = "0.8"\n');
    const edit = { file_path: manifest, old_string: 'rand = "0.8"', new_string: 'rand = "0.9"' };
    const answer = runHookProcess('PreToolUse', JSON.stringify(governedCall(h, 'Edit', edit)), h.env);
    expect(reason(answer)).toContain('changes rand in [dependencies] from "0.8" to "0.9"');
  });

  it('binds a task spec on the first, uncached call: inside the whitelist passes, outside is denied', () => {
    const h = hookEnv();
    const write = (file: string) => runHookProcess('PreToolUse', JSON.stringify(governedCall(h, 'Write', { file_path: join(h.worktree, file), content: 'x\n' })), h.env);
    expect(write('train/a.py')).toMatchObject({ status: 0, stdout: '' });
    const outside = write('src/b.py');
    expect(reason(outside)).toContain('[scope::files-whitelist] `src/b.py` is not in your task\'s files-whitelist');
  });

  it('names the field of an invalid spec (zod, loaded from dist/lazy/)', () => {
    const h = hookEnv();
    const bad = { type: 'user', message: { role: 'user', content: '```kei-task\nscope:\n  files-whitelist: "train"\n```\n' } };
    writeFileSync(h.subagentTranscript, JSON.stringify(bad) + '\n');
    const answer = runHookProcess('PreToolUse', JSON.stringify(governedCall(h, 'Write', { file_path: join(h.worktree, 'train/a.py'), content: 'x\n' })), h.env);
    expect(reason(answer)).toContain('scope.files-whitelist: Invalid input: expected array, received string');
  });
});
