/** The Claude Code hook events kei-substrate handles. */
export const HOOK_EVENTS = [
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'UserPromptSubmit',
  'SubagentStart',
  'SubagentStop',
] as const;

export type HookEventName = (typeof HOOK_EVENTS)[number];
