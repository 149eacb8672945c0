/**
 * fast-check arbitraries for hook stdin: mostly well-formed calls of the governed agent, with
 * fields dropped, swapped for the wrong type, stuffed with NUL bytes, lone surrogates, huge
 * strings or deep nesting, so every parser and gate on the path sees hostile input.
 */
import fc from 'fast-check';
import { HOOK_EVENTS } from '../../../src/schemas/hook-events.js';
import { AGENT, AGENT_ID, SESSION, type Workspace } from './kit.js';

/** Nested arrays/objects of a given depth (JSON.parse accepts them; recursive code may not). */
export function deep(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', '\u202Egit', '../../../etc/passwd', '~', '/', '.', '-', '${HOME}', '$(id)', '`id`'),
  fc.integer({ min: 1, max: 6 }).map((k) => 'x'.repeat(10 ** k)),
  fc.integer({ min: 1, max: 4 }).map((k) => '\u0000'.repeat(10 ** k)),
);

/** A value of the wrong kind for wherever it lands. */
export const weird = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  // Deep enough to break recursive walkers, shallow enough for JSON.stringify in the test itself.
  fc.constantFrom(10, 500, 1_500).map((d) => deep(d)),
);

function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: weird });
}

const shellish = fc.oneof(
  fc.constantFrom('ls -la', 'git push origin main', 'modal app stop ap-1', 'kill -9 1', 'cat <<EOF\nx\nEOF', 'echo "$(', 'bash -c "git status"', 'modal run train.py'),
  fc.string({ maxLength: 200 }),
  hostileString,
);

function toolInput(ws: Workspace): fc.Arbitrary<unknown> {
  const path = fc.oneof(
    fc.constantFrom('train/a.py', 'configs/x.yaml', 'Cargo.toml', '../outside.txt', '/etc/hosts', '', '.', 'train/../../x', 'train/\u0000.py'),
    hostileString,
  ).map((p) => (p.startsWith('/') || p === '' ? p : `${ws.worktree}/${p}`));
  const text = fc.oneof(fc.string({ maxLength: 300 }), hostileString);
  return fc.oneof(
    fc.record({ command: field(shellish), description: field(fc.string({ maxLength: 30 })), timeout: field(fc.integer()) }, { requiredKeys: [] }),
    fc.record({ file_path: field(path), content: field(text) }, { requiredKeys: [] }),
    fc.record({ file_path: field(path), old_string: field(text), new_string: field(text), replace_all: field(fc.boolean()) }, { requiredKeys: [] }),
    fc.record({ file_path: field(path), edits: field(fc.array(fc.record({ old_string: field(text), new_string: field(text) }), { maxLength: 4 })) }, { requiredKeys: [] }),
    fc.record({ notebook_path: field(path), new_source: field(text), cell_id: field(fc.string()) }, { requiredKeys: [] }),
    fc.record({ prompt: field(fc.oneof(text, fc.constant('```kei-task\nrole: edit-local\n```'))), subagent_type: field(fc.constantFrom(AGENT, 'general-purpose')) }, { requiredKeys: [] }),
    weird,
  );
}

/** One hook stdin object (keys may be missing or wrong). */
export function payload(ws: Workspace): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      session_id: field(fc.constantFrom(SESSION, 'other-session', '../../escape')),
      transcript_path: field(fc.constantFrom(ws.transcript, `${ws.root}/missing.jsonl`, '/dev/null', ws.root)),
      cwd: field(fc.constantFrom(ws.worktree, `${ws.worktree}/train`, '/', ws.root, `${ws.root}/missing`)),
      hook_event_name: field(fc.constantFrom(...HOOK_EVENTS)),
      agent_id: field(fc.constantFrom(AGENT_ID, 'a0other')),
      agent_type: field(fc.constantFrom(AGENT, AGENT, AGENT, `kei-substrate:${AGENT}`, 'general-purpose', 'kei-validator')),
      tool_name: field(fc.constantFrom('Bash', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit', 'Read', 'Agent', 'Task', 'Glob', 'mcp__x__y')),
      tool_input: toolInput(ws),
      tool_use_id: field(fc.string({ minLength: 1, maxLength: 20 })),
      tool_response: field(fc.jsonValue({ maxDepth: 2 })),
      prompt: field(fc.constantFrom('yes, stop it', 'hello', '')),
      stop_hook_active: field(fc.boolean()),
      last_assistant_message: field(fc.string({ maxLength: 100 })),
    },
    { requiredKeys: [] },
  );
}

/** The event argument on the command line: mostly PreToolUse (where a pass matters), sometimes not an event at all. */
export const eventArg = fc.oneof(
  { weight: 6, arbitrary: fc.constant('PreToolUse') },
  { weight: 3, arbitrary: fc.constantFrom(...HOOK_EVENTS) },
  { weight: 1, arbitrary: fc.constantFrom('', 'pretooluse', 'Stop', 'Bogus') },
);
