import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';
import { assembleAll } from '../../src/assemble/plan.js';
import { writeAssembled } from '../../src/assemble/write.js';

/**
 * A hook bundle that answers like a healthy installation: deny for a governed PreToolUse,
 * silence for the main thread, block for a governed SubagentStop. `mode: 'crash'` exits 1.
 */
const HOOK = (mode: 'healthy' | 'crash') => `
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const event = process.argv[3];
if (${JSON.stringify(mode)} === 'crash') { process.stderr.write('boom'); process.exit(1); }
const out = (v) => process.stdout.write(JSON.stringify(v));
if (!input.agent_type) process.exit(0);
if (event === 'PreToolUse' && input.tool_name !== 'Bash') out({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'no' } });
if (event === 'PreToolUse' && input.tool_name === 'Bash' && /git push/.test(input.tool_input.command)) out({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'no git' } });
if (event === 'SubagentStop') out({ decision: 'block', reason: 'report missing' });
`;

export const POLICY = {
  version: 1,
  capabilities: {},
  agents: { 'kei-modal-runner': { name: 'kei-modal-runner', role: 'edit-local', tools: ['Read', 'Bash', 'Edit', 'Write'], capabilities: ['tools::deny-tools', 'policy::no-git-ops'], bashReadOnly: false, reportName: 'KEI-MODAL-RUNNER', defaultScope: null } },
};

/**
 * A copy of the real kit (manifests, capabilities), its agents assembled afresh so the copy is
 * consistent whatever state the working tree is in, with a scripted hook bundle.
 */
export function doctorPackage(mode: 'healthy' | 'crash' = 'healthy'): string {
  const root = tempDir('kei-pkg-');
  for (const part of ['agents', 'capabilities', 'settings.json', 'package.json', join('docs', 'AGENT-ROLES.md')]) {
    cpSync(join(REPO_ROOT, part), join(root, part), { recursive: true });
  }
  writeAssembled(assembleAll(root));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'kei.cjs'), HOOK(mode));
  writeFileSync(join(root, 'dist', 'hook-runtime.cjs'), '');
  writeFileSync(join(root, 'dist', 'cli.cjs'), '');
  writeFileSync(join(root, 'dist', 'manifest-edit.cjs'), '');
  mkdirSync(join(root, 'dist', 'lazy'));
  writeFileSync(join(root, 'dist', 'policy.json'), JSON.stringify(POLICY));
  return root;
}

/** A PATH holding node and a `claude` that prints the given version (or no claude at all). */
export function pathWithClaude(version: string | null): string {
  const bin = tempDir('kei-bin-');
  if (version !== null) {
    const file = join(bin, 'claude');
    writeFileSync(file, `#!/bin/sh\necho "${version} (Claude Code)"\n`);
    chmodSync(file, 0o755);
  }
  return [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':');
}

export function blockedStateDir(): string {
  const dir = tempDir('kei-state-');
  mkdirSync(join(dir, 'x'));
  writeFileSync(join(dir, 'file'), 'a file, not a dir');
  return join(dir, 'file', 'state');
}
