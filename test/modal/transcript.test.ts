import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentTranscriptPath, assistantTextSince } from '../../src/modal/transcript.js';
import { hookInput, tempDir } from '../helpers/gate.js';
import { subagentTranscript, textLine, toolUseLine, toolResultLine } from './support/transcript.js';

describe('agent transcript path', () => {
  it('is <dirname(transcript_path)>/<session_id>/subagents/agent-<agent_id>.jsonl', () => {
    const input = hookInput({ input: { transcript_path: '/h/.claude/projects/-w/sess-1.jsonl', session_id: 'sess-1', agent_id: 'a583d82909ac9f161' } });
    expect(agentTranscriptPath(input)).toBe('/h/.claude/projects/-w/sess-1/subagents/agent-a583d82909ac9f161.jsonl');
  });

  it('prefers agent_transcript_path, and falls back to the main transcript without an agent id', () => {
    expect(agentTranscriptPath(hookInput({ input: { agent_transcript_path: '/x/agent-1.jsonl', transcript_path: '/y.jsonl' } }))).toBe('/x/agent-1.jsonl');
    expect(agentTranscriptPath(hookInput({ input: { transcript_path: '/y.jsonl', agent_id: undefined } }))).toBe('/y.jsonl');
    expect(agentTranscriptPath(hookInput({ input: { transcript_path: undefined } }))).toBeUndefined();
  });
});

describe('assistant text since the previous launch', () => {
  it('collects text newest first and stops at the previous launch', () => {
    const dir = tempDir();
    const file = subagentTranscript(dir, 'sess-1', 'a1', [
      textLine('msg_1', 'Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)'),
      toolUseLine('msg_1', 'toolu_prev', 'modal run train.py'),
      toolResultLine('toolu_prev', 'Estimate: $99.00 (= 1 × 1h × $99.00/hr) from a file the agent printed'),
      textLine('msg_2', 'Checked the logs.'),
      textLine('msg_3', 'Second run. Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)'),
      toolUseLine('msg_3', 'toolu_now', 'modal run train.py'),
    ]);
    expect(assistantTextSince(file, 'toolu_prev').texts).toEqual(['Second run. Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)', 'Checked the logs.']);
    expect(assistantTextSince(file, undefined).texts).toHaveLength(3);
  });

});

describe('assistant text — faults and bounds', () => {
  it('tolerates unknown line types and broken lines', () => {
    const dir = tempDir();
    const path = join(dir, 't.jsonl');
    writeFileSync(path, ['{"type":"progress"}', 'not json "assistant"', JSON.stringify({ type: 'assistant', message: { content: 'plain' } }), textLine('m', 'ok')].join('\n'));
    expect(assistantTextSince(path, undefined).texts).toEqual(['ok']);
  });

  it('says why when the transcript cannot be read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd.jsonl'));
    expect(assistantTextSince(join(dir, 'missing.jsonl'), undefined)).toEqual({ texts: [], problem: `cannot read ${join(dir, 'missing.jsonl')} (ENOENT)` });
    expect(assistantTextSince(join(dir, 'd.jsonl'), undefined).problem).toMatch(/EISDIR/);
    expect(assistantTextSince(undefined, undefined).problem).toBe('no transcript path in the hook input');
  });

  it('reads only the tail of a large transcript', () => {
    const dir = tempDir();
    const filler = Array.from({ length: 30_000 }, (_, k) => textLine(`old_${k}`, 'x'.repeat(60)));
    const file = subagentTranscript(dir, 's', 'a', [textLine('first', 'Estimate: $1.00 (= 1 × 1h × $1.00/hr)'), ...filler, textLine('last', 'latest')]);
    const words = assistantTextSince(file, undefined);
    expect(words.texts[0]).toBe('latest');
    expect(words.texts).not.toContain('Estimate: $1.00 (= 1 × 1h × $1.00/hr)');
  });
});
