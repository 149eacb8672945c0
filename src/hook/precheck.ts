/**
 * The cheapest possible answer to "is this call ours?", run before the runtime bundle loads, so
 * calls we do not govern pay almost nothing. Anything doubtful goes on to the full runtime.
 */
export function needsRuntime(event: string, payload: unknown, agentNames: Record<string, unknown>): boolean {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return true;
  const p = payload as Record<string, unknown>;
  // User prompts arm confirmations (rare events; cost does not matter).
  if (event === 'UserPromptSubmit') return true;
  if (event === 'PreToolUse' && (p.tool_name === 'Agent' || p.tool_name === 'Task')) {
    const prompt = (p.tool_input as Record<string, unknown> | undefined)?.prompt;
    if (typeof prompt === 'string' && prompt.includes('```kei-task')) return true;
  }
  const type = p.agent_type;
  if (typeof type !== 'string' || type === '') return false;
  const name = type.slice(type.lastIndexOf(':') + 1);
  return Object.prototype.hasOwnProperty.call(agentNames, name);
}

/** A PostToolUse of an edit to something that looks like an agent manifest (checked for real later). */
export function isManifestEdit(event: string, payload: unknown): boolean {
  if (event !== 'PostToolUse' || payload === null || typeof payload !== 'object') return false;
  const p = payload as Record<string, unknown>;
  if (p.tool_name !== 'Edit' && p.tool_name !== 'Write' && p.tool_name !== 'MultiEdit') return false;
  const file = (p.tool_input as Record<string, unknown> | undefined)?.file_path;
  return typeof file === 'string' && file.endsWith('.yaml') && file.includes('/manifests/');
}
