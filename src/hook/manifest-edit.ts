import { dirname, relative } from 'node:path';
import { regenerateForEditedManifest } from '../assemble/regenerate.js';
import { resolveConfigDir, userManifestDir } from '../assemble/layout.js';
import { refreshUserPolicy } from '../policy/user-policy.js';
import { resolveStateDir } from '../state/state-dir.js';
import { contextAnswer, SILENT, type HookAnswer } from '../protocol/output.js';

function editedPath(payload: Record<string, unknown>): string | undefined {
  const input = payload.tool_input as Record<string, unknown> | undefined;
  return typeof input?.file_path === 'string' ? input.file_path : undefined;
}

/**
 * PostToolUse of an Edit/Write on an agent manifest: rebuild that agent's .md (and, for the
 * user's own manifests, the policy the hooks enforce), and tell whoever edited it what happened.
 */
export function answerManifestEdit(payload: Record<string, unknown>, distDir: string): HookAnswer {
  const file = editedPath(payload);
  if (!file) return SILENT;
  const root = dirname(distDir);
  const configDir = resolveConfigDir();
  const result = regenerateForEditedManifest(file, { root, configDir });
  if (result.kind === 'not-a-manifest') return SILENT;
  if (result.kind === 'invalid') {
    return contextAnswer('PostToolUse', `kei-substrate: ${result.agent}'s manifest is invalid, so its agent file was left as it was: ${result.message}`);
  }
  refreshUserPolicy(root, userManifestDir(configDir), resolveStateDir());
  const written = result.written.map((p) => relative(root, p).startsWith('..') ? p : relative(root, p));
  return contextAnswer('PostToolUse', `kei-substrate regenerated ${written.join(', ')} from ${result.agent}'s manifest.`);
}
