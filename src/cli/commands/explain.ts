import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, loadSources } from '../../policy/compile.js';
import { resolveAgent } from '../../policy/resolve-agent.js';
import { parseHookInput } from '../../protocol/hook-input.js';
import { CAPABILITY_MODULES } from '../../capabilities/registry.js';
import { runGates } from '../../hook/gates.js';
import { binds } from '../../hook/binding.js';
import { answerFor } from '../../hook/answer.js';
import { analyseShell } from '../../shell/index.js';
import { packageRoot } from '../package-root.js';
import { parseArgs, UsageError } from '../args.js';

const USAGE = `usage: kei explain --agent <name> --tool <Tool> [--cwd <dir>] -- <command or file path>
       kei explain --input <payload.json> [--event PreToolUse]`;

function payloadFrom(flags: Record<string, string | boolean>, rest: string[]): Record<string, unknown> {
  if (typeof flags.input === 'string') return JSON.parse(readFileSync(flags.input, 'utf8')) as Record<string, unknown>;
  if (typeof flags.agent !== 'string' || typeof flags.tool !== 'string') throw new UsageError('--agent and --tool are required');
  const tool = flags.tool;
  const subject = rest.join(' ');
  const toolInput = tool === 'Bash' ? { command: subject } : tool === 'NotebookEdit' ? { notebook_path: subject, new_source: '' } : { file_path: subject, content: '' };
  return {
    session_id: 'explain',
    cwd: typeof flags.cwd === 'string' ? flags.cwd : process.cwd(),
    agent_id: 'explain',
    agent_type: flags.agent,
    tool_name: tool,
    tool_input: toolInput,
    tool_use_id: 'explain',
  };
}

function describeShell(command: string): string[] {
  const analysis = analyseShell(command, { cwd: process.cwd() });
  const lines = [`shell analysis: ${analysis.status}${analysis.problems.length ? ` (${analysis.problems.join('; ')})` : ''}`];
  for (const c of analysis.commands) lines.push(`  runs: ${[c.name || '<dynamic>', ...c.args.map((a) => a ?? '<dynamic>')].join(' ')}   [${c.origin.join(' > ')}]`);
  for (const w of analysis.writes) lines.push(`  writes: ${w.path ?? '<dynamic>'} via ${w.via}`);
  for (const e of analysis.effects) lines.push(`  ${e.language} ${e.kind}: ${e.api} ${e.detail}`);
  return lines;
}

/** `kei explain`: which capabilities see a call, what each decided, and the final answer. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { agent: 'string', tool: 'string', cwd: 'string', input: 'string', event: 'string' });
    const event = typeof parsed.flags.event === 'string' ? parsed.flags.event : 'PreToolUse';
    const payload = payloadFrom(parsed.flags, [...parsed.positionals, ...parsed.rest]);
    const policy = compilePolicy(loadSources(packageRoot()));
    const agent = resolveAgent(policy, payload.agent_type);
    if (!agent) {
      process.stdout.write(`agent_type ${JSON.stringify(payload.agent_type)} is not governed: the hook passes the call without a word.\n`);
      return 0;
    }
    const input = parseHookInput({ ...payload, hook_event_name: event });
    if (!input.ok) throw new UsageError(`payload: ${input.problem}`);
    const out = [`agent ${agent.name} (role ${agent.role}); tools: ${agent.tools.join(', ')}`];
    if (input.input.tool_name === 'Bash') out.push(...describeShell(String(input.input.tool_input?.command ?? '')));
    const stateDir = mkdtempSync(join(tmpdir(), 'kei-explain-'));
    try {
      const run = runGates(input.input, agent, policy, CAPABILITY_MODULES, stateDir, () => new Date(), 60_000);
      for (const name of agent.capabilities) {
        const meta = policy.capabilities[name];
        if (!meta || !binds(meta, input.input.hook_event_name, input.input.tool_name)) out.push(`  ${name}: not bound to this event/tool`);
      }
      for (const v of run.verdicts) out.push(`  ${v.capability}: ${v.kind}${v.reason ? ` — ${v.reason}` : ''} (${v.micros} µs)`);
      const answer = answerFor(input.input.hook_event_name, run.verdicts);
      out.push(`answer: ${answer.stdout || '(no output: the call passes to Claude Code\'s own permission rules)'}`);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kei explain: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
