// Assertions over one scenario's evidence: Claude Code's JSON result, our decision log, the lanes.
export function denials(run) {
  return run.result.json?.permission_denials ?? [];
}

export function deniedCommands(run) {
  return denials(run).filter((d) => d.tool_name === 'Bash').map((d) => d.tool_input?.command);
}

export function deniedPaths(run) {
  return denials(run).map((d) => d.tool_input?.file_path).filter(Boolean);
}

/** Decision log records matching every given field (agentType matches with or without a plugin prefix). */
export function records(sandbox, want) {
  return sandbox.decisions().filter((r) =>
    Object.entries(want).every(([key, value]) => {
      if (key === 'agentType') return r.agentType === value || String(r.agentType).endsWith(`:${value}`);
      return r[key] === value;
    }),
  );
}

/** Tool results the lane's agent received, as text, in order. */
export function toolResults(lane) {
  const last = lane.requests.at(-1)?.body.messages ?? [];
  return last
    .filter((m) => m.role === 'user' && Array.isArray(m.content))
    .flatMap((m) => m.content.filter((b) => b.type === 'tool_result'))
    .map((b) => (typeof b.content === 'string' ? b.content : (b.content ?? []).map((c) => c.text ?? '').join('\n')));
}

/** Collects failures with the evidence that explains them. */
export class Expect {
  constructor() {
    this.failures = [];
  }
  that(ok, message) {
    if (!ok) this.failures.push(message);
    return ok;
  }
  equal(actual, expected, message) {
    return this.that(JSON.stringify(actual) === JSON.stringify(expected), `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
