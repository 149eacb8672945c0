import type { CapabilityMeta, HookEventName } from '../schemas/capability.js';
import { sameTool } from '../protocol/tools.js';

/** Does this capability's gate want this event (and tool)? */
export function binds(meta: CapabilityMeta, event: HookEventName, tool: string | undefined): boolean {
  return meta.hooks.some(
    (hook) => hook.event === event && (hook.tools === undefined || (tool !== undefined && hook.tools.some((t) => sameTool(t, tool)))),
  );
}
