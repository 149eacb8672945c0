/** Claude Code renamed Task to Agent (2.1.63); settings and payloads may carry either. */
export function sameTool(a: string, b: string): boolean {
  if (a === b) return true;
  const agentish = (name: string) => name === 'Agent' || name === 'Task';
  return agentish(a) && agentish(b);
}
