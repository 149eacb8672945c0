/**
 * The fields each gated tool's input must carry, checked before any gate runs. A gate reads a
 * missing `command` as an empty command, which would pass; a call Claude Code would never send
 * in that shape is not ours to guess about, so it is refused for governed agents.
 */
const REQUIRED_STRINGS: Record<string, string[]> = {
  Bash: ['command'],
  Write: ['file_path', 'content'],
  Edit: ['file_path', 'old_string', 'new_string'],
  MultiEdit: ['file_path'],
  NotebookEdit: ['notebook_path'],
};

/** The first problem with a PreToolUse tool_input, or undefined when it has what its gates read. */
export function toolInputProblem(toolName: string | undefined, toolInput: Record<string, unknown> | undefined): string | undefined {
  const required = toolName === undefined ? undefined : REQUIRED_STRINGS[toolName];
  if (required === undefined) return undefined;
  if (toolInput === undefined) return `tool_input: missing for ${toolName}`;
  for (const field of required) {
    if (typeof toolInput[field] !== 'string') return `tool_input.${field}: expected a string for ${toolName}`;
  }
  if (toolName === 'MultiEdit') {
    const edits = toolInput.edits;
    if (!Array.isArray(edits) || edits.length === 0) return 'tool_input.edits: expected a non-empty list for MultiEdit';
    const bad = edits.findIndex((e) => typeof e?.old_string !== 'string' || typeof e?.new_string !== 'string');
    if (bad !== -1) return `tool_input.edits.${bad}: expected old_string and new_string strings`;
  }
  return undefined;
}
