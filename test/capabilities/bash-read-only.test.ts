import { describe, expect, it } from 'vitest';
import { decisionOf, runGate, testAgent } from '../helpers/gate.js';

const agent = testAgent({ name: 'kei-critic', role: 'read-only', tools: ['Read', 'Grep', 'Glob', 'Bash'], bashReadOnly: true, reportName: 'KEI-CRITIC' });
const gate = (command: string) => runGate({ capability: 'tools::bash-read-only', toolInput: { command }, agent });

const denials = [
    ['echo x > notes.txt', 'write', { command: 'echo x > notes.txt', target: 'notes.txt', via: 'redirect' }],
    ["sed -i 's/a/b/' f.txt", 'write', { command: "sed -i 's/a/b/' f.txt", target: 'f.txt', via: 'sed -i' }],
    ['echo x > "$OUT"', 'write', { command: 'echo x > "$OUT"', target: 'a file named only at run time', via: 'redirect' }],
    ['curl -o model.bin https://example.com/m', 'write', { target: 'model.bin', via: 'curl -o' }],
    ["python3 -c 'open(\"f\", \"w\")'", 'write', { target: 'f', via: 'interpreter' }],
    ['npm install left-pad', 'state', { command: 'npm install left-pad', what: 'npm install' }],
    ['uv pip install httpx', 'state', { what: 'uv pip install' }],
    ['git commit -m x', 'state', { what: 'git commit' }],
    ['docker compose down', 'state', { what: 'docker compose down' }],
    ['kill 4194304', 'state', { what: 'kill' }],
    ["node -e 'eval(process.argv[1])'", 'hidden-exec', { language: 'node' }],
] as const;

describe('tools::bash-read-only', () => {
  it.each(denials)('%j', (command, message, data) => {
    const outcome = decisionOf(gate(command));
    expect(outcome).toMatchObject({ kind: 'deny', message, data });
  });

  it('says what was written and how to proceed', () => {
    expect(decisionOf(gate('echo x >> log.txt')).reason).toBe(
      'Your role only reads, but `echo x >> log.txt` writes log.txt (via redirect). Do not change files: read, search and report; name the change you would make in your report instead.',
    );
    expect(decisionOf(gate('pip install x')).reason).toBe(
      'Your role only reads, but `pip install x` changes state (pip install). Do not install, commit, start or stop anything: report what should be done and let the orchestrator decide.',
    );
  });

  it('denies what it cannot analyse', () => {
    expect(decisionOf(gate('eval "$X"'))).toMatchObject({ kind: 'deny', message: 'unanalysable', data: { problem: 'eval of text that is not static ("$X"): what it runs cannot be known' } });
  });

  it.each(['ls -la', 'cat f 2>/dev/null', 'git log -3', 'rg x | head', 'cargo test 2>&1 | tail'])('passes %j', (command) => {
    expect(gate(command)).toEqual([{ kind: 'pass' }]);
  });
});
