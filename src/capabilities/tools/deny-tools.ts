import type { CapabilityModule, GateOutcome } from '../types.js';
import { sameTool } from '../../protocol/tools.js';

/** tools::deny-tools — a tool outside the agent's manifest list is denied. */
const capability: CapabilityModule = {
  name: 'tools::deny-tools',
  gate(ctx): GateOutcome {
    const tool = ctx.toolName ?? '';
    if (ctx.agent.tools.some((listed) => sameTool(listed, tool))) return { kind: 'pass' };
    return {
      kind: 'deny',
      message: 'not-listed',
      data: { agent: ctx.agent.name, role: ctx.agent.role, tools: ctx.agent.tools.join(', '), tool: tool || '(none)' },
    };
  },
};

export default capability;
